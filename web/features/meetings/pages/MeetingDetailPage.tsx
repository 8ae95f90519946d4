// A meeting's page. Members: the notice, reply 参会 or 请假 (with a reason), their check-in state. Staff: edit, the QR
// screen for the venue, close/cancel, add invitees, and the attendance sheet below.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Flex, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../../api/client.ts';
import { formatDateTime } from '../../../app/format.ts';
import { ConfirmButton, ErrorAlert, PageHeader, useFormDraft } from '../../../components/index.ts';
import { AttendanceSheet } from '../components/AttendanceSheet.tsx';
import { meetingKeys, useMeeting } from '../queries.ts';
import { meetingState } from '../shared.tsx';
import { myState } from './MeetingsPage.tsx';

/** Staff's steps of a meeting's life: the button, the question, what it does; POST /api/meetings/:id/{step}. */
const STEPS = {
  close: { label: '结束会议', confirm: '确定结束会议吗？', detail: '结束后，未签到且未准假的委员将记为缺席。' },
  cancel: {
    label: '取消会议',
    confirm: '确定取消会议吗？',
    detail: '取消后将通知所有受邀委员，本会议的出勤记录全部作废。',
    danger: true,
  },
  reopen: { label: '重新开放', confirm: '确定重新开放会议吗？', detail: '重新开放后，缺席记录将撤销，可继续签到。' },
} as const;

function StepButton({ id, step, onDone }: { id: number; step: keyof typeof STEPS; onDone: () => void }) {
  const s: { label: string; confirm: string; detail: string; danger?: boolean } = STEPS[step];
  return (
    <ConfirmButton
      danger={s.danger}
      confirm={s.confirm}
      detail={s.detail}
      onConfirm={async () => {
        await api.post(`/api/meetings/${id}/${step}`);
        onDone();
      }}
    >
      {s.label}
    </ConfirmButton>
  );
}

export function MeetingDetailPage() {
  const { id } = useParams();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { data: m, error } = useMeeting(id);
  const refresh = () => qc.invalidateQueries({ queryKey: meetingKeys.all });
  const [leaveOpen, setLeaveOpen] = useState(false);
  const [leaveForm] = Form.useForm();
  const leaveDraft = useFormDraft(leaveForm, leaveOpen ? `meeting-leave:${id}` : null);
  const reply = useMutation({
    mutationFn: (b: { reply: 'attend' | 'leave'; reason?: string }) => api.post(`/api/meetings/${id}/reply`, b),
    onSuccess: (_, b) => {
      message.success(b.reply === 'leave' ? '请假申请已提交，等待审批' : '已确认参会');
      if (b.reply === 'leave') leaveDraft.clear();
      setLeaveOpen(false);
      refresh();
    },
  });
  if (error) return <ErrorAlert error={error} />;
  if (!m) return null;
  const st = meetingState(m);
  return (
    <>
      <PageHeader
        title={m.title}
        back="/meetings"
        extra={
          m.canManage && (
            <>
              {m.status === 'planned' && (
                <>
                  <Button type="primary" href={`/meetings/${m.id}/qr`}>
                    会场签到二维码
                  </Button>
                  <Link to={`/meetings/${m.id}/edit`}>
                    <Button>修改</Button>
                  </Link>
                  <StepButton id={m.id} step="close" onDone={refresh} />
                  <StepButton id={m.id} step="cancel" onDone={refresh} />
                </>
              )}
              {m.status === 'closed' && <StepButton id={m.id} step="reopen" onDone={refresh} />}
            </>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="middle">
          <Descriptions.Item label="类型">{m.kindLabel}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag color={st.color}>{st.label}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="时间">
            {formatDateTime(m.startsAt)} 至 {formatDateTime(m.endsAt)}
          </Descriptions.Item>
          <Descriptions.Item label="地点">{m.place}</Descriptions.Item>
          {m.canManage && (
            <Descriptions.Item label="出勤">
              应到 {m.counts.invited} 人，已签到 {m.counts.checkedIn} 人，准假 {m.counts.onLeave} 人
              {m.counts.leavePending > 0 && `，${m.counts.leavePending} 人请假待审批`}
            </Descriptions.Item>
          )}
        </Descriptions>
        {m.agenda && (
          <>
            <Typography.Title level={2} style={{ fontSize: 18 }}>
              会议议程
            </Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{m.agenda}</Typography.Paragraph>
          </>
        )}
        {m.files.length > 0 && (
          <Space wrap>
            会议材料：
            {m.files.map((f) => (
              <a key={f.id} href={`/api/files/${f.id}`}>
                {f.name}
              </a>
            ))}
          </Space>
        )}
      </Card>
      {m.mine && (
        <Card title="我的参会" style={{ marginBottom: 16 }}>
          <Flex vertical gap={12}>
            <div style={{ fontSize: 18 }}>
              {myState({ myCheckedInAt: m.mine.checkedInAt, myLeaveStatus: m.mine.leaveStatus, myReply: m.mine.reply })}
              {m.mine.checkedInAt && `签到时间 ${formatDateTime(m.mine.checkedInAt)}`}
            </div>
            {m.mine.leaveReason && <div>请假事由：{m.mine.leaveReason}</div>}
            {m.mine.leaveComment && <div>审批意见：{m.mine.leaveComment}</div>}
            <ErrorAlert error={reply.error} />
            {m.status === 'planned' && !m.mine.checkedInAt && (
              <Flex gap={12} wrap>
                <Button
                  type="primary"
                  size="large"
                  loading={reply.isPending}
                  onClick={() => reply.mutate({ reply: 'attend' })}
                >
                  确认参会
                </Button>
                <Button size="large" onClick={() => setLeaveOpen(true)}>
                  请假
                </Button>
                <Link to="/scan">
                  <Button size="large">扫码签到</Button>
                </Link>
              </Flex>
            )}
          </Flex>
          <Modal title="请假" open={leaveOpen} onCancel={() => setLeaveOpen(false)} footer={null} destroyOnHidden>
            {leaveDraft.notice}
            <Form
              form={leaveForm}
              layout="vertical"
              onFinish={(v) => reply.mutate({ reply: 'leave', reason: v.reason })}
              onValuesChange={leaveDraft.onValuesChange}
            >
              <Form.Item name="reason" label="请假事由" rules={[{ required: true, message: '请填写请假事由' }]}>
                <Input.TextArea rows={3} count={{ show: true, max: 500 }} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={reply.isPending}>
                提交请假
              </Button>
            </Form>
          </Modal>
        </Card>
      )}
      {m.canManage && <AttendanceSheet meeting={m} onChange={refresh} />}
    </>
  );
}
