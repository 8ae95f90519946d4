// Take up a recurring matter as a room's topic (每月一题): the room of its area, the title, and the cases it covers.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { api, qs } from '../../../api/client.ts';
import { ErrorAlert, textRules } from '../../../components/index.ts';
import type { RecurringMatter, Room } from '../api.ts';
import { grassrootsKeys } from '../queries.ts';

/** 立为议事室议题: the room (staff any; a convener their own) and the topic's title, the cases linked. */
export function TakeUpDialog({ matter, onClose }: { matter: RecurringMatter | null; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const rooms = useQuery({
    queryKey: grassrootsKeys.roomPick(matter?.area),
    enabled: !!matter,
    meta: { background: true },
    queryFn: () => api.get<{ items: Room[] }>(`/api/grassroots/rooms${qs({ active: 'true', pageSize: 200 })}`),
  });
  const save = useMutation({
    mutationFn: (v: { roomId: number; title: string }) =>
      api.post<{ id: number }>('/api/grassroots/hotline/take-up', { ...v, caseNos: matter?.caseNos ?? [] }),
    onSuccess: () => {
      message.success('已立为议事室议题');
      qc.invalidateQueries({ queryKey: grassrootsKeys.all });
      onClose();
    },
  });
  // Rooms in the matter's area first: that is where it is usually taken up.
  const options = [...(rooms.data?.items ?? [])]
    .sort((a, b) => Number(b.township === matter?.area) - Number(a.township === matter?.area))
    .map((r) => ({ value: r.id, label: r.name }));
  return (
    <Modal
      title="立为议事室议题（每月一题）"
      open={!!matter}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="立为议题"
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {matter && (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ title: matter.suggestedTitle }}
          onFinish={(v) => save.mutate(v)}
        >
          <Typography.Paragraph>
            关联工单 {matter.count} 件：{matter.caseNos.join('、')}
          </Typography.Paragraph>
          <Form.Item name="roomId" label="协商议事室" rules={[{ required: true, message: '请选择协商议事室' }]}>
            <Select showSearch optionFilterProp="label" options={options} placeholder="选择议事室" />
          </Form.Item>
          <Form.Item name="title" label="议题" rules={textRules('议题', 100, { unit: '个字' })}>
            <Input count={{ show: true, max: 100 }} />
          </Form.Item>
          <ErrorAlert error={save.error} />
        </Form>
      )}
    </Modal>
  );
}
