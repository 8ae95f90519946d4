// Proposal routes: writing, lists and search, the detail with timeline and actions, transitions of the proposal and
// of each unit's assignment, key proposals, commendation, appraisal, rules, figures, and Excel/Word exports.

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { type TSchema, Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { beijingYearOf, formatBeijingDate } from '../../platform/dates.ts';
import { query, queryOne } from '../../platform/db/client.ts';
import { DOCX_MIME, sendDownload, XLSX_MIME, xlsxOf } from '../../platform/download.ts';
import { notFound } from '../../platform/errors.ts';
import { ErrorBody, IdParams, Ok, Paging, page } from '../../platform/routes.ts';
import { registerTodos } from '../../platform/todos.ts';
import { proposalDocx, replyDocx } from './documents.ts';
import { numberLabel } from './effects-filing.ts';
import { appraisalList, deadlineBoard, proposalFigures } from './figures.ts';
import { defaultScope, type ListFilters, listProposals, similarProposals, suggestUnits } from './list-service.ts';
import { classLabel, getRules } from './rules.ts';
import {
  addKeyEvent,
  canSeeProposal,
  commendAction,
  createProposal,
  deleteDraft,
  findMembers,
  fireAssignmentAction,
  fireProposalAction,
  getProposal,
  saveAppraisal,
  saveRules,
  setKeyProposal,
  setPublic,
  unsetKeyProposal,
  updateProposal,
} from './service.ts';
import { ASSIGNMENT_STATES, COMMENDATION_STATES, PROPOSAL_STATES } from './states.ts';
import { proposalTodos } from './todos.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
/** A string out of a fixed list: an `enum` schema, so a wrong value is reported under the field's Chinese title. */
const Lit = <T extends string>(values: readonly T[], title: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], title });
const Int = (title: string) => Type.Integer({ title, minimum: 1, maximum: 2147483647 });
const IntList = (title: string) => Type.Array(Int(title), { title, maxItems: 50 });

const ActionOut = Type.Object({ action: Type.String(), label: Type.String(), commentRequired: Type.Boolean() });

const ProposalBody = Type.Object({
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
const ProposalPatch = Type.Partial(ProposalBody);

const ListItemOut = Type.Object({
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

const ListQuery = Type.Object({
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

const Named = Type.Object({ id: Type.Integer(), name: Type.String() });
const TimelineOut = Type.Object({
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

const DetailOut = Type.Object({
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

const USER_PROPOSAL_ACTIONS = [
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
const ProposalActionBody = Type.Object({
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

const USER_ASSIGNMENT_ACTIONS = [
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
const AssignmentActionBody = Type.Object({
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

const StateOut = Type.Object({ id: Type.Integer(), state: Type.String(), stateLabel: Type.String() });
const Errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

const FigureQuery = Type.Object({
  termId: Type.Optional(Int('届次')),
  sessionId: Type.Optional(Int('会议')),
  year: Type.Optional(Type.Integer({ title: '年度', minimum: 1949, maximum: 2100 })),
  unitId: Type.Optional(Int('承办单位')),
});
const Count = Type.Object({ key: Type.String(), label: Type.String(), count: Type.Integer() });
const FiguresOut = Type.Object({
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
const BoardOut = Type.Object({
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

const RulesOut = Type.Object({
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
const ShortText = (title: string) => Type.String({ title, minLength: 1, maxLength: 100 });
const RulesBody = Type.Object({
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
const FileOut = Type.Unknown({ description: '文件' });

const dateOnly = (iso: string | null) => (iso ? iso.slice(0, 10) : '');

export async function proposalRoutes(app: FastifyInstance, { db }: ModuleDeps) {
  registerTodos('proposals', proposalTodos);
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['proposals'];

  r.get(
    '/api/proposals',
    {
      preHandler: requireAuth('proposal.read'),
      schema: {
        tags,
        summary: '提案列表：全文检索、筛选、排序、分页（我的提案 / 单位待办 / 工作队列）',
        querystring: ListQuery,
        response: { 200: Type.Object({ items: Type.Array(ListItemOut), total: Type.Integer(), scope: Type.String() }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const q = request.query as ListFilters;
      const res = await listProposals(db, actor, q, page(q));
      return { ...res, scope: q.scope ?? defaultScope(actor) };
    },
  );

  r.get(
    '/api/proposals/export.xlsx',
    {
      preHandler: requireAuth('proposal.read'),
      schema: {
        tags,
        summary: '导出提案列表 (Excel)',
        querystring: ListQuery,
        response: { 200: FileOut, 400: ErrorBody },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { items } = await listProposals(db, actor, request.query as ListFilters, { limit: 50000, offset: 0 });
      const buf = await xlsxOf(
        '提案',
        [
          { header: '提案号', key: 'numberLabel', width: 24 },
          { header: '案由', key: 'title', width: 48 },
          { header: '提案形式', key: 'kindLabel', width: 12 },
          { header: '提案人', key: 'proposers', width: 28 },
          { header: '类别', key: 'category', width: 14 },
          { header: '状态', key: 'stateLabel', width: 14 },
          { header: '承办单位', key: 'units', width: 36 },
          { header: '办理期限', key: 'due', width: 14 },
          { header: '重点提案', key: 'key', width: 10 },
          { header: '办理结果', key: 'outcomeClass', width: 10 },
          { header: '提交日期', key: 'submitted', width: 14 },
        ],
        items.map((i) => ({
          ...i,
          due: dateOnly(i.dueAt),
          key: i.isKey ? '是' : '',
          submitted: dateOnly(i.submittedAt),
        })),
      );
      return sendDownload(reply, '提案列表.xlsx', XLSX_MIME, buf);
    },
  );

  r.post(
    '/api/proposals',
    {
      preHandler: requireAuth('proposal.file'),
      schema: {
        tags,
        summary: '撰写提案（保存草稿，或 submit=true 同时提交）',
        body: ProposalBody,
        response: { 200: StateOut, ...Errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { submit, ...input } = request.body;
      return db.transaction(async (tx) => {
        const id = await createProposal(tx, actor, input);
        const state = submit ? await fireProposalAction(tx, actor, id, { action: 'submit' }) : 'draft';
        return { id, state, stateLabel: PROPOSAL_STATES[state] };
      });
    },
  );

  r.get(
    '/api/proposals/rules',
    {
      preHandler: requireAuth('proposal.read'),
      schema: {
        tags,
        summary: '提案工作规则（类别、办理结果类别、期限、不予立案理由等）',
        querystring: Type.Object({ year: Type.Optional(Type.Integer({ title: '年度', minimum: 0, maximum: 2100 })) }),
        response: { 200: RulesOut },
      },
    },
    async (request) => getRules(db, actorOf(request).committeeId, request.query.year || beijingYearOf()),
  );

  r.put(
    '/api/proposals/rules',
    {
      preHandler: requireAuth('proposal.rules'),
      schema: {
        tags,
        summary: '修改提案工作规则（按年度）',
        body: RulesBody,
        response: { 200: RulesOut, 400: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { year, ...rest } = request.body;
      return db.transaction((tx) => saveRules(tx, actor, year, rest));
    },
  );

  r.get(
    '/api/proposals/members',
    {
      preHandler: requireAuth('proposal.file'),
      schema: {
        tags,
        summary: '选择附议委员（按姓名、单位、界别查找本届委员）',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ title: '关键词', maxLength: 50 })),
          limit: Type.Optional(Type.Integer({ title: '数量', minimum: 1, maximum: 100, default: 20 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.Integer(),
                name: Type.String(),
                sector: Nullable(Type.String()),
                workUnit: Nullable(Type.String()),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ items: await findMembers(db, actorOf(request), request.query.q, request.query.limit ?? 20) }),
  );

  const SimilarOut = Type.Object({
    items: Type.Array(
      Type.Object({
        id: Type.Integer(),
        title: Type.String(),
        numberLabel: Type.String(),
        state: Type.String(),
        stateLabel: Type.String(),
        year: Nullable(Type.Integer()),
        sessionName: Nullable(Type.String()),
        score: Type.Integer(),
        canOpen: Type.Boolean(),
      }),
    ),
  });
  r.post(
    '/api/proposals/similar',
    {
      preHandler: requireAuth('proposal.read'),
      schema: {
        tags,
        summary: '相似提案（本次及以往会议，0–100 分）',
        body: Type.Object({
          title: Type.String({ title: '案由', minLength: 1, maxLength: 200 }),
          text: Type.Optional(Type.String({ title: '正文', maxLength: 40000 })),
          excludeId: Type.Optional(Int('排除的提案')),
          limit: Type.Optional(Type.Integer({ title: '数量', minimum: 1, maximum: 30 })),
        }),
        response: { 200: SimilarOut, 400: ErrorBody },
      },
    },
    async (request) => ({ items: await similarProposals(db, actorOf(request), request.body) }),
  );

  const SuggestOut = Type.Object({
    items: Type.Array(
      Type.Object({ unitId: Type.Integer(), name: Type.String(), score: Type.Integer(), basis: Type.String() }),
    ),
  });
  r.post(
    '/api/proposals/suggest-units',
    {
      preHandler: requireAuth('proposal.assign'),
      schema: {
        tags,
        summary: '根据提案内容推荐承办单位（学习以往交办）',
        body: Type.Object({
          title: Type.String({ title: '案由', minLength: 1, maxLength: 200 }),
          text: Type.Optional(Type.String({ title: '正文', maxLength: 40000 })),
          category: Type.Optional(Type.String({ title: '类别', maxLength: 50 })),
          excludeId: Type.Optional(Int('排除的提案')),
        }),
        response: { 200: SuggestOut, 400: ErrorBody },
      },
    },
    async (request) => ({ items: await suggestUnits(db, actorOf(request), request.body) }),
  );

  r.get(
    '/api/proposals/figures',
    {
      preHandler: requireAuth('proposal.figures'),
      schema: { tags, summary: '提案统计与年度报告表述', querystring: FigureQuery, response: { 200: FiguresOut } },
    },
    async (request) => proposalFigures(db, actorOf(request), request.query),
  );

  r.get(
    '/api/proposals/figures.xlsx',
    {
      preHandler: requireAuth('proposal.figures'),
      schema: {
        tags,
        summary: '导出承办单位办理情况统计 (Excel)',
        querystring: FigureQuery,
        response: { 200: FileOut, 400: ErrorBody },
      },
    },
    async (request, reply) => {
      const f = await proposalFigures(db, actorOf(request), request.query);
      const buf = await xlsxOf(
        '承办单位办理情况',
        [
          { header: '承办单位', key: 'name', width: 28 },
          { header: '交办件数', key: 'assigned' },
          { header: '主办/分办', key: 'leading' },
          { header: '会办', key: 'assisting' },
          { header: '已答复', key: 'replied' },
          { header: '未办结', key: 'open' },
          { header: '超期', key: 'overdue' },
          { header: '按期答复率(%)', key: 'onTimeRate' },
          { header: '满意率(%)', key: 'satisfiedRate' },
        ],
        f.byUnit.map((u) => ({ ...u, onTimeRate: u.onTimeRate ?? '—', satisfiedRate: u.satisfiedRate ?? '—' })),
      );
      return sendDownload(reply, '提案办理情况统计.xlsx', XLSX_MIME, buf);
    },
  );

  r.get(
    '/api/proposals/unit-figures',
    {
      preHandler: requireAuth('proposal.handle'),
      schema: {
        tags,
        summary: '本单位办理情况',
        querystring: Type.Object({
          year: Type.Optional(Type.Integer({ title: '年度', minimum: 1949, maximum: 2100 })),
        }),
        response: { 200: FiguresOut },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return proposalFigures(db, actor, { year: request.query.year, unitId: actor.unitId ?? -1 });
    },
  );

  const BoardQuery = Type.Object({
    days: Type.Optional(Type.Integer({ title: '即将到期（天内）', minimum: 1, maximum: 365, default: 30 })),
    unitId: Type.Optional(Int('承办单位')),
  });
  r.get(
    '/api/proposals/deadlines',
    {
      preHandler: requireAuth('proposal.readAll'),
      schema: {
        tags,
        summary: '办理督办：即将到期和已超期（按单位）',
        querystring: BoardQuery,
        response: { 200: BoardOut },
      },
    },
    async (request) =>
      deadlineBoard(db, actorOf(request), { days: request.query.days ?? 30, unitId: request.query.unitId }),
  );

  r.get(
    '/api/proposals/deadlines.xlsx',
    {
      preHandler: requireAuth('proposal.readAll'),
      schema: {
        tags,
        summary: '导出办理督办清单 (Excel)',
        querystring: BoardQuery,
        response: { 200: FileOut, 400: ErrorBody },
      },
    },
    async (request, reply) => {
      const b = await deadlineBoard(db, actorOf(request), {
        days: request.query.days ?? 30,
        unitId: request.query.unitId,
      });
      const buf = await xlsxOf(
        '办理督办',
        [
          { header: '承办单位', key: 'unitName', width: 28 },
          { header: '提案号', key: 'numberLabel', width: 24 },
          { header: '案由', key: 'title', width: 48 },
          { header: '办理期限', key: 'due', width: 14 },
          { header: '剩余天数', key: 'daysLeft', width: 10 },
          { header: '是否超期', key: 'over', width: 10 },
        ],
        b.items.map((i) => ({ ...i, due: dateOnly(i.dueAt), over: i.overdue ? '超期' : '' })),
      );
      return sendDownload(reply, '提案办理督办.xlsx', XLSX_MIME, buf);
    },
  );

  const AppraisalOut = Type.Object({
    dimensions: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), max: Type.Number() })),
    grades: Type.Array(Type.Object({ min: Type.Number(), label: Type.String() })),
    items: Type.Array(
      Type.Object({
        unitId: Type.Integer(),
        name: Type.String(),
        assigned: Type.Integer(),
        replied: Type.Integer(),
        onTimeRate: Nullable(Type.Number()),
        satisfiedRate: Nullable(Type.Number()),
        overdue: Type.Integer(),
        scores: Nullable(Type.Record(Type.String(), Type.Number())),
        total: Nullable(Type.Number()),
        grade: Nullable(Type.String()),
        comment: Type.String(),
      }),
    ),
  });
  const YearQuery = Type.Object({ year: Type.Integer({ title: '年度', minimum: 1949, maximum: 2100 }) });
  r.get(
    '/api/proposals/appraisals',
    {
      preHandler: requireAuth('proposal.figures'),
      schema: {
        tags,
        summary: '民主评议：承办单位办理情况与评分',
        querystring: YearQuery,
        response: { 200: AppraisalOut },
      },
    },
    async (request) => appraisalList(db, actorOf(request), request.query.year),
  );

  r.get(
    '/api/proposals/appraisals.xlsx',
    {
      preHandler: requireAuth('proposal.figures'),
      schema: {
        tags,
        summary: '导出民主评议结果 (Excel)',
        querystring: YearQuery,
        response: { 200: FileOut, 400: ErrorBody },
      },
    },
    async (request, reply) => {
      const a = await appraisalList(db, actorOf(request), request.query.year);
      const buf = await xlsxOf(
        '民主评议',
        [
          { header: '承办单位', key: 'name', width: 28 },
          ...a.dimensions.map((d) => ({ header: `${d.label}(${d.max})`, key: `s_${d.key}`, width: 12 })),
          { header: '总分', key: 'total', width: 10 },
          { header: '等次', key: 'grade', width: 10 },
          { header: '按期答复率(%)', key: 'onTimeRate', width: 14 },
          { header: '满意率(%)', key: 'satisfiedRate', width: 12 },
          { header: '评语', key: 'comment', width: 40 },
        ],
        a.items.map((i) => ({
          ...i,
          onTimeRate: i.onTimeRate ?? '—',
          satisfiedRate: i.satisfiedRate ?? '—',
          ...Object.fromEntries(a.dimensions.map((d) => [`s_${d.key}`, i.scores?.[d.key] ?? ''])),
        })),
      );
      return sendDownload(reply, `${request.query.year}年民主评议.xlsx`, XLSX_MIME, buf);
    },
  );

  r.put(
    '/api/proposals/appraisals',
    {
      preHandler: requireAuth('proposal.appraise'),
      schema: {
        tags,
        summary: '保存对承办单位的民主评议评分',
        body: Type.Object({
          year: Type.Integer({ title: '年度', minimum: 1949, maximum: 2100 }),
          unitId: Int('承办单位'),
          scores: Type.Record(Type.String(), Type.Number({ title: '得分', minimum: 0, maximum: 100 }), {
            title: '各项得分',
          }),
          comment: Type.Optional(Type.String({ title: '评语', maxLength: 2000 })),
        }),
        response: { 200: Type.Object({ total: Type.Number(), grade: Type.String() }), 400: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) => saveAppraisal(tx, actor, request.body));
    },
  );

  r.get(
    '/api/proposals/commendations',
    {
      preHandler: requireAuth('proposal.commend'),
      schema: {
        tags,
        summary: '优秀提案评选（推荐 → 评审 → 表彰）',
        querystring: Type.Object({
          year: Type.Optional(Type.Integer({ title: '年度', minimum: 1949, maximum: 2100 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.Integer(),
                proposalId: Type.Integer(),
                title: Type.String(),
                numberLabel: Type.String(),
                proposers: Type.String(),
                year: Type.Integer(),
                state: Type.String(),
                stateLabel: Type.String(),
                reason: Type.String(),
                score: Nullable(Type.Integer()),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const rows = await query<any>(
        db,
        sql`select c.id, c.proposal_id, c.year, c.state, c.reason, c.score, p.title, p.number, s.name as session_name,
            coalesce(o.name, (select string_agg(m.name, '、' order by pp.is_lead desc, pp.sort) from proposal_proposers pp
              join members m on m.committee_id = pp.committee_id and m.id = pp.member_id
              where pp.committee_id = p.committee_id and pp.proposal_id = p.id and pp.cosign_status = 'confirmed'), '') as proposers
          from proposal_commendations c join proposals p on p.committee_id = c.committee_id and p.id = c.proposal_id
          left join plenary_sessions s on s.committee_id = p.committee_id and s.id = p.session_id
          left join organisations o on o.committee_id = p.committee_id and o.id = p.org_id
          where c.committee_id = ${actor.committeeId} and c.state <> 'none' ${request.query.year ? sql`and c.year = ${request.query.year}` : sql``}
          order by c.year desc, coalesce(c.score, -1) desc, c.id`,
      );
      return {
        items: rows.map((x) => ({
          id: x.id,
          proposalId: x.proposal_id,
          title: x.title,
          numberLabel: numberLabel(x.session_name, x.number),
          proposers: x.proposers,
          year: x.year,
          state: x.state,
          stateLabel: COMMENDATION_STATES[x.state],
          reason: x.reason,
          score: x.score,
        })),
      };
    },
  );

  r.get(
    '/api/proposals/:id',
    {
      preHandler: requireAuth('proposal.read'),
      schema: {
        tags,
        summary: '提案详情（含办理过程、答复、评价、可执行的操作）',
        params: IdParams,
        response: { 200: DetailOut, 404: ErrorBody },
      },
    },
    async (request) => getProposal(db, actorOf(request), request.params.id),
  );

  r.put(
    '/api/proposals/:id',
    {
      preHandler: requireAuth('proposal.file'),
      schema: {
        tags,
        summary: '修改草稿或退回修改的提案',
        params: IdParams,
        body: ProposalPatch,
        response: { 200: StateOut, ...Errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { submit, ...input } = request.body;
      return db.transaction(async (tx) => {
        await updateProposal(tx, actor, request.params.id, input);
        const state = submit
          ? await fireProposalAction(tx, actor, request.params.id, { action: 'submit' })
          : (await queryOne<{ state: string }>(
              tx,
              sql`select state from proposals where committee_id = ${actor.committeeId} and id = ${request.params.id}`,
            ))!.state;
        return { id: request.params.id, state, stateLabel: PROPOSAL_STATES[state] };
      });
    },
  );

  r.delete(
    '/api/proposals/:id',
    {
      preHandler: requireAuth('proposal.file'),
      schema: { tags, summary: '删除草稿', params: IdParams, response: { 200: Ok, ...Errors } },
    },
    async (request) => {
      const actor = actorOf(request);
      await db.transaction((tx) => deleteDraft(tx, actor, request.params.id));
      return { ok: true };
    },
  );

  r.post(
    '/api/proposals/:id/transitions',
    {
      preHandler: requireAuth('proposal.read'),
      schema: {
        tags,
        summary: '提案流转（提交、附议、审查、立案、不予立案、并案、转交、交办、评价……）',
        params: IdParams,
        body: ProposalActionBody,
        response: { 200: StateOut, ...Errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const state = await db.transaction((tx) => fireProposalAction(tx, actor, request.params.id, request.body));
      return { id: request.params.id, state, stateLabel: PROPOSAL_STATES[state] };
    },
  );

  r.post(
    '/api/proposals/assignments/:id/transitions',
    {
      preHandler: requireAuth('proposal.read'),
      schema: {
        tags,
        summary: '承办流转（签收、申请退回、会办意见、办前面商、申请延期、答复、答复审核……）',
        params: IdParams,
        body: AssignmentActionBody,
        response: { 200: StateOut, ...Errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const state = await db.transaction((tx) =>
        fireAssignmentAction(tx, actor, request.params.id, request.body as any),
      );
      return { id: request.params.id, state, stateLabel: ASSIGNMENT_STATES[state] ?? state };
    },
  );

  r.put(
    '/api/proposals/:id/key',
    {
      preHandler: requireAuth('proposal.key'),
      schema: {
        tags,
        summary: '列为重点提案（领办政府领导、督办政协领导）',
        params: IdParams,
        body: Type.Object({
          governmentLeader: Type.String({ title: '领办的政府领导', minLength: 1, maxLength: 100 }),
          supervisingLeader: Type.String({ title: '督办的政协领导', minLength: 1, maxLength: 100 }),
          note: Type.Optional(Type.String({ title: '备注', maxLength: 2000 })),
        }),
        response: { 200: Ok, ...Errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await db.transaction((tx) => setKeyProposal(tx, actor, request.params.id, request.body));
      return { ok: true };
    },
  );

  r.delete(
    '/api/proposals/:id/key',
    {
      preHandler: requireAuth('proposal.key'),
      schema: { tags, summary: '取消重点提案', params: IdParams, response: { 200: Ok, ...Errors } },
    },
    async (request) => {
      const actor = actorOf(request);
      await db.transaction((tx) => unsetKeyProposal(tx, actor, request.params.id));
      return { ok: true };
    },
  );

  r.post(
    '/api/proposals/:id/key/events',
    {
      preHandler: requireAuth('proposal.key'),
      schema: {
        tags,
        summary: '记录重点提案督办视察、办理协商或进展',
        params: IdParams,
        body: Type.Object({
          kind: Lit(['visit', 'consultation', 'progress'], '类型'),
          date: Type.String({ title: '日期', format: 'date' }),
          text: Type.String({ title: '内容', minLength: 1, maxLength: 8000 }),
        }),
        response: { 200: Type.Object({ id: Type.Integer() }), ...Errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = await db.transaction((tx) => addKeyEvent(tx, actor, request.params.id, request.body));
      return { id };
    },
  );

  r.post(
    '/api/proposals/:id/commendation',
    {
      preHandler: requireAuth('proposal.commend'),
      schema: {
        tags,
        summary: '优秀提案：推荐、评审、公布表彰、不予表彰',
        params: IdParams,
        body: Type.Object({
          action: Lit(['nominate', 'evaluate', 'publish', 'drop'], '操作'),
          reason: Type.Optional(Type.String({ title: '推荐理由', maxLength: 4000 })),
          score: Type.Optional(Type.Integer({ title: '评审得分', minimum: 0, maximum: 100 })),
          opinion: Type.Optional(Type.String({ title: '评审意见', maxLength: 4000 })),
          comment: Type.Optional(Type.String({ title: '意见', maxLength: 4000 })),
        }),
        response: { 200: Type.Object({ state: Type.String(), stateLabel: Type.String() }), ...Errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const state = await db.transaction((tx) => commendAction(tx, actor, request.params.id, request.body));
      return { state, stateLabel: COMMENDATION_STATES[state] };
    },
  );

  r.put(
    '/api/proposals/:id/public',
    {
      preHandler: requireAuth('proposal.review'),
      schema: {
        tags,
        summary: '设置提案及答复是否公开',
        params: IdParams,
        body: Type.Object({
          isPublic: Type.Boolean({ title: '提案公开' }),
          repliesPublic: Type.Optional(Type.Boolean({ title: '答复公开' })),
          replyIds: Type.Optional(IntList('答复')),
        }),
        response: { 200: Ok, ...Errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await db.transaction((tx) => setPublic(tx, actor, request.params.id, request.body));
      return { ok: true };
    },
  );

  r.get(
    '/api/proposals/:id/similar',
    {
      preHandler: requireAuth('proposal.readAll'),
      schema: {
        tags,
        summary: '与本提案相似的提案（并案候选）',
        params: IdParams,
        response: { 200: SimilarOut, 404: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!(await canSeeProposal(db, actor, request.params.id))) throw notFound('proposal.not_found', '提案不存在');
      const p = await queryOne<any>(
        db,
        sql`select title, background, suggestions from proposals where committee_id = ${actor.committeeId} and id = ${request.params.id}`,
      );
      return {
        items: await similarProposals(db, actor, {
          title: p.title,
          text: `${p.background}\n${p.suggestions}`,
          excludeId: request.params.id,
        }),
      };
    },
  );

  r.get(
    '/api/proposals/:id/suggest-units',
    {
      preHandler: requireAuth('proposal.assign'),
      schema: {
        tags,
        summary: '为本提案推荐承办单位',
        params: IdParams,
        response: { 200: SuggestOut, 404: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!(await canSeeProposal(db, actor, request.params.id))) throw notFound('proposal.not_found', '提案不存在');
      const p = await queryOne<any>(
        db,
        sql`select title, background, suggestions, category from proposals where committee_id = ${actor.committeeId} and id = ${request.params.id}`,
      );
      return {
        items: await suggestUnits(db, actor, {
          title: p.title,
          text: `${p.background}\n${p.suggestions}`,
          category: p.category ?? undefined,
          excludeId: request.params.id,
        }),
      };
    },
  );

  r.get(
    '/api/proposals/:id/word',
    {
      preHandler: requireAuth('proposal.read'),
      schema: {
        tags,
        summary: '导出提案 (Word，正式版式)',
        params: IdParams,
        response: { 200: FileOut, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const d = await getProposal(db, actor, request.params.id);
      const committee = await queryOne<{ name: string }>(
        db,
        sql`select name from committees where id = ${actor.committeeId}`,
      );
      const buf = await proposalDocx({
        committeeName: committee!.name,
        sessionName: d.sessionName,
        numberLabel: d.numberLabel,
        kindLabel: d.kindLabel,
        category: d.category,
        proposers: d.org
          ? d.org.name
          : d.proposers
              .filter((p) => p.cosignStatus !== 'declined')
              .map((p) => p.name)
              .join('、'),
        title: d.title,
        background: d.background,
        suggestions: d.suggestions,
        units: d.assignments
          .filter((a) => a.state !== 'returned')
          .map((a) => `${a.unitName}（${a.roleLabel}）`)
          .join('、'),
        submittedAt: d.submittedAt ? d.submittedAt.slice(0, 10) : null,
      });
      return sendDownload(reply, `${d.numberLabel || '提案'}-${d.title.slice(0, 30)}.docx`, DOCX_MIME, buf);
    },
  );

  r.get(
    '/api/proposals/replies/:id/word',
    {
      preHandler: requireAuth('proposal.read'),
      schema: { tags, summary: '导出答复函 (Word)', params: IdParams, response: { 200: FileOut, 404: ErrorBody } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await queryOne<{ proposal_id: number }>(
        db,
        sql`select proposal_id from proposal_replies where committee_id = ${actor.committeeId} and id = ${request.params.id}`,
      );
      if (!row || !(await canSeeProposal(db, actor, row.proposal_id)))
        throw notFound('proposal.reply_not_found', '答复不存在');
      const d = await getProposal(db, actor, row.proposal_id);
      const rep = d.replies.find((x) => x.id === request.params.id);
      if (!rep) throw notFound('proposal.reply_not_found', '答复不存在');
      const rules = await getRules(db, actor.committeeId, d.year ?? beijingYearOf());
      const buf = await replyDocx({
        unitName: rep.unitName,
        proposers: d.org
          ? d.org.name
          : d.proposers
              .filter((p) => p.cosignStatus === 'confirmed')
              .map((p) => `${p.name}委员`)
              .join('、'),
        numberLabel: d.numberLabel,
        title: d.title,
        outcome: `${rep.outcomeClass}类（${classLabel(rules, rep.outcomeClass)}）`,
        text: rep.text,
        date: formatBeijingDate(rep.createdAt),
      });
      return sendDownload(reply, `答复函-${rep.unitName}-${d.numberLabel || d.id}.docx`, DOCX_MIME, buf);
    },
  );
}
