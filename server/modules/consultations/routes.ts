// Consultation routes, plan and topics: open a collection, suggest topics, find alike ones and answer them, draft
// items, move the plan through its approval steps, and export it (Excel of items, Word of the plan). Events are in
// event-routes.ts, registered from here.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { namesFromTable, registerEntityNames } from '../../platform/audit/names.ts';
import { can } from '../../platform/auth/permissions.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { beijingYearOf } from '../../platform/dates.ts';
import { sendDownload, XLSX_MIME } from '../../platform/download.ts';
import { forbidden } from '../../platform/errors.ts';
import { registerFileAccess } from '../../platform/files/files.ts';
import { okInTransaction, PageOf } from '../../platform/http/handlers.ts';
import { ErrorBody, IdParams, Ok, Paging, page } from '../../platform/routes.ts';
import { registerTodos } from '../../platform/todos.ts';
import { Enum } from '../meetings/schema.ts';
import { eventRoutes } from './event-routes.ts';
import { EXPORT_ROWS, topicsXlsx } from './list-exports.ts';
import { sendPlanExcel, sendPlanWord } from './plan-documents.ts';
import {
  addPlanItem,
  createPlan,
  firePlanAction,
  getPlan,
  listPlans,
  removePlanItem,
  updatePlanItem,
} from './plan-service.ts';
import { seesAll } from './policy.ts';
import { consultationSettings } from './process-settings.ts';
import { consultationTodos } from './process-todos.ts';
import { Id, PlanActionBody, PlanCreateBody, PlanItemBody, TopicAnswerBody, TopicBody } from './schemas.ts';
import { answerTopic, getTopic, listTopics, similarTopics, suggestTopic } from './topic-service.ts';

const Errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const Any = Type.Any();
const StateOut = Type.Object({ state: Type.String() });

/** Plans and topics are read by those who read consultations and by those who suggest topics. */
function assertReader(request: any) {
  const actor = actorOf(request);
  if (!can(actor.roles, 'consultation.read') && !can(actor.roles, 'consultation.suggest'))
    throw forbidden('auth.forbidden', '没有权限查看协商计划');
  return actor;
}

export async function consultationRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['consultations'];
  registerTodos('consultations', consultationTodos);
  registerFileAccess('consultationTopic', async (d, actor, id) => {
    try {
      await getTopic(d, actor, id);
      return true;
    } catch {
      return false;
    }
  });

  r.get(
    '/api/consultations/kinds',
    {
      preHandler: requireAuth(),
      schema: {
        tags,
        summary: '本会的协商类型清单',
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), category: Type.String() })),
          }),
          ...Errors,
        },
      },
    },
    async (request) => {
      const actor = assertReader(request);
      return { items: (await consultationSettings(db, actor.committeeId, beijingYearOf())).kinds };
    },
  );

  r.get(
    '/api/consultations/plans',
    {
      preHandler: requireAuth(),
      schema: {
        tags,
        summary: '年度协商计划和民主监督计划',
        querystring: Type.Object({
          year: Type.Optional(Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(Any) }), ...Errors },
      },
    },
    async (request) => ({ items: await listPlans(db, assertReader(request), request.query) }),
  );

  r.post(
    '/api/consultations/plans',
    {
      preHandler: requireAuth('consultation.manage'),
      schema: {
        tags,
        summary: '新建年度计划并开始征集议题',
        body: PlanCreateBody,
        response: { 200: Type.Object({ id: Type.Integer() }), ...Errors },
      },
    },
    async (request) => db.transaction((tx) => createPlan(tx, actorOf(request), request.body)),
  );

  r.get(
    '/api/consultations/plans/:id',
    {
      preHandler: requireAuth(),
      schema: { tags, summary: '计划详情', params: IdParams, response: { 200: Any, ...Errors } },
    },
    async (request) => getPlan(db, assertReader(request), request.params.id),
  );

  r.post(
    '/api/consultations/plans/:id/actions',
    {
      preHandler: requireAuth(),
      schema: {
        tags,
        summary: '提交审议、审议通过、退回、发起调整',
        params: IdParams,
        body: PlanActionBody,
        response: { 200: StateOut, ...Errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!can(actor.roles, 'consultation.manage') && !can(actor.roles, 'consultation.approve')) throw forbidden();
      return { state: await db.transaction((tx) => firePlanAction(tx, actor, request.params.id, request.body)) };
    },
  );

  r.post(
    '/api/consultations/plans/:id/items',
    {
      preHandler: requireAuth('consultation.manage'),
      schema: {
        tags,
        summary: '添加计划项目',
        params: IdParams,
        body: PlanItemBody,
        response: { 200: Type.Object({ id: Type.Integer() }), ...Errors },
      },
    },
    async (request) => db.transaction((tx) => addPlanItem(tx, actorOf(request), request.params.id, request.body)),
  );

  r.put(
    '/api/consultations/plan-items/:id',
    {
      preHandler: requireAuth('consultation.manage'),
      schema: { tags, summary: '修改计划项目', params: IdParams, body: PlanItemBody, response: { 200: Ok, ...Errors } },
    },
    okInTransaction(db, (tx, actor, request) => updatePlanItem(tx, actor, request.params.id, request.body)),
  );

  r.delete(
    '/api/consultations/plan-items/:id',
    {
      preHandler: requireAuth('consultation.manage'),
      schema: { tags, summary: '删除计划项目', params: IdParams, response: { 200: Ok, ...Errors } },
    },
    okInTransaction(db, (tx, actor, request) => removePlanItem(tx, actor, request.params.id)),
  );

  r.get(
    '/api/consultations/plans/:id/items.xlsx',
    {
      preHandler: requireAuth('consultation.read'),
      schema: { tags, summary: '导出计划项目（Excel）', params: IdParams },
    },
    async (request, reply) => sendPlanExcel(db, actorOf(request), request.params.id, reply),
  );

  r.get(
    '/api/consultations/plans/:id/plan.docx',
    { preHandler: requireAuth('consultation.read'), schema: { tags, summary: '导出计划（Word）', params: IdParams } },
    async (request, reply) => sendPlanWord(db, actorOf(request), request.params.id, reply),
  );

  r.post(
    '/api/consultations/plans/:id/topics',
    {
      preHandler: requireAuth('consultation.suggest'),
      schema: {
        tags,
        summary: '提出协商议题建议',
        params: IdParams,
        body: TopicBody,
        response: { 200: Type.Object({ id: Type.Integer() }), ...Errors },
      },
    },
    async (request) => db.transaction((tx) => suggestTopic(tx, actorOf(request), request.params.id, request.body)),
  );

  r.get(
    '/api/consultations/topics',
    {
      preHandler: requireAuth(),
      schema: {
        tags,
        summary: '议题建议（办公室看到全部，其他人只看到自己提出的）',
        querystring: Type.Object({
          ...Paging,
          planId: Type.Optional(Id('计划')),
          state: Type.Optional(Enum(['submitted', 'taken', 'merged', 'notTaken'], '状态')),
          mine: Type.Optional(Type.Boolean({ title: '只看我提出的' })),
        }),
        response: { 200: PageOf(Any), ...Errors },
      },
    },
    async (request) => {
      const { limit, offset } = page(request.query);
      return listTopics(db, assertReader(request), request.query, limit, offset);
    },
  );

  r.get(
    '/api/consultations/topics.xlsx',
    {
      preHandler: requireAuth('consultation.manage'),
      schema: {
        tags,
        summary: '导出议题建议（Excel）',
        querystring: Type.Object({
          planId: Type.Optional(Id('计划')),
          state: Type.Optional(Enum(['submitted', 'taken', 'merged', 'notTaken'], '状态')),
        }),
      },
    },
    async (request, reply) => {
      const { items } = await listTopics(db, actorOf(request), request.query, EXPORT_ROWS, 0);
      return sendDownload(reply, '议题建议.xlsx', XLSX_MIME, await topicsXlsx(items));
    },
  );

  r.get(
    '/api/consultations/topics/:id',
    {
      preHandler: requireAuth(),
      schema: { tags, summary: '议题建议详情', params: IdParams, response: { 200: Any, ...Errors } },
    },
    async (request) => getTopic(db, assertReader(request), request.params.id),
  );

  r.get(
    '/api/consultations/topics/:id/similar',
    {
      preHandler: requireAuth('consultation.manage'),
      schema: {
        tags,
        summary: '相似的议题建议',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Any) }), ...Errors },
      },
    },
    async (request) => ({ items: await similarTopics(db, actorOf(request), request.params.id) }),
  );

  r.post(
    '/api/consultations/topics/:id/answer',
    {
      preHandler: requireAuth('consultation.manage'),
      schema: {
        tags,
        summary: '答复议题建议：列入计划、合并、不列入',
        params: IdParams,
        body: TopicAnswerBody,
        response: { 200: StateOut, ...Errors },
      },
    },
    async (request) => ({
      state: await db.transaction((tx) => answerTopic(tx, actorOf(request), request.params.id, request.body)),
    }),
  );

  await eventRoutes(app, deps, { seesAll });
}

// How the audit page names this module's objects (platform/audit/names.ts).
registerEntityNames('consultation_plan', namesFromTable('consultation_plans', 't.title'));
registerEntityNames('consultation_event', namesFromTable('consultation_events', 't.title'));
registerEntityNames('consultation_topic', namesFromTable('consultation_topic_suggestions', 't.title'));
registerEntityNames('consultation_speech', namesFromTable('consultation_speeches', 't.title'));
registerEntityNames('consultation_outcome', namesFromTable('consultation_outcomes', 't.title'));
