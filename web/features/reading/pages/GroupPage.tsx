// One reading group: its members and lead reader, the rota of sharing sessions (the lead schedules and confirms them),
// and the thread of notes with likes and comments; a member of the group writes a note here.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Flex, Form, Input, List, Select, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { api } from '../../../api/client.ts';
import { formatDateTime } from '../../../app/format.ts';
import { useSession } from '../../../app/session.tsx';
import {
  ErrorAlert,
  namedChoices,
  PageHeader,
  textRules,
  useFormDraft,
  WorkflowActions,
} from '../../../components/index.ts';
import { NoteItem } from '../components/NoteItem.tsx';
import { readingKeys, useGroup, useNotes } from '../queries.ts';

export function GroupPage() {
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const { can } = useSession();
  const { message } = App.useApp();
  const [sessionForm] = Form.useForm();
  const [noteForm] = Form.useForm();
  const group = useGroup(id);
  // A note being written is kept on this device until it is published (the form shows to the group's members only).
  const noteDraft = useFormDraft(noteForm, `reading-note:group:${id}`, { ready: !!group.data?.mine });
  const notes = useNotes(id);
  const refresh = () => queryClient.invalidateQueries({ queryKey: readingKeys.all });
  const schedule = useMutation({
    mutationFn: (v: any) =>
      api.post(`/api/reading/groups/${id}/sessions`, { ...v, scheduledAt: v.scheduledAt.toISOString() }),
    onSuccess: () => {
      sessionForm.resetFields();
      message.success('已安排');
      refresh();
    },
  });
  const fire = useMutation({
    mutationFn: (b: { sessionId: number; action: string; comment?: string }) =>
      api.post(`/api/reading/sessions/${b.sessionId}/actions`, { action: b.action, comment: b.comment }),
    onSuccess: refresh,
  });
  const write = useMutation({
    mutationFn: (v: any) => api.post(`/api/reading/groups/${id}/notes`, v),
    onSuccess: () => {
      noteDraft.clear();
      noteForm.resetFields();
      message.success('已发布');
      refresh();
    },
  });
  const g = group.data;
  if (!g) return <ErrorAlert error={group.error} />;
  const manage = g.isLead || can('reading.manage');
  return (
    <>
      <PageHeader title={g.name} back="/reading" description={`领读人 ${g.leadName} · ${g.members.length} 人`} />
      <Card title="轮值分享" style={{ marginBottom: 16 }}>
        <ErrorAlert error={fire.error} />
        <List
          dataSource={g.sessions}
          locale={{ emptyText: '暂无分享安排' }}
          renderItem={(s) => (
            <List.Item>
              <div style={{ width: '100%' }}>
                <Typography.Text strong>{s.topic}</Typography.Text> <Tag>{s.stateLabel}</Tag>
                <div>
                  {formatDateTime(s.scheduledAt)} · 轮值：{s.dutyName}
                  {s.bookTitle && ` · 《${s.bookTitle}》`}
                </div>
                <Flex gap={8} wrap>
                  <WorkflowActions
                    actions={s.actions}
                    primary={() => false}
                    onAction={(a) =>
                      fire.mutate({
                        sessionId: s.id,
                        action: a.action,
                        comment: a.commentRequired ? '领读人取消' : undefined,
                      })
                    }
                  />
                </Flex>
              </div>
            </List.Item>
          )}
        />
        {manage && (
          <Form
            form={sessionForm}
            name="session"
            layout="vertical"
            onFinish={(v) => schedule.mutate(v)}
            style={{ marginTop: 12 }}
          >
            <ErrorAlert error={schedule.error} />
            <Form.Item name="topic" label="分享主题" rules={[{ required: true, message: '请填写分享主题' }]}>
              <Input />
            </Form.Item>
            <Form.Item name="scheduledAt" label="分享时间" rules={[{ required: true, message: '请选择分享时间' }]}>
              <DatePicker showTime style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="dutyMemberId" label="轮值分享人" rules={[{ required: true, message: '请选择轮值分享人' }]}>
              <Select options={namedChoices(g.members)} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={schedule.isPending}>
              安排分享
            </Button>
          </Form>
        )}
      </Card>
      <Card title="读书笔记">
        <ErrorAlert error={notes.error} />
        <List
          dataSource={notes.data ?? []}
          locale={{ emptyText: '暂无笔记' }}
          renderItem={(n) => <NoteItem n={n} onChange={refresh} />}
        />
        {g.mine && (
          <Form
            form={noteForm}
            name="note"
            layout="vertical"
            onValuesChange={noteDraft.onValuesChange}
            onFinish={(v) => write.mutate(v)}
            style={{ marginTop: 12 }}
          >
            {noteDraft.notice}
            <ErrorAlert error={write.error} />
            <Form.Item name="title" label="笔记标题" rules={textRules('笔记标题', 100)}>
              <Input count={{ show: true, max: 100 }} />
            </Form.Item>
            <Form.Item name="body" label="笔记内容" rules={textRules('笔记内容', 20000)}>
              <Input.TextArea rows={5} count={{ show: true, max: 20000 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={write.isPending}>
              发布笔记
            </Button>
          </Form>
        )}
      </Card>
    </>
  );
}
