// The rule form's scoring items: which duty facts (kinds, roles, details) score how many points in which category.
// A fact scores by the first item it matches, so the order matters (上移).
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { choices } from '../../../components/index.ts';
import type { Vocabulary } from '../queries.ts';
import { RuleField } from './RuleRows.tsx';

export function RuleItemsCard({ vocabulary: v }: { vocabulary: Vocabulary }) {
  const categories = Form.useWatch('categories') as { key: string; name: string }[] | undefined;
  return (
    <Card title="计分项（一条履职记录按第一条符合的计分项计分）" style={{ marginBottom: 16 }}>
      <Form.List name="items">
        {(fields, { add, remove, move }) => (
          <>
            {fields.map((f, i) => (
              <div key={f.key} style={{ border: '1px solid #d9d9d9', borderRadius: 6, padding: 12, marginBottom: 12 }}>
                <Flex justify="space-between" align="center">
                  <Typography.Text strong>第 {i + 1} 项</Typography.Text>
                  <Space>
                    <Button size="small" disabled={i === 0} onClick={() => move(i, i - 1)}>
                      上移
                    </Button>
                    <Button
                      size="small"
                      aria-label={`删除第 ${i + 1} 项`}
                      icon={<DeleteOutlined />}
                      onClick={() => remove(f.name)}
                    />
                  </Space>
                </Flex>
                <Row gutter={12}>
                  <RuleField field={f} name="label" xs={24} md={8} label="计分项名称" required="请填写名称">
                    <Input count={{ show: true, max: 60 }} />
                  </RuleField>
                  <RuleField field={f} name="category" xs={12} md={6} label="所属类别" required="请选择类别">
                    <Select
                      options={(categories ?? [])
                        .filter(Boolean)
                        .map((c) => ({ value: c.key, label: c.name || c.key }))}
                    />
                  </RuleField>
                  <RuleField field={f} name="points" xs={12} md={4} label="分值（扣分填负数）" required="请填写分值">
                    <InputNumber min={-1000} max={1000} step={0.5} style={{ width: '100%' }} />
                  </RuleField>
                  <RuleField field={f} name="multiplyBy" xs={12} md={3} label="计量">
                    <Select allowClear placeholder="按次" options={choices(v.multipliers)} />
                  </RuleField>
                  <RuleField field={f} name="skipFirst" xs={12} md={3} label="前几项不计">
                    <InputNumber min={0} max={100} style={{ width: '100%' }} />
                  </RuleField>
                  <RuleField field={f} name="kinds" xs={24} md={12} label="履职事项" required="请选择履职事项">
                    <Select mode="multiple" options={choices(v.factKinds)} optionFilterProp="label" />
                  </RuleField>
                  <RuleField field={f} name="roles" xs={24} md={6} label="身份（空为不限）">
                    <Select mode="multiple" allowClear options={choices(v.roles)} />
                  </RuleField>
                  {Object.entries(v.detailFields).map(([k, d]) => (
                    <RuleField key={k} field={f} name={['detail', k]} xs={12} md={3} label={d.label}>
                      <Select allowClear placeholder="不限" options={choices(d.values)} />
                    </RuleField>
                  ))}
                </Row>
              </div>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ kinds: [], roles: [], detail: {}, points: 1 })}>
              增加计分项
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}
