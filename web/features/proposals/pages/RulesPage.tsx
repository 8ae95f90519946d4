// 提案规则: the committee's proposal rules for a year (or for all years) — title length, categories, deadlines,
// rejection grounds, the assignment approval step and the pre-reply contact — with DOMAIN.md's defaults.

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, InputNumber, Row, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, api, qs } from '../../../api/client.ts';
import { beijingYear } from '../../../app/format.ts';
import {
  DayUnitField,
  ErrorAlert,
  errorMessage,
  FieldCol,
  PageHeader,
  validValues,
} from '../../../components/index.ts';
import type { Rules } from '../api.ts';
import { proposalKeys } from '../queries.ts';

const YEARS = [0, ...Array.from({ length: 4 }, (_, i) => beijingYear() + 1 - i)];

export function RulesPage() {
  const [year, setYear] = useState(0);
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const { data, error } = useQuery({
    queryKey: proposalKeys.rulesOf(year),
    queryFn: () => api.get<Rules & Record<string, unknown>>(`/api/proposals/rules${qs({ year: year || undefined })}`),
  });
  useEffect(() => {
    if (data) form.setFieldsValue(data);
  }, [data, form]);
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    try {
      await api.put('/api/proposals/rules', { year, ...v });
      await client.invalidateQueries({ queryKey: proposalKeys.rules });
      message.success('规则已保存');
    } catch (err) {
      if (err instanceof ApiError && err.field) form.setFields([{ name: err.field, errors: [err.message] }]);
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const num = (name: string, label: string, min: number, max: number) => (
    <Col xs={24} md={12} xl={8}>
      <Form.Item name={name} label={label} rules={[{ required: true, message: `请填写${label}` }]}>
        <InputNumber min={min} max={max} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
  return (
    <>
      <PageHeader
        title="提案规则"
        description="本委员会的提案工作规则。可以设置长期有效的规则，也可以为某一年度单独设置；未设置的沿用默认值。"
        extra={
          <Button type="primary" size="large" loading={busy} onClick={save}>
            保存
          </Button>
        }
      />
      <Form layout="vertical" size="large" style={{ marginBottom: 16 }}>
        <Form.Item label="适用年度" style={{ maxWidth: 240 }}>
          <Select
            aria-label="适用年度"
            value={year}
            onChange={setYear}
            options={YEARS.map((y) => ({ value: y, label: y === 0 ? '长期有效' : `${y}年` }))}
          />
        </Form.Item>
      </Form>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" size="large">
        <Card title="撰写与审查" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            {num('titleMaxLength', '案由字数上限', 10, 200)}
            {num('sessionWindowMonthsBefore', '大会提案提前征集（月）', 0, 12)}
          </Row>
          <Form.Item name="categories" label="类别" rules={[{ required: true, message: '至少需要一个类别' }]}>
            <Select mode="tags" tokenSeparators={['，', ',']} open={false} />
          </Form.Item>
          <Form.Item
            name="rejectionGrounds"
            label="不予立案理由（提案人会看到所选理由）"
            rules={[{ required: true, message: '至少需要一条理由' }]}
          >
            <Select mode="tags" open={false} />
          </Form.Item>
        </Card>
        <Card title="交办与办理" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            {num('replyMonths', '办理期限（月）', 1, 12)}
            {num('extensionMonths', '每次延期（月）', 1, 6)}
            {num('returnRequestDays', '申请退回期限（天）', 1, 60)}
            {num('assistingViewDays', '会办意见期限（天）', 1, 120)}
            {num('ratingDays', '评价期限（天）', 1, 90)}
            {num('rehandleDays', '再办理期限（天）', 1, 180)}
            {num('maxRounds', '最多办理轮次', 1, 5)}
          </Row>
          <DayUnitField />
          <Row gutter={16}>
            <FieldCol md={12} name="assignmentApproval" label="交办方案需领导审批" valuePropName="checked">
              <Switch />
            </FieldCol>
            <FieldCol md={12} name="contactRequired" label="答复前须记录办前面商" valuePropName="checked">
              <Switch />
            </FieldCol>
          </Row>
        </Card>
      </Form>
    </>
  );
}
