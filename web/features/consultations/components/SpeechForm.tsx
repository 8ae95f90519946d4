// A member's speech on the event page (sign up with text, or the text later), keeping what is typed as a draft on this
// device (useFormDraft) until the server has saved it.
import { Button, Form, Input } from 'antd';
import { ErrorAlert, useFormDraft } from '../../../components/index.ts';

interface SpeechValues {
  title: string;
  body?: string;
}

/** Signing up to speak (speech null) or submitting the text of one's speech. */
export function SpeechForm({
  eventId,
  speech,
  save,
  pending,
  error,
}: {
  eventId: string | undefined;
  speech: { id: number; title: string; body: string } | null;
  save: (v: SpeechValues) => Promise<unknown>;
  pending: boolean;
  error: unknown;
}) {
  const [form] = Form.useForm<SpeechValues>();
  const draft = useFormDraft(form, speech ? `consultation-speech:${speech.id}` : `consultation-speech:new:${eventId}`);
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ marginTop: 12 }}
      initialValues={speech ?? undefined}
      onValuesChange={draft.onValuesChange}
      onFinish={async (v) => {
        await save(v).then(draft.clear, () => {});
      }}
    >
      {draft.notice}
      <ErrorAlert error={error} />
      <Form.Item name="title" label="发言题目" rules={[{ required: true, message: '请填写发言题目' }]}>
        <Input maxLength={100} />
      </Form.Item>
      {speech ? (
        <Form.Item name="body" label="发言稿" rules={[{ required: true, message: '请填写发言稿' }]}>
          <Input.TextArea rows={6} />
        </Form.Item>
      ) : (
        <Form.Item name="body" label="发言稿（可稍后提交）">
          <Input.TextArea rows={6} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={pending}>
        {speech ? '提交发言稿' : '报名发言'}
      </Button>
    </Form>
  );
}
