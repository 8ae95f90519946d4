// The members of a grassroots place in its form: the one member who leads it and the members who take part — in a
// 协商议事室 the 执行召集人（委员） and 参加委员, in a 委员工作室 the 负责人 and 入驻委员. Always sent as `memberIds`.
// <PlaceMemberFields lead="leaderMemberId" leadLabel="负责人" membersLabel="入驻委员" />
import { Form } from 'antd';
import { MemberSelect } from '../../meetings/shared.tsx';

/** `lead`: the form field of the leading member's id; `leadLabel`, `membersLabel`: the two fields' labels (zh_CN). */
export function PlaceMemberFields({
  lead,
  leadLabel,
  membersLabel,
}: {
  lead: string;
  leadLabel: string;
  membersLabel: string;
}) {
  return (
    <>
      <Form.Item name={lead} label={leadLabel}>
        <MemberSelect />
      </Form.Item>
      <Form.Item name="memberIds" label={membersLabel}>
        <MemberSelect multiple />
      </Form.Item>
    </>
  );
}
