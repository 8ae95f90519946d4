// One speech in the event's list: order, member, title, state, time allowed, the text, and staff's 遴选 (with the
// order), 不予采用 and 已发言 buttons as the engine allows.
import { Button, InputNumber, Space, Tag, Typography } from 'antd';
import type { Speech } from '../api.ts';

export function SpeechRow({
  s,
  onDecide,
}: {
  s: Speech;
  onDecide: (body: { action: string; position?: number; minutesAllowed?: number; comment?: string }) => void;
}) {
  return (
    <div style={{ borderBottom: '1px solid #eee', padding: '8px 0' }}>
      <Typography.Text strong>
        {s.position ? `${s.position}. ` : ''}
        {s.memberName}：{s.title}
      </Typography.Text>{' '}
      <Tag>{s.stateLabel}</Tag>
      {s.minutesAllowed && <span>限时 {s.minutesAllowed} 分钟</span>}
      {s.body && (
        <Typography.Paragraph style={{ margin: '4px 0' }} ellipsis={{ rows: 3, expandable: true }}>
          {s.body}
        </Typography.Paragraph>
      )}
      <Space wrap>
        {s.actions
          .filter((a) => ['select', 'reject', 'deliver'].includes(a.action))
          .map((a) =>
            a.action === 'select' ? (
              <Space key="select">
                <InputNumber aria-label="发言顺序" min={1} placeholder="顺序" id={`pos-${s.id}`} />
                <Button
                  size="small"
                  onClick={() => {
                    const pos =
                      Number((document.getElementById(`pos-${s.id}`) as HTMLInputElement)?.value) || undefined;
                    onDecide({ action: 'select', position: pos, minutesAllowed: 5 });
                  }}
                >
                  遴选
                </Button>
              </Space>
            ) : (
              <Button
                key={a.action}
                size="small"
                onClick={() =>
                  onDecide({ action: a.action, comment: a.action === 'reject' ? '与其他发言重复' : undefined })
                }
              >
                {a.label}
              </Button>
            ),
          )}
      </Space>
    </div>
  );
}
