// Staff moderation of a discussion (审核管理): statements by state with approve / hide / restore / pin / adopt, merging a
// duplicate into one of the similar statements the platform suggests, and the comments with the same actions.
import { Button, Card, Flex, List, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { choices, ErrorAlert, PageHeader } from '../../../../components/index.ts';
import { TAG } from '../../../../components/tagColors.ts';
import { STATE_LABELS, type Statement } from '../api.ts';
import { MergeDialog } from '../components/MergeDialog.tsx';
import { useComments, useDiscussion, useLiveDiscussion, useModerate, useStatements } from '../queries.ts';

const ACTIONS: Record<string, [string, string][]> = {
  pending: [
    ['approve', '通过'],
    ['hide', '隐藏'],
  ],
  shown: [['hide', '隐藏']],
  hidden: [['restore', '恢复']],
  merged: [['restore', '取消合并']],
};

export function ModerationPage() {
  const id = Number(useParams().id);
  const [state, setState] = useState('pending');
  const [merging, setMerging] = useState<Statement | null>(null);
  const d = useDiscussion(id);
  const statements = useStatements(id, state);
  const comments = useComments(id);
  const moderate = useModerate(id, 'statements');
  const moderateComment = useModerate(id, 'comments');
  useLiveDiscussion(id);
  return (
    <>
      <PageHeader title="审核管理" back={`/consultations/discussions/${id}`} description={d.data?.topic} />
      <ErrorAlert error={statements.error ?? comments.error} />
      <div style={{ overflowX: 'auto', marginBottom: 16 }}>
        <Segmented
          aria-label="按状态查看"
          value={state}
          onChange={(v) => setState(String(v))}
          options={choices(STATE_LABELS)}
        />
      </div>
      <List
        dataSource={statements.data?.items ?? []}
        locale={{ emptyText: '没有观点' }}
        renderItem={(s) => (
          <Card size="small" style={{ marginBottom: 12 }}>
            <div style={{ fontSize: 17 }}>
              {s.filtered && <Tag color="red">含过滤词</Tag>}
              {s.pinned && <Tag color={TAG.gold}>置顶</Tag>}
              {s.adopted && <Tag color={TAG.green}>已采纳</Tag>}
              {s.body}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 14 }}>
              {s.author} · 赞同 {s.agree} · 反对 {s.disagree} · 跳过 {s.pass}
            </Typography.Text>
            <Flex gap={8} wrap style={{ marginTop: 8 }}>
              {(ACTIONS[s.state] ?? []).map(([action, label]) => (
                <Button key={action} size="small" onClick={() => moderate.mutate({ target: s.id, action })}>
                  {label}
                </Button>
              ))}
              {s.state !== 'merged' && s.state !== 'hidden' && (
                <Button size="small" onClick={() => setMerging(s)}>
                  合并重复
                </Button>
              )}
              {s.state === 'shown' && (
                <Button
                  size="small"
                  onClick={() => moderate.mutate({ target: s.id, action: s.pinned ? 'unpin' : 'pin' })}
                >
                  {s.pinned ? '取消置顶' : '置顶'}
                </Button>
              )}
              <Button
                size="small"
                onClick={() => moderate.mutate({ target: s.id, action: s.adopted ? 'unadopt' : 'adopt' })}
              >
                {s.adopted ? '取消采纳' : '采纳'}
              </Button>
            </Flex>
          </Card>
        )}
      />
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        评论
      </Typography.Title>
      <List
        dataSource={comments.data?.items ?? []}
        locale={{ emptyText: '没有评论' }}
        renderItem={(c) => (
          <List.Item
            actions={[
              c.state === 'pending' && (
                <Button
                  key="a"
                  size="small"
                  onClick={() => moderateComment.mutate({ target: c.id, action: 'approve' })}
                >
                  通过
                </Button>
              ),
              <Button
                key="h"
                size="small"
                onClick={() =>
                  moderateComment.mutate({ target: c.id, action: c.state === 'hidden' ? 'restore' : 'hide' })
                }
              >
                {c.state === 'hidden' ? '恢复' : '隐藏'}
              </Button>,
              <Button
                key="d"
                size="small"
                onClick={() => moderateComment.mutate({ target: c.id, action: c.adopted ? 'unadopt' : 'adopt' })}
              >
                {c.adopted ? '取消采纳' : '采纳'}
              </Button>,
            ].filter(Boolean)}
          >
            <div>
              <Typography.Text strong>{c.author}</Typography.Text> <Tag>{STATE_LABELS[c.state]}</Tag>
              <div>{c.body}</div>
            </div>
          </List.Item>
        )}
      />
      {merging && <MergeDialog id={id} s={merging} onClose={() => setMerging(null)} />}
    </>
  );
}
