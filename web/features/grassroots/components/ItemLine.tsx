// One agreed item of a session: content, unit, deadline, state (overdue marked) and the unit's feedback.
import { Flex, Tag, Typography } from 'antd';
import type { Item } from '../api.ts';

export function ItemLine({ i }: { i: Item }) {
  return (
    <div style={{ width: '100%' }}>
      <Flex wrap gap={8} align="center">
        <Typography.Text strong>{i.content}</Typography.Text>
        <Tag color={i.state === 'assigned' ? 'orange' : 'green'}>{i.stateLabel}</Tag>
        {i.overdue && <Tag color="red">已逾期</Tag>}
      </Flex>
      <Typography.Text type="secondary">
        {i.unitName} · 反馈期限 {i.dueOn}
      </Typography.Text>
      {i.feedback && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>办理情况：{i.feedback}</Typography.Paragraph>
      )}
    </div>
  );
}
