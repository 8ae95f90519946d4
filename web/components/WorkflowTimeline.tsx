// The workflow engine's history of one item (listTransitions on the server), drawn the same way on every detail page:
// who did what, into which state, when, and the comment they wrote. Steps a viewer may not see never reach the page.
import { Card, Timeline, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { formatDateTime } from '../app/format.ts';

export interface WorkflowStep {
  id: number;
  label: string;
  toStateLabel: string;
  /** The handling unit the step belongs to (a proposal's assignments), shown before the step. */
  unitName?: string | null;
  actorName: string | null;
  comment: string | null;
  createdAt: string;
}

export function WorkflowTimeline({
  steps,
  title = '办理过程',
  style,
}: {
  steps: WorkflowStep[];
  title?: string;
  style?: CSSProperties;
}) {
  return (
    <Card title={title} style={style}>
      <Timeline
        items={steps.map((e) => ({
          key: e.id,
          content: (
            <>
              <div>
                <strong>
                  {e.unitName ? `${e.unitName} ` : ''}
                  {e.label}
                </strong>{' '}
                → {e.toStateLabel}
              </div>
              <Typography.Text type="secondary">
                {e.actorName ?? '系统'} · {formatDateTime(e.createdAt)}
              </Typography.Text>
              {e.comment && <div style={{ whiteSpace: 'pre-wrap' }}>意见：{e.comment}</div>}
            </>
          ),
        }))}
      />
    </Card>
  );
}
