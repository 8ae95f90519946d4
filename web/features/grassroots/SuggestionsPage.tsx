// 微建议: submit one to a studio, and handle those received — answer, forward to a unit (deadline in working days), or
// turn it into one's own proposal draft; a unit answers what was forwarded to it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, qs } from '../../api/client.ts';
import { formatDateTime } from '../../app/format.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert, PageHeader, useFormDraft, useTextDraft } from '../../components/index.ts';
import { UnitSelect } from './shared.tsx';
import type { Suggestion } from './types.ts';

function Handle({ g, onDone }: { g: Suggestion; onDone: () => void }) {
  const { can, me } = useSession();
  const { message } = App.useApp();
  const [answer, setAnswer, clearAnswer] = useTextDraft(`grassroots-suggestion-answer:${g.id}`);
  const [unitId, setUnitId] = useState<number>();
  const act = useMutation({
    mutationFn: (b: object) => api.post(`/api/grassroots/suggestions/${g.id}/actions`, b),
    onSuccess: () => {
      message.success('已处理');
      clearAnswer();
      onDone();
    },
  });
  const respond = useMutation({
    mutationFn: () => api.post(`/api/grassroots/suggestions/${g.id}/response`, { feedback: answer }),
    onSuccess: () => {
      clearAnswer();
      onDone();
    },
  });
  if (can('grassroots.feedback'))
    return g.state === 'forwarded' ? (
      <Flex vertical gap={8} style={{ marginTop: 8 }}>
        <Input.TextArea aria-label="答复" value={answer} onChange={(e) => setAnswer(e.target.value)} />
        <ErrorAlert error={respond.error} />
        <Button type="primary" disabled={!answer.trim()} onClick={() => respond.mutate()}>
          提交答复
        </Button>
      </Flex>
    ) : null;
  if (g.state !== 'submitted') return null;
  return (
    <Flex vertical gap={8} style={{ marginTop: 8 }}>
      <Input.TextArea
        aria-label="答复"
        placeholder="答复内容"
        value={answer}
        onChange={(e) => setAnswer(e.target.value)}
        count={{ show: true, max: 2000 }}
      />
      <Flex wrap gap={8}>
        <Button disabled={!answer.trim()} onClick={() => act.mutate({ action: 'answer', answer })}>
          答复
        </Button>
        <div style={{ minWidth: 200 }}>
          <UnitSelect value={unitId} onChange={setUnitId} />
        </div>
        <Button
          disabled={!unitId}
          onClick={() => act.mutate({ action: 'forward', unitId, answer: answer || undefined })}
        >
          转承办单位
        </Button>
        {me?.account.memberId && (
          <Button onClick={() => act.mutate({ action: 'draftProposal' })}>转为我的提案草稿</Button>
        )}
      </Flex>
      <ErrorAlert error={act.error} />
    </Flex>
  );
}

export function SuggestionList({ studioId }: { studioId?: number }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const draft = useFormDraft(form, studioId ? `grassroots-suggestion:${studioId}` : null);
  const list = useQuery({
    queryKey: ['grassroots', 'suggestions', studioId ?? 0],
    queryFn: () =>
      api.get<{ items: Suggestion[]; total: number }>(`/api/grassroots/suggestions${qs({ studioId, pageSize: 100 })}`),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['grassroots'] });
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
              <Handle g={g} onDone={refresh} />
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}

export function SuggestionsPage() {
  return (
    <>
      <PageHeader title="微建议" description="群众和委员提交给委员工作室、议事室的微建议。" />
      <SuggestionList />
    </>
  );
}
