// Query keys and hooks of 季度派单 and 承诺践诺: every task key starts with 'tasks' and every commitment key with
// 'commitments', so an answer refreshes the lists and pages of its kind at once (taskKeys.all, commitmentKeys.all).
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { CommitmentItems } from './api.ts';

export const taskKeys = {
  all: ['tasks'] as const,
  mine: ['tasks', 'mine'] as const,
  list: (params: object) => ['tasks', 'list', params] as const,
  detail: (id: string | undefined) => ['tasks', 'detail', id] as const,
};

export const commitmentKeys = {
  all: ['commitments'] as const,
  mine: (year: number) => ['commitments', 'mine', year] as const,
  everyone: (year: number) => ['commitments', 'all', year] as const,
  items: (year: number) => ['commitments', 'items', year] as const,
  /** The card beside a duty report: the member's own (no memberId) or one member's, as staff read it. */
  card: (year: number, memberId?: number) => ['commitments', memberId ? 'member' : 'mine', year, memberId] as const,
};

/** The committee's commitment items of a year, with the goal kinds (staff keep them, members pick from them). */
export const useCommitmentItems = (year: number) =>
  useQuery({
    queryKey: commitmentKeys.items(year),
    queryFn: () => api.get<CommitmentItems>(`/api/commitments/items?year=${year}`),
  });

/**
 * The member's own proposals and activities (from their record, /api/record/members/:id) as evidence choices for
 * completing a task: `{ value: 'proposal:12' | 'activity:7', label }`. Read only when enabled and a member is known.
 */
export function useEvidence(memberId: number | null, enabled: boolean) {
  return useQuery({
    queryKey: ['record', memberId, 'evidence'],
    enabled: enabled && !!memberId,
    meta: { background: true },
    queryFn: async () => {
      const r = await api.get<{ entries: { source: string; title: string; date: string; link?: string }[] }>(
        `/api/record/members/${memberId}`,
      );
      return r.entries
        .filter((e) => (e.source === 'proposals' || e.source === 'activities') && e.link)
        .map((e) => ({
          value: `${e.source === 'proposals' ? 'proposal' : 'activity'}:${e.link!.split('/').pop()}`,
          label: `${e.source === 'proposals' ? '提案' : '活动'}：${e.title}（${e.date}）`,
        }));
    },
  });
}
