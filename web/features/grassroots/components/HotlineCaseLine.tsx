// One 12345 case in a list: number, date, area, category, content and its mark (open, taken up, resolved).
import { Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { HotlineCase } from '../api.ts';

const MARK_COLOURS = { open: 'default', takenUp: 'blue', resolved: 'green' } as const;
export const MarkTag = ({ c }: { c: HotlineCase }) => <Tag color={MARK_COLOURS[c.mark]}>{c.markLabel}</Tag>;

export function HotlineCaseLine({ c }: { c: HotlineCase }) {
  return (
    <div style={{ overflowWrap: 'anywhere' }}>
      <Space wrap size={4}>
        <Typography.Text strong>{c.caseNo}</Typography.Text>
        <span>{c.receivedOn}</span>
        {c.category && <Tag>{c.category}</Tag>}
        <MarkTag c={c} />
        {c.status && <span>办理状态：{c.status}</span>}
      </Space>
      <div>{c.content}</div>
      {c.topicId && c.roomId && (
        <div>
          议题：<Link to={`/grassroots/rooms/${c.roomId}`}>{c.topicTitle}</Link>（{c.roomName}）
        </div>
      )}
    </div>
  );
}
