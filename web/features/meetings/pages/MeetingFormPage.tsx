// 新建/修改会议: kind, time, place, agenda, attachments and (when new) who is invited.
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError, api } from '../../../api/client.ts';
import { dayjs } from '../../../app/format.ts';
import { DraftForm } from '../../../components/DraftForm.tsx';
import { AttachmentUpload, choices, PageHeader, useFormDraft } from '../../../components/index.ts';
import { meetingKeys } from '../queries.ts';
import { EventTimeItem, InviteFields, MEETING_KINDS, useReference } from '../shared.tsx';

export function MeetingFormPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [fileIds, setFileIds] = useState<number[]>([]);
  const ref = useReference();
  const kind = Form.useWatch('kind', form);
  const existing = useQuery({
    queryKey: meetingKeys.detail(id),
    queryFn: () => api.get<any>(`/api/meetings/${id}`),
    enabled: !!id,
  });
  const draft = useFormDraft(form, `meeting:${id ?? 'new'}`, { ready: !id || !!existing.data });
  useEffect(() => {
    const m = existing.data;
    if (m) form.setFieldsValue({ ...m, time: [dayjs(m.startsAt), dayjs(m.endsAt)] });
  }, [existing.data, form]);
  const save = useMutation({
    mutationFn: (v: any) => {
      const body = {
        kind: v.kind,
        title: v.title,
        startsAt: v.time[0].toISOString(),
        endsAt: v.time[1].toISOString(),
        halfDays: v.halfDays,
        place: v.place,
        agenda: v.agenda ?? '',
        specialCommitteeId: v.specialCommitteeId ?? null,
        sectorId: v.sectorId ?? null,
        fileIds,
      };
      return id
        ? api.put(`/api/meetings/${id}`, body)
        : api.post<{ id: number; invited: number }>('/api/meetings', { ...body, invite: v.invite });
    },
    onSuccess: (r: any) => {
      message.success(id ? '已保存' : `已创建，并向 ${r.invited} 位委员发送会议通知`);
      draft.clear();
      navigate(`/meetings/${id ?? r.id}`);
    },
    onError: (err) => {
      if (err instanceof ApiError && err.field) {
        const name = err.field === 'endsAt' ? 'time' : err.field.split('.');
        form.setFields([{ name, errors: [err.message] }]);
      }
    },
  });
  return (
    <>
      <PageHeader title={id ? '修改会议' : '新建会议'} back />
      <Card style={{ maxWidth: 760 }}>
        <DraftForm
          form={form}
          draft={draft}
          error={save.error}
          initialValues={{ kind: 'plenary', halfDays: 1, invite: { rule: 'all' } }}
          onFinish={(v) => save.mutate(v)}
        >
          <Form.Item name="kind" label="会议类型" rules={[{ required: true, message: '请选择会议类型' }]}>
            <Select options={choices(MEETING_KINDS)} />
          </Form.Item>
          <Form.Item
            name="title"
            label="会议名称"
            rules={[
              { required: true, message: '请填写会议名称' },
              { max: 100, message: '不能超过 100 个字符' },
            ]}
          >
            <Input />
          </Form.Item>
          <EventTimeItem label="会议时间" />
          <Form.Item name="halfDays" label="会期（半天数，用于按半天计分）">
            <InputNumber min={1} max={20} />
          </Form.Item>
          <Form.Item name="place" label="会议地点" rules={[{ required: true, message: '请填写会议地点' }]}>
            <Input />
          </Form.Item>
          {kind === 'specialCommittee' && (
            <Form.Item name="specialCommitteeId" label="专委会">
              <Select allowClear options={ref.data?.specialCommittees.map((s) => ({ value: s.id, label: s.name }))} />
            </Form.Item>
          )}
          {kind === 'sector' && (
            <Form.Item name="sectorId" label="界别">
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={ref.data?.sectors.map((s) => ({ value: s.id, label: s.name }))}
              />
            </Form.Item>
          )}
          <Form.Item name="agenda" label="会议议程">
            <Input.TextArea rows={5} count={{ show: true, max: 5000 }} />
          </Form.Item>
          <Form.Item label="附件（会议材料）">
            <AttachmentUpload onUploaded={(id) => setFileIds((x) => [...x, id])} />
          </Form.Item>
          {!id && <InviteFields />}
          <Button type="primary" htmlType="submit" size="large" loading={save.isPending}>
            {id ? '保存' : '创建并发送通知'}
          </Button>
        </DraftForm>
      </Card>
    </>
  );
}
