import { Type } from 'typebox';
import { Enum, Nullable } from '../meetings/schema.ts';
import { EventHead } from '../meetings/schemas.ts';
import { ACTIVITY_LABELS } from './service.ts';

export const Id = (title: string) => Type.Integer({ title, minimum: 1, maximum: 2147483647 });
export const Kind = Enum(Object.keys(ACTIVITY_LABELS), '活动类型');
export const ActivityBody = {
  kind: Kind,
  title: Type.String({ title: '活动名称', minLength: 1, maxLength: 100 }),
  startsAt: Type.String({ title: '开始时间', format: 'date-time' }),
  endsAt: Type.String({ title: '结束时间', format: 'date-time' }),
  place: Type.String({ title: '活动地点', minLength: 1, maxLength: 100 }),
  description: Type.Optional(Type.String({ title: '活动内容', maxLength: 5000 })),
  registration: Enum(['invite', 'open'], '参加方式'),
  capacity: Type.Optional(Nullable(Type.Integer({ title: '人数上限', minimum: 1, maximum: 10000 }))),
  fileIds: Type.Optional(Type.Array(Id('附件'), { title: '附件', maxItems: 20 })),
};
export const ListItem = Type.Object({
  ...EventHead,
  place: Type.String(),
  registration: Type.String(),
  capacity: Nullable(Type.Integer()),
  status: Type.String(),
  participants: Type.Integer(),
  checkedIn: Type.Integer(),
  outputsPending: Type.Integer(),
  joined: Type.Boolean(),
  myCheckedInAt: Nullable(Type.String()),
});
export const Detail = Type.Object({
  ...EventHead,
  place: Type.String(),
  description: Type.String(),
  registration: Type.String(),
  capacity: Nullable(Type.Integer()),
  status: Type.String(),
  participants: Type.Integer(),
  checkedIn: Type.Integer(),
  mine: Nullable(
    Type.Object({
      source: Type.String(),
      checkedInAt: Nullable(Type.String()),
      checkinMethod: Nullable(Type.String()),
    }),
  ),
  files: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), size: Type.Integer() })),
});
export const OutputOut = Type.Object({
  id: Type.Integer(),
  activityId: Type.Integer(),
  activityTitle: Type.String(),
  activityKindLabel: Type.String(),
  memberId: Type.Integer(),
  memberName: Type.String(),
  kind: Type.String(),
  kindLabel: Type.String(),
  title: Type.String(),
  body: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  reviewComment: Nullable(Type.String()),
  reviewedBy: Nullable(Type.String()),
  submittedAt: Type.String(),
  reviewedAt: Nullable(Type.String()),
  files: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), size: Type.Integer() })),
});
export const MemberParams = Type.Object({ id: Id('活动'), memberId: Id('委员') });
