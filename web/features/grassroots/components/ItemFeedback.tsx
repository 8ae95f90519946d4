// A handling unit's feedback on an agreed item (办理情况), kept as a local draft until sent.
import { useMutation } from '@tanstack/react-query';
import { App, Button, Flex } from 'antd';
import { api } from '../../../api/client.ts';
import { useDraftBox } from '../../../components/DraftBox.tsx';
import { ErrorAlert } from '../../../components/index.ts';

export function ItemFeedback({ id, onDone }: { id: number; onDone: () => void }) {
  const { message } = App.useApp();
  const feedback = useDraftBox(`grassroots-feedback:${id}`);
  const send = useMutation({
    mutationFn: () => api.post(`/api/grassroots/items/${id}/feedback`, { feedback: feedback.text }),
    onSuccess: () => {
      message.success('已反馈');
      feedback.clear();
      onDone();
    },
  });
  return (
    <Flex vertical gap={8} style={{ width: '100%', marginTop: 8 }}>
      {feedback.box({ label: '办理情况', placeholder: '办理情况', max: 4000 })}
      <ErrorAlert error={send.error} />
      <Button type="primary" disabled={!feedback.text.trim()} loading={send.isPending} onClick={() => send.mutate()}>
        提交反馈
      </Button>
    </Flex>
  );
}
