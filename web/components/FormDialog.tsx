// A dialog holding one form whose OK button submits it: what 登记议事室, 登记工作室, 安排协商, 新建读书群 and 新建书目 share.
// const studio = useFormDialog(); … <Button onClick={studio.show}>登记工作室</Button>
// <FormDialog title="登记委员工作室" dialog={studio} mutation={create}>…Form.Items…</FormDialog>
// (the mutation's onSuccess calls studio.close(), and studio.form.resetFields() if the next one starts empty).
import { Form, type FormInstance, type FormProps, Modal } from 'antd';
import { type ReactNode, useState } from 'react';

/** A form dialog's state: whether it is open, show/close, and its form instance (Form.useForm()). */
export interface FormDialogState<V> {
  open: boolean;
  show: () => void;
  close: () => void;
  form: FormInstance<V>;
}

/** The state of one FormDialog, closed at first. */
export function useFormDialog<V = Record<string, unknown>>(): FormDialogState<V> {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<V>();
  return { open, show: () => setOpen(true), close: () => setOpen(false), form };
}

import { ErrorAlert } from './ErrorAlert.tsx';

export interface FormDialogProps<V> {
  /** The dialog's title (zh_CN). */
  title: string;
  /**
   * useFormDialog(): shown while dialog.open; 取消, the close button and the mask call dialog.close(); OK calls
   * dialog.form.submit(), which validates and then calls mutation.mutate.
   */
  dialog: Pick<FormDialogState<V>, 'open' | 'close' | 'form'>;
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
  const { title, dialog, mutation, okText = '保存', notice, children } = props;
  return (
    <Modal
      title={title}
      open={dialog.open}
      onCancel={dialog.close}
      onOk={() => dialog.form.submit()}
      okText={okText}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {notice}
      <ErrorAlert error={mutation.error} />
      <Form
        form={dialog.form}
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
