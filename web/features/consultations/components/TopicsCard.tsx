// A plan's topic suggestions: suggesters write one while the collection is open and read the office's answer; the
// office sees every suggestion, alike ones side by side, and answers each (列入计划 / 合并 / 不列入, with a reason).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TopicListItem } from '../../../../server/modules/consultations/topic-service.ts';
import { api } from '../../../api/client.ts';
import { useSession } from '../../../app/session.tsx';
import { ErrorAlert, ExportButton, useFormDraft } from '../../../components/index.ts';
import type { PlanDetail } from '../api.ts';
import { consultationKeys, useKindOptions } from '../queries.ts';

type Topic = TopicListItem;

export function TopicsCard({ plan }: { plan: PlanDetail }) {
  const { can } = useSession();
  const office = can('consultation.manage');
  const qc = useQueryClient();
  const { message } = App.useApp();
  const kinds = useKindOptions();
  const [suggestForm] = Form.useForm();
  const draft = useFormDraft(suggestForm, `consultation-topic:${plan.id}`);
  const [answering, setAnswering] = useState<{ topic: Topic; action: string } | null>(null);
  const { data } = useQuery({
    queryKey: consultationKeys.topics(plan.id),
    queryFn: () => api.get<{ items: Topic[] }>(`/api/consultations/topics?planId=${plan.id}&pageSize=200`),
  });
  const similar = useQuery({
    queryKey: consultationKeys.topicSimilar(answering?.topic.id),
    queryFn: () => api.get<{ items: any[] }>(`/api/consultations/topics/${answering?.topic.id}/similar`),
    enabled: !!answering && answering.action === 'merge',
  });
  const refresh = () => qc.invalidateQueries({ queryKey: consultationKeys.all });
  const suggest = useMutation({
    mutationFn: (v: any) => api.post(`/api/consultations/plans/${plan.id}/topics`, v),
    onSuccess: () => {
      message.success('议题建议已提交，办公室答复后会通知您');
      draft.clear();
      suggestForm.resetFields();
      refresh();
    },
  });
  const answer = useMutation({
    mutationFn: (v: any) =>
      api.post(`/api/consultations/topics/${answering?.topic.id}/answer`, { ...v, action: answering?.action }),
    onSuccess: () => {
      setAnswering(null);
      refresh();
    },
  });
  const collecting =
    plan.state === 'draft' && !!plan.collectUntil && plan.collectUntil >= new Date().toISOString().slice(0, 10);
  return (
    <>
      {can('consultation.suggest') && collecting && (
        <Card title="提出协商议题建议" style={{ marginBottom: 16 }}>
          <ErrorAlert error={suggest.error} />
          {draft.notice}
          <Form
            form={suggestForm}
            layout="vertical"
            onValuesChange={draft.onValuesChange}
            onFinish={(v) => suggest.mutate(v)}
          >
            <Form.Item name="title" label="议题名称" rules={[{ required: true, message: '请填写议题名称' }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="reason" label="理由" rules={[{ required: true, message: '请填写理由' }]}>
              <Input.TextArea rows={4} maxLength={4000} />
            </Form.Item>
            <Form.Item name="suggestedKind" label="建议协商类型">
              <Select allowClear options={kinds} />
            </Form.Item>
            <Form.Item name="leadBody" label="建议牵头单位">
              <Input maxLength={100} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={suggest.isPending}>
              提交议题建议
            </Button>
          </Form>
        </Card>
      )}
      <Card
        title={office ? '征集到的议题建议' : '我提出的议题建议'}
        extra={office && <ExportButton url={`/api/consultations/topics.xlsx?planId=${plan.id}`} />}
      >
        <Flex vertical gap={12}>
          {(data?.items ?? []).map((t) => (
            <div key={t.id} style={{ borderBottom: '1px solid #eee', paddingBottom: 8 }}>
              <Typography.Text strong>{t.title}</Typography.Text>
              <div>
                <Tag>{t.suggesterTypeLabel}</Tag>
                {t.suggesterName}　<Tag color={t.state === 'submitted' ? 'orange' : 'blue'}>{t.stateLabel}</Tag>
              </div>
              <Typography.Paragraph style={{ margin: '4px 0' }}>{t.reason}</Typography.Paragraph>
              {t.answer && <div>答复：{t.answer}</div>}
              {office && t.state === 'submitted' && (
                <Space wrap>
                  <Button size="small" onClick={() => setAnswering({ topic: t, action: 'take' })}>
                    列入计划
                  </Button>
                  <Button size="small" onClick={() => setAnswering({ topic: t, action: 'merge' })}>
                    合并
                  </Button>
                  <Button size="small" onClick={() => setAnswering({ topic: t, action: 'decline' })}>
                    不列入计划
                  </Button>
                </Space>
              )}
            </div>
          ))}
          {data && !data.items.length && <Typography.Paragraph>暂无议题建议</Typography.Paragraph>}
        </Flex>
      </Card>
      <Modal
        title={`答复：${answering?.topic.title ?? ''}`}
        open={!!answering}
        onCancel={() => setAnswering(null)}
        footer={null}
        destroyOnHidden
      >
        <ErrorAlert error={answer.error} />
        <Form layout="vertical" onFinish={(v) => answer.mutate(v)}>
          {answering?.action === 'take' && (
            <Form.Item name="planItemId" label="纳入的计划项目">
              <Select allowClear options={plan.items.map((i) => ({ value: i.id, label: i.topic }))} />
            </Form.Item>
          )}
          {answering?.action === 'merge' && (
            <Form.Item
              name="mergedIntoId"
              label="合并到（按相似度排序）"
              rules={[{ required: true, message: '请选择' }]}
            >
              <Select
                options={(similar.data?.items ?? []).map((s) => ({
                  value: s.id,
                  label: `${s.title}（相似度 ${s.score}%）`,
                }))}
                notFoundContent="没有相似的议题建议"
              />
            </Form.Item>
          )}
          <Form.Item
            name="comment"
            label="答复意见"
            rules={[{ required: answering?.action === 'decline', message: '请填写不列入计划的理由' }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={answer.isPending}>
            确定
          </Button>
        </Form>
      </Modal>
    </>
  );
}
