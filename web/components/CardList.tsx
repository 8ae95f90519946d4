// <CardList data loading page pageSize onPageChange emptyText renderCard />: a server-paged column of full-width cards,
// the list a member or a unit reads on a phone (共 N 条 under it). The card itself is the page's.
import { List } from 'antd';
import type { ReactNode } from 'react';
import type { PagedData } from './DataTable.tsx';
import { EmptyText } from './EmptyText.tsx';

export function CardList<T>({
  data,
  loading,
  page,
  pageSize,
  onPageChange,
  emptyText,
  renderCard,
}: {
  data: PagedData<T> | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
  emptyText: string;
  renderCard: (item: T) => ReactNode;
}) {
  return (
    <List
      loading={loading}
      dataSource={data?.items ?? []}
      locale={{ emptyText: <EmptyText text={emptyText} /> }}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        onChange: onPageChange,
        showTotal: (t) => `共 ${t} 条`,
        align: 'center',
      }}
      renderItem={(item) => (
        <List.Item style={{ padding: 0, border: 'none', marginBottom: 12 }}>{renderCard(item)}</List.Item>
      )}
    />
  );
}
