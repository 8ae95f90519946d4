// A member's reflection on a material (title and text, kept on this device until submitted).
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { api } from '../../../api/client.ts';
import { ErrorAlert, textRules, useFormDraft, validValues } from '../../../components/index.ts';

interface ReflectionValues {
  title: string;
  body: string;
}

export function ReflectionForm({ materialId, materialTitle }: { materialId: number; materialTitle: string }) {
  const [form] = Form.useForm<ReflectionValues>();
  const draft = useFormDraft(form, `learning-reflection:material:${materialId}`);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const save = useMutation({
    mutationFn: async ({ values, submit }: { values: ReflectionValues; submit: boolean }) => {
      const { id } = await api.post<{ id: number }>('/api/learning/reflections', { ...values, materialId });
      if (submit) await api.post(`/api/learning/reflections/${id}/actions`, { action: 'submit' });
      return { id, submit };
    },
    onSuccess: ({ id, submit }) => {
      draft.clear();
      message.success(submit ? '心得已提交，等待审核' : '心得草稿已保存');
      navigate(`/learning/reflections/${id}`);
    },
  });
  return (
    <Card title="写学习心得">
      {draft.notice}
      <ErrorAlert error={save.error} />
      <Form
        form={form}
        layout="vertical"
        onValuesChange={draft.onValuesChange}
        initialValues={{ title: `学习《${materialTitle}》的体会` }}
        onFinish={(values) => save.mutate({ values, submit: true })}
      >
        <Form.Item name="title" label="心得标题" rules={[{ required: true, message: '请填写心得标题' }, { max: 100 }]}>
          <Input size="large" />
        </Form.Item>
        <Form.Item name="body" label="心得内容" rules={textRules('心得内容', 20000)}>
          <Input.TextArea rows={8} count={{ show: true, max: 20000 }} />
        </Form.Item>
        <Flex gap={8} wrap>
          <Button type="primary" size="large" htmlType="submit" loading={save.isPending}>
            提交心得
          </Button>
          <Button
            size="large"
            disabled={save.isPending}
            onClick={async () => {
              const values = await validValues(form);
              if (values) save.mutate({ values, submit: false });
            }}
          >
            保存草稿
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
