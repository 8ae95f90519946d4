// 我的承诺: the member picks items from the committee's list or writes their own until the set day, and reports each
// (kept or not, prefilled from their duty facts) from the set day.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, List, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { beijingYear } from '../../../app/format.ts';
import { ErrorAlert, PageHeader, useFormDraft, useListParams } from '../../../components/index.ts';
import { type Commitment, goalOptions, type MyCommitments } from '../api.ts';
import { CommitmentMeta } from '../components/CommitmentMeta.tsx';
import { YearFilter } from '../components/YearFilter.tsx';
import { commitmentKeys, useCommitmentItems } from '../queries.ts';

export function MyCommitmentsPage() {
  const [params, setParams] = useListParams({ year: String(beijingYear()) });
  const year = Number(params.year);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const mine = useQuery({
    queryKey: commitmentKeys.mine(year),
    queryFn: () => api.get<MyCommitments>(`/api/commitments/mine?year=${year}`),
  });
  const items = useCommitmentItems(year);
  const [form] = Form.useForm();
  const [reportForm] = Form.useForm();
  const [reporting, setReporting] = useState<Commitment | null>(null);
  const draft = useFormDraft(form, `commitment:${year}`);
  const reportDraft = useFormDraft(reportForm, reporting ? `commitment-report:${reporting.id}` : null);
  const done = () => {
    qc.invalidateQueries({ queryKey: commitmentKeys.all });
    message.success('已保存');
  };
  const make = useMutation({
    mutationFn: (v: { itemId?: number; text?: string; factKind?: string; target?: number }) =>
      api.post('/api/commitments', { year, ...v }),
    onSuccess: () => {
      draft.clear();
      form.resetFields();
      done();
    },
  });
  const report = useMutation({
    mutationFn: (v: { kept: boolean; report: string }) => api.post(`/api/commitments/${reporting!.id}/report`, v),
    onSuccess: () => {
      reportDraft.clear();
      setReporting(null);
      done();
    },
  });
  const m = mine.data;
  return (
    <>
      <PageHeader title="我的承诺" description="年初作出履职承诺，年底报告践诺情况。" />
      <YearFilter value={params.year} onChange={(year) => setParams({ year })} />
      <ErrorAlert error={mine.error ?? items.error} />
      {m && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`承诺截止 ${m.pickUntil}，每人最多 ${m.maxPerMember} 项；践诺情况自 ${m.reportFrom} 起填报。`}
        />
      )}
      <Card title="我的承诺" style={{ marginBottom: 16 }}>
        <List
          dataSource={m?.items ?? []}
          locale={{ emptyText: '尚未作出承诺' }}
          renderItem={(c) => (
            <List.Item
              actions={
                m?.canReport
                  ? [
                      <Button key="r" onClick={() => setReporting(c)}>
                        {c.status === '待践诺' ? '报告践诺' : '修改'}
                      </Button>,
                    ]
                  : []
              }
            >
              <CommitmentMeta c={c} />
            </List.Item>
          )}
        />
      </Card>
      {m?.canPick && (
        <Card title="作出承诺">
          <ErrorAlert error={make.error} />
          {draft.notice}
          <Form form={form} layout="vertical" onFinish={make.mutate} onValuesChange={draft.onValuesChange}>
            <Form.Item name="itemId" label="从承诺事项中选择">
              <Select
                allowClear
                placeholder="可选"
                options={(items.data?.items ?? []).map((i) => ({
                  value: i.id,
                  label: i.factKindLabel ? `${i.title}（${i.factKindLabel} ${i.target} 次）` : i.title,
                }))}
              />
            </Form.Item>
            <Form.Item
              name="text"
              label="或写下自己的承诺"
              rules={[{ max: 1000, message: '「承诺内容」不能超过 1000 个字符' }]}
            >
              <Input.TextArea rows={3} count={{ show: true, max: 1000 }} />
            </Form.Item>
            <Flex gap={12} wrap>
              <Form.Item name="factKind" label="由哪项履职记录体现（可选）">
                <Select
                  allowClear
                  placeholder="例如：提交提案"
                  options={goalOptions(items.data?.goalKinds)}
                  style={{ minWidth: 200 }}
                />
              </Form.Item>
              <Form.Item name="target" label="目标次数">
                <InputNumber min={1} max={100} style={{ width: 120 }} />
              </Form.Item>
            </Flex>
            <Button type="primary" htmlType="submit" size="large" loading={make.isPending}>
              提交承诺
            </Button>
          </Form>
        </Card>
      )}
      <Modal
        open={!!reporting}
        title={`报告践诺：${reporting?.text ?? ''}`}
        footer={null}
        onCancel={() => setReporting(null)}
        destroyOnHidden
      >
        <ErrorAlert error={report.error} />
        {reportDraft.notice}
        <Form
          form={reportForm}
          layout="vertical"
          // Prefilled from the facts that fulfil the commitment (kept when the target is met); the member may change both.
          initialValues={{
            kept: reporting?.kept ?? reporting?.suggestedKept ?? true,
            report: reporting?.report ?? reporting?.suggestedReport ?? '',
          }}
          onFinish={report.mutate}
          onValuesChange={reportDraft.onValuesChange}
        >
          <Form.Item name="kept" label="是否践诺">
            <Radio.Group
              options={[
                { value: true, label: '已践诺' },
                { value: false, label: '未践诺' },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="report"
            label="践诺情况"
            rules={[
              { required: true, message: '请填写践诺情况' },
              { max: 2000, message: '「践诺情况」不能超过 2000 个字符' },
            ]}
          >
            <Input.TextArea rows={4} count={{ show: true, max: 2000 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={report.isPending}>
            提交
          </Button>
        </Form>
      </Modal>
    </>
  );
}
