// 正负面清单 for staff: the year's positive and negative lists (add, edit, retire; each change re-scores the year),
// record an occurrence for a member with its evidence, the year's occurrences (revoke a mistaken one), Excel export.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Space, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { useSession } from '../../../app/session.tsx';
import {
  ConfirmButton,
  ErrorAlert,
  ExportButton,
  ItemsTable,
  PageHeader,
  textColumns,
} from '../../../components/index.ts';
import { type ConductItem, type ConductRecord, POLARITY_LABEL, signedPoints, thisYear } from '../api.ts';
import { ConductItemDialog } from '../components/ConductItemDialog.tsx';
import { ConductRecordDialog, useConductRecordDialog } from '../components/ConductRecordDialog.tsx';
import { YearSelect } from '../components/YearSelect.tsx';
import { dutyKeys, useConductLists, useConductRecords } from '../queries.ts';

export function ListsPage() {
  const { can } = useSession();
  const manage = can('duty.lists');
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [year, setYear] = useState(thisYear());
  const lists = useConductLists(year);
  const records = useConductRecords(year);
  const [editing, setEditing] = useState<ConductItem | 'new' | null>(null);
  const [recording, setRecording] = useState<ConductItem | null>(null);
  const rec = useConductRecordDialog(recording, () => message.success('已登记，积分已更新'));
  const retire = useMutation({
    mutationFn: (id: number) => api.post(`/api/duty/lists/items/${id}/retire`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: dutyKeys.all }),
  });
  const revoke = useMutation({
    mutationFn: (id: number) => api.post(`/api/duty/lists/records/${id}/revoke`, { reason: '工作人员撤销' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: dutyKeys.all }),
  });
  const startRecord = (i: ConductItem) => {
    setRecording(i);
    rec.form.resetFields();
    rec.start();
  };
  return (
    <>
      <PageHeader
        title="正负面清单"
        description="清单事项计入当年积分规则；登记后即计入委员积分，委员在“我的履职”中可看到事实与依据。"
        extra={
          <Space wrap>
            <YearSelect value={year} onChange={setYear} />
            <ExportButton url={`/api/duty/lists/export?year=${year}`} />
            {manage && (
              <Button type="primary" onClick={() => setEditing('new')}>
                新增事项
              </Button>
            )}
          </Space>
        }
      />
      <ErrorAlert error={lists.error ?? records.error ?? retire.error ?? revoke.error} />
      {(['positive', 'negative'] as const).map((p) => (
        <Card key={p} title={POLARITY_LABEL[p]} style={{ marginBottom: 16 }}>
          <ItemsTable<ConductItem>
            size="small"
            query={{ data: { items: (lists.data?.items ?? []).filter((i) => i.polarity === p) } }}
            loading={lists.isLoading}
            emptyText="暂无事项"
            columns={[
              { title: '事项', dataIndex: 'title' },
              { title: '分值', render: (_, i) => signedPoints(i) },
              { title: '所需佐证', dataIndex: 'evidenceRequired' },
              { title: '已登记', dataIndex: 'occurrences', render: (n) => `${n} 次` },
              {
                title: '状态',
                dataIndex: 'retired',
                render: (r) => (r ? <Tag>已停用</Tag> : <Tag color="#237804">在用</Tag>),
              },
            ]}
            actions={
              manage &&
              ((i) =>
                i.retired ? null : (
                  <Flex gap={8} wrap>
                    <Button size="small" type="primary" onClick={() => startRecord(i)}>
                      登记
                    </Button>
                    <Button size="small" onClick={() => setEditing(i)}>
                      修改
                    </Button>
                    <ConfirmButton
                      size="small"
                      confirm={`停用“${i.title}”？`}
                      detail="停用后不能再登记，已登记的仍计分。"
                      onConfirm={() => retire.mutateAsync(i.id)}
                    >
                      停用
                    </ConfirmButton>
                  </Flex>
                ))
            }
          />
        </Card>
      ))}
      <Card title="登记记录">
        <ItemsTable<ConductRecord>
          size="small"
          query={{ data: records.data }}
          loading={records.isLoading}
          pagination={{}}
          emptyText="暂无登记"
          columns={[
            ...textColumns({ occurredOn: '日期', memberName: '委员', itemTitle: '事项' }),
            { title: '分值', render: (_, r) => signedPoints(r) },
            ...textColumns({ evidence: '事实与依据', createdBy: '登记人' }),
            {
              title: '状态',
              render: (_, r) =>
                r.revoked ? (
                  <Tag>已撤销</Tag>
                ) : manage ? (
                  <ConfirmButton
                    size="small"
                    confirm="撤销这次登记？"
                    detail="撤销后不再计分。"
                    onConfirm={() => revoke.mutateAsync(r.id)}
                  >
                    撤销
                  </ConfirmButton>
                ) : (
                  <Tag color="blue">有效</Tag>
                ),
            },
          ]}
        />
      </Card>
      <ConductItemDialog year={year} editing={editing} onClose={() => setEditing(null)} />
      <ConductRecordDialog item={recording} dialog={rec.dialog} addFile={rec.addFile} />
    </>
  );
}
