// The handling units an outcome is handed to: every unit of the committee, several at once.
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { api } from '../../../../api/client.ts';

export function UnitSelect() {
  const { data } = useQuery({
    queryKey: ['org', 'units', 'all'],
    queryFn: () => api.get<{ items: { id: number; name: string }[] }>('/api/org/units?pageSize=500'),
  });
  return (
    <Select
      mode="multiple"
      showSearch
      optionFilterProp="label"
      placeholder="选择一个或多个办理单位"
      options={(data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
    />
  );
}
