// A committee's public home (/public/c/:code, no sign-in): news and notices, the year's consultation plan, published
// consultation outcomes, public proposals with their replies, rooms and studios (links to their QR pages), and the
// way to the proposal idea form. Nothing here names a citizen.
import { Card, List, Spin, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { formatDate } from '../../../app/format.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PublicFrame } from '../../../components/PublicFrame.tsx';
import { ProposalList } from '../components/ProposalList.tsx';
import { SITE_FRAME } from '../components/siteFrame.ts';
import { usePublicHome, usePublicOutcomes } from '../queries.ts';

export function PublicHomePage() {
  const code = useParams().code ?? '';
  const home = usePublicHome(code);
  const outcomes = usePublicOutcomes(code);
  if (home.isLoading) return <Spin />;
  const h = home.data;
  return (
    <PublicFrame {...SITE_FRAME} title={h?.committee.name ?? '政协'}>
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
    </PublicFrame>
  );
}
