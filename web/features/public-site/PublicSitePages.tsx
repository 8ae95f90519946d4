// The committee's public site (/public/c/:code, no sign-in): news and notices, the year's consultation plan, published
// consultation outcomes, public proposals with their replies, rooms and studios (links to their QR pages), and the
// proposal idea form (提案线索) with a phone's one-time code. Nothing here names a citizen.
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, List, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { formatDate } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PhoneCodeFields } from '../../components/PhoneCodeFields.tsx';

interface NewsItem {
  id: number;
  kindLabel: string;
  title: string;
  publishedAt: string;
}
interface Proposal {
  id: number;
  title: string;
  proposer: string;
  replies: { unitName: string; text: string }[];
}
interface Home {
  committee: { name: string; code: string };
  year: number;
  news: { items: NewsItem[]; total: number };
  plans: {
    kindLabel: string;
    title: string;
    items: { topic: string; kindLabel: string; plannedMonth: number | null }[];
  }[];
  rooms: { name: string; township: string; village: string; token: string; results: number }[];
  studios: { name: string; kindLabel: string; place: string; token: string }[];
  proposals: { items: Proposal[]; total: number };
}
interface Outcome {
  id: number;
  title: string;
  summary: string;
  feedback: { unitName: string; measures: string }[];
}

function Frame({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main style={{ maxWidth: 760, margin: '0 auto', padding: 16 }}>
      <Typography.Title level={1} style={{ fontSize: '1.5em' }}>
        {title}
      </Typography.Title>
      {children}
    </main>
  );
}

function ProposalList({ items }: { items: Proposal[] }) {
  return (
    <List
      dataSource={items}
      locale={{ emptyText: <Typography.Text>暂无公开的提案</Typography.Text> }}
      renderItem={(p) => (
        <List.Item>
          <div style={{ minWidth: 0 }}>
            <Typography.Text strong>{p.title}</Typography.Text>
            <div>提案人：{p.proposer}</div>
            {p.replies.map((r) => (
              <Typography.Paragraph
                key={r.unitName + r.text.slice(0, 10)}
                style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}
              >
                {r.unitName}答复：{r.text}
              </Typography.Paragraph>
            ))}
          </div>
        </List.Item>
      )}
    />
  );
}

export function PublicHomePage() {
  const code = useParams().code ?? '';
  const home = useQuery({ queryKey: ['public', 'home', code], queryFn: () => api.get<Home>(`/api/public/c/${code}`) });
  const outcomes = useQuery({
    queryKey: ['public', 'outcomes', code],
    queryFn: () => api.get<{ items: Outcome[] }>(`/api/public/consultation-outcomes?committee=${code}&pageSize=5`),
  });
  if (home.isLoading) return <Spin />;
  const h = home.data;
  return (
    <Frame title={h?.committee.name ?? '政协'}>
      <ErrorAlert error={home.error} />
      {h && (
        <>
          <Card title="新闻与通知公告">
            <List
              dataSource={h.news.items}
              locale={{ emptyText: <Typography.Text>暂无新闻公告</Typography.Text> }}
              renderItem={(n) => (
                <List.Item>
                  <Link to={`/public/c/${code}/news/${n.id}`}>
                    [{n.kindLabel}] {n.title}
                  </Link>
                  <Typography.Text type="secondary">{formatDate(n.publishedAt)}</Typography.Text>
                </List.Item>
              )}
            />
          </Card>
          <Card title={`${h.year}年协商计划`} style={{ marginTop: 16 }}>
            {h.plans.length === 0 && <Typography.Text>本年度协商计划尚未发布</Typography.Text>}
            {h.plans.map((p) => (
              <div key={p.title}>
                <Typography.Text strong>{p.title}</Typography.Text>
                <ol>
                  {p.items.map((i) => (
                    <li key={i.topic}>
                      {i.topic}（{i.kindLabel}
                      {i.plannedMonth && `，${i.plannedMonth}月`}）
                    </li>
                  ))}
                </ol>
              </div>
            ))}
          </Card>
          <Card title="协商成果" style={{ marginTop: 16 }}>
            <List
              dataSource={outcomes.data?.items ?? []}
              locale={{ emptyText: <Typography.Text>暂无公开的协商成果</Typography.Text> }}
              renderItem={(o) => (
                <List.Item>
                  <div style={{ minWidth: 0 }}>
                    <Typography.Text strong>{o.title}</Typography.Text>
                    <Typography.Paragraph style={{ marginBottom: 0 }}>{o.summary}</Typography.Paragraph>
                    {o.feedback.map((f) => (
                      <div key={f.unitName}>
                        {f.unitName}：{f.measures}
                      </div>
                    ))}
                  </div>
                </List.Item>
              )}
            />
          </Card>
          <Card
            title="公开的提案与答复"
            style={{ marginTop: 16 }}
            extra={<Link to={`/public/c/${code}/proposals`}>全部（{h.proposals.total}）</Link>}
          >
            <ProposalList items={h.proposals.items} />
          </Card>
          <Card title="协商议事室与委员工作室" style={{ marginTop: 16 }}>
            <List
              dataSource={[
                ...h.rooms.map((r) => ({
                  key: `r${r.token}`,
                  to: `/public/rooms/${r.token}`,
                  name: r.name,
                  note: `${r.township}${r.village}`,
                })),
                ...h.studios.map((s) => ({
                  key: `s${s.token}`,
                  to: `/public/studios/${s.token}`,
                  name: s.name,
                  note: s.kindLabel,
                })),
              ]}
              locale={{ emptyText: <Typography.Text>暂无</Typography.Text> }}
              renderItem={(p) => (
                <List.Item key={p.key}>
                  <Link to={p.to}>{p.name}</Link>
                  <Typography.Text type="secondary">{p.note}</Typography.Text>
                </List.Item>
              )}
            />
          </Card>
          <Card title="我有提案线索" style={{ marginTop: 16 }}>
            <Typography.Paragraph>您反映的问题和建议，经整理后会交给委员研究，可能形成提案。</Typography.Paragraph>
            <Link to={`/public/c/${code}/ideas`}>填写提案线索</Link>
          </Card>
        </>
      )}
    </Frame>
  );
}

export function PublicNewsPage() {
  const { code = '', id = '' } = useParams();
  const n = useQuery({
    queryKey: ['public', 'news', code, id],
    queryFn: () => api.get<NewsItem & { body: string }>(`/api/public/c/${code}/news/${id}`),
  });
  return (
    <Frame title={n.data?.title ?? '新闻公告'}>
      <ErrorAlert error={n.error} />
      {n.data && (
        <>
          <Typography.Text type="secondary">
            {n.data.kindLabel} · {formatDate(n.data.publishedAt)}
          </Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>{n.data.body}</Typography.Paragraph>
        </>
      )}
      <Link to={`/public/c/${code}`}>返回首页</Link>
    </Frame>
  );
}

export function PublicProposalsPage() {
  const code = useParams().code ?? '';
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['public', 'proposals', code, page],
    queryFn: () =>
      api.get<{ items: Proposal[]; total: number }>(`/api/public/c/${code}/proposals?page=${page}&pageSize=20`),
  });
  return (
    <Frame title="公开的提案与答复">
      <ErrorAlert error={list.error} />
      <ProposalList items={list.data?.items ?? []} />
      {(list.data?.total ?? 0) > page * 20 && <Button onClick={() => setPage(page + 1)}>下一页</Button>}
      <div>
        <Link to={`/public/c/${code}`}>返回首页</Link>
      </div>
    </Frame>
  );
}

export function PublicIdeaPage() {
  const code = useParams().code ?? '';
  const [form] = Form.useForm();
  const [done, setDone] = useState(false);
  const submit = useMutation({
    mutationFn: (v: object) => api.post(`/api/public/c/${code}/ideas`, v),
    onSuccess: () => setDone(true),
  });
  if (done)
    return (
      <Result status="success" title="已提交，感谢您的建议" extra={<Link to={`/public/c/${code}`}>返回首页</Link>} />
    );
  return (
    <Frame title="提案线索">
      <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)}>
        <Form.Item
          name="title"
          label="标题"
          rules={[
            { required: true, message: '请填写标题' },
            { max: 50, message: '标题不能超过 50 个字' },
          ]}
        >
          <Input count={{ show: true, max: 50 }} />
        </Form.Item>
        <Form.Item
          name="body"
          label="具体内容"
          rules={[
            { required: true, message: '请填写具体内容' },
            { max: 2000, message: '具体内容不能超过 2000 个字' },
          ]}
        >
          <Input.TextArea rows={5} count={{ show: true, max: 2000 }} />
        </Form.Item>
        <PhoneCodeFields form={form} codeUrl={`/api/public/c/${code}/code`} />
        <ErrorAlert error={submit.error} />
        <Button type="primary" htmlType="submit" block disabled={submit.isPending}>
          提交
        </Button>
      </Form>
    </Frame>
  );
}
