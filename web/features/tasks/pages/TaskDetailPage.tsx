// One task (staff): its members with their answers and evidence; staff answer swap requests and send it to more members.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Modal, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../../api/client.ts';
import { ErrorAlert, onePageProps, PageHeader, ResponsiveList } from '../../../components/index.ts';
import { InviteFields } from '../../meetings/shared.tsx';
import type { Assignment, TaskDetail } from '../api.ts';
import { taskKeys } from '../queries.ts';

export function TaskDetailPage() {
  const { id } = useParams();
  const qc = useQueryClient();
  const task = useQuery({
    queryKey: taskKeys.detail(id),
    queryFn: () => api.get<TaskDetail>(`/api/tasks/${id}`),
  });
  const act = useMutation({
    mutationFn: (b: { id: number; action: string; comment?: string }) =>
      api.post(`/api/task-assignments/${b.id}/actions`, b),
    onSuccess: () => qc.invalidateQueries({ queryKey: taskKeys.all }),
  });
  const [send, setSend] = useState(false);
  const [form] = Form.useForm();
  const more = useMutation({
    mutationFn: (v: any) => api.post<{ sent: number }>(`/api/tasks/${id}/send`, v.send),
    onSuccess: () => {
      setSend(false);
      qc.invalidateQueries({ queryKey: taskKeys.all });
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
          {...onePageProps(rows)}
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
