// One room: its register entry and printed QR code, its topics (raise one; the executive convener or staff accept or
// decline with a reason), and its consultations (staff arrange one on accepted topics, run as a consultation event).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Descriptions, Form, Input, List, Select, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import type { SessionListRow } from '../../../../server/modules/grassroots/session-service.ts';
import { api, qs } from '../../../api/client.ts';
import { useSession } from '../../../app/session.tsx';
import {
  choices,
  ErrorAlert,
  FormDialog,
  PageHeader,
  textRules,
  useFormDialog,
  useFormDraft,
} from '../../../components/index.ts';
import type { RoomDetail, Topic } from '../api.ts';
import { PlaceCard } from '../components/PlaceCard.tsx';
import { TopicItem } from '../components/TopicItem.tsx';
import { grassrootsKeys } from '../queries.ts';

export function RoomPage() {
  const id = Number(useParams().id);
  const { can, me } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [raiseForm] = Form.useForm();
  const raiseDraft = useFormDraft(raiseForm, `grassroots-topic:${id}`);
  const arrangeDialog = useFormDialog();
  const room = useQuery({
    queryKey: grassrootsKeys.room(id),
    queryFn: () => api.get<RoomDetail>(`/api/grassroots/rooms/${id}`),
  });
  const topics = useQuery({
    queryKey: grassrootsKeys.topics(id),
    queryFn: () =>
      api.get<{ items: Topic[]; total: number }>(`/api/grassroots/topics${qs({ roomId: id, pageSize: 100 })}`),
  });
  const sessions = useQuery({
    queryKey: grassrootsKeys.sessions(id),
    queryFn: () => api.get<SessionListRow[]>(`/api/grassroots/rooms/${id}/sessions`),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: grassrootsKeys.all });
  const raise = useMutation({
    mutationFn: (v: { title: string; body?: string }) => api.post(`/api/grassroots/rooms/${id}/topics`, v),
    onSuccess: () => {
      message.success('议题已提交');
      raiseDraft.clear();
      raiseForm.resetFields();
      refresh();
    },
  });
  const arrange = useMutation({
    mutationFn: (v: any) =>
      api.post<{ id: number; eventId: number }>(`/api/grassroots/rooms/${id}/sessions`, {
        title: v.title,
        form: v.form,
        place: v.place,
        topicIds: v.topicIds,
        startsAt: v.time[0].toISOString(),
        endsAt: v.time[1].toISOString(),
      }),
    onSuccess: () => {
      message.success('已安排协商，请在协商活动中发出通知');
      arrangeDialog.close();
      refresh();
    },
  });
  const manage = can('grassroots.manage');
  const r = room.data;
  const canAnswer =
    manage || (!!r && r.execConvenerMemberId != null && r.execConvenerMemberId === me?.account.memberId);
  const accepted = (topics.data?.items ?? []).filter((t) => t.state === 'accepted');
  return (
    <>
      <PageHeader title={r?.name ?? '协商议事室'} back="/grassroots/rooms" />
      <ErrorAlert error={room.error ?? topics.error ?? sessions.error} />
      {r && (
        <PlaceCard place={r} membersLabel="参加委员">
          <Descriptions.Item label="地点">{`${r.township} ${r.village}`}</Descriptions.Item>
          <Descriptions.Item label="第一召集人">{`${r.firstConvener} ${r.firstConvenerTitle}`}</Descriptions.Item>
          <Descriptions.Item label="执行召集人">{r.execConvenerName ?? '未指定'}</Descriptions.Item>
        </PlaceCard>
      )}
      <Card title="议题" style={{ marginBottom: 16 }}>
        {raiseDraft.notice}
        <Form
          form={raiseForm}
          layout="vertical"
          onFinish={(v) => raise.mutate(v)}
          onValuesChange={raiseDraft.onValuesChange}
        >
          <Form.Item name="title" label="提出议题" rules={textRules('议题', 100, { unit: '个字' })}>
            <Input count={{ show: true, max: 100 }} />
          </Form.Item>
          <Form.Item name="body" label="具体内容" rules={textRules('具体内容', 2000, { optional: true, unit: '个字' })}>
            <Input.TextArea rows={3} count={{ show: true, max: 2000 }} />
          </Form.Item>
          <ErrorAlert error={raise.error} />
          <Button htmlType="submit" loading={raise.isPending}>
            提交议题
          </Button>
        </Form>
        <List
          dataSource={topics.data?.items ?? []}
          locale={{ emptyText: <Typography.Text>暂无议题</Typography.Text> }}
          renderItem={(t) => <TopicItem t={t} canAnswer={canAnswer} onDone={refresh} />}
        />
      </Card>
      <Card
        title="协商活动"
        extra={
          manage && (
            <Button type="primary" disabled={!accepted.length} onClick={arrangeDialog.show}>
              安排协商
            </Button>
          )
        }
      >
        <List
          dataSource={sessions.data ?? []}
          locale={{ emptyText: <Typography.Text>暂无协商活动</Typography.Text> }}
          renderItem={(s) => (
            <List.Item>
              <Link to={`/grassroots/sessions/${s.id}`}>{s.title}</Link>
              <span>
                {s.heldOn ?? '未举行'} · 议定事项 {s.itemCount} 项{' '}
                {s.resultsPublished && <Tag color="green">结果已公开</Tag>}
              </span>
            </List.Item>
          )}
        />
      </Card>
      <FormDialog title="安排议事协商" dialog={arrangeDialog} mutation={arrange} initialValues={{ form: 'offline' }}>
        <Form.Item name="title" label="协商活动名称" rules={[{ required: true, message: '请填写协商活动名称' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="topicIds" label="议题" rules={[{ required: true, message: '请选择议题' }]}>
          <Select mode="multiple" options={accepted.map((t) => ({ value: t.id, label: t.title }))} />
        </Form.Item>
        <Form.Item name="form" label="协商形式">
          <Select options={choices({ offline: '线下', online: '线上', both: '线上线下结合' })} />
        </Form.Item>
        <Form.Item name="time" label="时间" rules={[{ required: true, message: '请选择时间' }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="place" label="地点" rules={[{ required: true, message: '请填写地点' }]}>
          <Input />
        </Form.Item>
      </FormDialog>
    </>
  );
}
