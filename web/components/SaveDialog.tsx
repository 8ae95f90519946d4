// A dialog whose vertical form sends itself with useFormSave (a plain api call; a server error naming a field lands
// under that field): what 新建/修改账号, 变更状态, 新增/修改 基础数据 and 新建下级政协组织 share. The Modal stays
// mounted (forceRender) so its form instance can be filled before it opens. For a react-query mutation use FormDialog.
// <SaveDialog open={!!member} title="变更状态" okText="确认变更" form={form} saveState={saveState} onOk={save}
//   onCancel={() => onClose()}>…Form.Items…</SaveDialog>
import { Form, type FormInstance, Modal, type ModalProps } from 'antd';
import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert.tsx';
import type { FormSave } from './useFormSave.ts';

export interface SaveDialogProps
  extends Pick<ModalProps, 'open' | 'title' | 'onOk' | 'onCancel' | 'width' | 'afterOpenChange' | 'destroyOnHidden'> {
  /** The OK button's text; 保存 unless given. */
  okText?: string;
  /** The dialog's Form.useForm() instance (the one useFormSave was given). */
  form: FormInstance;
  /** useFormSave(form): OK spins while `saving`; `error` shows above the fields. */
  saveState: Pick<FormSave, 'saving' | 'error'>;
  /** The Form.Items. */
  children: ReactNode;
}

/** A Modal (取消 / okText) around the save error and a vertical antd Form; see the file's head for a usage line. */
export function SaveDialog({ okText = '保存', form, saveState, children, ...modal }: SaveDialogProps) {
  return (
    <Modal okText={okText} cancelText="取消" confirmLoading={saveState.saving} forceRender {...modal}>
      <ErrorAlert error={saveState.error} />
      <Form form={form} layout="vertical">
        {children}
      </Form>
    </Modal>
  );
}
