// Learning routes (委员学习): plans, materials (upload with the committee's limits, publish, progress from the
// reader/player), training classes and their sessions (meetings), reflections, the completion view and its Excel.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { beijingYearOf } from '../../platform/dates.ts';
import { sendDownload, XLSX_MIME } from '../../platform/download.ts';
import { registerFileAccess } from '../../platform/files/files.ts';
import { receiveUpload } from '../../platform/files/upload.ts';
import { ErrorBody, IdParams, Ok, page } from '../../platform/routes.ts';
import { putSetting } from '../../platform/settings/settings.ts';
import * as cls from './class-service.ts';
import { completionXlsx, learningCompletion } from './completion.ts';
import * as mat from './material-service.ts';
import { isLearningStaff } from './policy.ts';
import { recordProgress } from './progress-service.ts';
import * as refl from './reflection-service.ts';
import {
  ActionBody,
  ClassInput,
  CompletionFilters,
  LearningSettings,
  MATERIAL_KINDS,
  MaterialFilters,
  MaterialInput,
  PlanInput,
  PlanOut,
  ProgressInput,
  ProgressOut,
  ReflectionFilters,
  ReflectionInput,
  SessionInput,
} from './schemas.ts';
import { LEARNING_SETTINGS_KEY, learningSettings, uploadRule } from './settings.ts';

const Errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const Created = Type.Object({ id: Type.Integer() });
const KindQuery = Type.Object({
  kind: Type.Union(
    Object.keys(MATERIAL_KINDS).map((k) => Type.Literal(k)),
    { title: '资料类型' },
  ),
});

export async function learningRoutes(fastify: FastifyInstance, { db }: ModuleDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  // A material's file: staff always, members once it is published.
  registerFileAccess('learning_material', async (d, actor, id) => {
    if (isLearningStaff(actor)) return true;
    return !!(await mat.getMaterial(d, actor, id).catch(() => null));
  });

  app.get(
    '/api/learning/settings',
    { preHandler: requireAuth('learning.read'), schema: { response: { 200: LearningSettings } } },
    async (req) => learningSettings(db, actorOf(req).committeeId),
  );
  app.put(
    '/api/learning/settings',
    {
      preHandler: requireAuth('learning.manage'),
      schema: { body: LearningSettings, response: { 200: Ok, ...Errors } },
    },
    async (req) => {
      await db.transaction((tx) => putSetting(tx, actorOf(req), LEARNING_SETTINGS_KEY, beijingYearOf(), req.body));
      return { ok: true };
    },
  );

  // Plans
  app.get(
    '/api/learning/plans',
    { preHandler: requireAuth('learning.read'), schema: { response: { 200: Type.Array(PlanOut) } } },
    async (req) => cls.listPlans(db, actorOf(req)),
  );
  app.post(
    '/api/learning/plans',
    { preHandler: requireAuth('learning.manage'), schema: { body: PlanInput, response: { 200: Created, ...Errors } } },
    async (req) => ({ id: await cls.createPlan(db, actorOf(req), req.body) }),
  );
  app.put(
    '/api/learning/plans/:id',
    {
      preHandler: requireAuth('learning.manage'),
      schema: { params: IdParams, body: PlanInput, response: { 200: Ok, ...Errors } },
    },
    async (req) => {
      await cls.updatePlan(db, actorOf(req), req.params.id, req.body);
      return { ok: true };
    },
  );

  // Materials
  app.post(
    '/api/learning/uploads',
    {
      preHandler: requireAuth('learning.manage'),
      schema: { querystring: KindQuery, consumes: ['multipart/form-data'] },
    },
    async (req) => {
      const actor = actorOf(req);
      return receiveUpload(db, req, actor, uploadRule(await learningSettings(db, actor.committeeId), req.query.kind));
    },
  );
  app.get(
    '/api/learning/materials',
    { preHandler: requireAuth('learning.read'), schema: { querystring: MaterialFilters } },
    async (req) => mat.listMaterials(db, actorOf(req), { ...req.query, ...page(req.query) }),
  );
  app.post(
    '/api/learning/materials',
    {
      preHandler: requireAuth('learning.manage'),
      schema: { body: MaterialInput, response: { 200: Created, ...Errors } },
    },
    async (req) => ({ id: await mat.createMaterial(db, actorOf(req), req.body) }),
  );
  app.get(
    '/api/learning/materials/:id',
    { preHandler: requireAuth('learning.read'), schema: { params: IdParams } },
    async (req) => mat.getMaterial(db, actorOf(req), req.params.id),
  );
  app.put(
    '/api/learning/materials/:id',
    {
      preHandler: requireAuth('learning.manage'),
      schema: { params: IdParams, body: MaterialInput, response: { 200: Ok, ...Errors } },
    },
    async (req) => {
      await mat.updateMaterial(db, actorOf(req), req.params.id, req.body);
      return { ok: true };
    },
  );
  app.post(
    '/api/learning/materials/:id/actions',
    {
      preHandler: requireAuth('learning.manage'),
      schema: { params: IdParams, body: ActionBody, response: { 200: Ok, ...Errors } },
    },
    async (req) => {
      await mat.fireMaterialAction(db, actorOf(req), req.params.id, req.body.action, req.body.comment);
      return { ok: true };
    },
  );
  app.put(
    '/api/learning/materials/:id/progress',
    {
      preHandler: requireAuth('learning.study'),
      schema: {
        params: IdParams,
        body: ProgressInput,
        response: {
          200: ProgressOut,
          ...Errors,
        },
      },
    },
    async (req) => recordProgress(db, actorOf(req), req.params.id, req.body),
  );

  // Training classes and sessions
  app.get(
    '/api/learning/classes',
    {
      preHandler: requireAuth('learning.read'),
      schema: { querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }) },
    },
    async (req) => cls.listClasses(db, actorOf(req), req.query.year),
  );
  app.post(
    '/api/learning/classes',
    { preHandler: requireAuth('learning.manage'), schema: { body: ClassInput, response: { 200: Created, ...Errors } } },
    async (req) => ({ id: await cls.createClass(db, actorOf(req), req.body) }),
  );
  app.get(
    '/api/learning/classes/:id',
    { preHandler: requireAuth('learning.read'), schema: { params: IdParams } },
    async (req) => cls.getClass(db, actorOf(req), req.params.id),
  );
  app.post(
    '/api/learning/classes/:id/sessions',
    {
      preHandler: requireAuth('learning.manage'),
      schema: { params: IdParams, body: SessionInput, response: { 200: Created, ...Errors } },
    },
    async (req) => ({ id: await cls.addSession(db, actorOf(req), req.params.id, req.body) }),
  );
  app.post(
    '/api/learning/sessions/:id/actions',
    {
      preHandler: requireAuth('learning.manage'),
      schema: { params: IdParams, body: ActionBody, response: { 200: Ok, ...Errors } },
    },
    async (req) => {
      await cls.fireSessionAction(db, actorOf(req), req.params.id, req.body.action, req.body.comment);
      return { ok: true };
    },
  );

  // Reflections
  app.get(
    '/api/learning/reflections',
    { preHandler: requireAuth('learning.read'), schema: { querystring: ReflectionFilters } },
    async (req) => refl.listReflections(db, actorOf(req), { ...req.query, ...page(req.query) }),
  );
  app.post(
    '/api/learning/reflections',
    {
      preHandler: requireAuth('learning.study'),
      schema: { body: ReflectionInput, response: { 200: Created, ...Errors } },
    },
    async (req) => ({ id: await refl.createReflection(db, actorOf(req), req.body) }),
  );
  app.get(
    '/api/learning/reflections/:id',
    { preHandler: requireAuth('learning.read'), schema: { params: IdParams } },
    async (req) => refl.getReflection(db, actorOf(req), req.params.id),
  );
  app.put(
    '/api/learning/reflections/:id',
    {
      preHandler: requireAuth('learning.study'),
      schema: { params: IdParams, body: ReflectionInput, response: { 200: Ok, ...Errors } },
    },
    async (req) => {
      await refl.updateReflection(db, actorOf(req), req.params.id, req.body);
      return { ok: true };
    },
  );
  app.post(
    '/api/learning/reflections/:id/actions',
    {
      preHandler: requireAuth('learning.read'),
      schema: { params: IdParams, body: ActionBody, response: { 200: Ok, ...Errors } },
    },
    async (req) => {
      await refl.fireReflectionAction(db, actorOf(req), req.params.id, req.body.action, req.body.comment);
      return { ok: true };
    },
  );

  // Completion (staff)
  app.get(
    '/api/learning/completion',
    { preHandler: requireAuth('learning.figures'), schema: { querystring: CompletionFilters } },
    async (req) => learningCompletion(db, actorOf(req), req.query.year, req.query.by),
  );
  app.get(
    '/api/learning/completion/export',
    { preHandler: requireAuth('learning.figures'), schema: { querystring: CompletionFilters } },
    async (req, reply) => {
      const data = await learningCompletion(db, actorOf(req), req.query.year, req.query.by);
      return sendDownload(reply, `${data.year}年委员学习完成情况.xlsx`, XLSX_MIME, await completionXlsx(data));
    },
  );
}
