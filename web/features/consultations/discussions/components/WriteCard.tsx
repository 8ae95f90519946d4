// The participant's card to write a statement, for a signed-in participant or an invited citizen (base as VoteCard).
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Input, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../../api/client.ts';
import { errorMessage } from '../../../../components/index.ts';
import type { CardProps } from './VoteCard.tsx';

export function WriteCard({ base, takePart, maxLength, onChanged }: CardProps & { maxLength: number }) {
  const [text, setText] = useState('');
  const { message } = App.useApp();
  const write = useMutation({
    mutationFn: () => api.post<{ id: number; state: string }>(`${base}/statements`, { body: text }),
    onSuccess: (r) => {
      setText('');
      message.success(r.state === 'pending' ? '已提交，审核后显示' : '观点已发表');
      onChanged?.();
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  if (!takePart) return null;
  return (
    <Card title="写下您的观点" style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">一条只说一个观点，简短明确；其他参与者会对它表态。</Typography.Paragraph>
      <Input.TextArea
        aria-label="观点"
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={maxLength}
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
