// The public pages a resident reaches from a room's or studio's QR code, with no account: the room's results, a form
// to raise a topic (码上议) or send a micro suggestion with a phone number and a one-time code, and the resident's own
// topic page (its address is given after submitting) showing the answer and the units' feedback.
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, List, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PhoneCodeFields } from '../../components/PhoneCodeFields.tsx';
import { PublicReception, type Reception } from './PublicReception.tsx';

interface PublicRoom {
  name: string;
  township: string;
  village: string;
  firstConvener: string;
  execConvenerName: string | null;
  results: {
    title: string;
    heldOn: string;
    photoIds: number[];
    items: { content: string; unitName: string; stateLabel: string; feedback: string | null }[];
  }[];
}
interface PublicStudio {
  name: string;
  kindLabel: string;
  place: string;
  leaderName: string | null;
  reception: Reception;
}

function Frame({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main style={{ maxWidth: 720, margin: '0 auto', padding: 16 }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {title}
      </Typography.Title>
      {children}
    </main>
  );
}

function SubmitForm({ kind, token, what }: { kind: 'rooms' | 'studios'; token: string; what: string }) {
  const [form] = Form.useForm();
  const [done, setDone] = useState<{ topicToken: string | null } | null>(null);
  const submit = useMutation({
    mutationFn: (v: object) => api.post<{ topicToken: string | null }>(`/api/public/${kind}/${token}/submissions`, v),
    onSuccess: setDone,
  });
  if (done)
    return (
      <Result
        status="success"
        title="已提交，感谢您的参与"
        extra={done.topicToken && <Link to={`/public/topics/${done.topicToken}`}>查看办理进展（请保存此页地址）</Link>}
      />
    );
  return (
    <Card title={what}>
      <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)}>
        <Form.Item
          name="title"
          label={kind === 'rooms' ? '议题' : '标题'}
          rules={[
            { required: true, message: '请填写' },
            { max: 100, message: '不能超过 100 个字' },
          ]}
        >
          <Input count={{ show: true, max: 100 }} />
        </Form.Item>
        <Form.Item name="body" label="具体内容" rules={[{ max: 2000, message: '不能超过 2000 个字' }]}>
          <Input.TextArea rows={4} count={{ show: true, max: 2000 }} />
        </Form.Item>
        <PhoneCodeFields form={form} codeUrl={`/api/public/${kind}/${token}/code`} />
        <ErrorAlert error={submit.error} />
        <Button type="primary" htmlType="submit" block loading={submit.isPending}>
          提交
        </Button>
      </Form>
    </Card>
  );
}

export function PublicRoomPage() {
  const token = useParams().token ?? '';
  const room = useQuery({
    queryKey: ['public', 'room', token],
    queryFn: () => api.get<PublicRoom>(`/api/public/rooms/${token}`),
  });
  if (room.isLoading) return <Spin />;
  const r = room.data;
  return (
    <Frame title={r?.name ?? '协商议事室'}>
      <ErrorAlert error={room.error} />
      {r && (
        <>
          <Typography.Paragraph>
            {r.township} {r.village} · 第一召集人 {r.firstConvener}
            {r.execConvenerName && ` · 执行召集人 ${r.execConvenerName}`}
          </Typography.Paragraph>
          <SubmitForm kind="rooms" token={token} what="我要提议题（有事好商量）" />
          <Card title="协商结果" style={{ marginTop: 16 }}>
            <List
              dataSource={r.results}
              locale={{ emptyText: <Typography.Text>暂无公开的协商结果</Typography.Text> }}
              renderItem={(s) => (
                <List.Item>
                  <div>
                    <Typography.Text strong>{s.title}</Typography.Text>{' '}
                    <Typography.Text type="secondary">{s.heldOn}</Typography.Text>
                    {s.photoIds.length > 0 && (
                      <Flex wrap gap={8} style={{ marginTop: 8 }}>
                        {s.photoIds.map((id) => (
                          <img
                            key={id}
                            src={`/api/public/rooms/${token}/photos/${id}`}
                            alt={`${s.title}现场照片`}
                            style={{ width: 120, height: 90, objectFit: 'cover' }}
                          />
                        ))}
                      </Flex>
                    )}
                    <ul>
                      {s.items.map((i) => (
                        <li key={i.content}>
                          {i.content}（{i.unitName}，{i.stateLabel}）{i.feedback && `：${i.feedback}`}
                        </li>
                      ))}
                    </ul>
                  </div>
                </List.Item>
              )}
            />
          </Card>
        </>
      )}
    </Frame>
  );
}

export function PublicStudioPage() {
  const token = useParams().token ?? '';
  const studio = useQuery({
    queryKey: ['public', 'studio', token],
    queryFn: () => api.get<PublicStudio>(`/api/public/studios/${token}`),
  });
  const s = studio.data;
  return (
    <Frame title={s?.name ?? '委员工作室'}>
      <ErrorAlert error={studio.error} />
      {s && (
        <>
          <Typography.Paragraph>
            {s.kindLabel} {s.place && `· ${s.place}`} {s.leaderName && `· 负责人 ${s.leaderName}`}
          </Typography.Paragraph>
          <SubmitForm kind="studios" token={token} what="我要提微建议" />
          <PublicReception token={token} reception={s.reception} />
        </>
      )}
    </Frame>
  );
}

export function PublicTopicPage() {
  const token = useParams().token ?? '';
  const t = useQuery({
    queryKey: ['public', 'topic', token],
    queryFn: () =>
      api.get<{
        title: string;
        roomName: string;
        stateLabel: string;
        declineReason: string | null;
        items: { content: string; unitName: string; stateLabel: string; feedback: string | null; dueOn: string }[];
      }>(`/api/public/topics/${token}`),
  });
  const d = t.data;
  return (
    <Frame title={d?.title ?? '我的议题'}>
      <ErrorAlert error={t.error} />
      {d && (
        <>
          <Alert
            type="info"
            showIcon
            title={`${d.roomName}：${d.stateLabel}`}
            description={d.declineReason && `理由：${d.declineReason}`}
          />
          <List
            style={{ marginTop: 16 }}
            dataSource={d.items}
            locale={{ emptyText: <Typography.Text>协商后，议定事项和办理情况会显示在这里</Typography.Text> }}
            renderItem={(i) => (
              <List.Item>
                <div>
                  <Typography.Text strong>{i.content}</Typography.Text>
                  <div>
                    {i.unitName} · {i.stateLabel}（{i.dueOn} 前反馈）
                  </div>
                  {i.feedback && <div>办理情况：{i.feedback}</div>}
                </div>
              </List.Item>
            )}
          />
        </>
      )}
    </Frame>
  );
}
