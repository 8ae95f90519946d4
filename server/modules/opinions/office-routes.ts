// Opinion-report routes of the liaison office and handling units: the office's lists and figures, the units'
// referrals, bulletin issues.

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { type Static, type TSchema, Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import type { Action } from '../../platform/auth/permissions.ts';
import { actorOf } from '../../platform/auth/session.ts';
import type { Actor } from '../../platform/context.ts';
import { DOCX_MIME, sendDownload, XLSX_MIME } from '../../platform/download.ts';
import { okInTransaction } from '../../platform/http/handlers.ts';
import { documented, StateOut } from '../../platform/route-kit.ts';
import { ErrorBody, IdParams, Ok, Paging, page } from '../../platform/routes.ts';
import { figuresXlsx, issueDocx, reportsXlsx } from './documents.ts';
import { yearFigures } from './figures.ts';
import { committeeBrief } from './repository.ts';
import {
  DateStr,
  FiguresOut,
  FileIds,
  ForwardBody,
  IssueDetail,
  IssueReportParams,
  IssueSummary,
  ListOut,
  N,
  OneOf,
  StaffFilters,
  UnitReferral,
  Year,
} from './schemas.ts';
import * as svc from './service.ts';
import { chinaYear } from './workflow.ts';

export function officeRoutes(app: FastifyInstance, db: ModuleDeps['db']) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const doc = documented(['opinions']);
  const tx = <T>(fn: (t: typeof db) => Promise<T>) => db.transaction(fn);

  // ------------------------------------------------ the liaison office's lists

  r.get(
    '/api/opinions',
    doc('opinion.readAll', '社情民意信息列表（检索、筛选、分页）', {
      querystring: Type.Object({ ...Paging, ...StaffFilters }),
      response: { 200: ListOut },
    }),
    async (request) => svc.listReports(db, actorOf(request), request.query, 'staff', page(request.query)),
  );

  r.get(
    '/api/opinions/export',
    doc('opinion.readAll', '导出社情民意信息列表（Excel，最多 20000 条）', {
      querystring: Type.Object(StaffFilters),
    }),
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
    doc('opinion.figures', '年度统计：收到、编报、期数、各级采用与批示、转办与回复、按报送人与信息员', {
      querystring: Type.Object({ year: Type.Optional(Year) }),
      response: { 200: FiguresOut },
    }),
    async (request) => yearFigures(db, actorOf(request), request.query.year ?? chinaYear()),
  );

  r.get(
    '/api/opinions/figures/export',
    doc('opinion.figures', '导出年度统计（Excel）', { querystring: Type.Object({ year: Type.Optional(Year) }) }),
    async (request, reply) => {
      const actor = actorOf(request);
      const year = request.query.year ?? chinaYear();
      const f = await yearFigures(db, actor, year);
      const c = await committeeBrief(db, actor.committeeId);
      return sendDownload(reply, `社情民意统计_${year}.xlsx`, XLSX_MIME, await figuresXlsx(c!.name, f));
    },
  );

  // ------------------------------------------------ units

  r.get(
    '/api/opinions/referrals',
    doc('opinion.respond', '本单位收到的转办信息', {
      querystring: Type.Object({
        ...Paging,
        state: Type.Optional(OneOf(['referred', 'responded', 'approved'], '办理状态')),
      }),
      response: {
        200: Type.Object({ total: Type.Integer(), items: Type.Array(UnitReferral) }),
      },
    }),
    async (request) => svc.unitReferrals(db, actorOf(request), { ...request.query, ...page(request.query) }),
  );

  /** A handling step `step` on referral `:id` (POST, `body`): `run` in one transaction answers the referral's new state. */
  function referralStep<B extends TSchema>(
    step: string,
    permission: Action,
    summary: string,
    body: B,
    run: (t: typeof db, actor: Actor, id: number, body: Static<B>) => Promise<string>,
  ) {
    r.post(
      `/api/opinions/referrals/:id/${step}`,
      doc(permission, summary, {
        params: IdParams,
        body,
        response: { 200: StateOut, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      }),
      async (request) => ({
        state: await tx((t) => run(t, actorOf(request), request.params.id, request.body as Static<B>)),
      }),
    );
  }

  referralStep(
    'respond',
    'opinion.respond',
    '承办单位回复转办的信息',
    Type.Object({
      response: Type.String({ minLength: 1, maxLength: 5000, title: '办理回复' }),
      fileIds: Type.Optional(FileIds),
    }),
    svc.respondReferral,
  );

  referralStep(
    'review',
    'opinion.screen',
    '审核承办单位的回复（通过后报送人可见，或退回重办）',
    Type.Object({
      decision: OneOf(['approve', 'reject'], '审核结果'),
      comment: Type.Optional(N(Type.String({ maxLength: 1000, title: '审核意见' }))),
    }),
    svc.reviewReferral,
  );

  // ------------------------------------------------ bulletin issues

  r.get(
    '/api/opinions/issues',
    doc('opinion.readAll', '《社情民意》期刊列表', {
      querystring: Type.Object({ ...Paging, year: Type.Optional(Year) }),
      response: { 200: Type.Object({ items: Type.Array(IssueSummary), total: Type.Integer() }) },
    }),
    async (request) => svc.listIssues(db, actorOf(request), { year: request.query.year, ...page(request.query) }),
  );

  r.post(
    '/api/opinions/issues',
    doc('opinion.screen', '新建一期（按年度自动编号）', {
      body: Type.Object({
        year: Type.Optional(Year),
        editorNote: Type.Optional(N(Type.String({ maxLength: 1000, title: '编者按' }))),
      }),
      response: {
        200: Type.Object({ id: Type.Integer(), title: Type.String(), number: Type.Integer(), year: Type.Integer() }),
        400: ErrorBody,
      },
    }),
    async (request) => tx((t) => svc.createIssue(t, actorOf(request), request.body)),
  );

  r.get(
    '/api/opinions/issues/:id',
    doc('opinion.readAll', '一期的内容', { params: IdParams, response: { 200: IssueDetail, 404: ErrorBody } }),
    async (request) => svc.issueDetail(db, actorOf(request), request.params.id),
  );

  r.put(
    '/api/opinions/issues/:id',
    doc('opinion.screen', '修改编者按、调整本期信息顺序', {
      params: IdParams,
      body: Type.Object({
        editorNote: Type.Optional(N(Type.String({ maxLength: 1000, title: '编者按' }))),
        order: Type.Optional(
          Type.Array(Type.Integer({ minimum: 1, maximum: 2147483647 }), { maxItems: 100, title: '排列顺序' }),
        ),
      }),
      response: { 200: Ok, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    }),
    okInTransaction(db, (t, actor, request) => svc.updateIssue(t, actor, request.params.id, request.body)),
  );

  r.delete(
    '/api/opinions/issues/:id',
    doc('opinion.screen', '删除本年度最后一期（须为空且未印发）', {
      params: IdParams,
      response: { 200: Ok, 404: ErrorBody, 409: ErrorBody },
    }),
    okInTransaction(db, (t, actor, request) => svc.deleteIssue(t, actor, request.params.id)),
  );

  r.post(
    '/api/opinions/issues/:id/reports',
    doc('opinion.screen', '将采编留用的信息编入本期', {
      params: IdParams,
      body: Type.Object({
        reportIds: Type.Array(Type.Integer({ minimum: 1, maximum: 2147483647 }), {
          minItems: 1,
          maxItems: 50,
          title: '信息',
        }),
      }),
      response: { 200: Ok, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    }),
    okInTransaction(db, (t, actor, request) => svc.addToIssue(t, actor, request.params.id, request.body.reportIds)),
  );

  r.delete(
    '/api/opinions/issues/:id/reports/:reportId',
    doc('opinion.screen', '将信息移出本期', {
      params: IssueReportParams,
      response: { 200: Ok, 404: ErrorBody, 409: ErrorBody },
    }),
    okInTransaction(db, (t, actor, request) =>
      svc.removeFromIssue(t, actor, request.params.id, request.params.reportId),
    ),
  );

  r.post(
    '/api/opinions/issues/:id/issue',
    doc('opinion.screen', '印发本期', {
      params: IdParams,
      body: Type.Object({ issuedOn: Type.Optional(DateStr('印发日期')) }),
      response: { 200: Ok, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    }),
    okInTransaction(db, (t, actor, request) => svc.issueIssue(t, actor, request.params.id, request.body.issuedOn)),
  );

  r.post(
    '/api/opinions/issues/:id/forward',
    doc('opinion.screen', '报送本期全部信息', {
      params: IdParams,
      body: ForwardBody,
      response: { 200: Type.Object({ forwarded: Type.Integer() }), 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    }),
    async (request) => tx((t) => svc.forwardIssue(t, actorOf(request), request.params.id, request.body)),
  );

  r.get(
    '/api/opinions/issues/:id/word',
    doc('opinion.readAll', '导出本期（Word，期刊版式）', { params: IdParams }),
    async (request, reply) => {
      const d = await svc.issueDetail(db, actorOf(request), request.params.id);
      const buf = await issueDocx({ ...d, reports: d.reports });
      return sendDownload(reply, `${d.title}.docx`, DOCX_MIME, buf);
    },
  );
}
