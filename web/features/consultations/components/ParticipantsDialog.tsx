// 添加参加人员 (staff): members by range (all, standing committee) and an invited person by kind, name and organisation.
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Select } from 'antd';
import { api } from '../../../api/client.ts';
import { ErrorAlert } from '../../../components/index.ts';
import { GUEST } from '../api.ts';

export function ParticipantsDialog({
  eventId,
  open,
  onClose,
  onDone,
}: {
  eventId: string | undefined;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const addPeople = useMutation({
    mutationFn: (v: any) =>
      api.post(`/api/consultations/events/${eventId}/participants`, {
        rule: v.rule || undefined,
        guests: v.guestName
          ? [{ kind: v.guestKind ?? 'expert', name: v.guestName, organisation: v.guestOrg }]
          : undefined,
      }),
    onSuccess: onDone,
  });
  return (
    <Modal title="添加参加人员" open={open} onCancel={onClose} footer={null} destroyOnHidden>
      <ErrorAlert error={addPeople.error} />
      <Form layout="vertical" onFinish={(v) => addPeople.mutate(v)}>
        <Form.Item name="rule" label="委员范围">
          <Select
            allowClear
            options={[
              { value: 'all', label: '全体委员' },
              { value: 'standing', label: '常务委员' },
            ]}
          />
        </Form.Item>
        <Form.Item name="guestKind" label="特邀人员类别">
          <Select
            allowClear
            options={['party', 'official', 'expert', 'citizen'].map((k) => ({ value: k, label: GUEST[k] }))}
          />
        </Form.Item>
        <Form.Item name="guestName" label="特邀人员姓名">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="guestOrg" label="单位">
          <Input maxLength={100} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={addPeople.isPending}>
          添加
        </Button>
      </Form>
    </Modal>
  );
}
