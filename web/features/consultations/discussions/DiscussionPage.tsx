// One discussion for a participant (on a phone first): the background, one statement at a time with three large vote
// buttons, writing a statement, all statements with their comments, and the opinion map (lazy-loaded). Staff get
// links to moderation and the summary.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Collapse, Flex, Input, Skeleton, Tabs, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../../api/client.ts';
import { formatDateTime } from '../../../app/format.ts';
import { ErrorAlert, errorMessage, PageHeader } from '../../../components/index.ts';
import { TAG } from '../../../components/tagColors.ts';
import { type Discussion, keys, STATUS_LABELS, type Statement, useDiscussion, useLiveDiscussion } from './api.ts';
import { StatementList } from './StatementList.tsx';

const OpinionMap = lazy(() => import('./OpinionMap.tsx'));
const BIG = { height: 56, fontSize: 18, flex: 1 };

function VoteCard({ d }: { d: Discussion }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const next = useQuery({
    queryKey: keys.next(d.id),
    queryFn: () =>
      api.get<{ statement: Statement | null; remaining: number; voted: number }>(`/api/discussions/${d.id}/next`),
  });
  const vote = useMutation({
    mutationFn: (v: string) =>
      api.put(`/api/discussions/${d.id}/statements/${next.data!.statement!.id}/vote`, { vote: v }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: keys.next(d.id) });
      qc.invalidateQueries({ queryKey: keys.statements(d.id) });
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  if (next.error) return <ErrorAlert error={next.error} />;
  if (!next.data) return <Skeleton active />;
  const s = next.data.statement;
  if (!s)
    return (
      <Card>
        <Typography.Paragraph style={{ fontSize: 18 }}>
          您已对全部观点表态（共 {next.data.voted} 条），谢谢参与！可以写下自己的观点，或查看意见地图。
        </Typography.Paragraph>
      </Card>
    );
  return (
    <Card title={`还有 ${next.data.remaining} 条观点待表态`}>
      <Typography.Paragraph style={{ fontSize: 20, minHeight: 80 }} data-testid="statement">
        {s.pinned && <Tag color={TAG.gold}>置顶</Tag>}
        {s.body}
      </Typography.Paragraph>
      {d.can.takePart ? (
        <Flex gap={8}>
          <Button type="primary" style={BIG} loading={vote.isPending} onClick={() => vote.mutate('agree')}>
            赞同
          </Button>
          <Button danger style={BIG} loading={vote.isPending} onClick={() => vote.mutate('disagree')}>
            反对
          </Button>
          <Button style={BIG} loading={vote.isPending} onClick={() => vote.mutate('pass')}>
            跳过
          </Button>
        </Flex>
      ) : (
        <Typography.Text type="secondary">当前不在参与时间内，或您不在参与范围内。</Typography.Text>
      )}
    </Card>
  );
}

function WriteCard({ d }: { d: Discussion }) {
  const [text, setText] = useState('');
  const qc = useQueryClient();
  const { message } = App.useApp();
  const write = useMutation({
    mutationFn: () => api.post<{ id: number; state: string }>(`/api/discussions/${d.id}/statements`, { body: text }),
    onSuccess: (r) => {
      setText('');
      message.success(r.state === 'pending' ? '已提交，审核后显示' : '观点已发表');
      qc.invalidateQueries({ queryKey: keys.statements(d.id) });
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  if (!d.can.takePart) return null;
  return (
    <Card title="写下您的观点" style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">一条只说一个观点，简短明确；其他参与者会对它表态。</Typography.Paragraph>
      <Input.TextArea
        aria-label="观点"
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={d.maxLength}
        showCount
        autoSize={{ minRows: 3 }}
      />
      <Button
        type="primary"
        style={{ marginTop: 16 }}
        disabled={!text.trim()}
        loading={write.isPending}
        onClick={() => write.mutate()}
      >
        发表观点
      </Button>
    </Card>
  );
}

export function DiscussionPage() {
  const id = Number(useParams().id);
  const { data: d, error } = useDiscussion(id);
  useLiveDiscussion(id);
  if (error) return <ErrorAlert error={error} />;
  if (!d) return <Skeleton active />;
  return (
    <>
      <PageHeader
        title={d.topic}
        back="/consultations/discussions"
        description={
          <>
            <Tag>{STATUS_LABELS[d.status]}</Tag>
            {formatDateTime(d.opensAt)} 至 {formatDateTime(d.closesAt)} · {d.audienceLabel}
            {d.anonymous ? ' · 对其他参与者匿名' : ''}
          </>
        }
        extra={
          d.can.manage && (
            <Flex gap={8} wrap>
              <Link to={`/consultations/discussions/${id}/moderate`}>审核管理</Link>
              <Link to={`/consultations/discussions/${id}/summary`}>意见汇总</Link>
            </Flex>
          )
        }
      />
      {d.background && (
        <Collapse
          style={{ marginBottom: 16 }}
          items={[
            { key: 'bg', label: '背景材料', children: <div style={{ whiteSpace: 'pre-wrap' }}>{d.background}</div> },
          ]}
        />
      )}
      <Tabs
        items={[
          {
            key: 'vote',
            label: '表态',
            children: (
              <>
                <VoteCard d={d} />
                <WriteCard d={d} />
              </>
            ),
          },
          { key: 'all', label: '全部观点', children: <StatementList d={d} /> },
          {
            key: 'map',
            label: '意见地图',
            children: (
              <Suspense fallback={<Skeleton active />}>
                <OpinionMap id={id} />
              </Suspense>
            ),
          },
        ]}
      />
    </>
  );
}
