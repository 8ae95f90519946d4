// The dialog that asks for a comment (理由或意见) before a workflow action runs, titled with the engine's label of the
// action. Open while `action` is set. What is typed is kept on this device (issue 12's rule for text areas) until the
// action is done; the page runs the action on 确定.
import { Input, Modal } from 'antd';
import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert.tsx';
import { useTextDraft } from './useDraft.tsx';
import type { WorkflowAction } from './WorkflowActions.tsx';

/**
 * `draft` names the item whose comment is kept (e.g. `archive-article-action:12`); `inputId` names the text area (its
 * label points at it). `onOk` runs the action with the comment typed ('' when none); when its promise resolves the kept
 * comment is cleared, when it rejects the comment stays and `error` (the failed run's error) is shown on top.
 * `children`, when given, replaces the comment field with the action's own input (an article's volume picker for 编入).
 */
export function ActionCommentDialog({
  action,
  draft,
  inputId,
  running,
  error,
  onCancel,
  onOk,
  children,
}: {
  action: WorkflowAction | null;
  draft: string;
  inputId: string;
  running: boolean;
  error: unknown;
  onCancel: () => void;
  onOk: (action: WorkflowAction, comment: string) => Promise<unknown>;
  children?: ReactNode;
}) {
  const [comment, setComment, clearComment] = useTextDraft(draft);
  return (
    <Modal
      open={!!action}
      title={action?.label}
      okText="确定"
      cancelText="取消"
      confirmLoading={running}
      onCancel={onCancel}
      onOk={() => action && onOk(action, comment).then(clearComment, () => {})}
    >
      <ErrorAlert error={error} />
      {children ?? (
        <>
          <label htmlFor={inputId}>理由或意见</label>
          <Input.TextArea id={inputId} rows={4} value={comment} onChange={(e) => setComment(e.target.value)} />
        </>
      )}
    </Modal>
  );
}
