// Types and queries of the organisation screens: the reference lists every form needs, and label tables.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { orgKeys } from './queries.ts';

export interface Named {
  id: number;
  name: string;
}

export interface Reference {
  terms: { id: number; number: number; name: string; isCurrent: boolean }[];
  sessions: { id: number; termId: number; number: number; name: string; year: number; isCurrent: boolean }[];
  sectors: Named[];
  specialCommittees: Named[];
  units: Named[];
  groups: (Named & { kind: string })[];
  organisations: (Named & { kind: string })[];
}

export const useReference = (enabled = true) =>
  useQuery({
    queryKey: orgKeys.reference,
    queryFn: () => api.get<Reference>('/api/org/reference'),
    staleTime: 60_000,
    enabled,
  });

export interface Member {
  id: number;
  termId: number;
  termName: string | null;
  code: string | null;
  name: string;
  gender: string | null;
  ethnicity: string | null;
  birthDate: string | null;
  party: string | null;
  sectorId: number | null;
  sectorName: string | null;
  specialCommittees: Named[];
  groups: (Named & { kind: string })[];
  workUnit: string | null;
  jobTitle: string | null;
  phone: string | null;
  idNumber: string | null;
  standingMember: boolean;
  leadershipRole: string | null;
  status: 'active' | 'suspended' | 'exited';
  statusDate: string | null;
  statusReason: string | null;
  updatedAt: string;
}

export interface ImportState {
  id: number;
  fileName: string;
  validOnly: boolean;
  status: 'validating' | 'invalid' | 'importing' | 'done' | 'failed';
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errors: { row: number; column: string; message: string }[];
  message: string | null;
}

export const LEADERSHIP: Record<string, string> = { chair: '主席', viceChair: '副主席', secretaryGeneral: '秘书长' };
export const MEMBER_STATUS: Record<string, { label: string; tone: 'green' | 'orange' | 'default' }> = {
  active: { label: '在职', tone: 'green' },
  suspended: { label: '暂停履职', tone: 'orange' },
  exited: { label: '已退出', tone: 'default' },
};
export const PARTIES = [
  '中共党员',
  '民革党员',
  '民盟盟员',
  '民建会员',
  '民进会员',
  '农工党党员',
  '致公党党员',
  '九三学社社员',
  '台盟盟员',
  '无党派人士',
  '群众',
];

/** Drops empty values so that the server's "absent means empty" applies. */
export function compact<T extends Record<string, unknown>>(values: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === null || v === undefined || v === '') continue;
    out[k] = typeof v === 'string' ? v.trim() : v;
  }
  return out as Partial<T>;
}
