// The event page's forms that take more than a line — a member's speech (sign up with text, or the text later) and
// the procedure's dialog (minutes and agreed points, a reason) — each keeping what is typed as a draft on this device
// (useFormDraft) until the server has saved it.
import { Button, Form, Input } from 'antd';
import { ErrorAlert, useFormDraft } from '../../components/index.ts';

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
