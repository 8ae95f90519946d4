// Members' yearly self-reports (述职): write and submit one's own, staff list, read and review them.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { okInTransaction } from '../../platform/http/handlers.ts';
import { ErrorBody, IdParams, Ok, Paging, page } from '../../platform/routes.ts';
import { Enum, MemberRef, Nullable } from '../meetings/schema.ts';
import { noLinkedMember } from './errors.ts';
import { getReport, listReports, myReport, reviewReport, saveReport } from './reports.ts';
import { Year } from './schemas.ts';
import { thisYear } from './service.ts';

export function dutyReportRoutes(app: FastifyInstance, { db }: ModuleDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['duty'];

  // ---- self-reports ----
  const ReportOut = Type.Object({
    id: Nullable(Type.Integer()),
    memberId: Type.Integer(),
    year: Type.Integer(),
    body: Type.String(),
    status: Type.String(),
    statusLabel: Type.String(),
    reviewComment: Nullable(Type.String()),
    reviewedBy: Nullable(Type.String()),
    submittedAt: Nullable(Type.String()),
    reviewedAt: Nullable(Type.String()),
    updatedAt: Nullable(Type.String()),
    prefilled: Type.Optional(Type.Boolean()),
    name: Type.Optional(Type.String()),
  });

  r.get(
    '/api/duty/my-report',
    {
      preHandler: requireAuth('duty.readOwn'),
      schema: {
        tags,
        summary: '我的年度述职报告（未填写时按履职记录预填）',
        querystring: Type.Object({ year: Type.Optional(Year) }),
        response: { 200: ReportOut, 404: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!actor.memberId) throw noLinkedMember();
      return myReport(db, actor, request.query.year ?? thisYear());
    },
  );

  r.put(
    '/api/duty/my-report',
    {
      preHandler: requireAuth('duty.readOwn'),
      schema: {
        tags,
        summary: '保存或提交述职报告',
        body: Type.Object({
          year: Year,
          body: Type.String({ title: '述职报告', minLength: 1, maxLength: 20000 }),
          submit: Type.Optional(Type.Boolean({ title: '是否提交' })),
        }),
        response: { 200: ReportOut, 400: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const b = request.body;
      return db.transaction((tx) => saveReport(tx, actor, b.year, b.body, !!b.submit));
    },
  );

  r.get(
    '/api/duty/reports',
    {
      preHandler: requireAuth('duty.readAll'),
      schema: {
        tags,
        summary: '委员述职报告列表',
        querystring: Type.Object({
          ...Paging,
          year: Type.Optional(Year),
          status: Type.Optional(Enum(['submitted', 'returned', 'accepted'], '状态')),
          q: Type.Optional(Type.String({ title: '姓名或编号', maxLength: 50 })),
        }),
        response: {
          200: Type.Object({
            total: Type.Integer(),
            items: Type.Array(
              Type.Object({
                id: Type.Integer(),
                ...MemberRef,
                year: Type.Integer(),
                status: Type.String(),
                statusLabel: Type.String(),
                submittedAt: Nullable(Type.String()),
                reviewedAt: Nullable(Type.String()),
                reviewedBy: Nullable(Type.String()),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const { limit, offset } = page(request.query);
      return listReports(
        db,
        actorOf(request),
        { ...request.query, year: request.query.year ?? thisYear() },
        limit,
        offset,
      );
    },
  );

  r.get(
    '/api/duty/reports/:id',
    {
      preHandler: requireAuth('duty.readAll'),
      schema: { tags, summary: '述职报告详情', params: IdParams, response: { 200: ReportOut, 404: ErrorBody } },
    },
    async (request) => getReport(db, actorOf(request), request.params.id),
  );

  r.post(
    '/api/duty/reports/:id/review',
    {
      preHandler: requireAuth('duty.manage'),
      schema: {
        tags,
        summary: '审阅述职报告（通过或退回修改）',
        params: IdParams,
        body: Type.Object({
          accept: Type.Boolean({ title: '是否通过' }),
          comment: Type.Optional(Type.String({ title: '意见', maxLength: 1000 })),
        }),
        response: { 200: Ok, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    okInTransaction(db, (tx, actor, request) => reviewReport(tx, actor, request.params.id, request.body)),
  );
}
