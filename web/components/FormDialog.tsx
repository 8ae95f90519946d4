// A dialog holding one form whose OK button submits it: what 登记议事室, 登记工作室, 安排协商, 新建读书群 and 新建书目 share.
// <FormDialog title="登记委员工作室" open={open} onClose={() => setOpen(false)} form={form}
//   mutation={create}>…Form.Items…</FormDialog>
import { Form, type FormInstance, type FormProps, Modal } from 'antd';
import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert.tsx';

export interface FormDialogProps<V> {
  /** The dialog's title (zh_CN). */
  title: string;
  open: boolean;
  /** Called by 取消, the close button and the mask; the caller sets `open` to false. */
  onClose: () => void;
  /** The form instance (Form.useForm()); OK calls form.submit(), which validates and then calls mutation.mutate. */
  form: FormInstance<V>;
  /**
   * What saves the values (a useMutation result): mutate(values) once the form validates; the OK button spins while
   * isPending; error (the server's message) shows above the fields.
   */
  mutation: { mutate: (values: V) => void; isPending: boolean; error: unknown };
  /** The OK button's text; 保存 unless given. */
  okText?: string;
  /** Shown above the error and the fields, e.g. a form draft's notice (useFormDraft().notice). */
  notice?: ReactNode;
  initialValues?: FormProps<V>['initialValues'];
  onValuesChange?: FormProps<V>['onValuesChange'];
  /** The Form.Items. */
  children: ReactNode;
}

/** A Modal (destroyed when hidden) with a vertical antd Form; see the file's head for a usage line. */
export function FormDialog<V>(props: FormDialogProps<V>) {
  const { title, open, onClose, form, mutation, okText = '保存', notice, children } = props;
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {notice}
      <ErrorAlert error={mutation.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={props.initialValues}
        onValuesChange={props.onValuesChange}
        onFinish={(values) => mutation.mutate(values)}
      >
        {children}
      </Form>
    </Modal>
  );
}
