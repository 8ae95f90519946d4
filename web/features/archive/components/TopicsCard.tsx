// 征集主题: the open collection topics; editors create one (its call kept on this device until saved).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Input, List, Tag, Typography } from 'antd';
import { api } from '../../../api/client.ts';
import { ErrorAlert, textRules, useFormDraft, WorkflowActions } from '../../../components/index.ts';
import { archiveKeys, useTopics } from '../queries.ts';

export function TopicsCard({ editor }: { editor: boolean }) {
  const queryClient = useQueryClient();
  const { data, error } = useTopics();
  const refresh = () => queryClient.invalidateQueries({ queryKey: archiveKeys.topics });
  const [form] = Form.useForm();
  // The call for accounts is a paragraph: kept on this device until the topic is saved.
  const draft = useFormDraft(form, 'archive-topic:new', { ready: editor });
  const create = useMutation({
    mutationFn: (v: { title: string; description?: string; period?: string }) => api.post('/api/archive/topics', v),
    onSuccess: () => {
      draft.clear();
      form.resetFields();
      refresh();
    },
  });
  const fire = useMutation({
    mutationFn: ({ id, action }: { id: number; action: string }) =>
      api.post(`/api/archive/topics/${id}/actions`, { action }),
    onSuccess: refresh,
  });
  return (
    <Card title="征集选题">
      <ErrorAlert error={error ?? create.error ?? fire.error} />
      <List
        dataSource={data ?? []}
        locale={{ emptyText: '暂无征集选题' }}
        renderItem={(t) => (
          <List.Item>
            <div style={{ width: '100%' }}>
              <Typography.Text strong>{t.title}</Typography.Text> <Tag>{t.stateLabel}</Tag>
              {t.description && <div>{t.description}</div>}
              <Flex gap={8} wrap style={{ marginTop: 4 }}>
                <WorkflowActions
                  actions={t.actions}
                  primary={() => false}
                  onAction={(a) => fire.mutate({ id: t.id, action: a.action })}
                />
              </Flex>
            </div>
          </List.Item>
        )}
      />
      {editor && (
        <Form
          form={form}
          name="topic"
          layout="vertical"
          onValuesChange={draft.onValuesChange}
          onFinish={(v) => create.mutate(v)}
          style={{ marginTop: 12 }}
        >
          {draft.notice}
          <Form.Item name="title" label="选题名称" rules={[{ required: true, message: '请填写选题名称' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label="征集说明" rules={textRules('征集说明', 5000, { optional: true })}>
            <Input.TextArea rows={2} count={{ show: true, max: 5000 }} />
          </Form.Item>
          <Button htmlType="submit" loading={create.isPending}>
            新建选题
          </Button>
        </Form>
      )}
    </Card>
  );
}
