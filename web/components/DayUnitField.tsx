// <DayUnitField />: the settings forms' 期限天数的计算方式 (form field `dayUnit`): deadlines in days counted as calendar
// days ('days') or working days of the committee's calendar ('workingDays'). Used by 提案规则 and 社情民意设置.
import { Form, Select } from 'antd';

const LABEL = '期限天数的计算方式';

export function DayUnitField() {
  return (
    <Form.Item label={LABEL} name="dayUnit" style={{ maxWidth: 320 }}>
      <Select
        aria-label={LABEL}
        options={[
          { value: 'days', label: '自然日' },
          { value: 'workingDays', label: '工作日（跳过节假日，含调休上班日）' },
        ]}
      />
    </Form.Item>
  );
}
