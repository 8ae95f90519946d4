// The opinion module's one contract: TypeBox schemas of bodies and answers (the web's types follow them).

import { type Static, type TSchema, Type } from 'typebox';
import { FORWARD_TARGETS, LEVELS, REPORT_STATES, SUBMITTER_KINDS } from './rules.ts';

export const N = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const OneOf = (values: readonly string[], title: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    { title },
  );
export const DateStr = (title: string) => Type.String({ format: 'date', title });
export const Year = Type.Integer({ minimum: 2000, maximum: 2100, title: '年度' });

export const FileOut = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  mime: Type.String(),
  size: Type.Integer(),
});
export type FileOut = Static<typeof FileOut>;
export const FileIds = Type.Array(Type.Integer({ minimum: 1, maximum: 2147483647 }), { maxItems: 20, title: '附件' });
export const ReportIdParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  recordId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
});
export const IssueReportParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  reportId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
});

export const ListItem = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  category: Type.String(),
  state: Type.String(),
  stateLabel: Type.String(),
  year: Type.Integer(),
  submitterKind: Type.String(),
  submitterKindLabel: Type.String(),
  submitterName: Type.String(),
  originCommitteeName: N(Type.String()),
  submittedAt: N(Type.String()),
  createdAt: Type.String(),
  charCount: Type.Integer(),
  issueTitle: N(Type.String()),
  adoptedLevels: Type.Array(Type.String()),
  instructionLevels: Type.Array(Type.String()),
  referralState: N(Type.String()),
});
export const ListOut = Type.Object({ items: Type.Array(ListItem), total: Type.Integer() });

export const StaffFilters = {
  q: Type.Optional(Type.String({ maxLength: 100, title: '关键词' })),
  state: Type.Optional(OneOf(Object.keys(REPORT_STATES), '状态')),
  category: Type.Optional(Type.String({ maxLength: 50, title: '类别' })),
  year: Type.Optional(Year),
  submitterKind: Type.Optional(OneOf(Object.keys(SUBMITTER_KINDS), '报送人类别')),
  adoptedLevel: Type.Optional(OneOf(Object.keys(LEVELS), '采用级别')),
  instructedLevel: Type.Optional(OneOf(Object.keys(LEVELS), '批示级别')),
  fromLower: Type.Optional(Type.Boolean({ title: '来自下级政协' })),
  issueId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, title: '期刊' })),
  referred: Type.Optional(Type.Boolean({ title: '已转办' })),
};

export const ReportBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 200, title: '标题' }),
  body: Type.String({ minLength: 1, maxLength: 20000, title: '正文' }),
  category: Type.String({ minLength: 1, maxLength: 50, title: '类别' }),
  fileIds: Type.Optional(FileIds),
  submit: Type.Optional(Type.Boolean({ title: '是否提交' })),
});
export const StateOut = Type.Object({ id: Type.Integer(), state: Type.String() });

export const Detail = Type.Object({
  id: Type.Integer(),
  state: Type.String(),
  stateLabel: Type.String(),
  year: Type.Integer(),
  title: Type.String(),
  body: Type.String(),
  charCount: Type.Integer(),
  category: Type.String(),
  editedTitle: N(Type.String()),
  editedBody: N(Type.String()),
  editedAt: N(Type.String()),
  editedByName: N(Type.String()),
  source: Type.String(),
  submitterKind: Type.String(),
  submitterKindLabel: Type.String(),
  submitterName: Type.String(),
  fromLower: Type.Boolean(),
  originCommitteeName: N(Type.String()),
  originSubmitterName: N(Type.String()),
  issue: N(Type.Object({ id: Type.Integer(), title: Type.String(), state: Type.String() })),
  screenComment: N(Type.String()),
  submittedAt: N(Type.String()),
  createdAt: Type.String(),
  files: Type.Array(FileOut),
  forwards: Type.Array(
    Type.Object({
      id: Type.Integer(),
      targetKind: Type.String(),
      targetName: Type.String(),
      forwardedOn: Type.String(),
      note: N(Type.String()),
    }),
  ),
  adoptions: Type.Array(
    Type.Object({
      id: Type.Integer(),
      level: Type.String(),
      levelLabel: Type.String(),
      adoptedBy: Type.String(),
      adoptedOn: Type.String(),
      note: N(Type.String()),
      recordedBy: N(Type.String()),
      fromCommittee: N(Type.String()),
    }),
  ),
  instructions: Type.Array(
    Type.Object({
      id: Type.Integer(),
      leaderName: Type.String(),
      leaderTitle: N(Type.String()),
      leaderOrgan: Type.String(),
      level: Type.String(),
      levelLabel: Type.String(),
      instructedOn: Type.String(),
      text: Type.String(),
      recordedBy: N(Type.String()),
      fromCommittee: N(Type.String()),
      files: Type.Array(FileOut),
    }),
  ),
  referrals: Type.Array(
    Type.Object({
      id: Type.Integer(),
      unitId: Type.Integer(),
      unitName: Type.String(),
      state: Type.String(),
      stateLabel: Type.String(),
      note: N(Type.String()),
      dueOn: N(Type.String()),
      response: N(Type.String()),
      respondedAt: N(Type.String()),
      responderName: N(Type.String()),
      reviewComment: N(Type.String()),
      files: Type.Array(FileOut),
    }),
  ),
  timeline: Type.Array(
    Type.Object({
      id: Type.Integer(),
      action: Type.String(),
      label: Type.String(),
      fromState: Type.String(),
      toState: Type.String(),
      toStateLabel: Type.String(),
      actorName: N(Type.String()),
      comment: N(Type.String()),
      createdAt: Type.String(),
    }),
  ),
  access: Type.String(),
  actions: Type.Array(Type.Object({ action: Type.String(), label: Type.String(), commentRequired: Type.Boolean() })),
  can: Type.Object({
    edit: Type.Boolean(),
    editText: Type.Boolean(),
    forward: Type.Boolean(),
    record: Type.Boolean(),
    refer: Type.Boolean(),
  }),
});

export const IssueSummary = Type.Object({
  id: Type.Integer(),
  year: Type.Integer(),
  number: Type.Integer(),
  title: Type.String(),
  state: Type.String(),
  issuedOn: N(Type.String()),
  reportCount: Type.Integer(),
  editorNote: N(Type.String()),
  createdAt: Type.String(),
});
export const IssueDetail = Type.Object({
  id: Type.Integer(),
  year: Type.Integer(),
  number: Type.Integer(),
  title: Type.String(),
  state: Type.String(),
  issuedOn: N(Type.String()),
  editorNote: N(Type.String()),
  committeeName: Type.String(),
  forwardedTo: Type.Array(Type.String()),
  reports: Type.Array(
    Type.Object({
      id: Type.Integer(),
      position: Type.Integer(),
      title: Type.String(),
      body: Type.String(),
      originalTitle: Type.String(),
      edited: Type.Boolean(),
      category: Type.String(),
      submitterName: Type.String(),
      submitterKindLabel: Type.String(),
      originCommitteeName: N(Type.String()),
    }),
  ),
});

export type IssueDetail = Static<typeof IssueDetail>;

/** A report handed to the reader's handling unit (转办), as the unit's inbox lists it. */
export const UnitReferral = Type.Object({
  id: Type.Integer(),
  reportId: Type.Integer(),
  state: Type.String(),
  stateLabel: Type.String(),
  title: Type.String(),
  body: Type.String(),
  category: Type.String(),
  note: N(Type.String()),
  dueOn: N(Type.String()),
  overdue: Type.Boolean(),
  response: N(Type.String()),
  respondedAt: N(Type.String()),
  reviewComment: N(Type.String()),
  createdAt: Type.String(),
  files: Type.Array(FileOut),
});
export type UnitReferral = Static<typeof UnitReferral>;

export const ForwardBody = Type.Object({
  targets: Type.Array(
    Type.Object({
      kind: OneOf(Object.keys(FORWARD_TARGETS), '报送对象类别'),
      name: Type.Optional(Type.String({ maxLength: 60, title: '报送对象' })),
    }),
    { minItems: 1, maxItems: 6, title: '报送对象' },
  ),
  forwardedOn: Type.Optional(DateStr('报送日期')),
  note: Type.Optional(N(Type.String({ maxLength: 500, title: '备注' }))),
});

export const LevelCount = Type.Object({ level: Type.String(), label: Type.String(), count: Type.Integer() });
export const FiguresOut = Type.Object({
  year: Type.Integer(),
  received: Type.Integer(),
  fromLower: Type.Integer(),
  accepted: Type.Integer(),
  declined: Type.Integer(),
  compiled: Type.Integer(),
  issues: Type.Integer(),
  forwarded: Type.Integer(),
  adopted: Type.Array(LevelCount),
  instructions: Type.Array(LevelCount),
  referred: Type.Integer(),
  answered: Type.Integer(),
  byCategory: Type.Array(Type.Object({ category: Type.String(), count: Type.Integer() })),
  byMonth: Type.Array(Type.Object({ month: Type.Integer(), count: Type.Integer() })),
  bySubmitter: Type.Array(
    Type.Object({
      kind: Type.String(),
      kindLabel: Type.String(),
      name: Type.String(),
      received: Type.Integer(),
      compiled: Type.Integer(),
      adopted: Type.Integer(),
      instructed: Type.Integer(),
    }),
  ),
  byInformant: Type.Array(
    Type.Object({
      informantId: Type.Integer(),
      name: Type.String(),
      area: N(Type.String()),
      received: Type.Integer(),
      compiled: Type.Integer(),
      adopted: Type.Integer(),
    }),
  ),
  sentence: Type.String(),
  adoptionSentence: Type.String(),
});

export const SettingsOut = Type.Object({
  maxChars: Type.Integer(),
  titleMax: Type.Integer(),
  categories: Type.Array(Type.String()),
  referralDays: Type.Integer(),
  dayUnit: Type.Union([Type.Literal('days'), Type.Literal('workingDays')]),
  levels: Type.Array(Type.Object({ value: Type.String(), label: Type.String() })),
  committee: Type.Object({ level: Type.String(), name: Type.String(), hasParent: Type.Boolean() }),
});
export type OpinionSettings = Static<typeof SettingsOut>;

export const options = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));
