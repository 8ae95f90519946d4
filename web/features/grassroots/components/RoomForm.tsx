// The fields of a 协商议事室 (new or edited): name, place, its two conveners and members.
import { Form, Input } from 'antd';
import { textRules } from '../../../components/index.ts';
import { PlaceMemberFields } from './PlaceMemberFields.tsx';

export function RoomForm() {
  return (
    <>
      <Form.Item name="name" label="议事室名称" rules={textRules('议事室名称', 100, { unit: '个字' })}>
        <Input count={{ show: true, max: 100 }} />
      </Form.Item>
      <Form.Item name="township" label="镇（街道）" rules={textRules('镇（街道）', 50, { unit: '个字' })}>
        <Input />
      </Form.Item>
      <Form.Item
        name="village"
        label="村（社区）"
        rules={textRules('村（社区）', 50, { optional: true, unit: '个字' })}
      >
        <Input />
      </Form.Item>
      <Form.Item name="firstConvener" label="第一召集人" rules={[{ required: true, message: '请填写第一召集人' }]}>
        <Input placeholder="一般为当地党组织书记" />
      </Form.Item>
      <Form.Item name="firstConvenerTitle" label="第一召集人职务">
        <Input />
      </Form.Item>
      <PlaceMemberFields lead="execConvenerMemberId" leadLabel="执行召集人（委员）" membersLabel="参加委员" />
    </>
  );
}
