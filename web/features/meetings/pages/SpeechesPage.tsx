// 大会发言: members submit oral or written speeches and follow them (submitted → selected → delivered); staff select,
// decline, confirm delivery.
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, qs } from '../../../api/client.ts';
import { formatDateTime } from '../../../app/format.ts';
import { useSession } from '../../../app/session.tsx';
import { DraftForm } from '../../../components/DraftForm.tsx';
import {
  ConfirmButton,
  choices,
  countActive,
  ErrorAlert,
  FilterBar,
  PageHeader,
  ParamSelect,
  pagedProps,
  ResponsiveList,
  useFormDraft,
  useListParams,
} from '../../../components/index.ts';
import { meetingKeys } from '../queries.ts';
import type { MeetingItem } from './MeetingsPage.tsx';

interface Speech {
  id: number;
  meetingId: number | null;
  meetingTitle: string | null;
  memberName: string;
  mode: string;
  title: string;
  body: string;
  status: string;
  statusLabel: string;
  decisionComment: string | null;
  submittedAt: string;
}
const STATUS_COLOR: Record<string, string> = {
  submitted: '#ad4e00',
  selected: '#0958d9',
  notSelected: 'default',
  delivered: '#237804',
  withdrawn: 'default',
};
const MODE: Record<string, string> = { oral: '口头发言', written: '书面发言' };

const STATUS_CHOICES = {
  '': '全部状态',
  submitted: '已提交',
  selected: '已选用',
  notSelected: '未选用',
  delivered: '已发言',
  withdrawn: '已撤回',
};
const MODE_CHOICES = { '': '全部方式', oral: '口头发言', written: '书面发言' };

export function SpeechesPage() {
  const { can } = useSession();
  const manage = can('meeting.manage');
  const member = can('duty.readOwn');
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [p, setP] = useListParams({ status: '', mode: '' });
  const { data, error, isFetching } = useQuery({
    queryKey: meetingKeys.speechList(p),
    queryFn: () => api.get<{ items: Speech[]; total: number }>(`/api/speeches${qs(p)}`),
    placeholderData: keepPreviousData,
  });
  const meetings = useQuery({
    queryKey: meetingKeys.forSpeech,
    queryFn: () => api.get<{ items: MeetingItem[] }>(`/api/meetings${qs({ status: 'planned', pageSize: 100 })}`),
  });
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const draft = useFormDraft(form, open ? 'speech:new' : null);
  const submit = useMutation({
    mutationFn: (v: any) => api.post('/api/speeches', v),
    onSuccess: () => {
      message.success('发言已提交');
      draft.clear();
      setOpen(false);
      qc.invalidateQueries({ queryKey: meetingKeys.speeches });
    },
  });
  const decide = (id: number, action: string) => async () => {
    await api.post(`/api/speeches/${id}/decide`, { action });
    qc.invalidateQueries({ queryKey: meetingKeys.speeches });
  };
  return (
    <>
      <PageHeader
        title="大会发言"
        description={manage ? '审阅委员提交的大会发言，选用并确认发言。' : '提交口头或书面发言，查看选用情况。'}
        extra={
          member && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
              提交发言
            </Button>
          )
        }
      />
      <FilterBar active={countActive(p.status, p.mode)}>
        <ParamSelect label="状态" width={150} name="status" params={p} setParams={setP} labels={STATUS_CHOICES} />
        <ParamSelect label="发言方式" width={150} name="mode" params={p} setParams={setP} labels={MODE_CHOICES} />
      </FilterBar>
      <ErrorAlert error={error} />
      <ResponsiveList<Speech>
        {...pagedProps({ data, isFetching }, p, setP)}
        expandable={{
          expandedRowRender: (s) => (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{s.body}</Typography.Paragraph>
          ),
        }}
        columns={[
          { title: '题目', dataIndex: 'title' },
          ...(manage ? [{ title: '委员', dataIndex: 'memberName' }] : []),
          { title: '方式', dataIndex: 'mode', render: (m: string) => MODE[m] },
          { title: '会议', dataIndex: 'meetingTitle', render: (v: string | null) => v ?? '—' },
          { title: '提交时间', dataIndex: 'submittedAt', render: (v: string) => formatDateTime(v) },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string, r: Speech) => <Tag color={STATUS_COLOR[s]}>{r.statusLabel}</Tag>,
          },
          {
            title: '操作',
            render: (_: unknown, s: Speech) => (
              <Space wrap>
                {manage && ['submitted', 'notSelected'].includes(s.status) && (
                  <ConfirmButton size="small" confirm={`选用「${s.title}」？`} onConfirm={decide(s.id, 'select')}>
                    选用
                  </ConfirmButton>
                )}
                {manage && ['submitted', 'selected'].includes(s.status) && (
                  <ConfirmButton size="small" confirm={`不选用「${s.title}」？`} onConfirm={decide(s.id, 'reject')}>
                    不选用
                  </ConfirmButton>
                )}
                {manage && s.status === 'selected' && (
                  <ConfirmButton
                    size="small"
                    type="primary"
                    confirm={`确认「${s.title}」已发言（书面发言已刊发）？`}
                    onConfirm={decide(s.id, 'deliver')}
                  >
                    确认已发言
                  </ConfirmButton>
                )}
                {manage && s.status === 'delivered' && (
                  <ConfirmButton
                    size="small"
                    danger
                    confirm="撤销发言确认？"
                    detail="该委员的发言履职记录将作废。"
                    onConfirm={decide(s.id, 'undeliver')}
                  >
                    撤销确认
                  </ConfirmButton>
                )}
                {!manage && s.status === 'submitted' && (
                  <ConfirmButton
                    size="small"
                    danger
                    confirm="确定撤回这篇发言吗？"
                    onConfirm={async () => {
                      await api.post(`/api/speeches/${s.id}/withdraw`);
                      qc.invalidateQueries({ queryKey: meetingKeys.speeches });
                    }}
                  >
                    撤回
                  </ConfirmButton>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal title="提交大会发言" open={open} onCancel={() => setOpen(false)} footer={null} destroyOnHidden width={640}>
        <DraftForm
          form={form}
          draft={draft}
          error={submit.error}
          initialValues={{ mode: 'written' }}
          onFinish={(v) => submit.mutate(v)}
        >
          <Form.Item name="mode" label="发言方式" rules={[{ required: true }]}>
            <Radio.Group options={choices({ oral: '口头发言', written: '书面发言' })} />
          </Form.Item>
          <Form.Item name="meetingId" label="会议（可不选）">
            <Select allowClear options={meetings.data?.items.map((m) => ({ value: m.id, label: m.title }))} />
          </Form.Item>
          <Form.Item name="title" label="发言题目" rules={[{ required: true, message: '请填写发言题目' }]}>
            <Input count={{ show: true, max: 100 }} />
          </Form.Item>
          <Form.Item name="body" label="发言内容" rules={[{ required: true, message: '请填写发言内容' }]}>
            <Input.TextArea rows={8} count={{ show: true, max: 20000 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={submit.isPending}>
            提交
          </Button>
        </DraftForm>
      </Modal>
    </>
  );
}
