// 承诺践诺 (staff): the year's commitment items (added here, optionally counted from a kind of duty fact), everyone's
// commitments with progress and state, and the Excel export.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Input, InputNumber, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { beijingYear } from '../../../app/format.ts';
import {
  ErrorAlert,
  ExportButton,
  onePageProps,
  PageHeader,
  ResponsiveList,
  textColumns,
  useListParams,
} from '../../../components/index.ts';
import { type Commitment, goalOptions, STATUS_COLOR } from '../api.ts';
import { CommitmentProgress } from '../components/CommitmentProgress.tsx';
import { YearFilter } from '../components/YearFilter.tsx';
import { commitmentKeys, useCommitmentItems } from '../queries.ts';

export function StaffCommitmentsPage() {
  const [params, setParams] = useListParams({ year: String(beijingYear()) });
  const year = Number(params.year);
  const qc = useQueryClient();
  const all = useQuery({
    queryKey: commitmentKeys.everyone(year),
    queryFn: () => api.get<{ items: Commitment[]; total: number }>(`/api/commitments?year=${year}`),
  });
  const items = useCommitmentItems(year);
  const [title, setTitle] = useState('');
  const [factKind, setFactKind] = useState<string | undefined>();
  const [target, setTarget] = useState<number | null>(null);
  const add = useMutation({
    mutationFn: () =>
      api.post('/api/commitments/items', {
        year,
        title,
        ...(factKind ? { factKind, target: target ?? 1 } : {}),
      }),
    onSuccess: () => {
      setTitle('');
      setFactKind(undefined);
      setTarget(null);
      qc.invalidateQueries({ queryKey: commitmentKeys.all });
    },
  });
  return (
    <>
      <PageHeader
        title="承诺践诺"
        description="设置年度承诺事项，查看委员的承诺与践诺情况。"
        extra={<ExportButton url={`/api/commitments/export?year=${year}`} />}
      />
      <YearFilter value={params.year} onChange={(year) => setParams({ year })} />
      <ErrorAlert error={all.error ?? items.error ?? add.error} />
      <Card title={`${year} 年度承诺事项`} style={{ marginBottom: 16 }}>
        <ol>
          {(items.data?.items ?? []).map((i) => (
            <li key={i.id}>
              {i.title}
              {i.factKindLabel && (
                <Typography.Text type="secondary">
                  （{i.factKindLabel} {i.target} 次）
                </Typography.Text>
              )}
            </li>
          ))}
        </ol>
        {!items.data?.items.length && <Typography.Text type="secondary">尚未设置承诺事项</Typography.Text>}
        <Flex gap={8} wrap style={{ marginTop: 8 }}>
          <Input
            aria-label="新的承诺事项"
            placeholder="新的承诺事项"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            count={{ show: true, max: 100 }}
            style={{ minWidth: 220, flex: 1 }}
          />
          <Select
            aria-label="对应履职事项"
            allowClear
            placeholder="对应履职事项（可选）"
            value={factKind}
            onChange={setFactKind}
            options={goalOptions(items.data?.goalKinds)}
            style={{ minWidth: 180 }}
          />
          <InputNumber aria-label="目标次数" placeholder="次数" min={1} max={100} value={target} onChange={setTarget} />
          <Button onClick={() => add.mutate()} disabled={!title.trim()} loading={add.isPending}>
            添加
          </Button>
        </Flex>
      </Card>
      <ResponsiveList<Commitment>
        rowKey="id"
        {...onePageProps(all.data, all.isLoading)}
        unit="项"
        columns={[
          ...textColumns({ text: '承诺内容', memberName: '委员', sectorName: '界别' }),
          { title: '进度', render: (_, c) => <CommitmentProgress c={c} /> },
          { title: '状态', dataIndex: 'status', render: (s) => <Tag color={STATUS_COLOR[s]}>{s}</Tag> },
          { title: '践诺情况', dataIndex: 'report' },
        ]}
      />
    </>
  );
}
