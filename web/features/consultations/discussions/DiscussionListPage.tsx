// 网络议政 list: the discussions the user may take part in (staff: all of the committee), and for staff a form to open
// one (topic, background, who takes part, opening and closing time, moderation, anonymity) and the word filter.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Radio, Switch, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../../api/client.ts';
import { formatDateTime } from '../../../app/format.ts';
import { useSession } from '../../../app/session.tsx';
import { DataTable, ErrorAlert, errorMessage, PageHeader, useListParams } from '../../../components/index.ts';
import { TAG } from '../../../components/tagColors.ts';
import { type Discussion, STATUS_LABELS } from './api.ts';

const STATUS_COLORS = { upcoming: 'default', open: TAG.green, closed: 'default' } as const;

function OpenForm({ onClose }: { onClose: () => void }) {
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

function SettingsForm({ onClose }: { onClose: () => void }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { data, error } = useQuery({
    queryKey: ['discussion-settings'],
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
      qc.invalidateQueries({ queryKey: ['discussion-settings'] });
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

export function DiscussionListPage() {
  const { can } = useSession();
  const staff = can('discussion.manage');
  const [params, setParams] = useListParams({});
  const [dialog, setDialog] = useState<'open' | 'settings' | null>(null);
  const { data, error, isFetching } = useQuery({
    queryKey: ['discussions', params.page, params.pageSize],
    queryFn: () =>
      api.get<{ items: Discussion[]; total: number }>(
        `/api/discussions?page=${params.page}&pageSize=${params.pageSize}`,
      ),
  });
  return (
    <>
      <PageHeader
        title="网络议政"
        description="围绕议题发表观点、对他人的观点表态，平台按表态把意见分组，找出共识和分歧。"
        extra={
          staff && (
            <Flex gap={8} wrap>
              <Button type="primary" onClick={() => setDialog('open')}>
                发起网络议政
              </Button>
              <Button onClick={() => setDialog('settings')}>设置</Button>
            </Flex>
          )
        }
      />
      <ErrorAlert error={error} />
      <DataTable<Discussion>
        data={data}
        loading={isFetching}
        page={params.page}
        pageSize={params.pageSize}
        onPageChange={(page, pageSize) => setParams({ page, pageSize })}
        columns={[
          {
            title: '议题',
            dataIndex: 'topic',
            render: (t: string, r) => <Link to={`/consultations/discussions/${r.id}`}>{t}</Link>,
          },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: Discussion['status']) => <Tag color={STATUS_COLORS[s]}>{STATUS_LABELS[s]}</Tag>,
          },
          { title: '截止时间', dataIndex: 'closesAt', render: (d: string) => formatDateTime(d) },
          { title: '观点', dataIndex: 'statements' },
          { title: '参与人数', dataIndex: 'participants' },
        ]}
      />
      {dialog === 'open' && <OpenForm onClose={() => setDialog(null)} />}
      {dialog === 'settings' && <SettingsForm onClose={() => setDialog(null)} />}
    </>
  );
}
