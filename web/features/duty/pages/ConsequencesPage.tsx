// 约谈与劝辞: members below the pass mark, what was done, and the record dialog.
import { App, Button, Card, DatePicker, Form, Input, Radio, Space, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { useSession } from '../../../app/session.tsx';
import { choices, ItemsTable, linkColumn, PageHeader, textColumns } from '../../../components/index.ts';
import { thisYear } from '../api.ts';
import { MemberRecordDialog, RemoveButton, useMemberRecord } from '../components/MemberRecordDialog.tsx';
import { YearSelect } from '../components/YearSelect.tsx';
import { dutyKeys, useConsequenceCandidates, useConsequences } from '../queries.ts';

export function ConsequencesPage() {
  const { can } = useSession();
  const manage = can('duty.manage');
  const { message } = App.useApp();
  const [year, setYear] = useState(thisYear());
  const candidates = useConsequenceCandidates(year);
  const list = useConsequences(year);
  const {
    form,
    start: openDialog,
    dialog,
  } = useMemberRecord({
    draftKey: `duty-consequence:${year}`,
    post: (v) => api.post('/api/duty/consequences', { ...v, year, happenedOn: v.happenedOn.format('YYYY-MM-DD') }),
    refresh: dutyKeys.consequences,
    onSaved: () => message.success('已记录'),
  });
  const start = (row?: any) => {
    form.resetFields();
    if (row) form.setFieldsValue({ memberId: row.memberId, kind: row.suggestion, reason: row.reason });
    openDialog();
  };
  return (
    <>
      <PageHeader
        title="约谈与劝辞"
        description="低于合格分的委员建议约谈；连续两年低于合格分或多次无故缺席全体会议的，建议劝辞。"
        extra={
          <Space>
            <YearSelect value={year} onChange={setYear} />
            {manage && (
              <Button type="primary" onClick={() => start()}>
                记录约谈或劝辞
              </Button>
            )}
          </Space>
        }
      />
      <Card title={`需关注的委员（合格分 ${candidates.data?.passMark ?? ''} 分）`} style={{ marginBottom: 16 }}>
        <ItemsTable
          rowKey="memberId"
          query={candidates}
          pagination={{}}
          emptyText="没有需要关注的委员"
          columns={[
            { title: '编号', dataIndex: 'code' },
            linkColumn('姓名', 'name', (r: any) => `/duty/members/${r.memberId}?year=${year}`),
            ...textColumns({ total: '积分', reason: '原因' }),
            {
              title: '建议',
              dataIndex: 'suggestionLabel',
              render: (l, r: any) => <Tag color={r.suggestion === 'talk' ? '#ad4e00' : '#cf1322'}>{l}</Tag>,
            },
            {
              title: '已处理',
              render: (_, r: any) => [r.talked && '已约谈', r.advised && '已劝辞'].filter(Boolean).join('、') || '—',
            },
          ]}
          actions={
            manage &&
            ((r: any) => (
              <Button size="small" onClick={() => start(r)}>
                记录
              </Button>
            ))
          }
        />
      </Card>
      <Card title="处理记录">
        <ItemsTable
          query={list}
          pagination={{}}
          emptyText="暂无记录"
          columns={[
            ...textColumns({
              happenedOn: '日期',
              name: '委员',
              kindLabel: '方式',
              reason: '原因',
              outcome: '结果',
              createdBy: '记录人',
            }),
          ]}
          actions={
            manage &&
            ((r: any) => (
              <RemoveButton
                confirm="确定删除这条记录吗？"
                url={`/api/duty/consequences/${r.id}`}
                refresh={dutyKeys.consequences}
              >
                删除
              </RemoveButton>
            ))
          }
        />
      </Card>
      <MemberRecordDialog {...dialog} title="记录约谈或劝辞" initialValues={{ kind: 'talk' }} destroyOnHidden>
        <Form.Item name="kind" label="方式">
          <Radio.Group options={choices({ talk: '约谈', resignationAdvice: '劝辞' })} />
        </Form.Item>
        <Form.Item name="happenedOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="reason" label="原因" rules={[{ required: true, message: '请填写原因' }]}>
          <Input.TextArea rows={2} count={{ show: true, max: 500 }} />
        </Form.Item>
        <Form.Item name="outcome" label="结果">
          <Input.TextArea rows={2} count={{ show: true, max: 1000 }} />
        </Form.Item>
      </MemberRecordDialog>
    </>
  );
}
