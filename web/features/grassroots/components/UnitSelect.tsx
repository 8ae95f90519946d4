// The handling-unit picker of the grassroots forms: the committee's units.
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { api } from '../../../api/client.ts';

export function UnitSelect({ value, onChange, id }: { value?: number; onChange?: (v: number) => void; id?: string }) {
  const units = useQuery({
    queryKey: ['org', 'units', 'pick'],
    meta: { background: true },
    queryFn: () => api.get<{ items: { id: number; name: string }[] }>('/api/org/units?pageSize=500'),
  });
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch
      optionFilterProp="label"
      placeholder="选择承办单位"
      options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
    />
  );
}
