// One room consultation: its topics, the record (the consultation event's minutes — the procedure runs on the
// consultation event page), agreed items handed to units with their deadlines and feedback, and publishing the results
// on the room's public page.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, List, Select, Switch, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../../../api/client.ts';
import { useSession } from '../../../app/session.tsx';
import { ErrorAlert, PageHeader, UnitSelect, useFormDraft } from '../../../components/index.ts';
import type { Session } from '../api.ts';
import { HotlineItemCases } from '../components/HotlineItemCases.tsx';
import { ItemLine } from '../components/ItemLine.tsx';
import { SessionPhotos } from '../components/SessionPhotos.tsx';
import { grassrootsKeys } from '../queries.ts';

export function SessionPage() {
  const id = Number(useParams().id);
  const { can } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const draft = useFormDraft(form, `grassroots-session-item:${id}`);
  const s = useQuery({
    queryKey: grassrootsKeys.session(id),
    queryFn: () => api.get<Session>(`/api/grassroots/sessions/${id}`),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: grassrootsKeys.all });
  const add = useMutation({
    mutationFn: (v: object) => api.post<{ dueOn: string }>(`/api/grassroots/sessions/${id}/items`, v),
    onSuccess: (r) => {
      message.success(`已交办，反馈期限 ${r.dueOn}`);
      draft.clear();
      form.resetFields();
      refresh();
    },
  });
  const publish = useMutation({
    mutationFn: (published: boolean) => api.post(`/api/grassroots/sessions/${id}/publish`, { published }),
    onSuccess: refresh,
  });
  const resolve = useMutation({
    mutationFn: (itemId: number) => api.post(`/api/grassroots/items/${itemId}/resolve`, {}),
    onSuccess: refresh,
  });
  const manage = can('grassroots.manage');
  const d = s.data;
  const held = !!d && ['held', 'minuted', 'done'].includes(d.eventState);
  return (
    <>
      <PageHeader title={d?.title ?? '议事协商'} back={d ? `/grassroots/rooms/${d.roomId}` : true} />
      <ErrorAlert error={s.error ?? publish.error ?? resolve.error} />
      {d && (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Typography.Paragraph>
              {d.roomName} · {d.formLabel} · {d.eventStateLabel}
              {d.heldOn && ` · ${d.heldOn}`}
            </Typography.Paragraph>
            <Typography.Paragraph>
              议题：{d.topics.map((t) => `${t.title}（${t.stateLabel}）`).join('；')}
            </Typography.Paragraph>
            {d.minutes && (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>纪要：{d.minutes}</Typography.Paragraph>
            )}
            <Flex wrap gap={12} align="center">
              <Link to={`/consultations/events/${d.eventId}`}>通知、签到、举行和纪要（协商活动）</Link>
              {manage && (
                <Flex gap={8} align="center">
                  <Switch
                    id="publish-results"
                    aria-label="在议事室公开页公布结果"
                    checked={d.resultsPublished}
                    disabled={!held}
                    loading={publish.isPending}
                    onChange={(v) => publish.mutate(v)}
                  />
                  <span>在议事室公开页公布结果</span>
                </Flex>
              )}
            </Flex>
          </Card>
          <SessionPhotos sessionId={d.id} photos={d.photos} manage={manage} />
          <Card title="议定事项">
            <List
              dataSource={d.items}
              locale={{ emptyText: <Typography.Text>暂无议定事项</Typography.Text> }}
              renderItem={(i) => (
                <List.Item
                  actions={
                    manage && i.state === 'fedBack'
                      ? [
                          <Button key="r" onClick={() => resolve.mutate(i.id)}>
                            确认办结
                          </Button>,
                        ]
                      : []
                  }
                >
                  <div style={{ width: '100%' }}>
                    <ItemLine i={i} />
                    <HotlineItemCases item={i} manage={manage} />
                  </div>
                </List.Item>
              )}
            />
            {manage && held && (
              <Form
                form={form}
                layout="vertical"
                onFinish={(v) => add.mutate(v)}
                onValuesChange={draft.onValuesChange}
                style={{ marginTop: 16 }}
              >
                {draft.notice}
                <Form.Item name="content" label="议定事项" rules={[{ required: true, message: '请填写议定事项' }]}>
                  <Input.TextArea rows={2} count={{ show: true, max: 1000 }} />
                </Form.Item>
                <Form.Item name="topicId" label="对应议题">
                  <Select allowClear options={d.topics.map((t) => ({ value: t.id, label: t.title }))} />
                </Form.Item>
                <Form.Item name="unitId" label="承办单位" rules={[{ required: true, message: '请选择承办单位' }]}>
                  <UnitSelect />
                </Form.Item>
                <ErrorAlert error={add.error} />
                <Button type="primary" htmlType="submit" loading={add.isPending}>
                  交办
                </Button>
              </Form>
            )}
          </Card>
        </>
      )}
    </>
  );
}
