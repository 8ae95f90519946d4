// 优秀委员: commendations of the year and the members graded excellent to choose from.
import { Button, Card, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { useSession } from '../../../app/session.tsx';
import { ItemsTable, linkColumn, PageHeader, textColumns } from '../../../components/index.ts';
import { thisYear } from '../api.ts';
import { MemberRecordDialog, RemoveButton, useMemberRecord } from '../components/MemberRecordDialog.tsx';
import { YearSelect } from '../components/YearSelect.tsx';
import { dutyKeys, type ScoreRow, useCommendations, useExcellentMembers } from '../queries.ts';

export function CommendationsPage() {
  const { can } = useSession();
  const manage = can('duty.manage');
  const [year, setYear] = useState(thisYear());
  const list = useCommendations(year);
  const top = useExcellentMembers(year);
  const { form, start, dialog } = useMemberRecord({
    draftKey: `duty-commendation:${year}`,
    post: (v) => api.post('/api/duty/commendations', { ...v, year }),
    refresh: dutyKeys.commendations,
  });
  return (
    <>
      <PageHeader
        title="优秀委员"
        extra={
          <Space>
            <YearSelect value={year} onChange={setYear} />
            {manage && (
              <Button
                type="primary"
                onClick={() => {
                  form.resetFields();
                  start();
                }}
              >
                表彰委员
              </Button>
            )}
          </Space>
        }
      />
      <Card title={`${year} 年度优秀委员`} style={{ marginBottom: 16 }}>
        <ItemsTable
          query={list}
          emptyText="暂无"
          columns={[
            ...textColumns({ name: '委员', sector: '界别', title: '称号', reason: '表彰理由' }),
            { title: '积分', dataIndex: 'total', render: (v) => v ?? '—' },
          ]}
          actions={
            manage &&
            ((r: any) => (
              <RemoveButton
                confirm={`确定撤销 ${r.name} 的表彰吗？`}
                url={`/api/duty/commendations/${r.id}`}
                refresh={dutyKeys.commendations}
              >
                撤销
              </RemoveButton>
            ))
          }
        />
      </Card>
      <Card title="积分等次为“优秀”的委员（供推荐参考）">
        <ItemsTable<ScoreRow>
          rowKey="memberId"
          query={top}
          emptyText="暂无"
          columns={[
            linkColumn('委员', 'name', (r) => `/duty/members/${r.memberId}?year=${year}`),
            ...textColumns({ sector: '界别', total: '积分' }),
          ]}
          actions={
            manage &&
            ((r) => (
              <Button
                size="small"
                onClick={() => {
                  form.setFieldsValue({
                    memberId: r.memberId,
                    title: '优秀委员',
                    reason: `${year} 年度履职积分 ${r.total} 分，等次优秀`,
                  });
                  start();
                }}
              >
                表彰
              </Button>
            ))
          }
        />
      </Card>
      <MemberRecordDialog {...dialog} title="表彰委员" initialValues={{ title: '优秀委员' }}>
        <Form.Item name="title" label="称号">
          <Input count={{ show: true, max: 30 }} />
        </Form.Item>
        <Form.Item name="reason" label="表彰理由" rules={[{ required: true, message: '请填写表彰理由' }]}>
          <Input.TextArea rows={3} count={{ show: true, max: 1000 }} />
        </Form.Item>
      </MemberRecordDialog>
    </>
  );
}
