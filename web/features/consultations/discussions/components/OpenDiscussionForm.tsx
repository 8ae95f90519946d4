// Staff open a discussion: topic, background, who takes part, opening and closing time, moderation, anonymity.
import { useMutation } from '@tanstack/react-query';
import { App, DatePicker, Flex, Form, Input, Modal, Radio, Switch } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../../api/client.ts';
import { errorMessage } from '../../../../components/index.ts';

export function OpenForm({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [clientKey] = useState(() => crypto.randomUUID());
  const audience = Form.useWatch('audience', form);
  const save = useMutation({
    mutationFn: (v: any) =>
      api.post<{ id: number }>('/api/discussions', {
        topic: v.topic,
        background: v.background ?? '',
        audience: v.audience,
        accountIds:
          v.audience === 'named'
            ? String(v.accountIds ?? '')
                .split(/[,，\s]+/)
                .filter(Boolean)
                .map(Number)
            : undefined,
        opensAt: v.time[0].toISOString(),
        closesAt: v.time[1].toISOString(),
        premoderated: v.premoderated ?? false,
        anonymous: v.anonymous ?? true,
        clientKey,
      }),
    onSuccess: (r) => navigate(`/consultations/discussions/${r.id}`),
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <Modal
      open
      title="发起网络议政"
      okText="发起"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ audience: 'members', anonymous: true, time: [dayjs(), dayjs().add(14, 'day')] }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="topic" label="议题" rules={[{ required: true, message: '请填写议题' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="background" label="背景材料">
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={20000} />
        </Form.Item>
        <Form.Item name="audience" label="参与范围">
          <Radio.Group
            options={[
              { value: 'members', label: '本会委员' },
              { value: 'named', label: '指定人员' },
              { value: 'committee', label: '本会所有登录用户' },
            ]}
          />
        </Form.Item>
        {audience === 'named' && (
          <Form.Item
            name="accountIds"
            label="指定人员的账号编号（逗号分隔）"
            rules={[{ required: true, message: '请填写参与人员' }]}
          >
            <Input />
          </Form.Item>
        )}
        <Form.Item name="time" label="开始和截止时间（北京时间）" rules={[{ required: true, message: '请选择时间' }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Flex gap={24} wrap>
          <Form.Item name="premoderated" label="先审后发" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="anonymous" label="对其他参与者匿名" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
