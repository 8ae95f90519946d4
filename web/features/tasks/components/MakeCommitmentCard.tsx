// 作出承诺: pick one of the year's items or write one's own, optionally counted from a kind of duty fact with a target;
// the text is kept as a local draft until sent.
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Input, InputNumber, Select } from 'antd';
import { api } from '../../../api/client.ts';
import { ErrorAlert, maxChars, useFormDraft } from '../../../components/index.ts';
import { type CommitmentItems, goalOptions } from '../api.ts';

export function MakeCommitmentCard({
  year,
  items,
  onDone,
}: {
  year: number;
  items: CommitmentItems | undefined;
  onDone: () => void;
}) {
  const [form] = Form.useForm();
  const draft = useFormDraft(form, `commitment:${year}`);
  const make = useMutation({
    mutationFn: (v: { itemId?: number; text?: string; factKind?: string; target?: number }) =>
      api.post('/api/commitments', { year, ...v }),
    onSuccess: () => {
      draft.clear();
      form.resetFields();
      onDone();
    },
  });
  return (
    <Card title="作出承诺">
      <ErrorAlert error={make.error} />
      {draft.notice}
      <Form form={form} layout="vertical" onFinish={make.mutate} onValuesChange={draft.onValuesChange}>
        <Form.Item name="itemId" label="从承诺事项中选择">
          <Select
            allowClear
            placeholder="可选"
            options={(items?.items ?? []).map((i) => ({
              value: i.id,
              label: i.factKindLabel ? `${i.title}（${i.factKindLabel} ${i.target} 次）` : i.title,
            }))}
          />
        </Form.Item>
        <Form.Item name="text" label="或写下自己的承诺" rules={maxChars('承诺内容', 1000)}>
          <Input.TextArea rows={3} count={{ show: true, max: 1000 }} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="factKind" label="由哪项履职记录体现（可选）">
            <Select
              allowClear
              placeholder="例如：提交提案"
              options={goalOptions(items?.goalKinds)}
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
  );
}
