// A form that keeps what is typed as a draft (useFormDraft) and says why its last save failed: the save's error, then
// the draft's notice, then the vertical antd Form wired to the draft — what the 新建活动 and 新建会议 pages and the
// 记录联系, 提交大会发言, 新增学习资料 and duty's member-record dialogs share.
// const draft = useFormDraft(form, 'meeting:new');
// <DraftForm form={form} draft={draft} error={save.error} onFinish={(v) => save.mutate(v)} initialValues={{ … }}>
//   …Form.Items…
// </DraftForm>
import { Form, type FormInstance, type FormProps } from 'antd';
import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert.tsx';
import type { FormDraft } from './useDraft.tsx';

export interface DraftFormProps<V> {
  /** The Form.useForm() instance the draft was made for. */
  form: FormInstance<V>;
  /** useFormDraft(form, …): its notice shows above the form, its onValuesChange keeps the values as they are typed. */
  draft: Pick<FormDraft<V>, 'notice' | 'onValuesChange'>;
  /** The last save's error (a server message shows; nothing when null or undefined). */
  error: unknown;
  /** Called with the values once the form validates (usually a mutation's mutate). */
  onFinish: (values: V) => void;
  initialValues?: FormProps<V>['initialValues'];
  /** The Form.Items and the submit button. */
  children: ReactNode;
}

/** The error, the draft notice and the Form (layout vertical); see the file's head for a usage line. */
export function DraftForm<V>({ form, draft, error, onFinish, initialValues, children }: DraftFormProps<V>) {
  return (
    <>
      <ErrorAlert error={error} />
      {draft.notice}
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        onValuesChange={draft.onValuesChange}
      >
        {children}
      </Form>
    </>
  );
}
