// 新建任务 (staff): kind, name, description, quarter and an optional deadline (else the committee's number of days),
// sent by rule or to chosen members (InviteFields); the text is kept as a local draft until sent.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import { api } from '../../../api/client.ts';
import { choices, ErrorAlert, maxChars, textRules, useFormDraft } from '../../../components/index.ts';
import { InviteFields } from '../../meetings/shared.tsx';
import { quarterOptions, TASK_KINDS } from '../api.ts';
import { taskKeys } from '../queries.ts';

export function NewTaskDialog({ open, onClose, quarter }: { open: boolean; onClose: () => void; quarter: string }) {
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
      qc.invalidateQueries({ queryKey: taskKeys.all });
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
          <Select options={choices(TASK_KINDS)} />
        </Form.Item>
        <Form.Item name="title" label="任务名称" rules={textRules('任务名称', 100, { unit: '个字符' })}>
          <Input count={{ show: true, max: 100 }} />
        </Form.Item>
        <Form.Item name="description" label="任务说明" rules={maxChars('任务说明', 2000)}>
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
