// <ItemsTable query={list} emptyText="暂无记录" columns={…} actions={manage && ((r) => <Button …/>)} />: an antd Table of a
// whole (unpaged) list a query returned ({ items }) — the query's error above it, a spinner while it fetches, sideways
// scroll on a phone, the empty text in the theme's secondary colour (EmptyText) and, when `actions` is given, an 操作
// column built from it. No pagination unless the page passes one. For server-paged lists use DataTable.
import { Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { EmptyText } from './EmptyText.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';

export interface ItemsTableProps<T> extends Omit<TableProps<T>, 'dataSource' | 'locale'> {
  /** A react-query result (or the same shape): `data.items` are the rows. */
  query: { data?: { items: T[] }; error?: unknown; isFetching?: boolean };
  /** Shown when there are no rows; default 暂无数据. */
  emptyText?: ReactNode;
  /** The 操作 cell of a row; false or undefined leaves the column off (e.g. for readers without the right). */
  actions?: false | ((row: T) => ReactNode);
}

export function ItemsTable<T extends object>({
  query,
  emptyText,
  actions,
  columns = [],
  rowKey = 'id',
  pagination = false,
  ...rest
}: ItemsTableProps<T>) {
  return (
    <>
      <ErrorAlert error={query.error} />
      <Table<T>
        rowKey={rowKey}
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        pagination={pagination}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <EmptyText text={emptyText} /> }}
        columns={actions ? [...columns, { title: '操作', key: 'actions', render: (_, r) => actions(r) }] : columns}
        {...rest}
      />
    </>
  );
}
