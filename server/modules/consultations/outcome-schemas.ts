// TypeBox schemas and Static<> types of the outcome routes: the one contract; the web imports the types type-only.
import { type Static, type TSchema, Type } from 'typebox';
import { PageOf } from '../../platform/http/handlers.ts';
import { ADOPTION, LEADER_ORGANS, LEVELS, SUBMIT_TARGETS, TRANSFORMATION } from './outcome-labels.ts';

const N = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const OneOf = (values: readonly string[], title: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    { title },
  );
const Id = (title: string) => Type.Integer({ minimum: 1, maximum: 2147483647, title });
const Day = (title: string) => Type.String({ format: 'date', title });

export const OutcomeCreate = Type.Object({
  kind: Type.String({ minLength: 1, maxLength: 20, title: '成果类型' }),
  title: Type.String({ minLength: 1, maxLength: 100, title: '标题' }),
  body: Type.String({ maxLength: 50000, title: '正文' }),
  summary: Type.Optional(Type.String({ maxLength: 2000, title: '摘要' })),
  eventId: Type.Optional(N(Id('协商活动'))),
  planItemId: Type.Optional(N(Id('计划议题'))),
  specialCommitteeId: Type.Optional(N(Id('牵头专委会'))),
  leaderAccountId: Type.Optional(N(Id('牵头领导'))),
  fileIds: Type.Optional(Type.Array(Id('附件'), { maxItems: 20, title: '附件' })),
  clientKey: Type.Optional(Type.String({ minLength: 8, maxLength: 64, title: '请求标识' })),
});
export type OutcomeCreate = Static<typeof OutcomeCreate>;
export const OutcomeUpdate = Type.Omit(OutcomeCreate, ['clientKey']);
export type OutcomeUpdate = Static<typeof OutcomeUpdate>;

export const SubmitData = Type.Object({
  submittedTo: Type.Array(OneOf(Object.keys(SUBMIT_TARGETS), '报送对象'), { maxItems: 2, title: '报送对象' }),
  submittedOn: Day('报送日期'),
});
export type SubmitData = Static<typeof SubmitData>;
export const HandOverData = Type.Object({
  unitIds: Type.Array(Id('办理单位'), { maxItems: 50, title: '办理单位' }),
  dueOn: Type.Optional(Day('反馈期限')),
});
export type HandOverData = Static<typeof HandOverData>;
export const EvaluateData = Type.Object({
  transformationKinds: Type.Array(OneOf(Object.keys(TRANSFORMATION), '成果转化'), { maxItems: 4, title: '成果转化' }),
  transformationText: Type.Optional(Type.String({ maxLength: 5000, title: '转化情况' })),
  evaluationText: Type.Optional(Type.String({ maxLength: 5000, title: '评估意见' })),
});
export type EvaluateData = Static<typeof EvaluateData>;
export const InstructionData = Type.Object({
  leaderName: Type.String({ minLength: 1, maxLength: 50, title: '批示领导' }),
  leaderOrgan: OneOf(Object.keys(LEADER_ORGANS), '领导机关'),
  level: OneOf(Object.keys(LEVELS), '批示层级'),
  instructedOn: Day('批示日期'),
  text: Type.String({ minLength: 1, maxLength: 5000, title: '批示内容' }),
});
export type InstructionData = Static<typeof InstructionData>;
export const FeedbackData = Type.Object({
  takenUp: Type.String({ maxLength: 10000, title: '采纳吸收情况' }),
  measures: Type.Optional(Type.String({ maxLength: 10000, title: '落实措施' })),
  documents: Type.Optional(Type.String({ maxLength: 2000, title: '相关文件' })),
});
export type FeedbackData = Static<typeof FeedbackData>;
export const RateData = Type.Object({
  adoption: OneOf(Object.keys(ADOPTION), '采纳情况'),
  measures: Type.Optional(Type.String({ maxLength: 5000, title: '后续措施' })),
});
export type RateData = Static<typeof RateData>;

export const ActionBody = Type.Object({
  action: Type.String({ minLength: 1, maxLength: 40, title: '操作' }),
  comment: Type.Optional(Type.String({ maxLength: 2000, title: '意见' })),
  data: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { title: '数据' })),
});
export type ActionBody = Static<typeof ActionBody>;

/** The data schema each action takes (validated before the transition fires). */
export const ACTION_DATA: Record<string, TSchema> = {
  submit: SubmitData,
  handOver: HandOverData,
  evaluate: EvaluateData,
  recordInstruction: InstructionData,
  feedback: FeedbackData,
  rate: RateData,
};

const Allowed = Type.Array(
  Type.Object({ action: Type.String(), label: Type.String(), commentRequired: Type.Boolean() }),
);
export const OutcomeListItem = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  title: Type.String(),
  state: Type.String(),
  stateLabel: Type.String(),
  round: Type.Integer(),
  submittedOn: N(Type.String()),
  specialCommitteeName: N(Type.String()),
  unitCount: Type.Integer(),
  fedBackCount: Type.Integer(),
  overdueCount: Type.Integer(),
  instructionCount: Type.Integer(),
  isPublic: Type.Boolean(),
});
export type OutcomeListItem = Static<typeof OutcomeListItem>;
export const OutcomeList = PageOf(OutcomeListItem);

export const OutcomeUnitOut = Type.Object({
  id: Type.Integer(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  round: Type.Integer(),
  state: Type.String(),
  stateLabel: Type.String(),
  dueAt: Type.String(),
  overdue: Type.Boolean(),
  fedBackAt: N(Type.String()),
  onTime: N(Type.Boolean()),
  takenUp: N(Type.String()),
  measures: N(Type.String()),
  documents: N(Type.String()),
  adoption: N(Type.String()),
  adoptionLabel: N(Type.String()),
  adoptionMeasures: Type.String(),
  actions: Allowed,
});
export type OutcomeUnitOut = Static<typeof OutcomeUnitOut>;
export const InstructionOut = Type.Object({
  id: Type.Integer(),
  leaderName: Type.String(),
  leaderOrgan: Type.String(),
  level: Type.String(),
  levelLabel: Type.String(),
  instructedOn: Type.String(),
  text: Type.String(),
});
const Timeline = Type.Array(
  Type.Object({
    id: Type.Integer(),
    label: Type.String(),
    toStateLabel: Type.String(),
    actorName: N(Type.String()),
    comment: N(Type.String()),
    createdAt: Type.String(),
  }),
);
export const OutcomeDetail = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  summary: Type.String(),
  eventId: N(Type.Integer()),
  planItemId: N(Type.Integer()),
  specialCommitteeId: N(Type.Integer()),
  leaderAccountId: N(Type.Integer()),
  leaderName: N(Type.String()),
  state: Type.String(),
  stateLabel: Type.String(),
  round: Type.Integer(),
  submittedTo: Type.Array(Type.String()),
  submittedOn: N(Type.String()),
  transformationKinds: Type.Array(Type.String()),
  transformationText: Type.String(),
  evaluationText: Type.String(),
  reviewDueOn: N(Type.String()),
  isPublic: Type.Boolean(),
  units: Type.Array(OutcomeUnitOut),
  instructions: Type.Array(InstructionOut),
  actions: Allowed,
  timeline: Timeline,
});
export type OutcomeDetail = Static<typeof OutcomeDetail>;
