// linkColumn('标题', 'title', (a) => `/archive/articles/${a.id}`): the usual first column of a list — the row's
// `dataIndex` value as a link to the row's own page — for DataTable, ResponsiveList and ItemsTable columns.
import type { ColumnType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/** `title`: the column heading (zh_CN); `dataIndex`: the field shown; `to`: the app path the row's link opens. */
export function linkColumn<T>(title: string, dataIndex: string, to: (row: T) => string): ColumnType<T> {
  return { title, dataIndex, render: (value: ReactNode, row: T) => <Link to={to(row)}>{value}</Link> };
}
