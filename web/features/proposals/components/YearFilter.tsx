// 年度 above the office's yearly lists (民主评议, 优秀提案): this year and the seven before.
import { Select } from 'antd';
import { beijingYear } from '../../../app/format.ts';

const YEARS = Array.from({ length: 8 }, (_, i) => beijingYear() - i);

export function YearFilter({ year, onChange }: { year: string; onChange: (year: string) => void }) {
  return (
    <div style={{ marginBottom: 16 }}>
      年度{' '}
      <Select
        aria-label="年度"
        value={Number(year)}
        style={{ width: 120 }}
        onChange={(v) => onChange(String(v))}
        options={YEARS.map((y) => ({ value: y, label: `${y}年` }))}
      />
    </div>
  );
}
