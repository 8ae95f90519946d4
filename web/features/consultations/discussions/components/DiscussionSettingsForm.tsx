// The committee's discussion settings (staff): the word filter.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal } from 'antd';
import { api } from '../../../../api/client.ts';
import { ErrorAlert, errorMessage } from '../../../../components/index.ts';
import { discussionKeys } from '../queries.ts';

export function SettingsForm({ onClose }: { onClose: () => void }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { data, error } = useQuery({
    queryKey: discussionKeys.settings,
    queryFn: () => api.get<{ maxLength: number; words: string[] }>('/api/discussions/settings'),
  });
  const save = useMutation({
    mutationFn: (v: { maxLength: number; words: string }) =>
      api.put('/api/discussions/settings', {
        maxLength: v.maxLength,
        words: v.words
          .split(/\n+/)
          .map((w) => w.trim())
          .filter(Boolean),
      }),
    onSuccess: () => {
      message.success('已保存');
      qc.invalidateQueries({ queryKey: discussionKeys.settings });
      onClose();
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const [form] = Form.useForm();
  return (
    <Modal
      open
      title="网络议政设置"
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      <ErrorAlert error={error} />
      {data && (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ maxLength: data.maxLength, words: data.words.join('\n') }}
          onFinish={(v) => save.mutate(v)}
        >
          <Form.Item name="maxLength" label="观点字数上限">
            <InputNumber min={20} max={1000} />
          </Form.Item>
          <Form.Item name="words" label="过滤词（每行一个；含过滤词的观点和评论先审核再显示）">
            <Input.TextArea autoSize={{ minRows: 4 }} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
