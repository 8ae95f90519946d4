// What an action needs first (the workflow engine's `precondition` of an action, e.g. 办前面商 before a unit's reply),
// shown when its dialog opens and instead of the fields — nobody writes a long text the server would then refuse.
import { Alert } from 'antd';

/** Actions as the engine gives them to the UI: `precondition` is set while a prior step is missing. */
export interface EngineAction {
  action: string;
  label: string;
  commentRequired: boolean;
  precondition?: string;
}

export function PriorStep({ action }: { action: Pick<EngineAction, 'label' | 'precondition'> }) {
  if (!action.precondition) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid="prior-step"
      title={`「${action.label}」之前还需一步`}
      description={action.precondition}
    />
  );
}
