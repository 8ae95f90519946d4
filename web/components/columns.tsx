// Column helpers for DataTable, ResponsiveList and ItemsTable lists:
// - linkColumn('标题', 'title', (a) => `/archive/articles/${a.id}`): the usual first column, the row's `dataIndex`
//   value as a link to the row's own page;
// - textColumns({ township: '镇（街道）', village: '村（社区）' }): columns that show a field as it comes, one
//   field: heading pair each, in that order (a table of data instead of N `{ title, dataIndex }` literals).
import type { ColumnType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/** `title`: the column heading (zh_CN); `dataIndex`: the field shown; `to`: the app path the row's link opens. */
export function linkColumn<T>(title: string, dataIndex: string, to: (row: T) => string): ColumnType<T> {
  return { title, dataIndex, render: (value: ReactNode, row: T) => <Link to={to(row)}>{value}</Link> };
}

/** Plain columns from field → heading (zh_CN), in the object's order; cells show the field's value unchanged. */
export function textColumns(headings: Record<string, string>): { title: string; dataIndex: string }[] {
  return Object.entries(headings).map(([dataIndex, title]) => ({ title, dataIndex }));
}
