// A meeting's page. Members: the notice, reply 参会 or 请假 (with a reason), their check-in state. Staff: edit, the QR
// screen for the venue, close/cancel, add invitees, and the attendance sheet — leave approvals, marking present
// (with minutes present for partial attendance), undoing a check-in, Excel export.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, qs } from '../../api/client.ts';
import { formatDateTime } from '../../app/format.ts';
import {
  ConfirmButton,
  DataTable,
  ErrorAlert,
  ExportButton,
  PageHeader,
  useFormDraft,
  useListParams,
} from '../../components/index.ts';
import { InviteDialog } from './components/InviteDialog.tsx';
import { myState } from './MeetingsPage.tsx';
import { ATTENDANCE, meetingState } from './shared.tsx';

interface Detail {
  id: number;
  kind: string;
  kindLabel: string;
  title: string;
  startsAt: string;
  endsAt: string;
  halfDays: number;
  place: string;
  agenda: string;
  status: string;
  counts: { invited: number; checkedIn: number; onLeave: number; leavePending: number; willAttend: number };
  mine: null | {
    reply: string;
    leaveReason: string | null;
    leaveStatus: string | null;
    leaveComment: string | null;
    checkedInAt: string | null;
    checkinMethod: string | null;
    minutesPresent: number | null;
  };
  files: { id: number; name: string; size: number }[];
  canManage: boolean;
}

/** The member's own answer to the invitation, before the meeting (the 出勤 column is what happened). */
const REPLY: Record<string, { label: string; color?: string }> = {
  attend: { label: '确认参会', color: 'green' },
  leave: { label: '请假', color: 'orange' },
  pending: { label: '待回复' },
};

interface SheetRow {
  memberId: number;
  name: string;
  code: string | null;
  sector: string | null;
  reply: string;
  leaveReason: string | null;
  leaveStatus: string | null;
  checkedInAt: string | null;
  checkinMethod: string | null;
  minutesPresent: number | null;
  status: string;
}

export function MeetingDetailPage() {
  const { id } = useParams();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { data: m, error } = useQuery({
    queryKey: ['meeting', id],
    queryFn: () => api.get<Detail>(`/api/meetings/${id}`),
  });
  const refresh = () => qc.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('meeting') });
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
                  <ConfirmButton
                    confirm="确定结束会议吗？"
                    detail="结束后，未签到且未准假的委员将记为缺席。"
                    onConfirm={async () => {
                      await api.post(`/api/meetings/${m.id}/close`);
                      refresh();
                    }}
                  >
                    结束会议
                  </ConfirmButton>
                  <ConfirmButton
                    danger
                    confirm="确定取消会议吗？"
                    detail="取消后将通知所有受邀委员，本会议的出勤记录全部作废。"
                    onConfirm={async () => {
                      await api.post(`/api/meetings/${m.id}/cancel`);
                      refresh();
                    }}
                  >
                    取消会议
                  </ConfirmButton>
                </>
              )}
              {m.status === 'closed' && (
                <ConfirmButton
                  confirm="确定重新开放会议吗？"
                  detail="重新开放后，缺席记录将撤销，可继续签到。"
                  onConfirm={async () => {
                    await api.post(`/api/meetings/${m.id}/reopen`);
                    refresh();
                  }}
                >
                  重新开放
                </ConfirmButton>
              )}
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

function AttendanceSheet({ meeting, onChange }: { meeting: Detail; onChange: () => void }) {
  const { message } = App.useApp();
  const [p, setP] = useListParams({ status: '', q: '' }, 50);
  const { data, error, isFetching, refetch } = useQuery({
    queryKey: ['meeting-sheet', meeting.id, p],
    queryFn: () =>
      api.get<{
        items: SheetRow[];
        total: number;
        summary: Record<string, number>;
        durationMinutes: number;
        minRatio: number;
      }>(`/api/meetings/${meeting.id}/attendance${qs(p)}`),
  });
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
        <Input.Search
          aria-label="姓名或编号"
          placeholder="姓名或编号"
          allowClear
          defaultValue={p.q}
          onSearch={(q) => setP({ q })}
          style={{ maxWidth: 260 }}
        />
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
        data={data}
        loading={isFetching}
        page={p.page}
        pageSize={p.pageSize}
        onPageChange={(page, pageSize) => setP({ page, pageSize })}
        columns={[
          { title: '编号', dataIndex: 'code' },
          { title: '姓名', dataIndex: 'name' },
          { title: '界别', dataIndex: 'sector' },
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
                    <ConfirmButton
                      size="small"
                      danger
                      confirm={`确定撤销 ${r.name} 的签到吗？`}
                      detail="撤销后，该委员本次会议的出席记录将作废。"
                      onConfirm={() =>
                        act.mutateAsync({
                          url: `/api/meetings/${meeting.id}/attendance/${r.memberId}`,
                          body: { present: false },
                        })
                      }
                    >
                      撤销签到
                    </ConfirmButton>
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
