// 季度派单 for staff: the tasks of a quarter with how many were sent, completed, declined and overdue, and the button
// to send a new task (by rule or by hand).
import { useQuery } from '@tanstack/react-query';
import { Button, Select, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, qs } from '../../../api/client.ts';
import {
  ErrorAlert,
  FilterBar,
  PageHeader,
  pagedProps,
  ResponsiveList,
  useListParams,
} from '../../../components/index.ts';
import type { TaskRow } from '../api.ts';
import { quarterOptions, thisQuarter } from '../api.ts';
import { NewTaskDialog } from '../components/NewTaskDialog.tsx';
import { taskKeys } from '../queries.ts';

export function StaffTasksPage() {
  const [params, setParams] = useListParams({ quarter: thisQuarter() });
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: taskKeys.list(params),
    queryFn: () => api.get<{ items: TaskRow[]; total: number }>(`/api/tasks${qs(params)}`),
  });
  return (
    <>
      <PageHeader
        title="季度派单"
        description="向委员派发调研、专题提案、接待群众、参加基层协商等任务，跟踪接受与完成情况。"
        extra={
          <Button type="primary" onClick={() => setCreating(true)}>
            新建任务
          </Button>
        }
      />
      <FilterBar active={0}>
        <Select
          aria-label="季度"
          style={{ minWidth: 180 }}
          value={params.quarter}
          onChange={(quarter) => setParams({ quarter })}
          options={quarterOptions()}
        />
      </FilterBar>
      <ErrorAlert error={list.error} />
      <ResponsiveList<TaskRow>
        rowKey="id"
        {...pagedProps(list, params, setParams, { loading: 'first' })}
        unit="项"
        columns={[
          { title: '任务', dataIndex: 'title', render: (t, r) => <Link to={`/tasks/${r.id}`}>{t}</Link> },
          { title: '类型', dataIndex: 'kindLabel' },
          { title: '完成期限', dataIndex: 'dueOn' },
          { title: '派发', dataIndex: 'sent' },
          { title: '完成', dataIndex: 'completed' },
          { title: '婉拒或调换', dataIndex: 'declined' },
          { title: '超期', dataIndex: 'overdue', render: (n) => (n ? <Tag color="red">{n}</Tag> : 0) },
        ]}
      />
      <NewTaskDialog open={creating} onClose={() => setCreating(false)} quarter={params.quarter} />
    </>
  );
}
