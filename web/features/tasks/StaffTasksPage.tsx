// 季度派单 for staff: the tasks of a quarter with how many were sent, completed, declined and overdue; a new task sent
// by rule or by hand; one task's members with their answers, where staff answer swap requests.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Flex, Form, Input, Modal, Select, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, qs } from '../../api/client.ts';
import { beijingToday, beijingYear } from '../../app/format.ts';
import {
  ErrorAlert,
  FilterBar,
  PageHeader,
  ResponsiveList,
  useFormDraft,
  useListParams,
} from '../../components/index.ts';
import { InviteFields } from '../meetings/shared.tsx';
import type { Assignment } from './MyTasksPage.tsx';

export const TASK_KINDS: Record<string, string> = {
  research: '调研课题',
  themedProposal: '专题提案',
  reception: '接待群众',
  grassrootsConsultation: '参加基层协商',
};

interface TaskRow {
  id: number;
  kindLabel: string;
  title: string;
  quarter: string;
  dueOn: string;
  sent: number;
  completed: number;
  declined: number;
  overdue: number;
}

/** This quarter in Beijing (on 1 January at 07:30 Beijing it is already Q1 of the new year). */
function thisQuarter() {
  const d = beijingToday();
  return `${d.year()}-Q${Math.floor(d.month() / 3) + 1}`;
}
const quarterOptions = () => {
  const y = beijingYear();
  return [y - 1, y, y + 1].flatMap((yy) =>
    [1, 2, 3, 4].map((q) => ({ value: `${yy}-Q${q}`, label: `${yy} 年第 ${q} 季度` })),
  );
};

export function StaffTasksPage() {
  const [params, setParams] = useListParams({ quarter: thisQuarter() });
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ['tasks', 'list', params],
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
        data={list.data}
        loading={list.isLoading}
        page={params.page}
        pageSize={params.pageSize}
        onPageChange={(page, pageSize) => setParams({ page, pageSize } as never)}
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
      <NewTask open={creating} onClose={() => setCreating(false)} quarter={params.quarter} />
    </>
  );
}

function NewTask({ open, onClose, quarter }: { open: boolean; onClose: () => void; quarter: string }) {
  const [form] = Form.useForm();
  const draft = useFormDraft(form, open ? 'task:new' : null);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const save = useMutation({
    mutationFn: (v: any) =>
      api.post<{ id: number; sent: number }>('/api/tasks', {
        ...v,
        dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : undefined,
        description: v.description || undefined,
      }),
    onSuccess: (r) => {
      message.success(`已派发给 ${r.sent} 名委员`);
      qc.invalidateQueries({ queryKey: ['tasks'] });
      draft.clear();
      form.resetFields();
      onClose();
    },
  });
  return (
    <Modal open={open} title="新建任务" onCancel={onClose} footer={null} destroyOnHidden>
      <ErrorAlert error={save.error} />
      {draft.notice}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ quarter, send: { rule: 'members' } }}
        onFinish={save.mutate}
        onValuesChange={draft.onValuesChange}
      >
        <Form.Item name="kind" label="任务类型" rules={[{ required: true, message: '请选择任务类型' }]}>
          <Select options={Object.entries(TASK_KINDS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item
          name="title"
          label="任务名称"
          rules={[
            { required: true, message: '请填写任务名称' },
            { max: 100, message: '「任务名称」不能超过 100 个字符' },
          ]}
        >
          <Input count={{ show: true, max: 100 }} />
        </Form.Item>
        <Form.Item
          name="description"
          label="任务说明"
          rules={[{ max: 2000, message: '「任务说明」不能超过 2000 个字符' }]}
        >
          <Input.TextArea rows={3} count={{ show: true, max: 2000 }} />
        </Form.Item>
        <Form.Item name="quarter" label="季度" rules={[{ required: true }]}>
          <Select options={quarterOptions()} />
        </Form.Item>
        <Form.Item name="dueOn" label="完成期限（不填按委员会设置的天数）">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <InviteFields name="send" />
        <Button type="primary" htmlType="submit" size="large" loading={save.isPending}>
          创建并派发
        </Button>
      </Form>
    </Modal>
  );
}

export function TaskDetailPage() {
  const { id } = useParams();
  const qc = useQueryClient();
  const task = useQuery({
    queryKey: ['tasks', 'detail', id],
    queryFn: () =>
      api.get<{ title: string; kindLabel: string; dueOn: string; assignments: Assignment[] }>(`/api/tasks/${id}`),
  });
  const act = useMutation({
    mutationFn: (b: { id: number; action: string; comment?: string }) =>
      api.post(`/api/task-assignments/${b.id}/actions`, b),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['tasks'] }),
  });
  const [send, setSend] = useState(false);
  const [form] = Form.useForm();
  const more = useMutation({
    mutationFn: (v: any) => api.post<{ sent: number }>(`/api/tasks/${id}/send`, v.send),
    onSuccess: () => {
      setSend(false);
      qc.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
  const rows = task.data?.assignments ?? [];
  return (
    <>
      <PageHeader
        title={task.data?.title ?? '任务'}
        description={task.data ? `${task.data.kindLabel} · 完成期限 ${task.data.dueOn}` : undefined}
        extra={<Button onClick={() => setSend(true)}>追加派发</Button>}
      />
      <ErrorAlert error={task.error ?? act.error} />
      <Card>
        <ResponsiveList<Assignment>
          rowKey="id"
          data={{ items: rows, total: rows.length }}
          page={1}
          pageSize={500}
          onPageChange={() => {}}
          unit="人"
          columns={[
            { title: '委员', dataIndex: 'memberName' },
            {
              title: '状态',
              dataIndex: 'stateLabel',
              render: (s, r) => (
                <Flex gap={4} wrap>
                  <Tag>{s}</Tag>
                  {r.overdue && <Tag color="red">已超期</Tag>}
                </Flex>
              ),
            },
            { title: '理由', dataIndex: 'reason' },
            { title: '成果', dataIndex: 'evidenceTitle' },
            {
              title: '操作',
              key: 'actions',
              render: (_: unknown, r) =>
                r.actions
                  .filter((x) => x.action === 'approveSwap' || x.action === 'refuseSwap')
                  .map((x) => (
                    <Button
                      key={x.action}
                      size="small"
                      style={{ marginRight: 8 }}
                      onClick={() => {
                        const comment = x.commentRequired ? window.prompt(`请填写「${x.label}」的理由`) : undefined;
                        if (x.commentRequired && !comment) return;
                        act.mutate({ id: r.id, action: x.action, comment: comment ?? undefined });
                      }}
                    >
                      {x.label}
                    </Button>
                  )),
            },
          ]}
        />
      </Card>
      <Modal open={send} title="追加派发" onCancel={() => setSend(false)} footer={null} destroyOnHidden>
        <ErrorAlert error={more.error} />
        <Form form={form} layout="vertical" initialValues={{ send: { rule: 'members' } }} onFinish={more.mutate}>
          <InviteFields name="send" />
          <Button type="primary" htmlType="submit" loading={more.isPending}>
            派发
          </Button>
        </Form>
      </Modal>
    </>
  );
}
