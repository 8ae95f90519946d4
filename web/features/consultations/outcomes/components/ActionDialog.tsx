// The dialog behind an outcome's button: each action that takes data gets its fields (ActionFields); the rest ask for a
// comment when the process requires one. One dialog component sends any action to the route it is given.
import { Form, Input, Modal } from 'antd';
import { api } from '../../../../api/client.ts';
import { toApiDate } from '../../../../app/format.ts';
import { errorMessage, useFormDraft, useFormSave, validValues } from '../../../../components/index.ts';
import { textOnly } from '../../api.ts';
import { Fields } from './ActionFields.tsx';

const DATE_FIELDS = ['submittedOn', 'dueOn', 'instructedOn'];

export interface PendingAction {
  url: string;
  action: string;
  label: string;
  commentRequired: boolean;
}

export function ActionDialog({
  pending,
  onClose,
  onDone,
}: {
  pending: PendingAction | null;
  onClose: () => void;
  onDone: () => void;
}) {
  // Keyed by the action so each opening reads (and offers back) the draft of that action only.
  if (!pending) return null;
  return (
    <ActionDialogBody key={`${pending.url}:${pending.action}`} pending={pending} onClose={onClose} onDone={onDone} />
  );
}

function ActionDialogBody({
  pending,
  onClose,
  onDone,
}: {
  pending: PendingAction;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm();
  // Feedback, evaluation and reasons are long texts: they survive a reload until the server has them.
  const draft = useFormDraft(form, `consultation-outcome-action:${pending.url}:${pending.action}`);
  const save = useFormSave(form);
  const submit = async () => {
    const checked = await validValues(form);
    if (!checked) return;
    const { comment, ...values } = checked;
    const data: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(values)) data[k] = DATE_FIELDS.includes(k) ? toApiDate(v as any) : v;
    await save.run(async () => {
      await api.post(pending.url, {
        action: pending.action,
        comment,
        data: Object.keys(data).length ? data : undefined,
      });
      form.resetFields();
      draft.clear();
      onDone();
    });
  };
  return (
    <Modal
      open
      title={pending.label}
      okText={pending.label}
      cancelText="取消"
      confirmLoading={save.saving}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      {draft.notice}
      <Form form={form} layout="vertical" onValuesChange={(c, all) => draft.onValuesChange(c, textOnly(all))}>
        <Fields action={pending.action} />
        <Form.Item
          label="意见"
          name="comment"
          rules={
            pending.commentRequired
              ? [{ required: true, whitespace: true, message: `请填写「${pending.label}」的理由或意见` }]
              : []
          }
        >
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
        </Form.Item>
        {!!save.error && (
          <div role="alert" style={{ color: '#cf1322' }}>
            {errorMessage(save.error)}
          </div>
        )}
      </Form>
    </Modal>
  );
}
