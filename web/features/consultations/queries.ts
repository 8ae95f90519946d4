// Query keys and hooks of 协商 (plans, topics, events, figures) and its outcomes: every key starts with 'consultations',
// so an action on a plan or an event refreshes all of it, outcomes included (consultationKeys.all); a list its own
// prefix. 网络议政 has its own keys (discussions/queries.ts).
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const consultationKeys = {
  all: ['consultations'] as const,
  events: ['consultations', 'events'] as const,
  eventList: (params: object) => ['consultations', 'events', params] as const,
  event: (id: string | undefined) => ['consultations', 'event', id] as const,
  figures: (year: number) => ['consultations', 'figures', year] as const,
  plans: ['consultations', 'plans'] as const,
  plan: (id: string | undefined) => ['consultations', 'plan', id] as const,
  topics: (planId: number) => ['consultations', 'topics', planId] as const,
  topicSimilar: (topicId: number | undefined) => ['consultations', 'topic-similar', topicId] as const,
  kinds: ['consultations', 'kinds'] as const,
};

/** The committee's consultation kinds (a committee setting) as select options; read once per ten minutes. */
export function useKindOptions() {
  const { data } = useQuery({
    queryKey: consultationKeys.kinds,
    queryFn: () => api.get<{ items: { key: string; label: string }[] }>('/api/consultations/kinds'),
    staleTime: 600_000,
  });
  return (data?.items ?? []).map((k) => ({ value: k.key, label: k.label }));
}
