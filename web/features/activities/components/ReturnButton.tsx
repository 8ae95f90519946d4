// 退回 with a reason: a small form in a popover, for sending an output back to its member.
import { Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useFormDraft } from '../../../components/index.ts';

export function ReturnButton({ item, onReturn }: { item: string; onReturn: (comment: string) => Promise<unknown> }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const draft = useFormDraft(form, open ? item : null);
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        退回
      </Button>
      <Modal title="退回成果" open={open} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
        {draft.notice}
        <Form
          form={form}
          layout="vertical"
          onFinish={async (v) => {
            await onReturn(v.comment);
            draft.clear();
            setOpen(false);
          }}
          onValuesChange={draft.onValuesChange}
        >
          <Form.Item name="comment" label="退回意见" rules={[{ required: true, message: '请填写退回意见' }]}>
            <Input.TextArea rows={3} count={{ show: true, max: 500 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            退回
          </Button>
        </Form>
      </Modal>
    </>
  );
}
