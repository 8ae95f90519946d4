// The fields of the outcome actions that take data (submission target and date, units and deadline, instruction,
// feedback, rating), by action.
import { Checkbox, DatePicker, Form, Input, Radio } from 'antd';
import { choices, UnitSelect } from '../../../../components/index.ts';
import { ADOPTION, LEADER_ORGANS, LEVELS, SUBMIT_TARGETS, TRANSFORMATION } from '../api.ts';

/** The fields of an action's data; null for actions without data. */
export function Fields({ action }: { action: string }) {
  switch (action) {
    case 'submit':
      return (
        <>
          <Form.Item label="报送对象" name="submittedTo" rules={[{ required: true, message: '请选择报送对象' }]}>
            <Checkbox.Group options={choices(SUBMIT_TARGETS)} />
          </Form.Item>
          <Form.Item label="报送日期" name="submittedOn" rules={[{ required: true, message: '请选择报送日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </>
      );
    case 'handOver':
      return (
        <>
          <Form.Item label="办理单位" name="unitIds" rules={[{ required: true, message: '请至少选择一个办理单位' }]}>
            <UnitSelect multiple />
          </Form.Item>
          <Form.Item label="反馈期限" name="dueOn" extra="不填则按本会设置（默认交办后 3 个月）">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </>
      );
    case 'recordInstruction':
      return (
        <>
          <Form.Item
            label="批示领导"
            name="leaderName"
            rules={[{ required: true, whitespace: true, message: '请填写批示领导' }]}
          >
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item label="领导机关" name="leaderOrgan" rules={[{ required: true, message: '请选择领导机关' }]}>
            <Radio.Group options={choices(LEADER_ORGANS)} />
          </Form.Item>
          <Form.Item label="批示层级" name="level" rules={[{ required: true, message: '请选择批示层级' }]}>
            <Radio.Group options={choices(LEVELS)} />
          </Form.Item>
          <Form.Item label="批示日期" name="instructedOn" rules={[{ required: true, message: '请选择批示日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            label="批示内容"
            name="text"
            rules={[{ required: true, whitespace: true, message: '请填写批示内容' }]}
          >
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={5000} />
          </Form.Item>
        </>
      );
    case 'evaluate':
      return (
        <>
          <Form.Item label="成果转化" name="transformationKinds" initialValue={[]}>
            <Checkbox.Group options={choices(TRANSFORMATION)} />
          </Form.Item>
          <Form.Item label="转化情况" name="transformationText">
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={5000} placeholder="如：出台《……实施方案》" />
          </Form.Item>
          <Form.Item label="评估意见" name="evaluationText">
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={5000} />
          </Form.Item>
        </>
      );
    case 'feedback':
      return (
        <>
          <Form.Item
            label="采纳吸收情况"
            name="takenUp"
            rules={[{ required: true, whitespace: true, message: '请填写采纳吸收情况' }]}
          >
            <Input.TextArea autoSize={{ minRows: 4 }} maxLength={10000} />
          </Form.Item>
          <Form.Item label="落实措施" name="measures">
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={10000} />
          </Form.Item>
          <Form.Item label="相关文件" name="documents">
            <Input maxLength={2000} placeholder="文件名称、文号" />
          </Form.Item>
        </>
      );
    case 'rate':
      return (
        <>
          <Form.Item label="采纳情况" name="adoption" rules={[{ required: true, message: '请选择采纳情况' }]}>
            <Radio.Group options={choices(ADOPTION)} />
          </Form.Item>
          <Form.Item label="后续措施" name="measures">
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={5000} />
          </Form.Item>
        </>
      );
    default:
      return null;
  }
}
