// The rule form's scoring items: which duty facts (kinds, roles, details) score how many points in which category.
// A fact scores by the first item it matches, so the order matters (上移).
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { choices } from '../../../components/index.ts';
import type { Vocabulary } from '../queries.ts';

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
                  <Col xs={24} md={8}>
                    <Form.Item
                      name={[f.name, 'label']}
                      label="计分项名称"
                      rules={[{ required: true, message: '请填写名称' }]}
                    >
                      <Input count={{ show: true, max: 60 }} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item
                      name={[f.name, 'category']}
                      label="所属类别"
                      rules={[{ required: true, message: '请选择类别' }]}
                    >
                      <Select
                        options={(categories ?? [])
                          .filter(Boolean)
                          .map((c) => ({ value: c.key, label: c.name || c.key }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item
                      name={[f.name, 'points']}
                      label="分值（扣分填负数）"
                      rules={[{ required: true, message: '请填写分值' }]}
                    >
                      <InputNumber min={-1000} max={1000} step={0.5} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={3}>
                    <Form.Item name={[f.name, 'multiplyBy']} label="计量">
                      <Select allowClear placeholder="按次" options={choices(v.multipliers)} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={3}>
                    <Form.Item name={[f.name, 'skipFirst']} label="前几项不计">
                      <InputNumber min={0} max={100} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name={[f.name, 'kinds']}
                      label="履职事项"
                      rules={[{ required: true, message: '请选择履职事项' }]}
                    >
                      <Select mode="multiple" options={choices(v.factKinds)} optionFilterProp="label" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={6}>
                    <Form.Item name={[f.name, 'roles']} label="身份（空为不限）">
                      <Select mode="multiple" allowClear options={choices(v.roles)} />
                    </Form.Item>
                  </Col>
                  {Object.entries(v.detailFields).map(([k, d]) => (
                    <Col xs={12} md={3} key={k}>
                      <Form.Item name={[f.name, 'detail', k]} label={d.label}>
                        <Select allowClear placeholder="不限" options={choices(d.values)} />
                      </Form.Item>
                    </Col>
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
