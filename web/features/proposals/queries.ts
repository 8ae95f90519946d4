// Query keys and hooks of 提案: every key starts with 'proposals', so saving a proposal refreshes all of them
// (proposalKeys.all) and a changed state the lists (proposalKeys.lists).
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Similar, UnitSuggestion } from './api.ts';

export const proposalKeys = {
  all: ['proposals'] as const,
  lists: ['proposals', 'list'] as const,
  list: (query: object) => ['proposals', 'list', query] as const,
  detail: (id: number) => ['proposals', 'detail', id] as const,
  rules: ['proposals', 'rules'] as const,
  rulesOf: (year: unknown) => ['proposals', 'rules', year] as const,
  members: (q: string) => ['proposals', 'members', q] as const,
  similar: (input: unknown, id: unknown) => ['proposals', 'similar', input, id] as const,
  mergeCandidates: (id: number) => ['proposals', 'merge-candidates', id] as const,
  suggestUnits: (id: number) => ['proposals', 'suggest-units', id] as const,
  figures: (unit: boolean, scope: unknown) => ['proposals', unit ? 'unit-figures' : 'figures', scope] as const,
  deadlines: (q: unknown) => ['proposals', 'deadlines', q] as const,
  appraisals: ['proposals', 'appraisals'] as const,
  appraisalsOf: (year: unknown) => ['proposals', 'appraisals', year] as const,
  commendationsOf: (year: unknown) => ['proposals', 'commendations', year] as const,
};

/** Proposals like this one to merge it into (most alike first); asked only while the merge dialog is open. */
export const useMergeCandidates = (id: number, enabled: boolean) =>
  useQuery({
    queryKey: proposalKeys.mergeCandidates(id),
    meta: { background: true },
    queryFn: () => api.get<{ items: Similar[] }>(`/api/proposals/${id}/similar`),
    enabled,
  });

/** Units that handled proposals like this one before; asked only while the assign dialog is open. */
export const useUnitSuggestions = (id: number, enabled: boolean) =>
  useQuery({
    queryKey: proposalKeys.suggestUnits(id),
    meta: { background: true },
    queryFn: () => api.get<{ items: UnitSuggestion[] }>(`/api/proposals/${id}/suggest-units`),
    enabled,
  });
