// The buttons of the actions the workflow engine allows this viewer now (allowedActions on the server), the same on
// every detail page: one button an action, labelled by the engine. An action either opens the page's dialog
// (onAction) or, when listed in `confirm`, asks first and then runs at once (a draft's 提交).
import { Button, type ButtonProps } from 'antd';
import type { ReactNode } from 'react';
import { ConfirmButton } from './ConfirmButton.tsx';

export interface WorkflowAction {
  action: string;
  label: string;
}

export function WorkflowActions<A extends WorkflowAction>({
  actions,
  onAction,
  primary = () => true,
  danger = () => false,
  icons = {},
  confirm = {},
  size,
  loading = () => false,
}: {
  actions: A[];
  onAction: (action: A) => unknown | Promise<unknown>;
  /** Which actions are the main way forward (filled buttons); all by default. */
  primary?: (action: string) => boolean;
  danger?: (action: string) => boolean;
  icons?: Record<string, ReactNode>;
  /** Actions that need no input: asked once (question, sentence under it), then done. */
  confirm?: Record<string, { question: string; detail?: string }>;
  size?: ButtonProps['size'];
  /** Which action is running now (its button spins); none by default. */
  loading?: (action: string) => boolean;
}) {
  return (
    <>
      {actions.map((a) => {
        const props: ButtonProps = {
          type: primary(a.action) ? 'primary' : 'default',
          danger: danger(a.action),
          icon: icons[a.action],
          size,
          loading: loading(a.action),
        };
        const ask = confirm[a.action];
        return ask ? (
          <ConfirmButton
            key={a.action}
            {...props}
            confirm={ask.question}
            detail={ask.detail}
            onConfirm={() => onAction(a)}
          >
            {a.label}
          </ConfirmButton>
        ) : (
          <Button key={a.action} {...props} onClick={() => onAction(a)}>
            {a.label}
          </Button>
        );
      })}
    </>
  );
}
