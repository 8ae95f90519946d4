// The handling-unit picker: the committee's units (GET /api/org/units, up to 500), searchable by name. One unit
// (supervision's dispatch and filter, grassroots' forward and decision) or several (`multiple`: a consultation
// outcome handed to several units). Fits inside a Form.Item (value, onChange and id come from the form).
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { api } from '../api/client.ts';
import { namedChoices } from './choices.ts';

interface Common {
  id?: string;
  ariaLabel?: string;
  allowClear?: boolean;
  placeholder?: string;
  style?: CSSProperties;
}

/** One unit: its id, or undefined when cleared. */
interface Single extends Common {
  multiple?: false;
  value?: number;
  onChange?: (unitId: number | undefined) => void;
}

/** Several units: their ids. */
interface Multiple extends Common {
  multiple: true;
  value?: number[];
  onChange?: (unitIds: number[]) => void;
}

export function UnitSelect(props: Single | Multiple) {
  const { id, ariaLabel, allowClear, style, multiple } = props;
  const units = useQuery({
    queryKey: ['org', 'units', 'pick'],
    meta: { background: true },
    queryFn: () => api.get<{ items: { id: number; name: string }[] }>('/api/org/units?pageSize=500'),
  });
  return (
    <Select<number | number[]>
      id={id}
      aria-label={ariaLabel}
      mode={multiple ? 'multiple' : undefined}
      value={props.value}
      onChange={props.onChange as (v: number | number[]) => void}
      allowClear={allowClear}
      showSearch
      optionFilterProp="label"
      placeholder={props.placeholder ?? (multiple ? '选择一个或多个办理单位' : '选择承办单位')}
      style={style}
      options={namedChoices(units.data?.items)}
    />
  );
}
