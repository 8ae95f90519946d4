// 我的派单 (phone first): the member's tasks, open ones first, overdue marked; accept, ask to swap or decline with a
// reason, and complete by choosing one of their own proposals or activities as the evidence.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, List, Modal, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { useSession } from '../../../app/session.tsx';
import { ErrorAlert, PageHeader, useFormDraft } from '../../../components/index.ts';
import type { Assignment } from '../api.ts';
import { AssignmentCard } from '../components/AssignmentCard.tsx';
import { taskKeys, useEvidence } from '../queries.ts';

export function MyTasksPage() {
  const { me } = useSession();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const list = useQuery({
    queryKey: taskKeys.mine,
    queryFn: () => api.get<{ items: Assignment[] }>('/api/tasks/mine'),
  });
  const [dialog, setDialog] = useState<{ a: Assignment; action: string; label: string } | null>(null);
  const [form] = Form.useForm();
  const draft = useFormDraft(form, dialog ? `task:${dialog.a.id}:${dialog.action}` : null);
  const evidence = useEvidence(me?.account.memberId ?? null, dialog?.action === 'complete');
  const act = useMutation({
    mutationFn: (b: { id: number; action: string; comment?: string; evidence?: string }) => {
      const [evidenceType, evidenceId] = b.evidence ? b.evidence.split(':') : [];
      return api.post(`/api/task-assignments/${b.id}/actions`, {
        action: b.action,
        comment: b.comment || undefined,
        ...(evidenceType ? { evidenceType, evidenceId: Number(evidenceId) } : {}),
      });
    },
    onSuccess: () => {
      message.success('已提交');
      draft.clear();
      setDialog(null);
      form.resetFields();
      qc.invalidateQueries({ queryKey: taskKeys.all });
    },
  });
  return (
    <>
      <PageHeader
        title="我的派单"
        description="工作人员派给您的季度任务：请接受、申请调换或说明理由婉拒，完成后选择成果提交。"
      />
      <ErrorAlert error={list.error} />
      <List
        dataSource={list.data?.items ?? []}
        loading={list.isLoading}
        locale={{ emptyText: '暂无派单任务' }}
        renderItem={(a) => (
          <List.Item style={{ display: 'block', padding: 0, border: 'none' }}>
            <AssignmentCard
              a={a}
              accepting={act.isPending}
              onAccept={() => act.mutate({ id: a.id, action: 'accept' })}
              onAction={(x) => setDialog({ a, action: x.action, label: x.label })}
            />
          </List.Item>
        )}
      />
      <Modal
        open={!!dialog}
        title={dialog ? `${dialog.label}：${dialog.a.title}` : ''}
        okText="提交"
        cancelText="取消"
        confirmLoading={act.isPending}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <ErrorAlert error={act.error} />
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => dialog && act.mutate({ id: dialog.a.id, action: dialog.action, ...v })}
          onValuesChange={draft.onValuesChange}
        >
          {draft.notice}
          {dialog?.action === 'complete' ? (
            <>
              <Form.Item name="evidence" label="完成成果" rules={[{ required: true, message: '请选择完成成果' }]}>
                <Select
                  options={evidence.data ?? []}
                  loading={evidence.isLoading}
                  placeholder="选择您提交的提案或参加的活动"
                  notFoundContent="暂无可选的提案或活动"
                />
              </Form.Item>
              <Form.Item name="comment" label="说明（可不填）">
                <Input.TextArea rows={3} count={{ show: true, max: 1000 }} />
              </Form.Item>
            </>
          ) : (
            <Form.Item
              name="comment"
              label="理由"
              rules={[
                { required: true, message: `请填写「${dialog?.label}」的理由` },
                { max: 1000, message: '「理由」不能超过 1000 个字符' },
              ]}
            >
              <Input.TextArea rows={3} count={{ show: true, max: 1000 }} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
