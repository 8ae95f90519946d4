// The rule form's list cards: categories with caps and floors, grades from high to low, the annual checklist.
import { Card, Col, Form, Input, InputNumber, Select } from 'antd';
import { choices } from '../../../components/index.ts';
import type { Vocabulary } from '../queries.ts';
import { RuleRows } from './RuleRows.tsx';

const required = (message: string) => [{ required: true, message }];

export function CategoriesCard() {
  return (
    <Card title="计分类别（每类可设上限和下限）" style={{ marginBottom: 16 }}>
      <RuleRows
        name="categories"
        keyPrefix="cat"
        newRow={{ cap: null, floor: null }}
        addLabel="增加类别"
        removeLabel="删除此类别"
        removeCol={{ xs: 4, md: 2 }}
      >
        {(f) => (
          <>
            <Col xs={24} md={12}>
              <Form.Item name={[f.name, 'name']} label="类别名称" rules={required('请填写类别名称')}>
                <Input count={{ show: true, max: 30 }} />
              </Form.Item>
            </Col>
            <Col xs={10} md={5}>
              <Form.Item name={[f.name, 'cap']} label="上限（空为不限）">
                <InputNumber min={0} max={10000} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={10} md={5}>
              <Form.Item name={[f.name, 'floor']} label="下限（空为不限）">
                <InputNumber min={-10000} max={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </>
        )}
      </RuleRows>
    </Card>
  );
}

export function GradesCard({ vocabulary }: { vocabulary: Vocabulary }) {
  return (
    <Card title="等次（从高到低）" style={{ marginBottom: 16 }}>
      <RuleRows name="grades" addLabel="增加等次" removeLabel="删除此等次" maxRows={4}>
        {(f, i, count) => (
          <>
            <Col xs={8} md={5}>
              <Form.Item name={[f.name, 'key']} label="等次" rules={required('请选择')}>
                <Select options={choices(vocabulary.grades)} />
              </Form.Item>
            </Col>
            <Col xs={8} md={5}>
              <Form.Item name={[f.name, 'label']} label="显示名称" rules={required('请填写')}>
                <Input count={{ show: true, max: 10 }} />
              </Form.Item>
            </Col>
            <Col xs={6} md={5}>
              <Form.Item
                name={[f.name, 'min']}
                label={i === count - 1 ? '最低分（最后一档不限）' : '最低分'}
                rules={required('请填写')}
              >
                <InputNumber min={-10000} max={10000} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </>
        )}
      </RuleRows>
    </Card>
  );
}

export function ChecklistCard({ vocabulary }: { vocabulary: Vocabulary }) {
  return (
    <Card title="年度基本要求（如“六个一”）" style={{ marginBottom: 16 }}>
      <RuleRows
        name="checklist"
        keyPrefix="req"
        newRow={{ min: 1, kinds: [] }}
        addLabel="增加要求"
        removeLabel="删除此要求"
      >
        {(f) => (
          <>
            <Col xs={24} md={10}>
              <Form.Item name={[f.name, 'label']} label="要求" rules={required('请填写')}>
                <Input count={{ show: true, max: 30 }} />
              </Form.Item>
            </Col>
            <Col xs={16} md={9}>
              <Form.Item name={[f.name, 'kinds']} label="算作完成的履职事项" rules={required('请选择')}>
                <Select mode="multiple" options={choices(vocabulary.factKinds)} optionFilterProp="label" />
              </Form.Item>
            </Col>
            <Col xs={6} md={3}>
              <Form.Item name={[f.name, 'min']} label="至少次数" rules={required('请填写')}>
                <InputNumber min={1} max={50} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </>
        )}
      </RuleRows>
    </Card>
  );
}
