// <DataTable rowKey="id" columns={…} data={query.data} loading={query.isLoading} page={p} pageSize={s}
// onPageChange={(page, pageSize) => …} />: an antd Table for a server-paged list ({items,total}); scrolls sideways
// on a phone instead of squeezing columns; shows 共 N 条 and 暂无数据 in Chinese.
import { Table, type TableProps, theme } from 'antd';
import type { ReactNode } from 'react';

export interface PagedData<T> {
  items: T[];
  total: number;
}

export interface DataTableProps<T> extends Omit<TableProps<T>, 'dataSource' | 'pagination' | 'onChange'> {
  data: PagedData<T> | undefined;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
  /** Row key field or function; defaults to 'id'. */
  rowKey?: TableProps<T>['rowKey'];
}

/**
 * The empty state of a table or list: `text` (a node, or antd's function form; default 暂无数据) in the theme's
 * colorTextSecondary. antd greys it (#bfbfbf, contrast 1.8 on white), which axe refuses at every text size.
 */
export function EmptyText({ text }: { text?: ReactNode | (() => ReactNode) }) {
  const { token } = theme.useToken();
  const content = typeof text === 'function' ? text() : (text ?? '暂无数据');
  return <span style={{ color: token.colorTextSecondary }}>{content}</span>;
}

export function DataTable<T extends object>({
  data,
  page,
  pageSize,
  onPageChange,
  rowKey = 'id',
  scroll,
  locale,
  ...rest
}: DataTableProps<T>) {
  return (
    <Table<T>
      rowKey={rowKey}
      dataSource={data?.items ?? []}
      scroll={{ x: 'max-content', ...scroll }}
      locale={{ ...locale, emptyText: <EmptyText text={locale?.emptyText} /> }}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (total) => `共 ${total} 条`,
        onChange: onPageChange,
        responsive: true,
        hideOnSinglePage: false,
      }}
      {...rest}
    />
  );
}
