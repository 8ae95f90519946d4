// The columns the meetings list and the activities list share: name (a link), kind, time, place and state; then for
// staff the checked-in count with what waits for them, for a member their own state.
import { Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../app/format.ts';

interface EventRow {
  id: number;
  title: string;
  kindLabel: string;
  startsAt: string;
  place: string;
  status: string;
  checkedIn: number;
}

export function eventColumns<T extends EventRow>(o: {
  /** 会议 or 活动: the name column is named after it. */
  noun: string;
  /** Where a row's page is: /meetings or /activities. */
  path: string;
  manage: boolean;
  state: (row: T) => { color: string; label: string };
  /** Staff's count column: its title, the whole the check-ins count of, and what waits for staff (a tag when any). */
  count: { title: string; of: (row: T) => number; waiting: (row: T) => number; waitingLabel: string };
  mine: (row: T) => ReactNode;
}): ColumnType<T>[] {
  return [
    { title: `${o.noun}名称`, dataIndex: 'title', render: (t, r) => <Link to={`${o.path}/${r.id}`}>{t}</Link> },
    { title: '类型', dataIndex: 'kindLabel' },
    { title: '时间', dataIndex: 'startsAt', render: (v) => formatDateTime(v) },
    { title: '地点', dataIndex: 'place' },
    {
      title: '状态',
      dataIndex: 'status',
      render: (_s, r) => <Tag color={o.state(r).color}>{o.state(r).label}</Tag>,
    },
    o.manage
      ? {
          title: o.count.title,
          render: (_, r) => (
            <>
              {r.checkedIn} / {o.count.of(r)}
              {o.count.waiting(r) > 0 && (
                <Tag color="#ad4e00" style={{ marginLeft: 8 }}>
                  {o.count.waiting(r)} {o.count.waitingLabel}
                </Tag>
              )}
            </>
          ),
        }
      : { title: '我的状态', render: (_, r) => o.mine(r) },
  ];
}
