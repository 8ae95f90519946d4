// 新增联系关系: a relationship of one of the four schemes (who keeps it, with whom or which contact point, how often).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, InputNumber, Modal, Select } from 'antd';
import { api } from '../../../api/client.ts';
import { choices, ErrorAlert } from '../../../components/index.ts';
import { MemberSelect, useReference } from '../../meetings/shared.tsx';
import { SCHEMES } from '../api.ts';
import { liaisonKeys, usePoints } from '../queries.ts';

export function NewLinkDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const ref = useReference();
  const points = usePoints(open);
  const scheme = Form.useWatch('scheme', form);
  const save = useMutation({
    mutationFn: (v: any) => api.post('/api/liaison/links', v),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: liaisonKeys.all });
      form.resetFields();
      onClose();
    },
  });
  return (
    <Modal open={open} title="新增联系关系" footer={null} onCancel={onClose} destroyOnHidden>
      <ErrorAlert error={save.error} />
      <Form form={form} layout="vertical" onFinish={save.mutate}>
        <Form.Item name="scheme" label="联系制度" rules={[{ required: true, message: '请选择联系制度' }]}>
          <Select options={choices(SCHEMES)} />
        </Form.Item>
        {scheme === 'committeeSector' ? (
          <Form.Item
            name="ownerSpecialCommitteeId"
            label="联系专委会"
            rules={[{ required: true, message: '请选择专委会' }]}
          >
            <Select options={ref.data?.specialCommittees.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        ) : (
          <Form.Item name="ownerMemberId" label="联系人（委员）" rules={[{ required: true, message: '请选择联系人' }]}>
            <MemberSelect />
          </Form.Item>
        )}
        {scheme === 'memberPublic' ? (
          <Form.Item name="contactPointId" label="联络点" rules={[{ required: true, message: '请选择联络点' }]}>
            <Select options={points.data?.items.map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
        ) : (
          <Form.Item name="memberId" label="联系委员" rules={[{ required: true, message: '请选择联系委员' }]}>
            <MemberSelect />
          </Form.Item>
        )}
        <Form.Item name="frequencyDays" label="联系频次（天，不填按委员会设置）">
          <InputNumber min={1} max={3660} style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存
        </Button>
      </Form>
    </Modal>
  );
}
