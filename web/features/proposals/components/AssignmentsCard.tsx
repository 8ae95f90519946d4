// 承办情况: each handling unit's assignment with its deadline, 办前面商, 会办意见 and the buttons the engine allows now.
import { Alert, Card, Flex, Space, Tag, Typography } from 'antd';
import { formatDate } from '../../../app/format.ts';
import { WorkflowActions } from '../../../components/index.ts';
import type { ActionInfo } from '../api.ts';
import { type Detail, TAG } from '../api.ts';

/** A unit's way forward: reply, accept the assignment, approve a reply. */
const MAIN_ACTIONS = ['reply', 'accept', 'approveReply'];

export function AssignmentsCard({
  d,
  onAction,
}: {
  d: Detail;
  onAction: (assignment: Detail['assignments'][number], action: ActionInfo) => void;
}) {
  return (
    <Card title="承办情况" style={{ marginBottom: 16 }}>
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        {d.assignments.map((a) => (
          <Card
            key={a.id}
            type="inner"
            title={
              <Space wrap>
                <span>{a.unitName}</span>
                <Tag>{a.roleLabel}</Tag>
                <Tag
                  color={
                    a.state === 'done' || a.state === 'viewSent'
                      ? TAG.green
                      : a.state === 'returned'
                        ? 'default'
                        : TAG.blue
                  }
                >
                  {a.stateLabel}
                </Tag>
                {a.overdue && <Tag color={TAG.red}>已超期</Tag>}
              </Space>
            }
          >
            <Typography.Paragraph>
              办理期限：{formatDate(a.dueAt)}
              {a.extensionCount > 0 ? `（已延期 ${a.extensionCount} 次）` : ''}
              {a.state === 'assigned' ? `；申请退回截止：${formatDate(a.returnDeadline)}` : ''}
            </Typography.Paragraph>
            {a.contacts.map((c) => (
              <Typography.Paragraph key={c.id} type="secondary">
                办前面商（第 {c.round} 轮）：{formatDate(c.date)}，{c.way}
                {c.notes ? `，${c.notes}` : ''}
              </Typography.Paragraph>
            ))}
            {a.views.map((v) => (
              <Alert key={v.id} type="info" title="会办意见" description={v.text} style={{ marginBottom: 8 }} />
            ))}
            {a.actions.length > 0 && (
              <Flex wrap gap={8}>
                <WorkflowActions
                  actions={a.actions}
                  primary={(action) => MAIN_ACTIONS.includes(action)}
                  size="large"
                  onAction={(x) => onAction(a, x)}
                />
              </Flex>
            )}
          </Card>
        ))}
      </Space>
    </Card>
  );
}
