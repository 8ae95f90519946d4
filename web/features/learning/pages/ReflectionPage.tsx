// One reflection: its text, state and timeline; the author edits a draft or returned one and submits; staff accept it
// or return it with a reason (the engine's buttons for this user).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../../api/client.ts';
import {
  ActionCommentDialog,
  ErrorAlert,
  PageHeader,
  textRules,
  useFormDraft,
  WorkflowActions,
  WorkflowTimeline,
} from '../../../components/index.ts';
import { type Action, STATE_COLOR } from '../api.ts';
import { learningKeys, useReflection } from '../queries.ts';

export function ReflectionPage() {
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [pending, setPending] = useState<Action | null>(null);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<{ title: string; body: string }>();
  // The edit of a draft or returned reflection is kept on this device until saved.
  const draft = useFormDraft(form, `learning-reflection:${id}`, { ready: editing });
  const { data: r, error } = useReflection(id);
  const refresh = () => queryClient.invalidateQueries({ queryKey: learningKeys.all });
  const fire = useMutation({
    mutationFn: (b: { action: string; comment?: string }) => api.post(`/api/learning/reflections/${id}/actions`, b),
    onSuccess: () => {
      setPending(null);
      message.success('已完成');
      refresh();
    },
  });
  const save = useMutation({
    mutationFn: (v: { title: string; body: string }) =>
      api.put(`/api/learning/reflections/${id}`, { ...v, materialId: r?.materialId ?? null }),
    onSuccess: () => {
      draft.clear();
      setEditing(false);
      message.success('已保存');
      refresh();
    },
  });
  if (!r) return <ErrorAlert error={error} />;
  const editable = ['draft', 'returned'].includes(r.state) && r.actions?.some((a) => a.action === 'submit');
  return (
    <>
      <PageHeader title={r.title} back="/learning" />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Tag color={STATE_COLOR[r.state]}>{r.stateLabel}</Tag>
          <Typography.Text type="secondary">
            {r.memberName}
            {r.materialTitle ? ` · 学习《${r.materialTitle}》` : ''}
          </Typography.Text>
        </Flex>
        {editing ? (
          <Form
            form={form}
            layout="vertical"
            initialValues={{ title: r.title, body: r.body }}
            onValuesChange={draft.onValuesChange}
            onFinish={(v) => save.mutate(v)}
          >
            {draft.notice}
            <ErrorAlert error={save.error} />
            <Form.Item name="title" label="心得标题" rules={[{ required: true, message: '请填写心得标题' }]}>
              <Input size="large" />
            </Form.Item>
            <Form.Item name="body" label="心得内容" rules={textRules('心得内容', 20000)}>
              <Input.TextArea rows={8} count={{ show: true, max: 20000 }} />
            </Form.Item>
            <Flex gap={8}>
              <Button type="primary" size="large" htmlType="submit" loading={save.isPending}>
                保存
              </Button>
              <Button size="large" onClick={() => setEditing(false)}>
                取消
              </Button>
            </Flex>
          </Form>
        ) : (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 17 }}>{r.body}</Typography.Paragraph>
        )}
        <ErrorAlert error={fire.error} />
        {!editing && (
          <Flex gap={8} wrap>
            {editable && (
              <Button size="large" onClick={() => setEditing(true)}>
                修改
              </Button>
            )}
            <WorkflowActions
              actions={r.actions ?? []}
              size="large"
              primary={(a) => a === 'submit' || a === 'accept'}
              loading={(a) => fire.isPending && pending?.action === a}
              onAction={(a) => (a.commentRequired ? setPending(a) : fire.mutate({ action: a.action }))}
            />
          </Flex>
        )}
      </Card>
      {!!r.timeline?.length && <WorkflowTimeline title="办理记录" steps={r.timeline} />}
      <ActionCommentDialog
        action={pending}
        draft={`learning-reflection-action:${id}`}
        inputId="reflection-comment"
        running={fire.isPending}
        error={fire.error}
        onCancel={() => setPending(null)}
        onOk={(p, comment) => fire.mutateAsync({ action: p.action, comment })}
      />
    </>
  );
}
