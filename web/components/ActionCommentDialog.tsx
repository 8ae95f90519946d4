// The dialog that asks for a comment (理由或意见) before a workflow action runs, titled with the engine's label of the
// action. Open while `action` is set. The page keeps the comment (state or a local draft) and runs the action on 确定.
import { Input, Modal } from 'antd';
import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert.tsx';
import type { WorkflowAction } from './WorkflowActions.tsx';

/**
 * `inputId` names the text area (its label points at it). `children`, when given, replaces the comment field with the
 * action's own input (e.g. an archive article's volume picker for 编入). `error` is the failed run's error, shown on top.
 */
export function ActionCommentDialog({
  action,
  comment,
  onComment,
  inputId,
  running,
  error,
  onCancel,
  onOk,
  children,
}: {
  action: WorkflowAction | null;
  comment: string;
  onComment: (comment: string) => void;
  inputId: string;
  running: boolean;
  error: unknown;
  onCancel: () => void;
  onOk: (action: WorkflowAction) => void;
  children?: ReactNode;
}) {
  return (
    <Modal
      open={!!action}
      title={action?.label}
      okText="确定"
      cancelText="取消"
      confirmLoading={running}
      onCancel={onCancel}
      onOk={() => action && onOk(action)}
    >
      <ErrorAlert error={error} />
      {children ?? (
        <>
          <label htmlFor={inputId}>理由或意见</label>
          <Input.TextArea id={inputId} rows={4} value={comment} onChange={(e) => onComment(e.target.value)} />
        </>
      )}
    </Modal>
  );
}
