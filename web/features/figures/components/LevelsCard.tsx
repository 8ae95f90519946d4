// 各级对比: a committee's counties (a province's cities) side by side and summed, each name opening that committee's
// figures (figures only, never its members' data). A committee with none below it shows nothing here.
import { Card, Flex, Table } from 'antd';
import { Link } from 'react-router-dom';
import { formatNumber } from '../api.ts';
import { useLevels } from '../queries.ts';

export interface LevelsCardProps {
  year: number;
  ids: string[];
  committeeId?: number;
  dark?: boolean;
  refetch?: number;
}

export function LevelsCard({ year, ids, committeeId, dark, refetch }: LevelsCardProps) {
  const { data } = useLevels(String(year), ids, committeeId, refetch);
  if (!data?.lower.length) return null;
  const rows = data.own.map((f) => ({
    id: f.id,
    name: `${f.name}（${f.unit}）`,
    own: f.value,
    sum: data.sum.find((s) => s.id === f.id)?.value ?? null,
    ...Object.fromEntries(
      data.lower.map((l) => [`c${l.committee.id}`, l.items.find((x) => x.id === f.id)?.value ?? null]),
    ),
  }));
  const cell = (v: number | null) => formatNumber(v);
  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: dark ? 24 : 18, color: dark ? '#f8fafc' : undefined }}>各级对比</h2>}
      style={{ marginBottom: 16, background: dark ? '#13233f' : undefined, borderColor: dark ? '#1e3a66' : undefined }}
    >
      <Table
        rowKey="id"
        size={dark ? 'large' : 'middle'}
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        columns={[
          { title: '指标', dataIndex: 'name', fixed: 'left' },
          { title: data.committee.name, dataIndex: 'own', align: 'right', render: cell },
          ...data.lower.map((l) => ({
            title: l.committee.name,
            dataIndex: `c${l.committee.id}`,
            align: 'right' as const,
            render: cell,
          })),
          { title: '下级合计', dataIndex: 'sum', align: 'right', render: cell },
        ]}
      />
      {!dark && (
        // Drill-down links under the table, not in its header: antd repeats header cells in a hidden measuring row.
        <Flex wrap gap={16} style={{ marginTop: 12 }}>
          <span>查看下级数据：</span>
          {data.lower.map((l) => (
            <Link key={l.committee.id} to={`/figures?committeeId=${l.committee.id}`}>
              {l.committee.name}
            </Link>
          ))}
        </Flex>
      )}
    </Card>
  );
}
