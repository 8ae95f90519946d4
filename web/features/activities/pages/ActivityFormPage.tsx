// 新建活动: kind, time, place, how members join, attachments and whom to invite.
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../api/client.ts';
import { DraftForm } from '../../../components/DraftForm.tsx';
import { AttachmentUpload, choices, PageHeader, useFormDraft } from '../../../components/index.ts';
import { EventTimeItem, InviteFields } from '../../meetings/shared.tsx';
import { ACTIVITY_KINDS } from '../api.ts';

export function ActivityFormPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [fileIds, setFileIds] = useState<number[]>([]);
  const [form] = Form.useForm();
  const draft = useFormDraft(form, 'activity:new');
  const save = useMutation({
    mutationFn: (v: any) =>
      api.post<{ id: number; invited: number }>('/api/activities', {
        kind: v.kind,
        title: v.title,
        startsAt: v.time[0].toISOString(),
        endsAt: v.time[1].toISOString(),
        place: v.place,
        description: v.description ?? '',
        registration: v.registration,
        capacity: v.capacity ?? null,
        fileIds,
        invite: v.invite?.rule ? v.invite : undefined,
      }),
    onSuccess: (r) => {
      message.success(r.invited ? `已创建，并通知 ${r.invited} 位委员` : '已创建');
      draft.clear();
      navigate(`/activities/${r.id}`);
    },
  });
  return (
    <>
      <PageHeader title="新建活动" back />
      <Card style={{ maxWidth: 760 }}>
        <DraftForm
          form={form}
          draft={draft}
          error={save.error}
          initialValues={{ kind: 'research', registration: 'invite' }}
          onFinish={(v) => save.mutate(v)}
        >
          <Form.Item name="kind" label="活动类型" rules={[{ required: true }]}>
            <Select options={choices(ACTIVITY_KINDS)} />
          </Form.Item>
          <Form.Item name="title" label="活动名称" rules={[{ required: true, message: '请填写活动名称' }]}>
            <Input count={{ show: true, max: 100 }} />
          </Form.Item>
          <EventTimeItem label="活动时间" />
          <Form.Item name="place" label="活动地点" rules={[{ required: true, message: '请填写活动地点' }]}>
            <Input count={{ show: true, max: 100 }} />
          </Form.Item>
          <Form.Item name="description" label="活动内容">
            <Input.TextArea rows={4} count={{ show: true, max: 5000 }} />
          </Form.Item>
          <Form.Item name="registration" label="参加方式">
            <Radio.Group options={choices({ invite: '邀请参加', open: '委员自行报名' })} />
          </Form.Item>
          <Form.Item name="capacity" label="人数上限（可不填）">
            <InputNumber min={1} max={10000} />
          </Form.Item>
          <Form.Item label="附件">
            <AttachmentUpload onUploaded={(id) => setFileIds((x) => [...x, id])} />
          </Form.Item>
          <InviteFields required={false} />
          <Button type="primary" htmlType="submit" size="large" loading={save.isPending}>
            创建
          </Button>
        </DraftForm>
      </Card>
    </>
  );
}
