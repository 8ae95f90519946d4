// Schemas of the office's pages: year figures, the deadline board, the year's rules and files, with their types.
import { type Static, Type } from 'typebox';
import { Int, Nullable } from './schemas.ts';

export const FigureQuery = Type.Object({
  termId: Type.Optional(Int('届次')),
  sessionId: Type.Optional(Int('会议')),
  year: Type.Optional(Type.Integer({ title: '年度', minimum: 1949, maximum: 2100 })),
  unitId: Type.Optional(Int('承办单位')),
});
export const Count = Type.Object({ key: Type.String(), label: Type.String(), count: Type.Integer() });
export const FiguresOut = Type.Object({
  sentence: Type.String(),
  totals: Type.Object({
    received: Type.Integer(),
    registered: Type.Integer(),
    answered: Type.Integer(),
    solved: Type.Integer(),
    solvedShare: Type.Number(),
    key: Type.Integer(),
    sessionProposals: Type.Integer(),
    merged: Type.Integer(),
    converted: Type.Integer(),
    rejected: Type.Integer(),
    withdrawn: Type.Integer(),
    registeredShare: Type.Number(),
  }),
  byState: Type.Array(Count),
  byCategory: Type.Array(Type.Object({ ...Count.properties, registered: Type.Integer() })),
  byKind: Type.Array(Count),
  outcome: Type.Array(Type.Object({ ...Count.properties, share: Type.Number() })),
  // A rate is null when there is nothing to measure (no assignment due, no rating): the page shows 「—」.
  onTime: Type.Object({
    replied: Type.Integer(),
    due: Type.Integer(),
    onTime: Type.Integer(),
    rate: Nullable(Type.Number()),
  }),
  satisfaction: Type.Object({
    satisfied: Type.Integer(),
    partlySatisfied: Type.Integer(),
    unsatisfied: Type.Integer(),
    unrated: Type.Integer(),
    total: Type.Integer(),
    satisfiedRate: Nullable(Type.Number()),
  }),
  byUnit: Type.Array(
    Type.Object({
      unitId: Type.Integer(),
      name: Type.String(),
      assigned: Type.Integer(),
      leading: Type.Integer(),
      assisting: Type.Integer(),
      replied: Type.Integer(),
      open: Type.Integer(),
      overdue: Type.Integer(),
      due: Type.Integer(),
      onTimeRate: Nullable(Type.Number()),
      satisfiedRate: Nullable(Type.Number()),
      ratings: Type.Integer(),
    }),
  ),
});
export const BoardOut = Type.Object({
  units: Type.Array(
    Type.Object({ unitId: Type.Integer(), name: Type.String(), dueSoon: Type.Integer(), overdue: Type.Integer() }),
  ),
  items: Type.Array(
    Type.Object({
      assignmentId: Type.Integer(),
      proposalId: Type.Integer(),
      unitId: Type.Integer(),
      unitName: Type.String(),
      role: Type.String(),
      state: Type.String(),
      title: Type.String(),
      numberLabel: Type.String(),
      isKey: Type.Boolean(),
      dueAt: Type.String(),
      daysLeft: Type.Integer(),
      overdue: Type.Boolean(),
      extensionCount: Type.Integer(),
    }),
  ),
});

export const RulesOut = Type.Object({
  titleMaxLength: Type.Integer(),
  categories: Type.Array(Type.String()),
  outcomeClasses: Type.Array(Type.Object({ code: Type.String(), label: Type.String(), solved: Type.Boolean() })),
  replyMonths: Type.Integer(),
  extensionMonths: Type.Integer(),
  returnRequestDays: Type.Integer(),
  ratingDays: Type.Integer(),
  dayUnit: Type.Union([Type.Literal('days'), Type.Literal('workingDays')]),
  assistingViewDays: Type.Integer(),
  rehandleDays: Type.Integer(),
  maxRounds: Type.Integer(),
  remindDaysBefore: Type.Array(Type.Integer()),
  rejectionGrounds: Type.Array(Type.String()),
  keyShare: Type.Number(),
  assignmentApproval: Type.Boolean(),
  contactRequired: Type.Boolean(),
  sessionWindowMonthsBefore: Type.Integer(),
  appraisalDimensions: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), max: Type.Number() })),
  appraisalGrades: Type.Array(Type.Object({ min: Type.Number(), label: Type.String() })),
});
export const ShortText = (title: string) => Type.String({ title, minLength: 1, maxLength: 100 });
export const RulesBody = Type.Object({
  year: Type.Integer({ title: '适用年度（0 表示长期有效）', minimum: 0, maximum: 2100 }),
  titleMaxLength: Type.Optional(Type.Integer({ title: '案由字数上限', minimum: 10, maximum: 200 })),
  categories: Type.Optional(Type.Array(ShortText('类别'), { title: '类别', minItems: 1, maxItems: 30 })),
  outcomeClasses: Type.Optional(
    Type.Array(
      Type.Object({
        code: Type.String({ title: '类别代码', minLength: 1, maxLength: 4 }),
        label: ShortText('类别名称'),
        solved: Type.Boolean({ title: '计入已解决或采纳' }),
      }),
      { title: '办理结果类别', minItems: 1, maxItems: 6 },
    ),
  ),
  replyMonths: Type.Optional(Type.Integer({ title: '办理期限（月）', minimum: 1, maximum: 12 })),
  extensionMonths: Type.Optional(Type.Integer({ title: '延期（月）', minimum: 1, maximum: 6 })),
  returnRequestDays: Type.Optional(Type.Integer({ title: '申请退回期限（天）', minimum: 1, maximum: 60 })),
  ratingDays: Type.Optional(Type.Integer({ title: '评价期限（天）', minimum: 1, maximum: 90 })),
  dayUnit: Type.Optional(
    Type.Union([Type.Literal('days'), Type.Literal('workingDays')], { title: '天数计算方式（自然日或工作日）' }),
  ),
  assistingViewDays: Type.Optional(Type.Integer({ title: '会办意见期限（天）', minimum: 1, maximum: 120 })),
  rehandleDays: Type.Optional(Type.Integer({ title: '再办理期限（天）', minimum: 1, maximum: 180 })),
  maxRounds: Type.Optional(Type.Integer({ title: '最多办理轮次', minimum: 1, maximum: 5 })),
  remindDaysBefore: Type.Optional(
    Type.Array(Type.Integer({ title: '提前提醒（天）', minimum: 1, maximum: 60 }), {
      title: '提前提醒（天）',
      maxItems: 5,
    }),
  ),
  rejectionGrounds: Type.Optional(
    Type.Array(Type.String({ title: '不予立案理由', minLength: 1, maxLength: 200 }), {
      title: '不予立案理由',
      minItems: 1,
      maxItems: 30,
    }),
  ),
  keyShare: Type.Optional(Type.Number({ title: '重点提案比例', minimum: 0, maximum: 0.5 })),
  assignmentApproval: Type.Optional(Type.Boolean({ title: '交办需审批' })),
  contactRequired: Type.Optional(Type.Boolean({ title: '答复前须办前面商' })),
  sessionWindowMonthsBefore: Type.Optional(Type.Integer({ title: '大会提案提前征集（月）', minimum: 0, maximum: 12 })),
  appraisalDimensions: Type.Optional(
    Type.Array(
      Type.Object({
        key: Type.String({ title: '项目代码', minLength: 1, maxLength: 40, pattern: '^[A-Za-z]+$' }),
        label: ShortText('项目名称'),
        max: Type.Number({ title: '满分', minimum: 1, maximum: 100 }),
      }),
      { title: '评议项目', minItems: 1, maxItems: 10 },
    ),
  ),
  appraisalGrades: Type.Optional(
    Type.Array(
      Type.Object({ min: Type.Number({ title: '最低分', minimum: 0, maximum: 100 }), label: ShortText('等次') }),
      {
        title: '等次',
        minItems: 1,
        maxItems: 6,
      },
    ),
  ),
});

/** A binary file (Excel or Word), sent as is. */
export const FileOut = Type.Unknown({ description: '文件' });

export type ProposalFigures = Static<typeof FiguresOut>;
export type DeadlineBoard = Static<typeof BoardOut>;
export type ProposalRulesOut = Static<typeof RulesOut>;
export type ProposalRulesInput = Static<typeof RulesBody>;
