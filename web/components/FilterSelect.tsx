// A list page's filter dropdown over one useListParams value, its choices a label table (value → zh_CN label):
// <FilterSelect label="状态" width={150} value={p.status} onChange={(status) => setP({ status })} all="全部"
//   labels={{ submitted: '待审阅', accepted: '已审阅' }} />
import { Select } from 'antd';

export interface FilterSelectProps {
  /** The filter's name for screen readers (aria-label), zh_CN. */
  label: string;
  /** Width in px. */
  width: number;
  value: string;
  onChange: (value: string) => void;
  /** The label of the empty value '' (no filter), listed first; omit when the filter always has a value. */
  all?: string;
  /** The choices in order: value → label (zh_CN). */
  labels: Record<string, string>;
}

/** An antd Select of `all` ('') and then `labels`; see the file's head for a usage line. */
export function FilterSelect({ label, width, value, onChange, all, labels }: FilterSelectProps) {
  const choices = Object.entries(labels).map(([v, l]) => ({ value: v, label: l }));
  return (
    <Select
      aria-label={label}
      style={{ width }}
      value={value}
      onChange={onChange}
      options={all === undefined ? choices : [{ value: '', label: all }, ...choices]}
    />
  );
}
