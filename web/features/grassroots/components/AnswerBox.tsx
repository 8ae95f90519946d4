// The duty member's answer to a resident's question (今日值班), kept as a local draft until sent.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Flex } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { useDraftBox } from '../../../components/DraftBox.tsx';
import { ErrorAlert } from '../../../components/index.ts';
import type { Question } from '../api.ts';
import { grassrootsKeys } from '../queries.ts';

export function AnswerBox({ q }: { q: Question }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const reply = useDraftBox(`reception-answer:${q.id}`);
  const [show, setShow] = useState(true);
  const answer = useMutation({
    mutationFn: () =>
      api.post(`/api/grassroots/reception/questions/${q.id}/answer`, { answer: reply.text, showPublic: show }),
    onSuccess: () => {
      message.success('已答复');
      reply.clear();
      qc.invalidateQueries({ queryKey: grassrootsKeys.reception });
    },
  });
  return (
    <Flex vertical gap={8} style={{ width: '100%' }}>
      {reply.box({ label: `答复：${q.question.slice(0, 20)}`, rows: 3, max: 2000 })}
      <Checkbox checked={show} onChange={(e) => setShow(e.target.checked)}>
        在工作室公开页面展示问答
      </Checkbox>
      <ErrorAlert error={answer.error} />
      <Button
        type="primary"
        size="large"
        disabled={!reply.text.trim() || reply.text.length > 2000 || answer.isPending}
        onClick={() => answer.mutate()}
      >
        提交答复
      </Button>
    </Flex>
  );
}
