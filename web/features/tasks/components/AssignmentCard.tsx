// One task of 我的派单 as a card: kind, state, overdue, quarter and deadline, the reason or evidence given, and the
// buttons of the actions the engine allows (接受 at once; the others open the page's dialog).
import { Button, Card, Flex, Tag, Typography } from 'antd';
import type { Assignment } from '../api.ts';

export function AssignmentCard({
  a,
  accepting,
  onAccept,
  onAction,
}: {
  a: Assignment;
  accepting: boolean;
  onAccept: () => void;
  onAction: (x: Assignment['actions'][number]) => void;
}) {
  return (
    <Card style={{ marginBottom: 12 }} title={a.title}>
      <Flex wrap gap={8} style={{ marginBottom: 8 }}>
        <Tag color="blue">{a.kindLabel}</Tag>
        <Tag>{a.stateLabel}</Tag>
        {a.overdue && <Tag color="red">已超期</Tag>}
      </Flex>
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        {a.quarter.replace('-Q', ' 年第 ')} 季度 · 完成期限 {a.dueOn}
      </Typography.Paragraph>
      {a.description && <Typography.Paragraph type="secondary">{a.description}</Typography.Paragraph>}
      {a.reason && <Typography.Paragraph>理由：{a.reason}</Typography.Paragraph>}
      {a.evidenceTitle && <Typography.Paragraph>成果：{a.evidenceTitle}</Typography.Paragraph>}
      <Flex wrap gap={8}>
        {a.actions.map((x) =>
          x.action === 'accept' ? (
            <Button key={x.action} type="primary" size="large" loading={accepting} onClick={onAccept}>
              {x.label}
            </Button>
          ) : (
            <Button
              key={x.action}
              size="large"
              type={x.action === 'complete' ? 'primary' : 'default'}
              onClick={() => onAction(x)}
            >
              {x.label}
            </Button>
          ),
        )}
      </Flex>
    </Card>
  );
}
