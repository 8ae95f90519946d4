// A list page's filters bound to one useListParams value each (params and setParams as useListParams returns them):
// - a dropdown whose choices are a label table (value → zh_CN label):
//   <ParamSelect label="状态" width={150} name="status" params={p} setParams={setP} labels={STATES} />
//   with const STATES = { '': '全部', submitted: '待审阅', accepted: '已审阅' }: '' is a choice of its own (全部…);
//   a table without '' makes a clearable dropdown instead, its label shown as the placeholder until one is chosen;
// - a keyword box searched on Enter or the button: <ParamSearch label="关键词" placeholder="名称、地址" name="q" … />.
import { Input, Select } from 'antd';
import type { CSSProperties } from 'react';
import { choices } from './choices.ts';

export interface ParamSelectProps<K extends string> {
  /** The filter's name for screen readers (aria-label), zh_CN. */
  label: string;
  /** Width in px (or `style` for anything else). */
  width?: number;
  style?: CSSProperties;
  /** The list parameter the dropdown shows and sets. */
  name: K;
  params: Record<K, string>;
  /** useListParams' setter (choosing goes back to page 1). */
  setParams: (patch: Partial<Record<K, string>>) => void;
  /** The choices in order: value → label. */
  labels: Record<string, string>;
}

/** An antd Select over `labels`, showing params[name] and writing the choice back; see the file's head. */
export function ParamSelect<K extends string>({
  label,
  width,
  style,
  name,
  params,
  setParams,
  labels,
}: ParamSelectProps<K>) {
  const clearable = !('' in labels);
  return (
    <Select
      aria-label={label}
      style={{ width, ...style }}
      allowClear={clearable}
      placeholder={clearable ? label : undefined}
      value={clearable ? params[name] || undefined : params[name]}
      onChange={(value?: string) => setParams({ [name]: value ?? '' } as Partial<Record<K, string>>)}
      options={choices(labels)}
    />
  );
}

export interface ParamSearchProps<K extends string> {
  /** The box's name for screen readers (aria-label), zh_CN; also its placeholder unless one is given. */
  label: string;
  placeholder?: string;
  /** The list parameter the box starts from and sets when searched (cleared = ''). */
  name: K;
  params: Record<K, string>;
  setParams: (patch: Partial<Record<K, string>>) => void;
  style?: CSSProperties;
}

/** An antd Input.Search (clearable) starting from params[name] and writing the searched text back; see the file's head. */
export function ParamSearch<K extends string>({
  label,
  placeholder,
  name,
  params,
  setParams,
  style,
}: ParamSearchProps<K>) {
  return (
    <Input.Search
      aria-label={label}
      placeholder={placeholder ?? label}
      allowClear
      defaultValue={params[name]}
      onSearch={(value) => setParams({ [name]: value } as Partial<Record<K, string>>)}
      style={style}
    />
  );
}
