// The 年度 filter of the commitment pages: last year, this year and next (Beijing), the year kept in the URL as text.
import { Select } from 'antd';
import { FilterBar } from '../../../components/index.ts';
import { yearOptions } from '../api.ts';

export function YearFilter({ value, onChange }: { value: string; onChange: (year: string) => void }) {
  return (
    <FilterBar active={0}>
      <Select aria-label="年度" value={value} onChange={onChange} options={yearOptions()} />
    </FilterBar>
  );
}
