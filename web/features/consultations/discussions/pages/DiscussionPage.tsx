// One discussion for a participant (on a phone first): the background, one statement at a time with three large vote
// buttons, writing a statement, all statements with their comments, and the opinion map (lazy-loaded). Staff get
// links to moderation and the summary, and a tab to invite citizens (邀请群众).
import { useQueryClient } from '@tanstack/react-query';
import { Collapse, Flex, Skeleton, Tabs, Tag } from 'antd';
import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router-dom';
import { formatDateTime } from '../../../../app/format.ts';
import { ErrorAlert, PageHeader } from '../../../../components/index.ts';
import { memberSource, STATUS_LABELS } from '../api.ts';
import { StatementList } from '../components/StatementList.tsx';
import { VoteCard } from '../components/VoteCard.tsx';
import { WriteCard } from '../components/WriteCard.tsx';
import { discussionKeys, useDiscussion, useLiveDiscussion } from '../queries.ts';

const OpinionMap = lazy(() => import('../components/OpinionMap.tsx'));
const InvitationPanel = lazy(() => import('../components/InvitationPanel.tsx'));
export function DiscussionPage() {
  const id = Number(useParams().id);
  const { data: d, error } = useDiscussion(id);
  const qc = useQueryClient();
  useLiveDiscussion(id);
  const changed = () => qc.invalidateQueries({ queryKey: discussionKeys.statements(id) });
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
                <VoteCard base={`/api/discussions/${id}`} takePart={d.can.takePart} onChanged={changed} />
                <WriteCard
                  base={`/api/discussions/${id}`}
                  takePart={d.can.takePart}
                  maxLength={d.maxLength}
                  onChanged={changed}
                />
              </>
            ),
          },
          { key: 'all', label: '全部观点', children: <StatementList source={memberSource(d)} /> },
          {
            key: 'map',
            label: '意见地图',
            children: (
              <Suspense fallback={<Skeleton active />}>
                <OpinionMap id={id} manage={d.can.manage} />
              </Suspense>
            ),
          },
          ...(d.can.manage
            ? [
                {
                  key: 'invite',
                  label: '邀请群众',
                  children: (
                    <Suspense fallback={<Skeleton active />}>
                      <InvitationPanel id={id} />
                    </Suspense>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
