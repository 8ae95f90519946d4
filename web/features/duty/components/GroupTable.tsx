// Group summaries of the scores (by sector, special committee or study group): average, median, below the pass mark.
import { Table, Tag } from 'antd';
import { ErrorAlert } from '../../../components/index.ts';
import { useGroupScores } from '../queries.ts';

export function GroupTable({ year, by }: { year: string; by: 'sector' | 'specialCommittee' | 'group' }) {
  const { data, error, isFetching } = useGroupScores(year, by);
  return (
    <>
      <ErrorAlert error={error} />
      <Table
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '暂无数据' }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '人数', dataIndex: 'members' },
          { title: '平均分', dataIndex: 'average' },
          { title: '中位数', dataIndex: 'median' },
          ...((data?.categories ?? []) as { key: string; name: string }[]).map((c) => ({
            title: `${c.name}（平均）`,
            key: c.key,
            render: (_: unknown, r: any) => r.components[c.key],
          })),
          {
            title: '未达合格分',
            dataIndex: 'belowPass',
            render: (n: number) => (n ? <Tag color="#cf1322">{n} 人</Tag> : 0),
          },
          { title: '未完成基本要求', dataIndex: 'missingChecklist' },
        ]}
      />
    </>
  );
}
