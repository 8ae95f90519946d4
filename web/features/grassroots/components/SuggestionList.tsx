// The micro suggestions of a studio (or all the account may see), each with its state and handling.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api, qs } from '../../../api/client.ts';
import { formatDateTime } from '../../../app/format.ts';
import { ErrorAlert, useFormDraft } from '../../../components/index.ts';
import type { Suggestion } from '../api.ts';
import { grassrootsKeys } from '../queries.ts';
import { SuggestionHandle } from './SuggestionHandle.tsx';

export function SuggestionList({ studioId }: { studioId?: number }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const draft = useFormDraft(form, studioId ? `grassroots-suggestion:${studioId}` : null);
  const list = useQuery({
    queryKey: grassrootsKeys.suggestions(studioId),
    queryFn: () =>
      api.get<{ items: Suggestion[]; total: number }>(`/api/grassroots/suggestions${qs({ studioId, pageSize: 100 })}`),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: grassrootsKeys.all });
  const submit = useMutation({
    mutationFn: (v: object) => api.post('/api/grassroots/suggestions', { ...v, studioId }),
    onSuccess: () => {
      message.success('已提交');
      draft.clear();
      form.resetFields();
      refresh();
    },
  });
  return (
    <Card title="微建议">
      {studioId && (
        <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)} onValuesChange={draft.onValuesChange}>
          {draft.notice}
          <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}>
            <Input count={{ show: true, max: 100 }} />
          </Form.Item>
          <Form.Item name="body" label="建议内容" rules={[{ required: true, message: '请填写建议内容' }]}>
            <Input.TextArea rows={3} count={{ show: true, max: 2000 }} />
          </Form.Item>
          <ErrorAlert error={submit.error} />
          <Button htmlType="submit" loading={submit.isPending}>
            提交微建议
          </Button>
        </Form>
      )}
      <ErrorAlert error={list.error} />
      <List
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Typography.Text>暂无微建议</Typography.Text> }}
        renderItem={(g) => (
          <List.Item>
            <div style={{ width: '100%' }}>
              <Flex wrap gap={8} align="center">
                <Typography.Text strong>{g.title}</Typography.Text>
                <Tag>{g.stateLabel}</Tag>
                {g.fromPublic && <Tag color="purple">群众</Tag>}
                {g.overdue && <Tag color="red">已逾期</Tag>}
              </Flex>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{g.body}</Typography.Paragraph>
              <Typography.Text type="secondary">
                {g.placeName} · {formatDateTime(g.createdAt)}
                {g.unitName && ` · 转${g.unitName}，${g.dueOn} 前答复`}
              </Typography.Text>
              {g.answer && <div>答复：{g.answer}</div>}
              {g.unitResponse && <div>单位答复：{g.unitResponse}</div>}
              {g.proposalId && <Link to={`/proposals/${g.proposalId}`}>查看提案草稿</Link>}
              <SuggestionHandle g={g} onDone={refresh} />
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
