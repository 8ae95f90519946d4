// The parts every workspace shows: its members, its meetings (with members checked in) and its outputs, as lists
// that become cards on a phone.
import { Card } from 'antd';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../../app/format.ts';
import { onePageProps, ResponsiveList } from '../../../components/index.ts';
import type { Meeting, Output, UnitMember } from '../api.ts';

function Plain<T extends object>({
  title,
  items,
  columns,
  unit,
  extra,
}: {
  title: string;
  items: T[];
  columns: { title: string; dataIndex: string; render?: (v: any, r: T) => ReactNode }[];
  unit: string;
  extra?: ReactNode;
}) {
  return (
    <Card title={title} extra={extra} style={{ marginBottom: 16 }}>
      <ResponsiveList<T>
        rowKey={(r: any) => String(r.id)}
        {...onePageProps(items, false, 1000)}
        unit={unit}
        columns={columns}
      />
    </Card>
  );
}

export function MembersCard({ members }: { members: UnitMember[] }) {
  return (
    <Plain
      title={`委员（${members.length}人）`}
      items={members}
      unit="人"
      columns={[
        { title: '姓名', dataIndex: 'name' },
        { title: '界别', dataIndex: 'sector', render: (v) => v ?? '—' },
        { title: '工作单位', dataIndex: 'affiliation', render: (v) => v ?? '—' },
      ]}
    />
  );
}

const STATUS: Record<string, string> = { planned: '未结束', closed: '已结束', cancelled: '已取消' };

export function MeetingsCard({ meetings }: { meetings: Meeting[] }) {
  return (
    <Plain
      title="组织的会议"
      items={meetings}
      unit="次"
      columns={[
        { title: '会议', dataIndex: 'title' },
        { title: '时间', dataIndex: 'startsAt', render: (v) => formatDateTime(v) },
        { title: '地点', dataIndex: 'place' },
        { title: '状态', dataIndex: 'status', render: (v) => STATUS[v] ?? v },
        { title: '到会委员', dataIndex: 'present', render: (v) => `${v} 人` },
      ]}
    />
  );
}

export function OutputsCard({ title, items, unit }: { title: string; items: Output[]; unit: string }) {
  return (
    <Plain
      title={title}
      items={items}
      unit={unit}
      columns={[
        { title: '标题', dataIndex: 'title' },
        { title: '提交日期', dataIndex: 'submittedOn' },
        { title: '状态', dataIndex: 'stateLabel' },
      ]}
    />
  );
}

export { Plain as PlainListCard };
