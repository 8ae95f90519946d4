// One topic of a room: its source, state and text, and the convener's answer (take up, decline, merge) in place.
import { useMutation } from '@tanstack/react-query';
import { App, Button, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { formatDateTime } from '../../../app/format.ts';
import { useDraftBox } from '../../../components/DraftBox.tsx';
import { ErrorAlert } from '../../../components/index.ts';
import type { Topic } from '../api.ts';

export function TopicItem({ t, canAnswer, onDone }: { t: Topic; canAnswer: boolean; onDone: () => void }) {
  const { message } = App.useApp();
  const [declining, setDeclining] = useState(false);
  const reason = useDraftBox(`grassroots-decline:${t.id}`);
  const answer = useMutation({
    mutationFn: (b: { action: string; reason?: string }) => api.post(`/api/grassroots/topics/${t.id}/answer`, b),
    onSuccess: () => {
      message.success('已处理');
      reason.clear();
      setDeclining(false);
      onDone();
    },
  });
  return (
    <List.Item>
      <div style={{ width: '100%' }}>
        <Flex wrap gap={8} align="center">
          <Typography.Text strong>{t.title}</Typography.Text>
          <Tag>{t.sourceLabel}</Tag>
          <Tag color={t.state === 'declined' ? 'red' : t.state === 'raised' ? 'orange' : 'blue'}>{t.stateLabel}</Tag>
        </Flex>
        {t.body && (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{t.body}</Typography.Paragraph>
        )}
        <Typography.Text type="secondary">
          {t.raisedBy} · {formatDateTime(t.createdAt)}
          {t.answer && ` · 理由：${t.answer}`}
        </Typography.Text>
        <ErrorAlert error={answer.error} />
        {canAnswer && t.state === 'raised' && (
          <Flex wrap gap={8} style={{ marginTop: 8 }}>
            <Button type="primary" loading={answer.isPending} onClick={() => answer.mutate({ action: 'accept' })}>
              受理
            </Button>
            <Button onClick={() => setDeclining((d) => !d)}>不予受理</Button>
          </Flex>
        )}
        {declining && (
          <Flex vertical gap={8} style={{ marginTop: 8 }}>
            {reason.box({ label: '不予受理理由', placeholder: '理由将告知提出人', max: 500 })}
            <Button
              danger
              onClick={() => answer.mutate({ action: 'decline', reason: reason.text })}
              disabled={!reason.text.trim()}
            >
              确认不予受理
            </Button>
          </Flex>
        )}
      </div>
    </List.Item>
  );
}
