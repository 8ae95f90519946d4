// A handling unit's feedback on an agreed item (办理情况), kept as a local draft until sent.
import { useMutation } from '@tanstack/react-query';
import { App, Button, Flex, Input } from 'antd';
import { api } from '../../../api/client.ts';
import { ErrorAlert, useTextDraft } from '../../../components/index.ts';

export function ItemFeedback({ id, onDone }: { id: number; onDone: () => void }) {
  const { message } = App.useApp();
  const [text, setText, clearText] = useTextDraft(`grassroots-feedback:${id}`);
  const send = useMutation({
    mutationFn: () => api.post(`/api/grassroots/items/${id}/feedback`, { feedback: text }),
    onSuccess: () => {
      message.success('已反馈');
      clearText();
      onDone();
    },
  });
  return (
    <Flex vertical gap={8} style={{ width: '100%', marginTop: 8 }}>
      <Input.TextArea
        aria-label="办理情况"
        placeholder="办理情况"
        value={text}
        onChange={(e) => setText(e.target.value)}
        count={{ show: true, max: 4000 }}
      />
      <ErrorAlert error={send.error} />
      <Button type="primary" disabled={!text.trim()} loading={send.isPending} onClick={() => send.mutate()}>
        提交反馈
      </Button>
    </Flex>
  );
}
