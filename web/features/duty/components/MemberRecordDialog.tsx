// The dialog staff record something about one member in (a talk or resignation advice, a commendation): the member
// first, the page's own fields, then 保存. The page keeps the form and its draft, so what was typed survives a reload.
import { Button, Form, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../../components/index.ts';
import { MemberSelect } from '../../meetings/shared.tsx';

export function MemberRecordDialog({
  title,
  open,
  onClose,
  form,
  draft,
  error,
  saving,
  initialValues,
  onFinish,
  destroyOnHidden,
  children,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  form: FormInstance;
  draft: { notice: ReactNode; onValuesChange: (changed: any, all: any) => void };
  error: unknown;
  saving: boolean;
  initialValues: Record<string, unknown>;
  onFinish: (values: any) => void;
  destroyOnHidden?: boolean;
  children: ReactNode;
}) {
  return (
    <Modal title={title} open={open} onCancel={onClose} footer={null} destroyOnHidden={destroyOnHidden} forceRender>
      <ErrorAlert error={error} />
      {draft.notice}
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        onValuesChange={draft.onValuesChange}
      >
        <Form.Item name="memberId" label="委员" rules={[{ required: true, message: '请选择委员' }]}>
          <MemberSelect />
        </Form.Item>
        {children}
        <Button type="primary" htmlType="submit" loading={saving}>
          保存
        </Button>
      </Form>
    </Modal>
  );
}
