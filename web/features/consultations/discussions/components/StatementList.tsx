// All shown statements of a discussion with their counts and threaded comments; a participant comments and replies.
// One component for members and invited citizens: what it reads and writes comes from its source (api.ts, DiscussionSource).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../../api/client.ts';
import { ErrorAlert, errorMessage } from '../../../../components/index.ts';
import { TAG } from '../../../../components/tagColors.ts';
import type { Comment, DiscussionSource, Statement } from '../api.ts';

const VOTE_LABELS: Record<string, string> = { agree: '赞同', disagree: '反对', pass: '跳过' };

const commentsKey = (source: DiscussionSource) => [...source.key, 'comments'];

function Reply({
  source,
  statementId,
  parentId,
  onDone,
}: {
  source: DiscussionSource;
  statementId?: number;
  parentId?: number;
  onDone?: () => void;
}) {
  const [text, setText] = useState('');
  const qc = useQueryClient();
  const { message } = App.useApp();
  const send = useMutation({
    mutationFn: () => api.post<{ state: string }>(`${source.base}/comments`, { body: text, statementId, parentId }),
    onSuccess: (r) => {
      setText('');
      if (r.state === 'pending') message.success('已提交，审核后显示');
      qc.invalidateQueries({ queryKey: commentsKey(source) });
      onDone?.();
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <Space.Compact style={{ width: '100%', marginTop: 8 }}>
      <Input
        aria-label={parentId ? '回复' : '评论'}
        placeholder={parentId ? '回复…' : '写评论…'}
        value={text}
        // The server's limit (1,000), counted as the text nears it and never cut: sending more names the field.
        count={{ max: 1000, show: text.length > 800 }}
        onChange={(e) => setText(e.target.value)}
      />
      {/* Disabled, not `loading`, while sending: a reply is sent under one statement after another, and antd's loading
          icon can stay in the DOM and make the button read 「loading 发送」 (see VoteCards.tsx). */}
      <Button type="primary" disabled={!text.trim() || send.isPending} onClick={() => send.mutate()}>
        发送
      </Button>
    </Space.Compact>
  );
}

function Thread({
  source,
  statementId,
  comments,
  parentId,
  depth,
}: {
  source: DiscussionSource;
  statementId: number;
  comments: Comment[];
  parentId: number | null;
  depth: number;
}) {
  const [replyTo, setReplyTo] = useState<number | null>(null);
  const children = comments.filter((c) => c.parentId === parentId);
  return (
    <>
      {children.map((c) => (
        <div
          key={c.id}
          style={{
            marginLeft: depth ? 16 : 0,
            borderLeft: depth ? '2px solid #f0f0f0' : undefined,
            paddingLeft: depth ? 8 : 0,
            marginTop: 8,
          }}
        >
          <Typography.Text strong>{c.author}</Typography.Text>
          {c.state === 'pending' && <Tag style={{ marginLeft: 4 }}>待审核</Tag>}
          {c.adopted && (
            <Tag color={TAG.green} style={{ marginLeft: 4 }}>
              已采纳
            </Tag>
          )}
          <div>{c.body}</div>
          {source.takePart && depth < 3 && (
            <Button
              type="link"
              size="small"
              style={{ padding: 0 }}
              onClick={() => setReplyTo(replyTo === c.id ? null : c.id)}
            >
              回复
            </Button>
          )}
          {replyTo === c.id && (
            <Reply source={source} statementId={statementId} parentId={c.id} onDone={() => setReplyTo(null)} />
          )}
          <Thread source={source} statementId={statementId} comments={comments} parentId={c.id} depth={depth + 1} />
        </div>
      ))}
    </>
  );
}

export function StatementList({ source }: { source: DiscussionSource }) {
  const statements = useQuery({
    queryKey: [...source.key, 'statements', ''],
    queryFn: () => api.get<{ items: Statement[] }>(`${source.base}/statements`),
  });
  const comments = useQuery({
    queryKey: commentsKey(source),
    queryFn: () => api.get<{ items: Comment[] }>(`${source.base}/comments`),
  });
  if (statements.error) return <ErrorAlert error={statements.error} />;
  const all = comments.data?.items ?? [];
  const items = statements.data?.items ?? [];
  if (statements.data && !items.length) return <Empty description="还没有观点" />;
  return (
    <>
      {items.map((s) => {
        return (
          <Card key={s.id} size="small" style={{ marginBottom: 12 }}>
            <div style={{ fontSize: 17 }}>
              {s.pinned && <Tag color={TAG.gold}>置顶</Tag>}
              {s.adopted && <Tag color={TAG.green}>已采纳</Tag>}
              {s.state === 'pending' && <Tag>待审核</Tag>}
              {s.body}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 14 }}>
              {s.author} · 赞同 {s.agree} · 反对 {s.disagree} · 跳过 {s.pass}
              {s.myVote && !s.mine ? ` · 我的表态：${VOTE_LABELS[s.myVote]}` : ''}
            </Typography.Text>
            <Thread
              source={source}
              statementId={s.id}
              comments={all.filter((c) => c.statementId === s.id)}
              parentId={null}
              depth={0}
            />
            {source.takePart && <Reply source={source} statementId={s.id} />}
          </Card>
        );
      })}
    </>
  );
}
