// Opinion-report routes for one report: the submitters' own reports, reading one, screening, editing, forwarding,
// adoptions and instructions, referrals.

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { actorOf } from '../../platform/auth/session.ts';
import { okInTransaction } from '../../platform/http/handlers.ts';
import { documented } from '../../platform/route-kit.ts';
import { ErrorBody, IdParams, Ok, Paging, page } from '../../platform/routes.ts';
import { LEADER_ORGANS, LEVELS } from './rules.ts';
import {
  DateStr,
  Detail,
  FileIds,
  ForwardBody,
  ListOut,
  N,
  OneOf,
  ReportBody,
  ReportIdParams,
  StaffFilters,
  StateOut,
} from './schemas.ts';
import * as svc from './service.ts';

const AdoptionBody = Type.Object({
  level: OneOf(Object.keys(LEVELS), '级别'),
  adoptedBy: Type.Optional(Type.String({ maxLength: 60, title: '采用单位' })),
  adoptedOn: DateStr('采用日期'),
  note: Type.Optional(N(Type.String({ maxLength: 500, title: '备注' }))),
});
const InstructionBody = Type.Object({
  leaderName: Type.String({ minLength: 1, maxLength: 40, title: '批示领导' }),
  leaderTitle: Type.Optional(N(Type.String({ maxLength: 60, title: '领导职务' }))),
  leaderOrgan: Type.Optional(OneOf(Object.keys(LEADER_ORGANS), '领导所属')),
  level: OneOf(Object.keys(LEVELS), '级别'),
  instructedOn: DateStr('批示日期'),
  text: Type.String({ minLength: 1, maxLength: 2000, title: '批示内容' }),
  fileIds: Type.Optional(FileIds),
});

export function reportRoutes(app: FastifyInstance, db: ModuleDeps['db']) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const doc = documented(['opinions']);
  const tx = <T>(fn: (t: typeof db) => Promise<T>) => db.transaction(fn);

  // ------------------------------------------------ submitters

  r.get(
    '/api/opinions/mine',
    doc('opinion.submit', '我的社情民意信息（含草稿）', {
      querystring: Type.Object({
        ...Paging,
        q: StaffFilters.q,
        state: StaffFilters.state,
        year: StaffFilters.year,
      }),
      response: { 200: ListOut },
    }),
    async (request) => svc.listReports(db, actorOf(request), request.query, 'mine', page(request.query)),
  );

  r.post(
    '/api/opinions',
    doc('opinion.submit', '撰写社情民意信息（submit 为 true 时直接提交，否则存为草稿）', {
      body: ReportBody,
      response: { 200: StateOut, 400: ErrorBody },
    }),
    async (request) =>
      tx((t) => svc.createReport(t, actorOf(request), { ...request.body, submit: request.body.submit ?? false })),
  );

  r.put(
    '/api/opinions/:id',
    doc('opinion.submit', '修改草稿或被退回的信息（submit 为 true 时同时提交）', {
      params: IdParams,
      body: ReportBody,
      response: { 200: StateOut, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    }),
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
    doc('opinion.submit', '提交草稿，或修改后重新提交', {
      params: IdParams,
      response: { 200: StateOut, 404: ErrorBody, 409: ErrorBody },
    }),
    async (request) => tx((t) => svc.submitReport(t, actorOf(request), request.params.id)),
  );

  r.delete(
    '/api/opinions/:id',
    doc('opinion.submit', '删除草稿', { params: IdParams, response: { 200: Ok, 404: ErrorBody, 409: ErrorBody } }),
    okInTransaction(db, (t, actor, request) => svc.deleteDraft(t, actor, request.params.id)),
  );

  // ------------------------------------------------ one report

  r.get(
    '/api/opinions/:id',
    doc(undefined, '信息详情', { params: IdParams, response: { 200: Detail, 404: ErrorBody } }),
    async (request) => svc.reportDetail(db, actorOf(request), request.params.id),
  );

  r.post(
    '/api/opinions/:id/screen',
    doc('opinion.screen', '筛选：采编留用、不予编报（须说明理由）或退回修改', {
      params: IdParams,
      body: Type.Object({
        decision: OneOf(['accept', 'decline', 'return'], '筛选结果'),
        comment: Type.Optional(N(Type.String({ maxLength: 1000, title: '意见或理由' }))),
      }),
      response: { 200: StateOut, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    }),
    async (request) =>
      tx((t) =>
        svc.screenReport(t, actorOf(request), request.params.id, request.body.decision, request.body.comment ?? null),
      ),
  );

  r.put(
    '/api/opinions/:id/edited',
    doc('opinion.screen', '编辑加工（原文保留，编辑稿另存）', {
      params: IdParams,
      body: Type.Object({
        editedTitle: Type.String({ minLength: 1, maxLength: 200, title: '编辑后标题' }),
        editedBody: Type.String({ minLength: 1, maxLength: 20000, title: '编辑后正文' }),
      }),
      response: { 200: Ok, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    }),
    okInTransaction(db, (t, actor, request) => svc.editText(t, actor, request.params.id, request.body)),
  );

  r.post(
    '/api/opinions/:id/forward',
    doc('opinion.screen', '报送：上级政协（进入其筛选队列）、党委、政府', {
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
    }),
    async (request) => ({
      items: await tx((t) => svc.forwardReport(t, actorOf(request), request.params.id, request.body)),
    }),
  );

  // The records staff attach to a report, each recorded with a POST and removed (with the copy sent up) with a DELETE.
  const attached = [
    {
      path: 'adoptions',
      recordSummary: '记录采用（按级别；来自下级政协的信息同时回传）',
      removeSummary: '删除误录的采用记录（连同回传的记录）',
      body: AdoptionBody,
      record: svc.recordAdoption,
      remove: svc.deleteAdoption,
    },
    {
      path: 'instructions',
      recordSummary: '记录领导批示（来自下级政协的信息同时回传）',
      removeSummary: '删除误录的批示记录（连同回传的记录）',
      body: InstructionBody,
      record: svc.recordInstruction,
      remove: svc.deleteInstruction,
    },
  ];
  for (const a of attached) {
    r.post(
      `/api/opinions/:id/${a.path}`,
      doc('opinion.screen', a.recordSummary, {
        params: IdParams,
        body: a.body,
        response: { 200: Type.Object({ id: Type.Integer() }), 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      }),
      async (request) => tx((t) => a.record(t, actorOf(request), request.params.id, request.body as any)),
    );
    r.delete(
      `/api/opinions/:id/${a.path}/:recordId`,
      doc('opinion.screen', a.removeSummary, {
        params: ReportIdParams,
        response: { 200: Ok, 403: ErrorBody, 404: ErrorBody },
      }),
      okInTransaction(db, (t, actor, request) => a.remove(t, actor, request.params.id, request.params.recordId)),
    );
  }

  r.post(
    '/api/opinions/:id/referrals',
    doc('opinion.screen', '转办到承办单位', {
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
    }),
    async (request) => tx((t) => svc.referReport(t, actorOf(request), request.params.id, request.body)),
  );
}
