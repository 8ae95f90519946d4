// TypeBox schemas and Static<> types of tasks (季度派单) and commitments (承诺践诺): the one contract; the web imports the
// types type-only.
import { type Static, Type } from 'typebox';
import { TASK_KINDS, type TaskKind } from './labels.ts';

const Id = (title: string) => Type.Integer({ minimum: 1, maximum: 2147483647, title });

export const InviteInput = Type.Object(
  {
    rule: Type.Union(
      ['all', 'standing', 'specialCommittee', 'sector', 'members'].map((x) => Type.Literal(x)),
      { title: '派发范围' },
    ),
    specialCommitteeId: Type.Optional(Id('专委会')),
    sectorId: Type.Optional(Id('界别')),
    memberIds: Type.Optional(Type.Array(Id('委员'), { maxItems: 1000, title: '委员' })),
  },
  { additionalProperties: false },
);
export type InviteInput = Static<typeof InviteInput>;

export const TaskInput = Type.Object(
  {
    kind: Type.Union(
      Object.keys(TASK_KINDS).map((k) => Type.Literal(k)),
      { title: '任务类型' },
    ),
    title: Type.String({ minLength: 1, maxLength: 100, title: '任务名称' }),
    description: Type.Optional(Type.String({ maxLength: 2000, title: '任务说明' })),
    quarter: Type.String({ pattern: '^[0-9]{4}-Q[1-4]$', title: '季度（如 2026-Q2）' }),
    dueOn: Type.Optional(Type.String({ format: 'date', title: '完成期限' })),
    send: Type.Optional(InviteInput),
  },
  { additionalProperties: false },
);
export type TaskInput = Static<typeof TaskInput>;

export const TaskQuery = Type.Object({
  quarter: Type.Optional(Type.String({ pattern: '^[0-9]{4}-Q[1-4]$', title: '季度' })),
  state: Type.Optional(Type.String({ maxLength: 30, title: '状态' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
});
export type TaskQuery = Static<typeof TaskQuery>;

export const AssignmentAction = Type.Object(
  {
    action: Type.String({ minLength: 1, maxLength: 30, title: '操作' }),
    comment: Type.Optional(Type.String({ maxLength: 1000, title: '理由或说明' })),
    evidenceType: Type.Optional(
      Type.Union([Type.Literal('proposal'), Type.Literal('activity')], { title: '成果类型' }),
    ),
    evidenceId: Type.Optional(Id('成果')),
  },
  { additionalProperties: false },
);
export type AssignmentAction = Static<typeof AssignmentAction>;

export const CommitmentItemInput = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100, title: '年度' }),
    title: Type.String({ minLength: 1, maxLength: 100, title: '承诺事项' }),
    description: Type.Optional(Type.String({ maxLength: 1000, title: '说明' })),
    factKind: Type.Optional(Type.String({ maxLength: 40, title: '对应履职事项' })),
    target: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, title: '目标次数' })),
  },
  { additionalProperties: false },
);
export type CommitmentItemInput = Static<typeof CommitmentItemInput>;

export const CommitmentInput = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100, title: '年度' }),
    itemId: Type.Optional(Id('承诺事项')),
    text: Type.Optional(Type.String({ maxLength: 1000, title: '承诺内容' })),
    factKind: Type.Optional(Type.String({ maxLength: 40, title: '对应履职事项' })),
    target: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, title: '目标次数' })),
  },
  { additionalProperties: false },
);
export type CommitmentInput = Static<typeof CommitmentInput>;

export const CommitmentReport = Type.Object(
  {
    kept: Type.Boolean({ title: '是否践诺' }),
    report: Type.String({ minLength: 1, maxLength: 2000, title: '践诺情况' }),
  },
  { additionalProperties: false },
);
export type CommitmentReport = Static<typeof CommitmentReport>;

export const YearQuery = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100, title: '年度' }) });

const EvidenceKinds = Type.Array(Type.Union([Type.Literal('proposal'), Type.Literal('activity')]), {
  minItems: 1,
  maxItems: 2,
  title: '可作为成果的记录',
});
export const TaskSettingsBody = Type.Object(
  {
    dueDays: Type.Integer({ minimum: 1, maximum: 366, title: '默认完成天数' }),
    evidenceKinds: Type.Object(
      Object.fromEntries(Object.entries(TASK_KINDS).map(([k]) => [k, EvidenceKinds])) as Record<
        TaskKind,
        typeof EvidenceKinds
      >,
      { additionalProperties: false, title: '各类任务的成果' },
    ),
  },
  { additionalProperties: false },
);

const MonthDay = (title: string) => Type.String({ pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', title });
export const CommitmentSettingsBody = Type.Object(
  {
    maxPerMember: Type.Integer({ minimum: 1, maximum: 50, title: '每人每年最多承诺项数' }),
    pickUntil: MonthDay('承诺截止日（月-日）'),
    reportFrom: MonthDay('践诺填报开始日（月-日）'),
  },
  { additionalProperties: false },
);
