// Handling one micro suggestion: answer, refer to a unit, turn into a proposal, or the unit's response.
import { useMutation } from '@tanstack/react-query';
import { App, Button, Flex } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { useSession } from '../../../app/session.tsx';
import { useDraftBox } from '../../../components/DraftBox.tsx';
import { ErrorAlert, UnitSelect } from '../../../components/index.ts';
import type { Suggestion } from '../api.ts';

export function SuggestionHandle({ g, onDone }: { g: Suggestion; onDone: () => void }) {
  const { can, me } = useSession();
  const { message } = App.useApp();
  const answer = useDraftBox(`grassroots-suggestion-answer:${g.id}`);
  const [unitId, setUnitId] = useState<number>();
  const act = useMutation({
    mutationFn: (b: object) => api.post(`/api/grassroots/suggestions/${g.id}/actions`, b),
    onSuccess: () => {
      message.success('已处理');
      answer.clear();
      onDone();
    },
  });
  const respond = useMutation({
    mutationFn: () => api.post(`/api/grassroots/suggestions/${g.id}/response`, { feedback: answer.text }),
    onSuccess: () => {
      answer.clear();
      onDone();
    },
  });
  if (can('grassroots.feedback'))
    return g.state === 'forwarded' ? (
      <Flex vertical gap={8} style={{ marginTop: 8 }}>
        {answer.box({ label: '答复' })}
        <ErrorAlert error={respond.error} />
        <Button type="primary" disabled={!answer.text.trim()} onClick={() => respond.mutate()}>
          提交答复
        </Button>
      </Flex>
    ) : null;
  if (g.state !== 'submitted') return null;
  return (
    <Flex vertical gap={8} style={{ marginTop: 8 }}>
      {answer.box({ label: '答复', placeholder: '答复内容', max: 2000 })}
      <Flex wrap gap={8}>
        <Button disabled={!answer.text.trim()} onClick={() => act.mutate({ action: 'answer', answer: answer.text })}>
          答复
        </Button>
        <div style={{ minWidth: 200 }}>
          <UnitSelect value={unitId} onChange={setUnitId} />
        </div>
        <Button
          disabled={!unitId}
          onClick={() => act.mutate({ action: 'forward', unitId, answer: answer.text || undefined })}
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
