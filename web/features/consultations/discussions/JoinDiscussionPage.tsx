// The page an invited citizen (受邀群众) opens from the link or QR code, with no account: the topic and its materials,
// a phone number and a one-time code to sign in (a guest of this one discussion), then one statement at a time to vote
// on and a box to write one, and all statements with their comments to reply to — the same components as a member's
// page (VoteCards.tsx, StatementList.tsx) on the public API. Phone first (375 px).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Collapse, Flex, Form, Input, Result, Spin, Tabs, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import type { PublicDiscussion as PublicTopic } from '../../../../server/modules/consultations/discussion-guests.ts';
import { type ApiError, api } from '../../../api/client.ts';
import { formatDateTime } from '../../../app/format.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import type { DiscussionSource } from './api.ts';
import { StatementList } from './StatementList.tsx';
import { VoteCard, WriteCard } from './VoteCards.tsx';

type PublicDiscussion = PublicTopic & { signedIn: boolean; full: boolean };

function Frame({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main style={{ maxWidth: 720, margin: '0 auto', padding: 16, fontSize: 16 }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {title}
      </Typography.Title>
      {children}
    </main>
  );
}

function SignIn({ base, onDone }: { base: string; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const code = useMutation({
    mutationFn: (phone: string) => api.post<{ minutes: number }>(`${base}/code`, { phone }),
    onSuccess: (r) => message.success(`验证码已发送，${r.minutes}分钟内有效`),
  });
  const signIn = useMutation({
    mutationFn: (v: { phone: string; code: string }) => api.post(`${base}/sign-in`, v),
    onSuccess: onDone,
  });
  return (
    <Card title="验证手机号后参与讨论">
      <Form form={form} layout="vertical" size="large" onFinish={(v) => signIn.mutate(v)}>
        <Form.Item
          name="phone"
          label="手机号码"
          rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: '请填写 11 位手机号码' }]}
        >
          <Input inputMode="tel" autoComplete="tel" maxLength={11} />
        </Form.Item>
        <Flex gap={8} align="flex-end">
          <Form.Item
            name="code"
            label="验证码"
            rules={[{ required: true, pattern: /^\d{6}$/, message: '请填写 6 位验证码' }]}
            style={{ flex: 1 }}
          >
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
          </Form.Item>
          <Form.Item>
            <Button
              loading={code.isPending}
              onClick={() => form.validateFields(['phone']).then((v) => code.mutate(v.phone))}
            >
              获取验证码
            </Button>
          </Form.Item>
        </Flex>
        <Typography.Paragraph type="secondary">
          手机号码仅用于验证身份，加密保存，不会向其他参与者公开。
        </Typography.Paragraph>
        <ErrorAlert error={code.error ?? signIn.error} />
        <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
          验证并参与
        </Button>
      </Form>
    </Card>
  );
}

/** The signed-in citizen's tabs, as on a member's page: vote and write, then all statements with their comments. */
function Participate({ source, maxLength }: { source: DiscussionSource; maxLength: number }) {
  const qc = useQueryClient();
  // A vote or a new statement changes the counts in the list.
  const changed = () => qc.invalidateQueries({ queryKey: [...source.key, 'statements'] });
  const { base, takePart } = source;
  return (
    <Tabs
      items={[
        {
          key: 'vote',
          label: '表态',
          children: (
            <>
              <VoteCard base={base} takePart={takePart} onChanged={changed} />
              <WriteCard base={base} takePart={takePart} maxLength={maxLength} onChanged={changed} />
            </>
          ),
        },
        { key: 'all', label: '全部观点', children: <StatementList source={source} /> },
      ]}
    />
  );
}

export function JoinDiscussionPage() {
  const token = useParams().token ?? '';
  const base = `/api/public/discussions/${token}`;
  const qc = useQueryClient();
  const page = useQuery({
    queryKey: ['public', 'discussion', token],
    queryFn: () => api.get<PublicDiscussion>(base),
    retry: false,
  });
  if (page.isLoading) return <Spin />;
  const err = page.error as ApiError | null;
  if (err && (err.status === 404 || err.status === 410))
    return (
      <Frame title="网络议政">
        <Result status="warning" title={err.message} subTitle="邀请链接可能已过期、已被收回或名额已用完。" />
      </Frame>
    );
  const d = page.data;
  const now = Date.now();
  const open = !!d && Date.parse(d.opensAt) <= now && now < Date.parse(d.closesAt);
  return (
    <Frame title={d?.topic ?? '网络议政'}>
      <ErrorAlert error={page.error} />
      {d && (
        <>
          <Typography.Paragraph type="secondary">
            {formatDateTime(d.opensAt)} 至 {formatDateTime(d.closesAt)} · 受邀参与
          </Typography.Paragraph>
          {d.background && (
            <Collapse
              defaultActiveKey={d.signedIn ? [] : ['bg']}
              style={{ marginBottom: 16 }}
              items={[
                {
                  key: 'bg',
                  label: '背景材料',
                  children: <div style={{ whiteSpace: 'pre-wrap' }}>{d.background}</div>,
                },
              ]}
            />
          )}
          {d.signedIn ? (
            <Participate source={{ base, key: ['public-discussion', token], takePart: open }} maxLength={d.maxLength} />
          ) : d.full ? (
            <Result status="warning" title="此邀请链接的名额已用完" subTitle="请联系工作人员获取新的邀请链接。" />
          ) : (
            <SignIn base={base} onDone={() => qc.invalidateQueries({ queryKey: ['public', 'discussion', token] })} />
          )}
        </>
      )}
    </Frame>
  );
}
