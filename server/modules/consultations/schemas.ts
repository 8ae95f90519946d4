// The consultation module's one contract: TypeBox schemas of bodies and answers, and their Static<> types (the web
// imports the types type-only).
import { type Static, Type } from 'typebox';
import { Enum, Nullable } from '../meetings/schema.ts';

export const Id = (title: string) => Type.Integer({ title, minimum: 1, maximum: 2147483647 });
const Text = (title: string, maxLength: number, minLength = 0) => Type.String({ title, maxLength, minLength });

export const PlanCreateBody = Type.Object({
  year: Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 }),
  kind: Enum(['consultation', 'supervision'], '计划类型'),
  title: Text('计划标题', 100, 1),
  collectUntil: Type.String({ title: '征集截止日期', format: 'date' }),
});
export type PlanCreate = Static<typeof PlanCreateBody>;

export const PlanItemBody = Type.Object({
  topic: Text('议题', 100, 1),
  kind: Text('协商类型', 50, 1),
  leadSpecialCommitteeId: Type.Optional(Nullable(Id('牵头专委会'))),
  leadingLeader: Type.Optional(Text('牵头领导', 50)),
  counterpartBody: Type.Optional(Text('对口部门', 100)),
  plannedMonth: Type.Optional(Nullable(Type.Integer({ title: '计划月份', minimum: 1, maximum: 12 }))),
  form: Type.Optional(Enum(['meeting', 'online', 'site'], '协商形式')),
  supervisedBody: Type.Optional(Nullable(Text('监督对象', 100))),
  supervisionForm: Type.Optional(Nullable(Enum(['inspection', 'research', 'forum'], '监督形式'))),
});
export type PlanItemInput = Static<typeof PlanItemBody>;

export const PlanActionBody = Type.Object({
  action: Enum(['submit', 'approve', 'return', 'revise'], '操作'),
  comment: Type.Optional(Text('意见', 2000)),
  date: Type.Optional(Type.String({ title: '批准日期', format: 'date' })),
  documentNumber: Type.Optional(Text('文号', 50)),
});
export type PlanAction = Static<typeof PlanActionBody>;

export const TopicBody = Type.Object({
  title: Text('议题名称', 100, 1),
  reason: Text('理由', 4000, 1),
  suggestedKind: Type.Optional(Nullable(Text('建议协商类型', 50))),
  leadBody: Type.Optional(Text('建议牵头单位', 100)),
  fileIds: Type.Optional(Type.Array(Id('附件'), { title: '附件', maxItems: 20 })),
});
export type TopicInput = Static<typeof TopicBody>;

export const TopicAnswerBody = Type.Object({
  action: Enum(['take', 'merge', 'decline'], '答复'),
  comment: Type.Optional(Text('答复意见', 2000)),
  planItemId: Type.Optional(Id('纳入的计划项目')),
  mergedIntoId: Type.Optional(Id('合并到的议题建议')),
});
export type TopicAnswer = Static<typeof TopicAnswerBody>;

export const AgendaEntry = Type.Object({
  part: Enum(['briefing', 'speech', 'question', 'answer', 'other'], '议程类型'),
  title: Text('议程内容', 200, 1),
  speaker: Type.Optional(Text('发言人', 50)),
  minutes: Type.Optional(Nullable(Type.Integer({ title: '时长（分钟）', minimum: 1, maximum: 600 }))),
});

export const EventBody = Type.Object({
  kind: Text('协商类型', 50, 1),
  title: Text('活动名称', 100, 1),
  planItemId: Type.Optional(Nullable(Id('计划项目'))),
  proposalId: Type.Optional(Nullable(Id('重点提案'))),
  specialCommitteeId: Type.Optional(Nullable(Id('牵头专委会'))),
  counterpartBody: Type.Optional(Text('对口部门', 100)),
  supervisedBody: Type.Optional(Nullable(Text('监督对象', 100))),
  supervisionForm: Type.Optional(Nullable(Enum(['inspection', 'research', 'forum'], '监督形式'))),
  startsAt: Type.String({ title: '开始时间', format: 'date-time' }),
  endsAt: Type.String({ title: '结束时间', format: 'date-time' }),
  place: Text('地点', 100, 1),
  agenda: Type.Optional(Type.Array(AgendaEntry, { title: '议程', maxItems: 50 })),
  activityIds: Type.Optional(Type.Array(Id('调研视察活动'), { title: '调研视察活动', maxItems: 20 })),
});
export type EventInput = Static<typeof EventBody>;

export const ParticipantBody = Type.Object({
  rule: Type.Optional(Enum(['all', 'standing', 'specialCommittee', 'sector', 'members'], '委员范围')),
  specialCommitteeId: Type.Optional(Id('专委会')),
  sectorId: Type.Optional(Id('界别')),
  memberIds: Type.Optional(Type.Array(Id('委员'), { title: '委员', maxItems: 1000 })),
  guests: Type.Optional(
    Type.Array(
      Type.Object({
        kind: Enum(['party', 'official', 'expert', 'citizen'], '参加人类别'),
        name: Text('姓名', 50, 1),
        organisation: Type.Optional(Text('单位', 100)),
      }),
      { title: '特邀人员', maxItems: 200 },
    ),
  ),
});
export type ParticipantInput = Static<typeof ParticipantBody>;

export const EventActionBody = Type.Object({
  action: Enum(['sendNotice', 'hold', 'recordMinutes', 'complete', 'cancel'], '操作'),
  comment: Type.Optional(Text('意见', 2000)),
  minutes: Type.Optional(Text('纪要', 20000)),
  agreedPoints: Type.Optional(Text('议定事项', 10000)),
});
export type EventAction = Static<typeof EventActionBody>;

export const SpeechBody = Type.Object({
  title: Text('发言题目', 100, 1),
  body: Type.Optional(Text('发言稿', 20000)),
});
export type SpeechInput = Static<typeof SpeechBody>;

export const SpeechDecisionBody = Type.Object({
  action: Enum(['select', 'reject', 'deliver'], '操作'),
  position: Type.Optional(Type.Integer({ title: '发言顺序', minimum: 1, maximum: 200 })),
  minutesAllowed: Type.Optional(Type.Integer({ title: '发言时限（分钟）', minimum: 1, maximum: 60 })),
  comment: Type.Optional(Text('意见', 2000)),
});
export type SpeechDecision = Static<typeof SpeechDecisionBody>;

export const ActionOut = Type.Object({ action: Type.String(), label: Type.String(), commentRequired: Type.Boolean() });
export const TimelineOut = Type.Object({
  action: Type.String(),
  label: Type.String(),
  toStateLabel: Type.String(),
  actorName: Nullable(Type.String()),
  comment: Nullable(Type.String()),
  createdAt: Type.String(),
});
