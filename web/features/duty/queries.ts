// Query keys and hooks of 履职管理: every key starts with 'duty', so saving the rules (which re-scores everyone)
// refreshes all of them with dutyKeys.all, and each area refreshes its own with its prefix.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { listRuleVersions } from '../../../server/modules/duty/rule-versions.ts';
import { api, qs } from '../../api/client.ts';
import type { ConductItem, ConductRecord, MemberPage } from './api.ts';

export interface ScoreRow {
  memberId: number;
  name: string;
  code: string | null;
  sector: string | null;
  specialCommittees: string | null;
  total: number;
  grade: string;
  gradeLabel: string;
  components: Record<string, number>;
  checklistDone: number;
  checklistTotal: number;
  checklistMissing: string[];
}

export interface Scores {
  items: ScoreRow[];
  total: number;
  passMark: number;
  version: { name: string; version: number; year: number };
  categories: { key: string; name: string; cap: number | null }[];
}

export interface Vocabulary {
  factKinds: Record<string, string>;
  roles: Record<string, string>;
  detailFields: Record<string, { label: string; values: Record<string, string> }>;
  multipliers: Record<string, string>;
  grades: Record<string, string>;
}

/** A version in the rule history as the server lists it (listRuleVersions), its time sent as an ISO string. */
type VersionSummary = Omit<Awaited<ReturnType<typeof listRuleVersions>>[number], 'createdAt'> & { createdAt: string };

export interface RulesResponse {
  year: number;
  current: { id: number; year: number; version: number; name: string; rules: any };
  versions: VersionSummary[];
  vocabulary: Vocabulary;
}

export interface RulePreset {
  key: string;
  title: string;
  description: string;
  rules: any;
}

type Params = Record<string, string | number | undefined>;

export const dutyKeys = {
  all: ['duty'] as const,
  me: (year: number) => ['duty', 'me', year] as const,
  member: (id: string | undefined, year: number) => ['duty', 'member', id, year] as const,
  scores: (params: Params) => ['duty', 'scores', params] as const,
  groups: (year: string, by: string) => ['duty', 'groups', year, by] as const,
  consequences: ['duty', 'consequences'] as const,
  commendations: ['duty', 'commendations'] as const,
  reports: ['duty', 'reports'] as const,
  rules: (year: number) => ['duty', 'rules', year] as const,
  presets: ['duty', 'presets'] as const,
};

export const useMyDuty = (year: number) =>
  useQuery({ queryKey: dutyKeys.me(year), queryFn: () => api.get<MemberPage>(`/api/duty/me${qs({ year })}`) });

export const useMemberDuty = (id: string | undefined, year: number) =>
  useQuery({
    queryKey: dutyKeys.member(id, year),
    queryFn: () => api.get<MemberPage>(`/api/duty/members/${id}${qs({ year })}`),
  });

/** One page of scores; `enabled` false while another tab of the page is showing. */
export const useScores = (params: Params, enabled = true) =>
  useQuery({
    queryKey: dutyKeys.scores(params),
    queryFn: () => api.get<Scores>(`/api/duty/scores${qs(params)}`),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useGroupScores = (year: string, by: string) =>
  useQuery({ queryKey: dutyKeys.groups(year, by), queryFn: () => api.get<any>(`/api/duty/groups${qs({ year, by })}`) });

export const useConsequenceCandidates = (year: number) =>
  useQuery({
    queryKey: [...dutyKeys.consequences, 'candidates', year],
    queryFn: () => api.get<{ items: any[]; passMark: number }>(`/api/duty/consequences/candidates${qs({ year })}`),
  });

export const useConsequences = (year: number) =>
  useQuery({
    queryKey: [...dutyKeys.consequences, 'list', year],
    queryFn: () => api.get<{ items: any[]; total: number }>(`/api/duty/consequences${qs({ year, pageSize: 200 })}`),
  });

export const useReports = (params: Params) =>
  useQuery({
    queryKey: [...dutyKeys.reports, 'list', params],
    queryFn: () => api.get<{ items: any[]; total: number }>(`/api/duty/reports${qs(params)}`),
    placeholderData: keepPreviousData,
  });

export const useReport = (id: string | undefined) =>
  useQuery({ queryKey: [...dutyKeys.reports, 'one', id], queryFn: () => api.get<any>(`/api/duty/reports/${id}`) });

export const useMyReport = (year: number) =>
  useQuery({
    queryKey: [...dutyKeys.reports, 'mine', year],
    queryFn: () => api.get<any>(`/api/duty/my-report${qs({ year })}`),
  });

export const useCommendations = (year: number) =>
  useQuery({
    queryKey: [...dutyKeys.commendations, 'list', year],
    queryFn: () => api.get<{ items: any[] }>(`/api/duty/commendations${qs({ year })}`),
  });

/** Members graded excellent, highest first: the ones to consider for a commendation. */
export const useExcellentMembers = (year: number) =>
  useQuery({
    queryKey: [...dutyKeys.commendations, 'excellent', year],
    queryFn: () =>
      api.get<Scores>(`/api/duty/scores${qs({ year, grade: 'excellent', sort: 'totalDesc', pageSize: 50 })}`),
  });

export const useRules = (year: number) =>
  useQuery({ queryKey: dutyKeys.rules(year), queryFn: () => api.get<RulesResponse>(`/api/duty/rules${qs({ year })}`) });

export const useRulePresets = () =>
  useQuery({ queryKey: dutyKeys.presets, queryFn: () => api.get<RulePreset[]>('/api/duty/rules/presets') });

export function useConductLists(year: number) {
  return useQuery({
    queryKey: [...dutyKeys.all, 'lists', year],
    queryFn: () => api.get<{ year: number; items: ConductItem[] }>(`/api/duty/lists${qs({ year })}`),
  });
}

export function useConductRecords(year: number) {
  return useQuery({
    queryKey: [...dutyKeys.all, 'lists', 'records', year],
    queryFn: () => api.get<{ items: ConductRecord[] }>(`/api/duty/lists/records${qs({ year })}`),
  });
}
