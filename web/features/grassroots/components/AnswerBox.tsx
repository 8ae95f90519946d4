// The duty member's answer to a resident's question (今日值班), kept as a local draft until sent.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Flex, Input } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { ErrorAlert, useTextDraft } from '../../../components/index.ts';
import type { Question } from '../api.ts';
import { grassrootsKeys } from '../queries.ts';

export function AnswerBox({ q }: { q: Question }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [text, setText, clear] = useTextDraft(`reception-answer:${q.id}`);
  const [show, setShow] = useState(true);
  const answer = useMutation({
    mutationFn: () =>
      api.post(`/api/grassroots/reception/questions/${q.id}/answer`, { answer: text, showPublic: show }),
    onSuccess: () => {
      message.success('已答复');
      clear();
      qc.invalidateQueries({ queryKey: grassrootsKeys.reception });
    },
  });
  return (
    <Flex vertical gap={8} style={{ width: '100%' }}>
      <Input.TextArea
        aria-label={`答复：${q.question.slice(0, 20)}`}
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        count={{ show: true, max: 2000 }}
      />
      <Checkbox checked={show} onChange={(e) => setShow(e.target.checked)}>
        在工作室公开页面展示问答
      </Checkbox>
      <ErrorAlert error={answer.error} />
      <Button
        type="primary"
        size="large"
        disabled={!text.trim() || text.length > 2000 || answer.isPending}
        onClick={() => answer.mutate()}
      >
        提交答复
      </Button>
    </Flex>
  );
}
