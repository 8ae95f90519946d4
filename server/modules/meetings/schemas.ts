import { Type } from 'typebox';
import { Enum, MemberRefWithSector, Nullable } from './schema.ts';
import { MEETING_KINDS } from './service.ts';

export const Kind = Enum(Object.keys(MEETING_KINDS), '会议类型');
export const InviteSchema = Type.Object(
  {
    rule: Enum(['all', 'standing', 'specialCommittee', 'sector', 'members'], '参会范围'),
    specialCommitteeId: Type.Optional(Type.Integer({ title: '专委会', minimum: 1, maximum: 2147483647 })),
    sectorId: Type.Optional(Type.Integer({ title: '界别', minimum: 1, maximum: 2147483647 })),
    memberIds: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1, maximum: 2147483647 }), { title: '参会委员', maxItems: 2000 }),
    ),
  },
  { title: '参会范围' },
);
export const MeetingBody = {
  kind: Kind,
  title: Type.String({ title: '会议名称', minLength: 1, maxLength: 100 }),
  startsAt: Type.String({ title: '开始时间', format: 'date-time' }),
  endsAt: Type.String({ title: '结束时间', format: 'date-time' }),
  halfDays: Type.Optional(Type.Integer({ title: '会期（半天数）', minimum: 1, maximum: 20 })),
  place: Type.String({ title: '会议地点', minLength: 1, maxLength: 100 }),
  agenda: Type.Optional(Type.String({ title: '会议议程', maxLength: 5000 })),
  specialCommitteeId: Type.Optional(Nullable(Type.Integer({ title: '专委会', minimum: 1, maximum: 2147483647 }))),
  sectorId: Type.Optional(Nullable(Type.Integer({ title: '界别', minimum: 1, maximum: 2147483647 }))),
  fileIds: Type.Optional(
    Type.Array(Type.Integer({ minimum: 1, maximum: 2147483647 }), { title: '附件', maxItems: 20 }),
  ),
};
/** The fields a meeting's or an activity's list item and detail start with (as eventListHead in list.ts fills them). */
export const EventHead = {
  id: Type.Integer(),
  kind: Type.String(),
  kindLabel: Type.String(),
  title: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
};
export const MeetingListItem = Type.Object({
  ...EventHead,
  place: Type.String(),
  status: Type.String(),
  invited: Type.Integer(),
  checkedIn: Type.Integer(),
  leavePending: Type.Integer(),
  myReply: Nullable(Type.String()),
  myLeaveStatus: Nullable(Type.String()),
  myCheckedInAt: Nullable(Type.String()),
});
/** An invitee's answer to a meeting and what the meeting kept of them: reply, leave, check-in, minutes present. */
const InviteeReply = {
  reply: Type.String(),
  leaveReason: Nullable(Type.String()),
  leaveStatus: Nullable(Type.String()),
  leaveComment: Nullable(Type.String()),
  checkedInAt: Nullable(Type.String()),
  checkinMethod: Nullable(Type.String()),
  minutesPresent: Nullable(Type.Integer()),
};
export const MeetingDetail = Type.Object({
  ...EventHead,
  halfDays: Type.Integer(),
  place: Type.String(),
  agenda: Type.String(),
  status: Type.String(),
  specialCommitteeId: Nullable(Type.Integer()),
  sectorId: Nullable(Type.Integer()),
  counts: Type.Object({
    invited: Type.Integer(),
    checkedIn: Type.Integer(),
    onLeave: Type.Integer(),
    leavePending: Type.Integer(),
    willAttend: Type.Integer(),
  }),
  mine: Nullable(Type.Object(InviteeReply)),
  files: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), size: Type.Integer() })),
  canManage: Type.Boolean(),
});
export const SheetRow = Type.Object({
  ...MemberRefWithSector,
  standingMember: Type.Boolean(),
  ...InviteeReply,
  status: Type.String(),
  statusLabel: Type.String(),
});
export const SpeechOut = Type.Object({
  id: Type.Integer(),
  meetingId: Nullable(Type.Integer()),
  meetingTitle: Nullable(Type.String()),
  memberId: Type.Integer(),
  memberName: Type.String(),
  mode: Type.String(),
  title: Type.String(),
  body: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  decisionComment: Nullable(Type.String()),
  submittedAt: Type.String(),
  decidedAt: Nullable(Type.String()),
});
export const MemberParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  memberId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
});
export const CheckinOut = Type.Object({
  target: Type.String(),
  id: Type.Integer(),
  title: Type.String(),
  checkedInAt: Type.String(),
  already: Type.Boolean(),
});
