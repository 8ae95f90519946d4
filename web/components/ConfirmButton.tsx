// <ConfirmButton confirm="确定删除该会议吗？" onConfirm={() => api.del(…)} danger>删除</ConfirmButton>: asks in a dialog
// first; the dialog's OK button spins while onConfirm runs and the server's message is shown if it fails.
import { App, Button, type ButtonProps } from 'antd';
import type { ReactNode } from 'react';
import { errorMessage } from './ErrorAlert.tsx';

export interface ConfirmButtonProps extends Omit<ButtonProps, 'onClick'> {
  /** The question in the dialog, e.g. 确定删除该会议吗？ */
  confirm: ReactNode;
  /** A sentence under the question, e.g. 删除后无法恢复。 */
  detail?: ReactNode;
  /** Runs after 确定; a rejected promise shows its message and keeps the dialog open. */
  onConfirm: () => unknown | Promise<unknown>;
  okText?: string;
}

export function ConfirmButton({
  confirm,
  detail,
  onConfirm,
  okText = '确定',
  danger,
  children,
  ...rest
}: ConfirmButtonProps) {
  const { modal, message } = App.useApp();
  return (
    <Button
      danger={danger}
      {...rest}
      onClick={() =>
        modal.confirm({
          title: confirm,
          content: detail,
          okText,
          cancelText: '取消',
          okButtonProps: { danger },
          onOk: async () => {
            try {
              await onConfirm();
            } catch (err) {
              message.error(errorMessage(err));
              throw err;
            }
          },
        })
      }
    >
      {children}
    </Button>
  );
}
