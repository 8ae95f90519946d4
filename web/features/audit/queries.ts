// Query keys and hooks of 审计日志: every key starts with 'audit'.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api/client.ts';

/** One row of the log as GET /api/audit sends it (labels resolved on the server where known). */
export interface AuditEntry {
  seq: number;
  actorName: string | null;
  action: string;
  actionText?: string;
  entity: string;
  entityText?: string;
  entityId: string | null;
  entityName?: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  createdAt: string;
}

export const auditKeys = {
  all: ['audit'] as const,
  list: (params: object) => ['audit', params] as const,
};

/** The log, newest first, filtered by 操作人, 操作, 对象 and dates; the previous page stays while the next loads. */
export const useAuditLog = (params: Record<string, string | number>) =>
  useQuery({
    queryKey: auditKeys.list(params),
    queryFn: () => api.get<{ items: AuditEntry[]; total: number }>(`/api/audit${qs(params)}`),
    placeholderData: keepPreviousData,
  });
