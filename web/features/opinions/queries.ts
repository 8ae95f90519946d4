// Query keys and hooks of 社情民意: every key starts with 'opinions', so a change to a report refreshes all of them
// (opinionKeys.all) and a list its own prefix.
import { useMutation, useQuery } from '@tanstack/react-query';
import { App } from 'antd';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../components/index.ts';
import type { Detail } from './api.ts';

export const opinionKeys = {
  all: ['opinions'] as const,
  list: (params: object) => ['opinions', 'list', params] as const,
  mine: (params: object) => ['opinions', 'mine', params] as const,
  detail: (id: number | null) => ['opinions', 'detail', id] as const,
  similar: (probe: unknown, editId: unknown) => ['opinions', 'similar', probe, editId] as const,
  settings: ['opinions', 'settings'] as const,
  figures: (year: unknown) => ['opinions', 'figures', year] as const,
  referrals: ['opinions', 'referrals'] as const,
  referralList: (params: object) => ['opinions', 'referrals', params] as const,
  issues: ['opinions', 'issues'] as const,
  issueList: (params: object) => ['opinions', 'issues', params] as const,
  issue: (id: unknown) => ['opinions', 'issue', id] as const,
};

export const useOpinion = (id: number) =>
  useQuery({ queryKey: opinionKeys.detail(id), queryFn: () => api.get<Detail>(`/api/opinions/${id}`) });

/** Staff approve a department's response (the writer then sees it) or send it back to be done again. */
export function useReferralReview(done: (text: string) => Promise<unknown>) {
  const { message } = App.useApp();
  return useMutation({
    mutationFn: (v: { referralId: number; decision: 'approve' | 'reject'; comment?: string }) =>
      api.post(`/api/opinions/referrals/${v.referralId}/review`, { decision: v.decision, comment: v.comment }),
    onSuccess: () => done('已审核'),
    onError: (e) => message.error(errorMessage(e)),
  });
}
