// The rule form's overall settings: name, base points, pass mark and the cap on the total.
import { Card, Col, Form, Input, InputNumber, Row, Select } from 'antd';

export function RuleGeneralCard() {
  const noMax = Form.useWatch('noMax');
  return (
    <Card title="总体" style={{ marginBottom: 16 }}>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="name" label="规则名称" rules={[{ required: true, message: '请填写规则名称' }]}>
            <Input count={{ show: true, max: 50 }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="base" label="基础分" rules={[{ required: true, message: '请填写基础分' }]}>
            <InputNumber min={0} max={1000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="passMark" label="合格分" rules={[{ required: true, message: '请填写合格分' }]}>
            <InputNumber min={0} max={10000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="noMax" label="总分">
            <Select
              options={[
                { value: false, label: '有上限' },
                { value: true, label: '不封顶' },
              ]}
            />
          </Form.Item>
        </Col>
        {!noMax && (
          <Col xs={12} md={4}>
            <Form.Item name="maxTotal" label="总分上限" rules={[{ required: true, message: '请填写总分上限' }]}>
              <InputNumber min={1} max={10000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        )}
      </Row>
    </Card>
  );
}
