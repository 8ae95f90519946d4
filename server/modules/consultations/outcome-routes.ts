// Outcome routes (协商成果): the office's list and drafts, the engine's actions on the outcome and on each unit's
// row, publishing, a unit's inbox, figures and documents; and one anonymous read of flagged outcomes.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { type TSchema, Type } from 'typebox';
import { Value } from 'typebox/value';
import type { ModuleDeps } from '../../app.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { DOCX_MIME, sendDownload, XLSX_MIME } from '../../platform/download.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { okAsActor } from '../../platform/http/handlers.ts';
import { ErrorBody, IdParams, Ok, Paging, page } from '../../platform/routes.ts';
import { registerTodos } from '../../platform/todos.ts';
import { outcomeReport, outcomesXlsx } from './outcome-documents.ts';
import { outcomeFigures } from './outcome-figures.ts';
import { listOutcomes, publicOutcomes } from './outcome-list.ts';
import { OUTCOME_STATES } from './outcome-process.ts';
import { outcomeRules } from './outcome-rules.ts';
import {
  ACTION_DATA,
  ActionBody,
  OutcomeCreate,
  OutcomeDetail,
  OutcomeList,
  OutcomeUpdate,
} from './outcome-schemas.ts';
import * as svc from './outcome-service.ts';
import { outcomeTodos } from './outcome-todos.ts';

const Errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const UnitParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  unitRowId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
});
const Filters = Type.Object({
  ...Paging,
  state: Type.Optional(
    Type.Union(
      Object.keys(OUTCOME_STATES).map((s) => Type.Literal(s)),
      { title: '状态' },
    ),
  ),
  kind: Type.Optional(Type.String({ maxLength: 20, title: '成果类型' })),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, title: '年度' })),
  q: Type.Optional(Type.String({ maxLength: 100, title: '关键词' })),
  overdue: Type.Optional(Type.Boolean({ title: '仅看超期' })),
});

/** An action's data checked against its schema: the engine's effects then see well-formed values. */
function checkActionData(b: ActionBody) {
  const schema: TSchema | undefined = ACTION_DATA[b.action];
  if (!schema) return;
  const data = b.data ?? {};
  const first = Value.Errors(schema, data)[0] as { instancePath?: string; path?: string } | undefined;
  if (!first) return;
  const field = String(first.instancePath ?? first.path ?? '').split('/')[1] ?? '';
  const title = (schema as any).properties?.[field]?.title ?? field;
  throw badRequest('consultationOutcome.data', `「${title || '数据'}」填写不正确`, field || undefined);
}

export async function outcomeRoutes(fastify: FastifyInstance, { db }: ModuleDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  registerTodos('consultationOutcomes', outcomeTodos);

  app.get(
    '/api/consultation-outcomes/settings',
    {
      preHandler: requireAuth(),
      schema: {
        response: {
          200: Type.Object({
            kinds: Type.Array(Type.String()),
            feedbackMonths: Type.Integer(),
            reviewMonths: Type.Integer(),
          }),
        },
      },
    },
    async (req) => outcomeRules(db, actorOf(req).committeeId),
  );
  app.get(
    '/api/consultation-outcomes',
    {
      preHandler: requireAuth('consultationOutcome.read'),
      schema: { querystring: Filters, response: { 200: OutcomeList } },
    },
    async (req) => listOutcomes(db, actorOf(req), { ...req.query, ...page(req.query) }),
  );
  app.get(
    '/api/consultation-outcomes/unit',
    {
      preHandler: requireAuth('consultationOutcome.feedback'),
      schema: { querystring: Filters, response: { 200: OutcomeList } },
    },
    async (req) => listOutcomes(db, actorOf(req), { ...req.query, ...page(req.query) }),
  );
  app.get(
    '/api/consultation-outcomes/figures',
    {
      preHandler: requireAuth('consultationOutcome.figures'),
      schema: { querystring: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100, title: '年度' }) }) },
    },
    async (req) => outcomeFigures(db, actorOf(req).committeeId, req.query.year),
  );
  app.get(
    '/api/consultation-outcomes/export',
    { preHandler: requireAuth('consultationOutcome.read'), schema: { querystring: Filters } },
    async (req, reply) => {
      const { items } = await listOutcomes(db, actorOf(req), { ...req.query, limit: 5000, offset: 0 });
      return sendDownload(reply, '协商成果.xlsx', XLSX_MIME, await outcomesXlsx(items));
    },
  );
  app.get(
    '/api/consultation-outcomes/:id/report.docx',
    { preHandler: requireAuth(), schema: { params: IdParams } },
    async (req, reply) => {
      const { title, docx } = await outcomeReport(db, actorOf(req), req.params.id);
      return sendDownload(reply, `${title}.docx`, DOCX_MIME, docx);
    },
  );
  app.post(
    '/api/consultation-outcomes',
    {
      preHandler: requireAuth('consultationOutcome.manage'),
      schema: { body: OutcomeCreate, response: { 200: Type.Object({ id: Type.Integer() }), ...Errors } },
    },
    async (req) => ({ id: await svc.createOutcome(db, actorOf(req), req.body) }),
  );
  app.put(
    '/api/consultation-outcomes/:id',
    {
      preHandler: requireAuth('consultationOutcome.manage'),
      schema: { params: IdParams, body: OutcomeUpdate, response: { 200: Ok, ...Errors } },
    },
    okAsActor((actor, req) => svc.updateOutcome(db, actor, req.params.id, req.body)),
  );
  app.get(
    '/api/consultation-outcomes/:id',
    { preHandler: requireAuth(), schema: { params: IdParams, response: { 200: OutcomeDetail, ...Errors } } },
    async (req) => svc.outcomeDetail(db, actorOf(req), req.params.id),
  );
  app.post(
    '/api/consultation-outcomes/:id/actions',
    { preHandler: requireAuth(), schema: { params: IdParams, body: ActionBody, response: { 200: Ok, ...Errors } } },
    async (req) => {
      checkActionData(req.body);
      await svc.fireOutcomeAction(db, actorOf(req), req.params.id, req.body);
      return { ok: true };
    },
  );
  app.post(
    '/api/consultation-outcomes/:id/units/:unitRowId/actions',
    { preHandler: requireAuth(), schema: { params: UnitParams, body: ActionBody, response: { 200: Ok, ...Errors } } },
    async (req) => {
      checkActionData(req.body);
      await svc.fireUnitAction(db, actorOf(req), req.params.id, req.params.unitRowId, req.body);
      return { ok: true };
    },
  );
  app.put(
    '/api/consultation-outcomes/:id/public',
    {
      preHandler: requireAuth('consultationOutcome.manage'),
      schema: {
        params: IdParams,
        body: Type.Object({ isPublic: Type.Boolean({ title: '是否公开' }) }),
        response: { 200: Ok, ...Errors },
      },
    },
    okAsActor((actor, req) => svc.setPublic(db, actor, req.params.id, req.body.isPublic)),
  );
  // Anonymous on purpose: only outcomes the office flagged public, only their summary and the units' feedback.
  app.get(
    '/api/public/consultation-outcomes',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        querystring: Type.Object({
          committee: Type.String({ minLength: 2, maxLength: 20, pattern: '^[0-9A-Za-z]+$', title: '政协代码' }),
          page: Paging.page,
          pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.Integer(),
                kind: Type.String(),
                title: Type.String(),
                summary: Type.String(),
                submittedOn: Type.Union([Type.String(), Type.Null()]),
                feedback: Type.Array(
                  Type.Object({
                    unitName: Type.String(),
                    round: Type.Integer(),
                    takenUp: Type.String(),
                    measures: Type.String(),
                    adoption: Type.Union([Type.String(), Type.Null()]),
                  }),
                ),
              }),
            ),
            total: Type.Integer(),
          }),
          ...Errors,
        },
      },
    },
    async (req) => {
      const r = await publicOutcomes(db, req.query.committee, ...(Object.values(page(req.query)) as [number, number]));
      if (!r) throw notFound('consultationOutcome.committee', '政协不存在');
      return r;
    },
  );
}
