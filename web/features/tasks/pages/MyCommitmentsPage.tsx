// 我的承诺: the member picks items from the committee's list or writes their own until the set day, and reports each
// (kept or not, prefilled from their duty facts) from the set day.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, List } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { beijingYear } from '../../../app/format.ts';
import { ErrorAlert, PageHeader, useListParams } from '../../../components/index.ts';
import type { Commitment, MyCommitments } from '../api.ts';
import { CommitmentMeta } from '../components/CommitmentMeta.tsx';
import { CommitmentReportDialog } from '../components/CommitmentReportDialog.tsx';
import { MakeCommitmentCard } from '../components/MakeCommitmentCard.tsx';
import { YearFilter } from '../components/YearFilter.tsx';
import { commitmentKeys, useCommitmentItems } from '../queries.ts';

export function MyCommitmentsPage() {
  const [params, setParams] = useListParams({ year: String(beijingYear()) });
  const year = Number(params.year);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const mine = useQuery({
    queryKey: commitmentKeys.mine(year),
    queryFn: () => api.get<MyCommitments>(`/api/commitments/mine?year=${year}`),
  });
  const items = useCommitmentItems(year);
  const [reporting, setReporting] = useState<Commitment | null>(null);
  const done = () => {
    qc.invalidateQueries({ queryKey: commitmentKeys.all });
    message.success('已保存');
  };
  const m = mine.data;
  return (
    <>
      <PageHeader title="我的承诺" description="年初作出履职承诺，年底报告践诺情况。" />
      <YearFilter value={params.year} onChange={(year) => setParams({ year })} />
      <ErrorAlert error={mine.error ?? items.error} />
      {m && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`承诺截止 ${m.pickUntil}，每人最多 ${m.maxPerMember} 项；践诺情况自 ${m.reportFrom} 起填报。`}
        />
      )}
      <Card title="我的承诺" style={{ marginBottom: 16 }}>
        <List
          dataSource={m?.items ?? []}
          locale={{ emptyText: '尚未作出承诺' }}
          renderItem={(c) => (
            <List.Item
              actions={
                m?.canReport
                  ? [
                      <Button key="r" onClick={() => setReporting(c)}>
                        {c.status === '待践诺' ? '报告践诺' : '修改'}
                      </Button>,
                    ]
                  : []
              }
            >
              <CommitmentMeta c={c} />
            </List.Item>
          )}
        />
      </Card>
      {m?.canPick && <MakeCommitmentCard year={year} items={items.data} onDone={done} />}
      <CommitmentReportDialog
        commitment={reporting}
        onClose={() => setReporting(null)}
        onDone={() => {
          setReporting(null);
          done();
        }}
      />
    </>
  );
}
