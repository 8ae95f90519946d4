// The 年度 picker of the duty pages (next year, this year and the three before, as yearOptions gives them):
// <YearSelect value={year} onChange={setYear} /> (width 110 px unless given).
import { Select } from 'antd';
import { yearOptions } from '../api.ts';

/** `value`/`onChange`: the year as a number (e.g. 2026); `width` in px. */
export function YearSelect({
  value,
  onChange,
  width = 110,
}: {
  value: number;
  onChange: (year: number) => void;
  width?: number;
}) {
  return <Select aria-label="年度" value={value} onChange={onChange} options={yearOptions()} style={{ width }} />;
}
