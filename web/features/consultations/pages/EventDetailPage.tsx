// One consultation event: its details and deadlines, the procedure's buttons, agenda, participants (staff add members
// by range and guests by name), materials, speeches (members sign up and submit text; staff select, order and mark
// delivered), and the link to the meeting where members reply, ask for leave and check in.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../../api/client.ts';
import { formatDateTime } from '../../../app/format.ts';
import { useSession } from '../../../app/session.tsx';
import { ErrorAlert, ExportButton, PageHeader } from '../../../components/index.ts';
import { STATE_COLORS } from '../api.ts';
import { EventActionForm } from '../components/EventActionForm.tsx';
import { SpeechForm } from '../components/SpeechForm.tsx';
import { consultationKeys } from '../queries.ts';

const PART: Record<string, string> = {
  briefing: '通报',
  speech: '发言',
  question: '提问',
  answer: '回应',
  other: '其他',
};
const GUEST: Record<string, string> = {
  member: '委员',
  party: '党派团体代表',
  official: '政府部门',
  expert: '专家',
  citizen: '群众代表',
};

export function EventDetailPage() {
  const { id } = useParams();
  const { can } = useSession();
  const office = can('consultation.manage');
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [acting, setActing] = useState<any>(null);
  const [adding, setAdding] = useState(false);
  const { data: e, error } = useQuery({
    queryKey: consultationKeys.event(id),
    queryFn: () => api.get<any>(`/api/consultations/events/${id}`),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: consultationKeys.all });
  const done = (text: string) => () => {
    message.success(text);
    setActing(null);
    setAdding(false);
    refresh();
  };
  const act = useMutation({
    mutationFn: (v: any) => api.post(`/api/consultations/events/${id}/actions`, { ...v, action: acting?.action }),
    onSuccess: done('已完成操作'),
  });
  const addPeople = useMutation({
    mutationFn: (v: any) =>
      api.post(`/api/consultations/events/${id}/participants`, {
        rule: v.rule || undefined,
        guests: v.guestName
          ? [{ kind: v.guestKind ?? 'expert', name: v.guestName, organisation: v.guestOrg }]
          : undefined,
      }),
    onSuccess: done('已添加参加人员'),
  });
  const signUp = useMutation({
    mutationFn: (v: any) => api.post(`/api/consultations/events/${id}/speeches`, v),
    onSuccess: done('已报名发言'),
  });
  const saveText = useMutation({
    mutationFn: (v: any) => api.put(`/api/consultations/speeches/${v.id}`, { title: v.title, body: v.body }),
    onSuccess: done('发言稿已提交'),
  });
  const decide = useMutation({
    mutationFn: (v: any) => api.post(`/api/consultations/speeches/${v.id}/decision`, v.body),
    onSuccess: done('已保存'),
  });
  if (error) return <ErrorAlert error={error} />;
  if (!e) return null;
  const mySpeech = e.speeches.find((s: any) => s.actions.some((a: any) => a.action === 'submitText'));
  const canSignUp =
    can('consultation.read') &&
    e.isParticipant &&
    ['preparation', 'noticed'].includes(e.state) &&
    !e.speeches.some((s: any) => s.body && s.actions.length && !office);
  return (
    <>
      <PageHeader
        title={e.title}
        back="/consultations/events"
        extra={e.actions.map((a: any) => (
          <Button
            key={a.action}
            type={a.action === 'cancel' ? 'default' : 'primary'}
            danger={a.action === 'cancel'}
            onClick={() => setActing(a)}
          >
            {a.label}
          </Button>
        ))}
      />
      <ErrorAlert error={act.error ?? decide.error} />
      <Card style={{ marginBottom: 16 }}>
        <Space wrap style={{ marginBottom: 8 }}>
          <Tag>{e.kindLabel}</Tag>
          <Tag color={STATE_COLORS[e.state]}>{e.stateLabel}</Tag>
        </Space>
        <Descriptions column={1} size="small">
          <Descriptions.Item label="时间">{e.startsAt ? formatDateTime(e.startsAt) : e.heldOn}</Descriptions.Item>
          <Descriptions.Item label="地点">{e.place}</Descriptions.Item>
          {e.planItemTopic && <Descriptions.Item label="计划议题">{e.planItemTopic}</Descriptions.Item>}
          {e.counterpartBody && <Descriptions.Item label="对口部门">{e.counterpartBody}</Descriptions.Item>}
          {e.supervisedBody && (
            <Descriptions.Item label="监督对象">{`${e.supervisedBody}（${e.supervisionFormLabel ?? ''}）`}</Descriptions.Item>
          )}
          {e.proposalId && (
            <Descriptions.Item label="重点提案">
              <Link to={`/proposals/${e.proposalId}`}>查看提案</Link>
            </Descriptions.Item>
          )}
          {office && e.noticeDue && <Descriptions.Item label="通知期限">{e.noticeDue}</Descriptions.Item>}
          {office && e.materialsDue && <Descriptions.Item label="材料期限">{e.materialsDue}</Descriptions.Item>}
          {e.minutesDue && <Descriptions.Item label="纪要期限">{e.minutesDue}</Descriptions.Item>}
        </Descriptions>
        <Space wrap style={{ marginTop: 8 }}>
          {e.meetingId && (
            <Link to={`/meetings/${e.meetingId}`}>
              <Button>会议通知、请假和签到</Button>
            </Link>
          )}
          {office && (
            <>
              <ExportButton url={`/api/consultations/events/${e.id}/notice.docx`}>会议通知（Word）</ExportButton>
              <ExportButton url={`/api/consultations/events/${e.id}/agenda.docx`}>会议议程（Word）</ExportButton>
              {e.minutes && (
                <ExportButton url={`/api/consultations/events/${e.id}/minutes.docx`}>会议纪要（Word）</ExportButton>
              )}
            </>
          )}
        </Space>
        {e.files.length > 0 && (
          <div style={{ marginTop: 8 }}>
            会议材料：
            {e.files.map((f: any) => (
              <a key={f.id} href={`/api/files/${f.id}`} style={{ marginRight: 12 }}>
                {f.name}
              </a>
            ))}
          </div>
        )}
      </Card>
      {e.agenda.length > 0 && (
        <Card title="议程" style={{ marginBottom: 16 }}>
          <ol style={{ paddingLeft: 20, margin: 0 }}>
            {e.agenda.map((a: any) => (
              <li key={`${a.part}-${a.title}`}>
                【{PART[a.part]}】{a.title}
                {a.speaker ? `（${a.speaker}）` : ''}
                {a.minutes ? ` ${a.minutes}分钟` : ''}
              </li>
            ))}
          </ol>
        </Card>
      )}
      <Card title="发言" style={{ marginBottom: 16 }}>
        {e.speeches.map((s: any) => (
          <div key={s.id} style={{ borderBottom: '1px solid #eee', padding: '8px 0' }}>
            <Typography.Text strong>
              {s.position ? `${s.position}. ` : ''}
              {s.memberName}：{s.title}
            </Typography.Text>{' '}
            <Tag>{s.stateLabel}</Tag>
            {s.minutesAllowed && <span>限时 {s.minutesAllowed} 分钟</span>}
            {s.body && (
              <Typography.Paragraph style={{ margin: '4px 0' }} ellipsis={{ rows: 3, expandable: true }}>
                {s.body}
              </Typography.Paragraph>
            )}
            <Space wrap>
              {s.actions
                .filter((a: any) => ['select', 'reject', 'deliver'].includes(a.action))
                .map((a: any) =>
                  a.action === 'select' ? (
                    <Space key="select">
                      <InputNumber aria-label="发言顺序" min={1} placeholder="顺序" id={`pos-${s.id}`} />
                      <Button
                        size="small"
                        onClick={() => {
                          const pos =
                            Number((document.getElementById(`pos-${s.id}`) as HTMLInputElement)?.value) || undefined;
                          decide.mutate({ id: s.id, body: { action: 'select', position: pos, minutesAllowed: 5 } });
                        }}
                      >
                        遴选
                      </Button>
                    </Space>
                  ) : (
                    <Button
                      key={a.action}
                      size="small"
                      onClick={() =>
                        decide.mutate({
                          id: s.id,
                          body: { action: a.action, comment: a.action === 'reject' ? '与其他发言重复' : undefined },
                        })
                      }
                    >
                      {a.label}
                    </Button>
                  ),
                )}
            </Space>
          </div>
        ))}
        {!e.speeches.length && <Typography.Paragraph>暂无发言</Typography.Paragraph>}
        {mySpeech && (
          <SpeechForm
            eventId={id}
            speech={mySpeech}
            save={(v) => saveText.mutateAsync({ ...v, id: mySpeech.id })}
            pending={saveText.isPending}
            error={saveText.error}
          />
        )}
        {canSignUp && !mySpeech && (
          <SpeechForm
            eventId={id}
            speech={null}
            save={(v) => signUp.mutateAsync(v)}
            pending={signUp.isPending}
            error={signUp.error}
          />
        )}
      </Card>
      <Card
        title={`参加人员（${e.participants.length}）`}
        extra={
          office &&
          ['preparation', 'noticed'].includes(e.state) && <Button onClick={() => setAdding(true)}>添加</Button>
        }
      >
        {e.participants.map((p: any) => (
          <Tag key={p.id} style={{ marginBottom: 6 }}>
            {GUEST[p.kind]}：{p.name}
            {p.organisation ? `（${p.organisation}）` : ''}
          </Tag>
        ))}
      </Card>
      {e.minutes && (
        <Card title="纪要" style={{ marginTop: 16 }}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{e.minutes}</Typography.Paragraph>
          {e.agreedPoints && (
            <>
              <Typography.Title level={3} style={{ fontSize: 16 }}>
                议定事项
              </Typography.Title>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{e.agreedPoints}</Typography.Paragraph>
            </>
          )}
        </Card>
      )}
      <Modal title={acting?.label} open={!!acting} onCancel={() => setActing(null)} footer={null} destroyOnHidden>
        {acting && (
          <EventActionForm eventId={id} acting={acting} save={(v) => act.mutateAsync(v)} pending={act.isPending} />
        )}
      </Modal>
      <Modal title="添加参加人员" open={adding} onCancel={() => setAdding(false)} footer={null} destroyOnHidden>
        <ErrorAlert error={addPeople.error} />
        <Form layout="vertical" onFinish={(v) => addPeople.mutate(v)}>
          <Form.Item name="rule" label="委员范围">
            <Select
              allowClear
              options={[
                { value: 'all', label: '全体委员' },
                { value: 'standing', label: '常务委员' },
              ]}
            />
          </Form.Item>
          <Form.Item name="guestKind" label="特邀人员类别">
            <Select
              allowClear
              options={['party', 'official', 'expert', 'citizen'].map((k) => ({ value: k, label: GUEST[k] }))}
            />
          </Form.Item>
          <Form.Item name="guestName" label="特邀人员姓名">
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="guestOrg" label="单位">
            <Input maxLength={100} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={addPeople.isPending}>
            添加
          </Button>
        </Form>
      </Modal>
    </>
  );
}
