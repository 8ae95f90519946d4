// Query keys and hooks of 履职档案: every key starts with 'record' (a member's evidence on 我的任务 shares the prefix).
import { useQuery } from '@tanstack/react-query';
import type { memberRecord } from '../../../server/modules/record/service.ts';
import { api, qs } from '../../api/client.ts';

/** A member's record for the term as the server assembles it (type-only import of the service's result). */
export type MemberRecord = Awaited<ReturnType<typeof memberRecord>>;

export const recordKeys = {
  all: ['record'] as const,
  member: (memberId: number | null | undefined, source: string) => ['record', memberId, source] as const,
};

/** The member's record, filtered to one section (`source`, '' for all); waits until the member is known. */
export const useMemberRecord = (memberId: number | null | undefined, source: string) =>
  useQuery({
    queryKey: recordKeys.member(memberId, source),
    enabled: !!memberId,
    queryFn: () => api.get<MemberRecord>(`/api/record/members/${memberId}${qs({ source: source || undefined })}`),
  });
