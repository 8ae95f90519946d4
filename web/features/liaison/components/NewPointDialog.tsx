// 新增联络点: a grid contact point members keep in touch with the public through.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal } from 'antd';
import { api } from '../../../api/client.ts';
import { ErrorAlert } from '../../../components/index.ts';
import { liaisonKeys } from '../queries.ts';

export function NewPointDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (v: any) => api.post('/api/liaison/points', v),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: liaisonKeys.points });
      onClose();
    },
  });
  return (
    <Modal open={open} title="新增联络点" footer={null} onCancel={onClose} destroyOnHidden>
      <ErrorAlert error={save.error} />
      <Form layout="vertical" onFinish={save.mutate}>
        <Form.Item name="name" label="联络点名称" rules={[{ required: true, message: '请填写联络点名称' }]}>
          <Input count={{ show: true, max: 100 }} />
        </Form.Item>
        <Form.Item name="area" label="所在区域">
          <Input />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存
        </Button>
      </Form>
    </Modal>
  );
}
