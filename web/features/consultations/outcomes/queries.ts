// Query keys and hooks of 协商成果: under the consultations prefix, so an event's or plan's refresh reaches them too,
// and an action on an outcome refreshes its page and every outcome list at once (outcomeKeys.all).
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { OutcomeDetail } from './api.ts';

export const outcomeKeys = {
  all: ['consultations', 'outcomes'] as const,
  list: (filters: object) => ['consultations', 'outcomes', filters] as const,
  detail: (id: number) => ['consultations', 'outcomes', id] as const,
  settings: ['consultations', 'outcomes', 'settings'] as const,
  unit: (params: object) => ['consultations', 'outcomes', 'unit', params] as const,
  /** The draft outcomes a discussion's summary may be attached to. */
  drafts: ['consultations', 'outcomes', 'draft'] as const,
};

/** One outcome with its units, instructions, evaluation, the viewer's actions and history (404 as ApiError). */
export const useOutcome = (id: number) =>
  useQuery({
    queryKey: outcomeKeys.detail(id),
    queryFn: () => api.get<OutcomeDetail>(`/api/consultation-outcomes/${id}`),
  });
