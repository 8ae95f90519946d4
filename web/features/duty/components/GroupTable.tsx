// Group summaries of the scores (by sector, special committee or study group): average, median, below the pass mark.
import { Tag } from 'antd';
import { ItemsTable, textColumns } from '../../../components/index.ts';
import { useGroupScores } from '../queries.ts';

export function GroupTable({ year, by }: { year: string; by: 'sector' | 'specialCommittee' | 'group' }) {
  const query = useGroupScores(year, by);
  const { data } = query;
  return (
    <ItemsTable
      query={query}
      columns={[
        ...textColumns({ name: '名称', members: '人数', average: '平均分', median: '中位数' }),
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
  );
}
