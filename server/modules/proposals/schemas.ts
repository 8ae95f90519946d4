// The proposal module's API contract: TypeBox schemas of its bodies, queries and answers (Chinese titles), with the
// `Static<>` types services and the web import type-only. Figures, rules and appraisal schemas are in schemas-admin.ts.
import { type Static, type TSchema, Type } from 'typebox';
import { ErrorBody, Paging } from '../../platform/routes.ts';
import { PROPOSAL_STATES } from './states.ts';

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
/** A string out of a fixed list: an `enum` schema, so a wrong value is reported under the field's Chinese title. */
export const Lit = <T extends string>(values: readonly T[], title: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], title });
export const Int = (title: string) => Type.Integer({ title, minimum: 1, maximum: 2147483647 });
export const IntList = (title: string) => Type.Array(Int(title), { title, maxItems: 50 });

export const ActionOut = Type.Object({
  action: Type.String(),
  label: Type.String(),
  commentRequired: Type.Boolean(),
  precondition: Type.Optional(Type.String({ title: '需先完成的步骤' })),
});

export const ProposalBody = Type.Object({
  kind: Type.Optional(Lit(['individual', 'joint', 'collective'], '提案形式')),
  title: Type.String({ title: '案由', minLength: 1, maxLength: 200 }),
  background: Type.Optional(Type.String({ title: '案据', maxLength: 20000 })),
  suggestions: Type.Optional(Type.String({ title: '建议', maxLength: 20000 })),
  category: Type.Optional(Nullable(Type.String({ title: '类别', maxLength: 50 }))),
  suggestedUnitIds: Type.Optional(IntList('建议承办单位')),
  cosignerIds: Type.Optional(IntList('附议委员')),
  fileIds: Type.Optional(IntList('附件')),
  submit: Type.Optional(Type.Boolean({ title: '同时提交' })),
});
export const ProposalPatch = Type.Partial(ProposalBody);

export const ListItemOut = Type.Object({
  id: Type.Integer(),
  number: Nullable(Type.Integer()),
  numberLabel: Type.String(),
  title: Type.String(),
  kind: Type.String(),
  kindLabel: Type.String(),
  state: Type.String(),
  stateLabel: Type.String(),
  category: Nullable(Type.String()),
  year: Nullable(Type.Integer()),
  proposers: Type.String(),
  units: Type.String(),
  isKey: Type.Boolean(),
  isPublic: Type.Boolean(),
  isSessionProposal: Type.Boolean(),
  outcomeClass: Nullable(Type.String()),
  submittedAt: Nullable(Type.String()),
  updatedAt: Type.String(),
  dueAt: Nullable(Type.String()),
  overdue: Type.Boolean(),
  myAssignment: Nullable(
    Type.Object({
      id: Type.Integer(),
      role: Type.String(),
      state: Type.String(),
      stateLabel: Type.String(),
      dueAt: Type.String(),
    }),
  ),
});

export const SimilarItemOut = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  numberLabel: Type.String(),
  state: Type.String(),
  stateLabel: Type.String(),
  year: Nullable(Type.Integer()),
  sessionName: Nullable(Type.String()),
  /** 0–100. */
  score: Type.Integer(),
  /** Whether the user may open it; others are shown by title only. */
  canOpen: Type.Boolean(),
});
export const SimilarOut = Type.Object({ items: Type.Array(SimilarItemOut) });
export const UnitSuggestionOut = Type.Object({
  unitId: Type.Integer(),
  name: Type.String(),
  score: Type.Integer(),
  basis: Type.String(),
});
export const SuggestOut = Type.Object({ items: Type.Array(UnitSuggestionOut) });

export const ListQuery = Type.Object({
  ...Paging,
  scope: Type.Optional(Lit(['all', 'mine', 'unit'], '范围')),
  queue: Type.Optional(
    Lit(
      ['preReview', 'review', 'assign', 'assignApproval', 'unitRequests', 'replyReview', 'rating', 'overdue'],
      '工作队列',
    ),
  ),
  q: Type.Optional(Type.String({ title: '关键词', maxLength: 100 })),
  termId: Type.Optional(Int('届次')),
  sessionId: Type.Optional(Int('会议')),
  year: Type.Optional(Type.Integer({ title: '年度', minimum: 1949, maximum: 2100 })),
  category: Type.Optional(Type.String({ title: '类别', maxLength: 50 })),
  state: Type.Optional(Type.Array(Lit(Object.keys(PROPOSAL_STATES), '状态'), { title: '状态', maxItems: 20 })),
  unitId: Type.Optional(Int('承办单位')),
  proposerId: Type.Optional(Int('提案人')),
  orgId: Type.Optional(Int('党派团体')),
  isKey: Type.Optional(Type.Boolean({ title: '重点提案' })),
  isPublic: Type.Optional(Type.Boolean({ title: '公开' })),
  kind: Type.Optional(Lit(['individual', 'joint', 'collective'], '提案形式')),
  assignmentState: Type.Optional(
    Type.Array(
      Lit(
        ['assigned', 'accepted', 'returnRequested', 'returned', 'extensionRequested', 'replied', 'done', 'viewSent'],
        '办理状态',
      ),
      { title: '办理状态', maxItems: 10 },
    ),
  ),
  sort: Type.Optional(Lit(['number', 'submittedAt', 'updatedAt', 'title', 'dueAt'], '排序')),
  order: Type.Optional(Lit(['asc', 'desc'], '顺序')),
});

export const Named = Type.Object({ id: Type.Integer(), name: Type.String() });
export const TimelineOut = Type.Object({
  id: Type.Integer(),
  action: Type.String(),
  label: Type.String(),
  toStateLabel: Type.String(),
  unitName: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  comment: Nullable(Type.String()),
  data: Type.Unknown(),
  createdAt: Type.String(),
});

export const DetailOut = Type.Object({
  id: Type.Integer(),
  number: Nullable(Type.Integer()),
  numberLabel: Type.String(),
  title: Type.String(),
  background: Type.String(),
  suggestions: Type.String(),
  category: Nullable(Type.String()),
  kind: Type.String(),
  kindLabel: Type.String(),
  state: Type.String(),
  stateLabel: Type.String(),
  year: Nullable(Type.Integer()),
  termId: Nullable(Type.Integer()),
  termName: Nullable(Type.String()),
  sessionId: Nullable(Type.Integer()),
  sessionName: Nullable(Type.String()),
  isSessionProposal: Type.Boolean(),
  isKey: Type.Boolean(),
  isPublic: Type.Boolean(),
  mergedInto: Nullable(Type.Object({ id: Type.Integer(), title: Type.String(), numberLabel: Type.String() })),
  mergedFrom: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String(), proposers: Type.String() })),
  convertedTo: Nullable(Type.String()),
  convertedOpinionId: Nullable(Type.Integer()),
  rejectGround: Nullable(Type.String()),
  org: Nullable(Type.Object({ id: Type.Integer(), name: Type.String(), responsibleName: Nullable(Type.String()) })),
  proposers: Type.Array(
    Type.Object({
      memberId: Type.Integer(),
      name: Type.String(),
      isLead: Type.Boolean(),
      cosignStatus: Type.String(),
      sector: Nullable(Type.String()),
      workUnit: Nullable(Type.String()),
    }),
  ),
  suggestedUnits: Type.Array(Named),
  assignmentMode: Nullable(Type.String()),
  assignmentPlan: Type.Unknown(),
  round: Type.Integer(),
  outcomeClass: Nullable(Type.String()),
  outcomeLabel: Type.String(),
  ratingDueAt: Nullable(Type.String()),
  submittedAt: Nullable(Type.String()),
  registeredAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  files: Type.Array(
    Type.Object({ id: Type.Integer(), name: Type.String(), mime: Type.String(), size: Type.Integer() }),
  ),
  assignments: Type.Array(
    Type.Object({
      id: Type.Integer(),
      unitId: Type.Integer(),
      unitName: Type.String(),
      role: Type.String(),
      roleLabel: Type.String(),
      state: Type.String(),
      stateLabel: Type.String(),
      round: Type.Integer(),
      assignedAt: Type.String(),
      dueAt: Type.String(),
      originalDueAt: Type.String(),
      acceptedAt: Nullable(Type.String()),
      repliedAt: Nullable(Type.String()),
      extensionCount: Type.Integer(),
      overdue: Type.Boolean(),
      returnDeadline: Type.String(),
      actions: Type.Array(ActionOut),
      contacts: Type.Array(
        Type.Object({
          id: Type.Integer(),
          round: Type.Integer(),
          way: Type.String(),
          date: Type.String(),
          notes: Type.String(),
        }),
      ),
      views: Type.Array(Type.Object({ id: Type.Integer(), text: Type.String(), createdAt: Type.String() })),
    }),
  ),
  replies: Type.Array(
    Type.Object({
      id: Type.Integer(),
      assignmentId: Type.Integer(),
      unitName: Type.String(),
      round: Type.Integer(),
      outcomeClass: Type.String(),
      outcomeLabel: Type.String(),
      originalClass: Type.String(),
      text: Type.String(),
      letter: Nullable(Named),
      isPublic: Type.Boolean(),
      reviewState: Type.String(),
      reviewComment: Nullable(Type.String()),
      createdAt: Type.String(),
    }),
  ),
  ratings: Type.Array(
    Type.Object({
      id: Type.Integer(),
      round: Type.Integer(),
      raterName: Nullable(Type.String()),
      rating: Type.String(),
      ratingLabel: Type.String(),
      comment: Type.String(),
      enteredByStaff: Type.Boolean(),
      createdAt: Type.String(),
    }),
  ),
  raters: Type.Array(
    Type.Object({
      memberId: Nullable(Type.Integer()),
      orgId: Nullable(Type.Integer()),
      name: Type.String(),
      rated: Type.Boolean(),
    }),
  ),
  key: Nullable(
    Type.Object({
      governmentLeader: Type.String(),
      supervisingLeader: Type.String(),
      note: Type.String(),
      selectedAt: Type.String(),
      events: Type.Array(
        Type.Object({
          id: Type.Integer(),
          kind: Type.String(),
          kindLabel: Type.String(),
          date: Type.String(),
          text: Type.String(),
          by: Nullable(Type.String()),
        }),
      ),
    }),
  ),
  commendation: Nullable(
    Type.Object({
      id: Type.Integer(),
      year: Type.Integer(),
      state: Type.String(),
      stateLabel: Type.String(),
      reason: Type.String(),
      score: Nullable(Type.Integer()),
      opinion: Nullable(Type.String()),
      actions: Type.Array(ActionOut),
    }),
  ),
  timeline: Type.Array(TimelineOut),
  actions: Type.Array(ActionOut),
  can: Type.Object({
    edit: Type.Boolean(),
    delete: Type.Boolean(),
    setKey: Type.Boolean(),
    commend: Type.Boolean(),
    setPublic: Type.Boolean(),
    exportWord: Type.Boolean(),
  }),
});

export const USER_PROPOSAL_ACTIONS = [
  'submit',
  'cosignConfirm',
  'cosignDecline',
  'orgApprove',
  'orgSendBack',
  'withdraw',
  'returnForRevision',
  'preApprove',
  'register',
  'reject',
  'merge',
  'convert',
  'assign',
  'approveAssignment',
  'rejectAssignment',
  'rate',
];
export const ProposalActionBody = Type.Object({
  action: Lit(USER_PROPOSAL_ACTIONS, '操作'),
  comment: Type.Optional(Type.String({ title: '意见', maxLength: 4000 })),
  ground: Type.Optional(Type.String({ title: '不予立案理由', maxLength: 200 })),
  intoId: Type.Optional(Int('并入的提案')),
  target: Type.Optional(Lit(['opinion', 'suggestion'], '转为')),
  mode: Type.Optional(Lit(['lead', 'split'], '交办方式')),
  leadUnitId: Type.Optional(Int('主办单位')),
  assistingUnitIds: Type.Optional(IntList('会办单位')),
  unitIds: Type.Optional(IntList('分办单位')),
  dueAt: Type.Optional(Type.String({ title: '办理期限', format: 'date' })),
  rating: Type.Optional(Lit(['satisfied', 'partlySatisfied', 'unsatisfied'], '评价')),
  memberId: Type.Optional(Int('提案人')),
  orgId: Type.Optional(Int('党派团体')),
});

export const USER_ASSIGNMENT_ACTIONS = [
  'accept',
  'requestReturn',
  'approveReturn',
  'refuseReturn',
  'sendView',
  'recordContact',
  'requestExtension',
  'approveExtension',
  'refuseExtension',
  'reply',
  'approveReply',
  'sendBackReply',
];
export const AssignmentActionBody = Type.Object({
  action: Lit(USER_ASSIGNMENT_ACTIONS, '操作'),
  comment: Type.Optional(Type.String({ title: '意见', maxLength: 4000 })),
  newUnitId: Type.Optional(Int('改交单位')),
  way: Type.Optional(Type.String({ title: '面商方式', maxLength: 100 })),
  date: Type.Optional(Type.String({ title: '面商日期', format: 'date' })),
  notes: Type.Optional(Type.String({ title: '面商情况', maxLength: 4000 })),
  text: Type.Optional(Type.String({ title: '答复内容', maxLength: 40000 })),
  outcomeClass: Type.Optional(Type.String({ title: '办理结果', maxLength: 10 })),
  letterFileId: Type.Optional(Int('答复函')),
  isPublic: Type.Optional(Type.Boolean({ title: '答复公开' })),
});

export const StateOut = Type.Object({ id: Type.Integer(), state: Type.String(), stateLabel: Type.String() });
export const Errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export type ProposalBodyInput = Static<typeof ProposalBody>;
export type ProposalPatchInput = Static<typeof ProposalPatch>;
export type ProposalListItem = Static<typeof ListItemOut>;
export type SimilarItem = Static<typeof SimilarItemOut>;
export type UnitSuggestion = Static<typeof UnitSuggestionOut>;
export type ProposalListQuery = Static<typeof ListQuery>;
export type ProposalDetail = Static<typeof DetailOut>;
export type ProposalActionInput = Static<typeof ProposalActionBody>;
export type AssignmentActionInput = Static<typeof AssignmentActionBody>;
