// One section of a detail page (报送情况, 采用与批示, 重点提案, 一委一品 …): an antd Card with its title, the section's
// actions top-right (only when the user may act) and the page's 16px gap below it.
// <SectionCard title="报送情况" actions={d.can.forward && <Button onClick={onForward}>报送</Button>}>…</SectionCard>
import { Card } from 'antd';
import type { ReactNode } from 'react';

/**
 * `title`: the section's heading (zh_CN); `actions`: buttons shown top-right, or a falsy value (e.g. `can && …`) for
 * none; `children`: the section's body.
 */
export function SectionCard({
  title,
  actions,
  children,
}: {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card title={title} style={{ marginBottom: 16 }} extra={actions}>
      {children}
    </Card>
  );
}
