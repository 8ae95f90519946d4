// Handling one micro suggestion: answer, refer to a unit, turn into a proposal, or the unit's response.
import { useMutation } from '@tanstack/react-query';
import { App, Button, Flex, Input } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { useSession } from '../../../app/session.tsx';
import { ErrorAlert, UnitSelect, useTextDraft } from '../../../components/index.ts';
import type { Suggestion } from '../api.ts';

export function SuggestionHandle({ g, onDone }: { g: Suggestion; onDone: () => void }) {
  const { can, me } = useSession();
  const { message } = App.useApp();
  const [answer, setAnswer, clearAnswer] = useTextDraft(`grassroots-suggestion-answer:${g.id}`);
  const [unitId, setUnitId] = useState<number>();
  const act = useMutation({
    mutationFn: (b: object) => api.post(`/api/grassroots/suggestions/${g.id}/actions`, b),
    onSuccess: () => {
      message.success('已处理');
      clearAnswer();
      onDone();
    },
  });
  const respond = useMutation({
    mutationFn: () => api.post(`/api/grassroots/suggestions/${g.id}/response`, { feedback: answer }),
    onSuccess: () => {
      clearAnswer();
      onDone();
    },
  });
  if (can('grassroots.feedback'))
    return g.state === 'forwarded' ? (
      <Flex vertical gap={8} style={{ marginTop: 8 }}>
        <Input.TextArea aria-label="答复" value={answer} onChange={(e) => setAnswer(e.target.value)} />
        <ErrorAlert error={respond.error} />
        <Button type="primary" disabled={!answer.trim()} onClick={() => respond.mutate()}>
          提交答复
        </Button>
      </Flex>
    ) : null;
  if (g.state !== 'submitted') return null;
  return (
    <Flex vertical gap={8} style={{ marginTop: 8 }}>
      <Input.TextArea
        aria-label="答复"
        placeholder="答复内容"
        value={answer}
        onChange={(e) => setAnswer(e.target.value)}
        count={{ show: true, max: 2000 }}
      />
      <Flex wrap gap={8}>
        <Button disabled={!answer.trim()} onClick={() => act.mutate({ action: 'answer', answer })}>
          答复
        </Button>
        <div style={{ minWidth: 200 }}>
          <UnitSelect value={unitId} onChange={setUnitId} />
        </div>
        <Button
          disabled={!unitId}
          onClick={() => act.mutate({ action: 'forward', unitId, answer: answer || undefined })}
        >
          转承办单位
        </Button>
        {me?.account.memberId && (
          <Button onClick={() => act.mutate({ action: 'draftProposal' })}>转为我的提案草稿</Button>
        )}
      </Flex>
      <ErrorAlert error={act.error} />
    </Flex>
  );
}
