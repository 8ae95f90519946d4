// The procedure's dialog on the event page (minutes and agreed points, a reason), keeping what is typed as a draft on
// this device (useFormDraft) until the server has saved it.
import { Button, Form, Input } from 'antd';
import { useFormDraft } from '../../../components/index.ts';

/** The dialog of a procedure's action: minutes and agreed points when recording them, and a reason or comment. */
export function EventActionForm({
  eventId,
  acting,
  save,
  pending,
}: {
  eventId: string | undefined;
  acting: { action: string; commentRequired: boolean };
  save: (v: Record<string, string>) => Promise<unknown>;
  pending: boolean;
}) {
  const [form] = Form.useForm();
  const draft = useFormDraft(form, `consultation-event-action:${eventId}:${acting.action}`);
  return (
    <Form
      form={form}
      layout="vertical"
      onValuesChange={draft.onValuesChange}
      onFinish={async (v) => {
        await save(v).then(draft.clear, () => {});
      }}
    >
      {draft.notice}
      {acting.action === 'recordMinutes' && (
        <>
          <Form.Item name="minutes" label="纪要" rules={[{ required: true, message: '请填写纪要' }]}>
            <Input.TextArea rows={8} />
          </Form.Item>
          <Form.Item name="agreedPoints" label="议定事项">
            <Input.TextArea rows={4} />
          </Form.Item>
        </>
      )}
      <Form.Item name="comment" label="意见" rules={[{ required: acting.commentRequired, message: '请填写理由' }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={pending}>
        确定
      </Button>
    </Form>
  );
}
