// The committee's consultation kinds (a committee setting), for selects.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export function useKindOptions() {
  const { data } = useQuery({
    queryKey: ['consultation-kinds'],
    queryFn: () => api.get<{ items: { key: string; label: string }[] }>('/api/consultations/kinds'),
    staleTime: 600_000,
  });
  return (data?.items ?? []).map((k) => ({ value: k.key, label: k.label }));
}
