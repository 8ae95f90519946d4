// One handling unit of an outcome: its state, deadline, feedback and rating, with the actions allowed on it.
import { Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { formatDate, formatDateTime } from '../../../../app/format.ts';
import { TAG } from '../../../../components/tagColors.ts';
import type { OutcomeUnitOut } from '../api.ts';

export function UnitCard({
  u,
  onAction,
}: {
  u: OutcomeUnitOut;
  onAction: (a: OutcomeUnitOut['actions'][number]) => void;
}) {
  return (
    <Card
      size="small"
      style={{ width: '100%' }}
      title={<span style={{ whiteSpace: 'normal' }}>{u.unitName}</span>}
      extra={
        <Tag color={u.overdue ? 'red' : u.state === 'rated' ? TAG.green : 'blue'}>
          {u.overdue ? `${u.stateLabel}（已超期）` : u.stateLabel}
        </Tag>
      }
    >
      <Typography.Text type={u.overdue ? 'danger' : 'secondary'}>
        {u.round > 1 ? `回头看第 ${u.round - 1} 轮 · ` : ''}反馈期限 {formatDate(u.dueAt)}
        {u.fedBackAt ? ` · ${formatDateTime(u.fedBackAt)} 反馈${u.onTime ? '（按期）' : '（逾期）'}` : ''}
      </Typography.Text>
      {u.takenUp && (
        <Descriptions column={1} size="small" style={{ marginTop: 8 }}>
          <Descriptions.Item label="采纳吸收情况">
            <span style={{ whiteSpace: 'pre-wrap' }}>{u.takenUp}</span>
          </Descriptions.Item>
          {u.measures && <Descriptions.Item label="落实措施">{u.measures}</Descriptions.Item>}
          {u.documents && <Descriptions.Item label="相关文件">{u.documents}</Descriptions.Item>}
          {u.adoptionLabel && (
            <Descriptions.Item label="评估">
              {u.adoptionLabel}
              {u.adoptionMeasures ? `：${u.adoptionMeasures}` : ''}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      {u.actions.length > 0 && (
        <Flex gap={8} wrap style={{ marginTop: 8 }}>
          {u.actions.map((a) => (
            <Button
              key={a.action}
              type={a.action === 'feedback' || a.action === 'accept' ? 'primary' : 'default'}
              size="large"
              onClick={() => onAction(a)}
            >
              {a.label}
            </Button>
          ))}
        </Flex>
      )}
    </Card>
  );
}
