// The handling-unit picker of the 随手拍 pages (dispatch dialog, staff filter): the committee's active units.
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { api } from '../../../api/client.ts';

export function UnitSelect({
  value,
  onChange,
  id,
  ariaLabel,
  allowClear,
}: {
  value?: number;
  onChange?: (v: number | undefined) => void;
  id?: string;
  ariaLabel?: string;
  allowClear?: boolean;
}) {
  const units = useQuery({
    queryKey: ['org', 'units', 'pick'],
    meta: { background: true },
    queryFn: () => api.get<{ items: { id: number; name: string }[] }>('/api/org/units?pageSize=500'),
  });
  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      value={value}
      onChange={onChange}
      allowClear={allowClear}
      showSearch
      optionFilterProp="label"
      placeholder="选择承办单位"
      style={{ minWidth: 200 }}
      options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
    />
  );
}
