// A note in a reading group's thread: its text, likes and comments; staff select it for the year's Word.
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, List, Tag, Typography } from 'antd';
import { api } from '../../../api/client.ts';
import { formatDateTime } from '../../../app/format.ts';
import { ErrorAlert } from '../../../components/index.ts';
import { TAG } from '../../../components/tagColors.ts';
import type { Note } from '../api.ts';

export function NoteItem({ n, onChange }: { n: Note; onChange: () => void }) {
  const [form] = Form.useForm();
  const like = useMutation({ mutationFn: () => api.post(`/api/reading/notes/${n.id}/like`), onSuccess: onChange });
  const comment = useMutation({
    mutationFn: (body: string) => api.post(`/api/reading/notes/${n.id}/comments`, { body }),
    onSuccess: () => {
      form.resetFields();
      onChange();
    },
  });
  return (
    <List.Item>
      <div style={{ width: '100%' }}>
        <Typography.Text strong>{n.title}</Typography.Text> {n.selected && <Tag color={TAG.gold}>入选</Tag>}
        <div>
          <Typography.Text type="secondary">
            {n.memberName} · {formatDateTime(n.createdAt)}
          </Typography.Text>
        </div>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{n.body}</Typography.Paragraph>
        <ErrorAlert error={like.error ?? comment.error} />
        <Button onClick={() => like.mutate()} type={n.liked ? 'primary' : 'default'} aria-pressed={n.liked}>
          赞 {n.likes}
        </Button>
        {n.comments.map((c) => (
          <div key={c.id} style={{ marginTop: 4 }}>
            <Typography.Text type="secondary">{c.authorName}：</Typography.Text>
            {c.body}
          </div>
        ))}
        <Form
          form={form}
          name={`comment-${n.id}`}
          layout="inline"
          onFinish={(v) => comment.mutate(v.body)}
          style={{ marginTop: 8, rowGap: 8 }}
        >
          <Form.Item name="body" rules={[{ required: true, message: '请填写评论' }]}>
            <Input aria-label={`评论《${n.title}》`} placeholder="写评论" />
          </Form.Item>
          <Button htmlType="submit" loading={comment.isPending}>
            评论
          </Button>
        </Form>
      </div>
    </List.Item>
  );
}
