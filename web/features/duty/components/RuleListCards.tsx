// The rule form's list cards: categories with caps and floors, grades from high to low, the annual checklist.
import { Card, Input, InputNumber, Select } from 'antd';
import { choices } from '../../../components/index.ts';
import type { Vocabulary } from '../queries.ts';
import { RuleField, RuleRows } from './RuleRows.tsx';

const WIDE = { width: '100%' };

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
            <RuleField field={f} name="name" xs={24} md={12} label="类别名称" required="请填写类别名称">
              <Input count={{ show: true, max: 30 }} />
            </RuleField>
            <RuleField field={f} name="cap" xs={10} md={5} label="上限（空为不限）">
              <InputNumber min={0} max={10000} style={WIDE} />
            </RuleField>
            <RuleField field={f} name="floor" xs={10} md={5} label="下限（空为不限）">
              <InputNumber min={-10000} max={0} style={WIDE} />
            </RuleField>
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
            <RuleField field={f} name="key" xs={8} md={5} label="等次" required="请选择">
              <Select options={choices(vocabulary.grades)} />
            </RuleField>
            <RuleField field={f} name="label" xs={8} md={5} label="显示名称" required="请填写">
              <Input count={{ show: true, max: 10 }} />
            </RuleField>
            <RuleField
              field={f}
              name="min"
              xs={6}
              md={5}
              label={i === count - 1 ? '最低分（最后一档不限）' : '最低分'}
              required="请填写"
            >
              <InputNumber min={-10000} max={10000} style={WIDE} />
            </RuleField>
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
            <RuleField field={f} name="label" xs={24} md={10} label="要求" required="请填写">
              <Input count={{ show: true, max: 30 }} />
            </RuleField>
            <RuleField field={f} name="kinds" xs={16} md={9} label="算作完成的履职事项" required="请选择">
              <Select mode="multiple" options={choices(vocabulary.factKinds)} optionFilterProp="label" />
            </RuleField>
            <RuleField field={f} name="min" xs={6} md={3} label="至少次数" required="请填写">
              <InputNumber min={1} max={50} style={WIDE} />
            </RuleField>
          </>
        )}
      </RuleRows>
    </Card>
  );
}
