// Inviting more members to a meeting or an activity: the same rule fields (all, standing, a special committee, a
// sector, chosen members) and one button; the page posts the rule to its own invite route.
import { Button, Form, Modal } from 'antd';
import { InviteFields } from '../shared.tsx';

export function InviteDialog({
  title,
  okText,
  open,
  onClose,
  onInvite,
  pending,
}: {
  title: string;
  okText: string;
  open: boolean;
  onClose: () => void;
  onInvite: (rule: Record<string, unknown>) => void;
  pending: boolean;
}) {
  return (
    <Modal title={title} open={open} onCancel={onClose} footer={null} destroyOnHidden>
      <Form layout="vertical" initialValues={{ invite: { rule: 'members' } }} onFinish={(v) => onInvite(v.invite)}>
        <InviteFields />
        <Button type="primary" htmlType="submit" loading={pending}>
          {okText}
        </Button>
      </Form>
    </Modal>
  );
}
