// Opinion-report routes (社情民意信息): submitters' own reports, the liaison office's queue, issues, forwarding,
// adoptions and instructions, referrals and unit responses, figures, Excel and Word.

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { type TSchema, Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { can } from '../../platform/auth/permissions.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { queryOne } from '../../platform/db/client.ts';
import { DOCX_MIME, sendDownload, XLSX_MIME } from '../../platform/download.ts';
import { forbidden } from '../../platform/errors.ts';
import { ErrorBody, IdParams, Ok, Paging, page } from '../../platform/routes.ts';
import { putSetting } from '../../platform/settings/settings.ts';
import { registerTodos } from '../../platform/todos.ts';
import { figuresXlsx, issueDocx, reportsXlsx } from './documents.ts';
import { yearFigures } from './figures.ts';
import {
  FORWARD_TARGETS,
  LEADER_ORGANS,
  LEVELS,
  OPINION_SETTINGS_KEY,
  REPORT_STATES,
  SUBMITTER_KINDS,
} from './rules.ts';
import * as svc from './service.ts';
import { opinionTodos } from './todos.ts';
import { chinaYear, opinionSettings } from './workflow.ts';

const N = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const OneOf = (values: readonly string[], title: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    { title },
  );
const DateStr = (title: string) => Type.String({ format: 'date', title });
const Year = Type.Integer({ minimum: 2000, maximum: 2100, title: '年度' });

const FileOut = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  mime: Type.String(),
  size: Type.Integer(),
});
const FileIds = Type.Array(Type.Integer({ minimum: 1, maximum: 2147483647 }), { maxItems: 20, title: '附件' });
const ReportIdParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  recordId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
});
const IssueReportParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  reportId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
});

const ListItem = Type.Object({
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
const ListOut = Type.Object({ items: Type.Array(ListItem), total: Type.Integer() });

const StaffFilters = {
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

const ReportBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 200, title: '标题' }),
  body: Type.String({ minLength: 1, maxLength: 20000, title: '正文' }),
  category: Type.String({ minLength: 1, maxLength: 50, title: '类别' }),
  fileIds: Type.Optional(FileIds),
  submit: Type.Optional(Type.Boolean({ title: '是否提交' })),
});
const StateOut = Type.Object({ id: Type.Integer(), state: Type.String() });

const Detail = Type.Object({
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

const IssueSummary = Type.Object({
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
const IssueDetail = Type.Object({
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

const ForwardBody = Type.Object({
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

const LevelCount = Type.Object({ level: Type.String(), label: Type.String(), count: Type.Integer() });
const FiguresOut = Type.Object({
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

const SettingsOut = Type.Object({
  maxChars: Type.Integer(),
  titleMax: Type.Integer(),
  categories: Type.Array(Type.String()),
  referralDays: Type.Integer(),
  dayUnit: Type.Union([Type.Literal('days'), Type.Literal('workingDays')]),
  levels: Type.Array(Type.Object({ value: Type.String(), label: Type.String() })),
  committee: Type.Object({ level: Type.String(), name: Type.String(), hasParent: Type.Boolean() }),
});

const options = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));

export async function opinionRoutes(app: FastifyInstance, { db }: ModuleDeps) {
  registerTodos('opinions', opinionTodos);
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['opinions'];
  const tx = <T>(fn: (t: typeof db) => Promise<T>) => db.transaction(fn);

  // ------------------------------------------------ settings and the writer's helpers

  r.get(
    '/api/opinions/settings',
    {
      preHandler: requireAuth(),
      schema: { tags, summary: '社情民意设置：字数上限、类别、级别', response: { 200: SettingsOut } },
    },
    async (request) => {
      const actor = actorOf(request);
      const s = await opinionSettings(db, actor.committeeId);
      const c = await queryOne<{ level: string; name: string; parent_id: number | null }>(
        db,
        sql`select level, name, parent_id from committees where id = ${actor.committeeId}`,
      );
      return {
        ...s,
        levels: options(LEVELS),
        committee: { level: c!.level, name: c!.name, hasParent: c!.parent_id != null },
      };
    },
  );

  r.put(
    '/api/opinions/settings',
    {
      preHandler: requireAuth('settings.manage'),
      schema: {
        tags,
        summary: '修改社情民意设置（可按年度）',
        body: Type.Object({
          year: Type.Optional(Type.Integer({ minimum: 0, maximum: 2100, title: '适用年度' })),
          maxChars: Type.Integer({ minimum: 100, maximum: 10000, title: '正文字数上限' }),
          titleMax: Type.Integer({ minimum: 10, maximum: 200, title: '标题字数上限' }),
          categories: Type.Array(Type.String({ minLength: 1, maxLength: 20, title: '类别' }), {
            minItems: 1,
            maxItems: 30,
            title: '类别',
          }),
          referralDays: Type.Integer({ minimum: 1, maximum: 365, title: '转办期限（天）' }),
          dayUnit: Type.Optional(
            Type.Union([Type.Literal('days'), Type.Literal('workingDays')], { title: '期限计算方式', default: 'days' }),
          ),
        }),
        response: { 200: Ok, 400: ErrorBody },
      },
    },
    async (request) => {
      const { year, ...value } = request.body;
      await tx((t) => putSetting(t, actorOf(request), OPINION_SETTINGS_KEY, year ?? 0, value));
      return { ok: true };
    },
  );

  r.post(
    '/api/opinions/similar',
    {
      preHandler: requireAuth(),
      schema: {
        tags,
        summary: '撰写时查找近两年相似的信息',
        body: Type.Object({
          title: Type.Optional(Type.String({ maxLength: 200, title: '标题' })),
          body: Type.Optional(Type.String({ maxLength: 20000, title: '正文' })),
          excludeId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, title: '排除的信息' })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.Integer(),
                title: Type.String(),
                category: Type.String(),
                stateLabel: Type.String(),
                submittedAt: N(Type.String()),
                similarity: Type.Number(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!can(actor.roles, 'opinion.submit') && !can(actor.roles, 'opinion.readAll')) throw forbidden();
      return { items: await svc.similarReports(db, actor, request.body) };
    },
  );

  // ------------------------------------------------ submitters

  r.get(
    '/api/opinions/mine',
    {
      preHandler: requireAuth('opinion.submit'),
      schema: {
        tags,
        summary: '我的社情民意信息（含草稿）',
        querystring: Type.Object({
          ...Paging,
          q: StaffFilters.q,
          state: StaffFilters.state,
          year: StaffFilters.year,
        }),
        response: { 200: ListOut },
      },
    },
    async (request) => svc.listReports(db, actorOf(request), request.query, 'mine', page(request.query)),
  );

  r.post(
    '/api/opinions',
    {
      preHandler: requireAuth('opinion.submit'),
      schema: {
        tags,
        summary: '撰写社情民意信息（submit 为 true 时直接提交，否则存为草稿）',
        body: ReportBody,
        response: { 200: StateOut, 400: ErrorBody },
      },
    },
    async (request) =>
      tx((t) => svc.createReport(t, actorOf(request), { ...request.body, submit: request.body.submit ?? false })),
  );

  r.put(
    '/api/opinions/:id',
    {
      preHandler: requireAuth('opinion.submit'),
      schema: {
        tags,
        summary: '修改草稿或被退回的信息（submit 为 true 时同时提交）',
        params: IdParams,
        body: ReportBody,
        response: { 200: StateOut, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) =>
      tx((t) =>
        svc.updateReport(t, actorOf(request), request.params.id, {
          ...request.body,
          submit: request.body.submit ?? false,
        }),
      ),
  );

  r.post(
    '/api/opinions/:id/submit',
    {
      preHandler: requireAuth('opinion.submit'),
      schema: {
        tags,
        summary: '提交草稿，或修改后重新提交',
        params: IdParams,
        response: { 200: StateOut, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => tx((t) => svc.submitReport(t, actorOf(request), request.params.id)),
  );

  r.delete(
    '/api/opinions/:id',
    {
      preHandler: requireAuth('opinion.submit'),
      schema: { tags, summary: '删除草稿', params: IdParams, response: { 200: Ok, 404: ErrorBody, 409: ErrorBody } },
    },
    async (request) => {
      await tx((t) => svc.deleteDraft(t, actorOf(request), request.params.id));
      return { ok: true };
    },
  );

  // ------------------------------------------------ the liaison office's lists

  r.get(
    '/api/opinions',
    {
      preHandler: requireAuth('opinion.readAll'),
      schema: {
        tags,
        summary: '社情民意信息列表（检索、筛选、分页）',
        querystring: Type.Object({ ...Paging, ...StaffFilters }),
        response: { 200: ListOut },
      },
    },
    async (request) => svc.listReports(db, actorOf(request), request.query, 'staff', page(request.query)),
  );

  r.get(
    '/api/opinions/export',
    {
      preHandler: requireAuth('opinion.readAll'),
      schema: {
        tags,
        summary: '导出社情民意信息列表（Excel，最多 20000 条）',
        querystring: Type.Object(StaffFilters),
      },
    },
    async (request, reply) => {
      const { items } = await svc.listReports(db, actorOf(request), request.query, 'staff', {
        limit: 20000,
        offset: 0,
      });
      return sendDownload(reply, `社情民意信息_${chinaYear()}.xlsx`, XLSX_MIME, await reportsXlsx(items));
    },
  );

  r.get(
    '/api/opinions/figures',
    {
      preHandler: requireAuth('opinion.figures'),
      schema: {
        tags,
        summary: '年度统计：收到、编报、期数、各级采用与批示、转办与回复、按报送人与信息员',
        querystring: Type.Object({ year: Type.Optional(Year) }),
        response: { 200: FiguresOut },
      },
    },
    async (request) => yearFigures(db, actorOf(request), request.query.year ?? chinaYear()),
  );

  r.get(
    '/api/opinions/figures/export',
    {
      preHandler: requireAuth('opinion.figures'),
      schema: { tags, summary: '导出年度统计（Excel）', querystring: Type.Object({ year: Type.Optional(Year) }) },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const year = request.query.year ?? chinaYear();
      const f = await yearFigures(db, actor, year);
      const c = await queryOne<{ name: string }>(db, sql`select name from committees where id = ${actor.committeeId}`);
      return sendDownload(reply, `社情民意统计_${year}.xlsx`, XLSX_MIME, await figuresXlsx(c!.name, f));
    },
  );

  // ------------------------------------------------ units

  r.get(
    '/api/opinions/referrals',
    {
      preHandler: requireAuth('opinion.respond'),
      schema: {
        tags,
        summary: '本单位收到的转办信息',
        querystring: Type.Object({
          ...Paging,
          state: Type.Optional(OneOf(['referred', 'responded', 'approved'], '办理状态')),
        }),
        response: {
          200: Type.Object({
            total: Type.Integer(),
            items: Type.Array(
              Type.Object({
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
              }),
            ),
          }),
        },
      },
    },
    async (request) => svc.unitReferrals(db, actorOf(request), { ...request.query, ...page(request.query) }),
  );

  r.post(
    '/api/opinions/referrals/:id/respond',
    {
      preHandler: requireAuth('opinion.respond'),
      schema: {
        tags,
        summary: '承办单位回复转办的信息',
        params: IdParams,
        body: Type.Object({
          response: Type.String({ minLength: 1, maxLength: 5000, title: '办理回复' }),
          fileIds: Type.Optional(FileIds),
        }),
        response: { 200: Type.Object({ state: Type.String() }), 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => ({
      state: await tx((t) => svc.respondReferral(t, actorOf(request), request.params.id, request.body)),
    }),
  );

  r.post(
    '/api/opinions/referrals/:id/review',
    {
      preHandler: requireAuth('opinion.screen'),
      schema: {
        tags,
        summary: '审核承办单位的回复（通过后报送人可见，或退回重办）',
        params: IdParams,
        body: Type.Object({
          decision: OneOf(['approve', 'reject'], '审核结果'),
          comment: Type.Optional(N(Type.String({ maxLength: 1000, title: '审核意见' }))),
        }),
        response: { 200: Type.Object({ state: Type.String() }), 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => ({
      state: await tx((t) => svc.reviewReferral(t, actorOf(request), request.params.id, request.body)),
    }),
  );

  // ------------------------------------------------ bulletin issues

  r.get(
    '/api/opinions/issues',
    {
      preHandler: requireAuth('opinion.readAll'),
      schema: {
        tags,
        summary: '《社情民意》期刊列表',
        querystring: Type.Object({ ...Paging, year: Type.Optional(Year) }),
        response: { 200: Type.Object({ items: Type.Array(IssueSummary), total: Type.Integer() }) },
      },
    },
    async (request) => svc.listIssues(db, actorOf(request), { year: request.query.year, ...page(request.query) }),
  );

  r.post(
    '/api/opinions/issues',
    {
      preHandler: requireAuth('opinion.screen'),
      schema: {
        tags,
        summary: '新建一期（按年度自动编号）',
        body: Type.Object({
          year: Type.Optional(Year),
          editorNote: Type.Optional(N(Type.String({ maxLength: 1000, title: '编者按' }))),
        }),
        response: {
          200: Type.Object({ id: Type.Integer(), title: Type.String(), number: Type.Integer(), year: Type.Integer() }),
          400: ErrorBody,
        },
      },
    },
    async (request) => tx((t) => svc.createIssue(t, actorOf(request), request.body)),
  );

  r.get(
    '/api/opinions/issues/:id',
    {
      preHandler: requireAuth('opinion.readAll'),
      schema: { tags, summary: '一期的内容', params: IdParams, response: { 200: IssueDetail, 404: ErrorBody } },
    },
    async (request) => svc.issueDetail(db, actorOf(request), request.params.id),
  );

  r.put(
    '/api/opinions/issues/:id',
    {
      preHandler: requireAuth('opinion.screen'),
      schema: {
        tags,
        summary: '修改编者按、调整本期信息顺序',
        params: IdParams,
        body: Type.Object({
          editorNote: Type.Optional(N(Type.String({ maxLength: 1000, title: '编者按' }))),
          order: Type.Optional(
            Type.Array(Type.Integer({ minimum: 1, maximum: 2147483647 }), { maxItems: 100, title: '排列顺序' }),
          ),
        }),
        response: { 200: Ok, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      await tx((t) => svc.updateIssue(t, actorOf(request), request.params.id, request.body));
      return { ok: true };
    },
  );

  r.delete(
    '/api/opinions/issues/:id',
    {
      preHandler: requireAuth('opinion.screen'),
      schema: {
        tags,
        summary: '删除本年度最后一期（须为空且未印发）',
        params: IdParams,
        response: { 200: Ok, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      await tx((t) => svc.deleteIssue(t, actorOf(request), request.params.id));
      return { ok: true };
    },
  );

  r.post(
    '/api/opinions/issues/:id/reports',
    {
      preHandler: requireAuth('opinion.screen'),
      schema: {
        tags,
        summary: '将采编留用的信息编入本期',
        params: IdParams,
        body: Type.Object({
          reportIds: Type.Array(Type.Integer({ minimum: 1, maximum: 2147483647 }), {
            minItems: 1,
            maxItems: 50,
            title: '信息',
          }),
        }),
        response: { 200: Ok, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      await tx((t) => svc.addToIssue(t, actorOf(request), request.params.id, request.body.reportIds));
      return { ok: true };
    },
  );

  r.delete(
    '/api/opinions/issues/:id/reports/:reportId',
    {
      preHandler: requireAuth('opinion.screen'),
      schema: {
        tags,
        summary: '将信息移出本期',
        params: IssueReportParams,
        response: { 200: Ok, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      await tx((t) => svc.removeFromIssue(t, actorOf(request), request.params.id, request.params.reportId));
      return { ok: true };
    },
  );

  r.post(
    '/api/opinions/issues/:id/issue',
    {
      preHandler: requireAuth('opinion.screen'),
      schema: {
        tags,
        summary: '印发本期',
        params: IdParams,
        body: Type.Object({ issuedOn: Type.Optional(DateStr('印发日期')) }),
        response: { 200: Ok, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      await tx((t) => svc.issueIssue(t, actorOf(request), request.params.id, request.body.issuedOn));
      return { ok: true };
    },
  );

  r.post(
    '/api/opinions/issues/:id/forward',
    {
      preHandler: requireAuth('opinion.screen'),
      schema: {
        tags,
        summary: '报送本期全部信息',
        params: IdParams,
        body: ForwardBody,
        response: { 200: Type.Object({ forwarded: Type.Integer() }), 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => tx((t) => svc.forwardIssue(t, actorOf(request), request.params.id, request.body)),
  );

  r.get(
    '/api/opinions/issues/:id/word',
    {
      preHandler: requireAuth('opinion.readAll'),
      schema: { tags, summary: '导出本期（Word，期刊版式）', params: IdParams },
    },
    async (request, reply) => {
      const d = await svc.issueDetail(db, actorOf(request), request.params.id);
      const buf = await issueDocx({ ...d, reports: d.reports });
      return sendDownload(reply, `${d.title}.docx`, DOCX_MIME, buf);
    },
  );

  // ------------------------------------------------ one report

  r.get(
    '/api/opinions/:id',
    {
      preHandler: requireAuth(),
      schema: { tags, summary: '信息详情', params: IdParams, response: { 200: Detail, 404: ErrorBody } },
    },
    async (request) => svc.reportDetail(db, actorOf(request), request.params.id),
  );

  r.post(
    '/api/opinions/:id/screen',
    {
      preHandler: requireAuth('opinion.screen'),
      schema: {
        tags,
        summary: '筛选：采编留用、不予编报（须说明理由）或退回修改',
        params: IdParams,
        body: Type.Object({
          decision: OneOf(['accept', 'decline', 'return'], '筛选结果'),
          comment: Type.Optional(N(Type.String({ maxLength: 1000, title: '意见或理由' }))),
        }),
        response: { 200: StateOut, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) =>
      tx((t) =>
        svc.screenReport(t, actorOf(request), request.params.id, request.body.decision, request.body.comment ?? null),
      ),
  );

  r.put(
    '/api/opinions/:id/edited',
    {
      preHandler: requireAuth('opinion.screen'),
      schema: {
        tags,
        summary: '编辑加工（原文保留，编辑稿另存）',
        params: IdParams,
        body: Type.Object({
          editedTitle: Type.String({ minLength: 1, maxLength: 200, title: '编辑后标题' }),
          editedBody: Type.String({ minLength: 1, maxLength: 20000, title: '编辑后正文' }),
        }),
        response: { 200: Ok, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      await tx((t) => svc.editText(t, actorOf(request), request.params.id, request.body));
      return { ok: true };
    },
  );

  r.post(
    '/api/opinions/:id/forward',
    {
      preHandler: requireAuth('opinion.screen'),
      schema: {
        tags,
        summary: '报送：上级政协（进入其筛选队列）、党委、政府',
        params: IdParams,
        body: ForwardBody,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({ kind: Type.String(), name: Type.String(), upperReportId: N(Type.Integer()) }),
            ),
          }),
          400: ErrorBody,
          404: ErrorBody,
          409: ErrorBody,
        },
      },
    },
    async (request) => ({
      items: await tx((t) => svc.forwardReport(t, actorOf(request), request.params.id, request.body)),
    }),
  );

  r.post(
    '/api/opinions/:id/adoptions',
    {
      preHandler: requireAuth('opinion.screen'),
      schema: {
        tags,
        summary: '记录采用（按级别；来自下级政协的信息同时回传）',
        params: IdParams,
        body: Type.Object({
          level: OneOf(Object.keys(LEVELS), '级别'),
          adoptedBy: Type.Optional(Type.String({ maxLength: 60, title: '采用单位' })),
          adoptedOn: DateStr('采用日期'),
          note: Type.Optional(N(Type.String({ maxLength: 500, title: '备注' }))),
        }),
        response: { 200: Type.Object({ id: Type.Integer() }), 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => tx((t) => svc.recordAdoption(t, actorOf(request), request.params.id, request.body as any)),
  );

  r.delete(
    '/api/opinions/:id/adoptions/:recordId',
    {
      preHandler: requireAuth('opinion.screen'),
      schema: {
        tags,
        summary: '删除误录的采用记录（连同回传的记录）',
        params: ReportIdParams,
        response: { 200: Ok, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      await tx((t) => svc.deleteAdoption(t, actorOf(request), request.params.id, request.params.recordId));
      return { ok: true };
    },
  );

  r.post(
    '/api/opinions/:id/instructions',
    {
      preHandler: requireAuth('opinion.screen'),
      schema: {
        tags,
        summary: '记录领导批示（来自下级政协的信息同时回传）',
        params: IdParams,
        body: Type.Object({
          leaderName: Type.String({ minLength: 1, maxLength: 40, title: '批示领导' }),
          leaderTitle: Type.Optional(N(Type.String({ maxLength: 60, title: '领导职务' }))),
          leaderOrgan: Type.Optional(OneOf(Object.keys(LEADER_ORGANS), '领导所属')),
          level: OneOf(Object.keys(LEVELS), '级别'),
          instructedOn: DateStr('批示日期'),
          text: Type.String({ minLength: 1, maxLength: 2000, title: '批示内容' }),
          fileIds: Type.Optional(FileIds),
        }),
        response: { 200: Type.Object({ id: Type.Integer() }), 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => tx((t) => svc.recordInstruction(t, actorOf(request), request.params.id, request.body as any)),
  );

  r.delete(
    '/api/opinions/:id/instructions/:recordId',
    {
      preHandler: requireAuth('opinion.screen'),
      schema: {
        tags,
        summary: '删除误录的批示记录（连同回传的记录）',
        params: ReportIdParams,
        response: { 200: Ok, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      await tx((t) => svc.deleteInstruction(t, actorOf(request), request.params.id, request.params.recordId));
      return { ok: true };
    },
  );

  r.post(
    '/api/opinions/:id/referrals',
    {
      preHandler: requireAuth('opinion.screen'),
      schema: {
        tags,
        summary: '转办到承办单位',
        params: IdParams,
        body: Type.Object({
          unitId: Type.Integer({ minimum: 1, maximum: 2147483647, title: '承办单位' }),
          note: Type.Optional(N(Type.String({ maxLength: 1000, title: '转办意见' }))),
          dueOn: Type.Optional(DateStr('办理期限')),
        }),
        response: {
          200: Type.Object({ id: Type.Integer(), dueOn: Type.String() }),
          400: ErrorBody,
          404: ErrorBody,
          409: ErrorBody,
        },
      },
    },
    async (request) => tx((t) => svc.referReport(t, actorOf(request), request.params.id, request.body)),
  );
}
