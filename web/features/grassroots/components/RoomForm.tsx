// The fields of a 协商议事室 (new or edited): name, place, its two conveners and members.
import { Form, Input } from 'antd';
import { MemberSelect } from '../../meetings/shared.tsx';

export function RoomForm() {
  return (
    <>
      <Form.Item
        name="name"
        label="议事室名称"
        rules={[
          { required: true, message: '请填写议事室名称' },
          { max: 100, message: '「议事室名称」不能超过 100 个字' },
        ]}
      >
        <Input count={{ show: true, max: 100 }} />
      </Form.Item>
      <Form.Item
        name="township"
        label="镇（街道）"
        rules={[
          { required: true, message: '请填写镇（街道）' },
          { max: 50, message: '「镇（街道）」不能超过 50 个字' },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="village" label="村（社区）" rules={[{ max: 50, message: '「村（社区）」不能超过 50 个字' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="firstConvener" label="第一召集人" rules={[{ required: true, message: '请填写第一召集人' }]}>
        <Input placeholder="一般为当地党组织书记" />
      </Form.Item>
      <Form.Item name="firstConvenerTitle" label="第一召集人职务">
        <Input />
      </Form.Item>
      <Form.Item name="execConvenerMemberId" label="执行召集人（委员）">
        <MemberSelect />
      </Form.Item>
      <Form.Item name="memberIds" label="参加委员">
        <MemberSelect multiple />
      </Form.Item>
    </>
  );
}
