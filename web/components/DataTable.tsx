// <DataTable rowKey="id" columns={…} data={query.data} loading={query.isLoading} page={p} pageSize={s}
// onPageChange={(page, pageSize) => …} />: an antd Table for a server-paged list ({items,total}); scrolls sideways
// on a phone instead of squeezing columns; shows 共 N 条 and 暂无数据 in Chinese.
import { Table, type TableProps } from 'antd';
import { EmptyText } from './EmptyText.tsx';

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
