// 签到与考勤 for staff: every invitee's reply, leave and check-in; leave approvals, marking present (with minutes
// present for partial attendance), undoing a check-in, inviting more, Excel export.
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, InputNumber, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, qs } from '../../../api/client.ts';
import { formatDateTime } from '../../../app/format.ts';
import {
  DataTable,
  ErrorAlert,
  ExportButton,
  pagedProps,
  useFormDraft,
  useListParams,
} from '../../../components/index.ts';
import { type Detail, REPLY, type SheetRow } from '../api.ts';
import { useAttendanceSheet } from '../queries.ts';
import { ATTENDANCE } from '../shared.tsx';
import { InviteDialog } from './InviteDialog.tsx';
import { MemberSearch, memberColumns, UndoCheckin } from './SheetParts.tsx';

export function AttendanceSheet({ meeting, onChange }: { meeting: Detail; onChange: () => void }) {
  const { message } = App.useApp();
  const [p, setP] = useListParams({ status: '', q: '' }, 50);
  const { data, error, isFetching, refetch } = useAttendanceSheet(meeting.id, p);
  const [marking, setMarking] = useState<SheetRow | null>(null);
  const [leave, setLeave] = useState<SheetRow | null>(null);
  const [inviting, setInviting] = useState(false);
  const [leaveForm] = Form.useForm();
  const reviewDraft = useFormDraft(leaveForm, leave ? `meeting-leave-review:${meeting.id}:${leave.memberId}` : null);
  const done = () => {
    refetch();
    onChange();
  };
  const act = useMutation({
    mutationFn: ({ url, body }: { url: string; body: unknown }) => api.post(url, body),
    onSuccess: () => {
      message.success('已保存');
      if (leave) reviewDraft.clear();
      setMarking(null);
      setLeave(null);
      setInviting(false);
      done();
    },
  });
  return (
    <Card
      title="签到与考勤"
      extra={
        <Space wrap>
          {meeting.status !== 'cancelled' && <Button onClick={() => setInviting(true)}>追加邀请</Button>}
          <ExportButton url={`/api/meetings/${meeting.id}/attendance/export${qs({ status: p.status, q: p.q })}`} />
        </Space>
      }
    >
      {data && (
        <Typography.Paragraph>
          会议时长 {data.durationMinutes} 分钟；在场不足 {Math.round(data.minRatio * 100)}% 按缺席计。
          {Object.entries(data.summary).map(([k, n]) => (
            <Tag key={k} color={ATTENDANCE[k]?.color} style={{ marginLeft: 8 }}>
              {ATTENDANCE[k]?.label} {n}
            </Tag>
          ))}
        </Typography.Paragraph>
      )}
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <MemberSearch value={p.q} onSearch={(q) => setP({ q })} />
        <Select
          aria-label="出勤状态"
          style={{ width: 200 }}
          value={p.status}
          onChange={(status) => setP({ status })}
          options={[
            { value: '', label: '全部' },
            ...Object.entries(ATTENDANCE).map(([value, a]) => ({ value, label: a.label })),
          ]}
        />
      </Flex>
      <ErrorAlert error={error ?? act.error} />
      <DataTable<SheetRow>
        rowKey="memberId"
        {...pagedProps({ data, isFetching }, p, setP)}
        columns={[
          ...memberColumns<SheetRow>(),
          {
            title: '回复',
            dataIndex: 'reply',
            render: (v: string) => <Tag color={REPLY[v]?.color}>{REPLY[v]?.label ?? '待回复'}</Tag>,
          },
          {
            title: '出勤',
            dataIndex: 'status',
            render: (s, r) => (
              <>
                <Tag color={ATTENDANCE[s].color}>{ATTENDANCE[s].label}</Tag>
                {r.minutesPresent !== null && <span>在场 {r.minutesPresent} 分钟</span>}
              </>
            ),
          },
          {
            title: '签到',
            dataIndex: 'checkedInAt',
            render: (v, r) => (v ? `${formatDateTime(v)}（${r.checkinMethod === 'qr' ? '扫码' : '工作人员'}）` : '—'),
          },
          { title: '请假事由', dataIndex: 'leaveReason', render: (v) => v ?? '—' },
          {
            title: '操作',
            render: (_, r) =>
              meeting.status === 'cancelled' ? null : (
                <Space wrap>
                  {r.leaveStatus === 'pending' && (
                    <Button size="small" type="primary" onClick={() => setLeave(r)}>
                      审批请假
                    </Button>
                  )}
                  <Button size="small" onClick={() => setMarking(r)}>
                    {r.checkedInAt ? '修改在场时长' : '标记出席'}
                  </Button>
                  {r.checkedInAt && (
                    <UndoCheckin
                      confirm={`确定撤销 ${r.name} 的签到吗？`}
                      detail="撤销后，该委员本次会议的出席记录将作废。"
                      onConfirm={() =>
                        act.mutateAsync({
                          url: `/api/meetings/${meeting.id}/attendance/${r.memberId}`,
                          body: { present: false },
                        })
                      }
                    />
                  )}
                </Space>
              ),
          },
        ]}
      />
      <Modal
        title={`标记出席：${marking?.name ?? ''}`}
        open={!!marking}
        onCancel={() => setMarking(null)}
        footer={null}
        destroyOnHidden
      >
        <Form
          layout="vertical"
          initialValues={{ minutesPresent: marking?.minutesPresent ?? undefined }}
          onFinish={(v) =>
            act.mutate({
              url: `/api/meetings/${meeting.id}/attendance/${marking!.memberId}`,
              body: { present: true, minutesPresent: v.minutesPresent ?? null },
            })
          }
        >
          <Form.Item name="minutesPresent" label="在场时长（分钟，全程参加可不填）">
            <InputNumber min={0} max={data?.durationMinutes} style={{ width: 200 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={act.isPending}>
            确定
          </Button>
        </Form>
      </Modal>
      <Modal
        title={`审批请假：${leave?.name ?? ''}`}
        open={!!leave}
        onCancel={() => setLeave(null)}
        footer={null}
        destroyOnHidden
      >
        <Typography.Paragraph>请假事由：{leave?.leaveReason}</Typography.Paragraph>
        {reviewDraft.notice}
        <Form form={leaveForm} layout="vertical" onValuesChange={reviewDraft.onValuesChange}>
          <Form.Item name="comment" label="审批意见">
            <Input.TextArea rows={2} count={{ show: true, max: 500 }} />
          </Form.Item>
          <Space>
            <Button
              type="primary"
              loading={act.isPending}
              onClick={() =>
                act.mutate({
                  url: `/api/meetings/${meeting.id}/leave/${leave!.memberId}`,
                  body: { approve: true, comment: leaveForm.getFieldValue('comment') },
                })
              }
            >
              批准
            </Button>
            <Button
              danger
              loading={act.isPending}
              onClick={() =>
                act.mutate({
                  url: `/api/meetings/${meeting.id}/leave/${leave!.memberId}`,
                  body: { approve: false, comment: leaveForm.getFieldValue('comment') },
                })
              }
            >
              不批准
            </Button>
          </Space>
        </Form>
      </Modal>
      <InviteDialog
        title="追加邀请"
        okText="邀请并发送通知"
        open={inviting}
        onClose={() => setInviting(false)}
        onInvite={(rule) => act.mutate({ url: `/api/meetings/${meeting.id}/invite`, body: rule })}
        pending={act.isPending}
      />
    </Card>
  );
}
