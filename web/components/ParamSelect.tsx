// <ParamSelect label="状态" value={params.state} options={STATES} onChange={(state) => setParams({ state })} />: a
// clearable filter select of a list page bound to one URL filter of useListParams ('' = no filter). The label is also
// its placeholder and accessible name; options are antd's {value,label} list or a value → label map.
import { Select, type SelectProps } from 'antd';
import type { CSSProperties } from 'react';

export interface ParamSelectProps {
  /** zh_CN name of the filter, shown as placeholder and read as the select's name. */
  label: string;
  /** The filter's value from useListParams; '' shows the placeholder. */
  value: string;
  /** Called with the chosen value, or '' when cleared. */
  onChange: (value: string) => void;
  options: NonNullable<SelectProps['options']> | Record<string, string>;
  style?: CSSProperties;
}

export function ParamSelect({ label, value, onChange, options, style }: ParamSelectProps) {
  return (
    <Select
      aria-label={label}
      allowClear
      placeholder={label}
      style={style}
      value={value || undefined}
      onChange={(v?: string) => onChange(v ?? '')}
      options={Array.isArray(options) ? options : Object.entries(options).map(([v, l]) => ({ value: v, label: l }))}
    />
  );
}
