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
import { okInTransaction } from '../../platform/http/handlers.ts';
import { Errors, routeKit } from '../../platform/route-kit.ts';
import { IdParams, Ok, page } from '../../platform/routes.ts';
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

const KindQuery = Type.Object({
  kind: Type.Union(
    Object.keys(MATERIAL_KINDS).map((k) => Type.Literal(k)),
    { title: '资料类型' },
  ),
});

export async function learningRoutes(fastify: FastifyInstance, { db }: ModuleDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const r = routeKit(fastify);
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
    okInTransaction(db, (tx, actor, req) => putSetting(tx, actor, LEARNING_SETTINGS_KEY, beijingYearOf(), req.body)),
  );

  // Plans
  app.get(
    '/api/learning/plans',
    { preHandler: requireAuth('learning.read'), schema: { response: { 200: Type.Array(PlanOut) } } },
    async (req) => cls.listPlans(db, actorOf(req)),
  );
  r.create('/api/learning/plans', 'learning.manage', PlanInput, (actor, body) => cls.createPlan(db, actor, body));
  r.change('put', '/api/learning/plans/:id', 'learning.manage', PlanInput, (actor, id, body) =>
    cls.updatePlan(db, actor, id, body),
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
  r.list('/api/learning/materials', 'learning.read', MaterialFilters, (actor, q) =>
    mat.listMaterials(db, actor, { ...q, ...page(q) }),
  );
  r.create('/api/learning/materials', 'learning.manage', MaterialInput, (actor, body) =>
    mat.createMaterial(db, actor, body),
  );
  r.read('/api/learning/materials/:id', 'learning.read', (actor, id) => mat.getMaterial(db, actor, id));
  r.change('put', '/api/learning/materials/:id', 'learning.manage', MaterialInput, (actor, id, body) =>
    mat.updateMaterial(db, actor, id, body),
  );
  r.change('post', '/api/learning/materials/:id/actions', 'learning.manage', ActionBody, (actor, id, b) =>
    mat.fireMaterialAction(db, actor, id, b.action, b.comment),
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
  r.list(
    '/api/learning/classes',
    'learning.read',
    Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }),
    (actor, q) => cls.listClasses(db, actor, q.year),
  );
  r.create('/api/learning/classes', 'learning.manage', ClassInput, (actor, body) => cls.createClass(db, actor, body));
  r.read('/api/learning/classes/:id', 'learning.read', (actor, id) => cls.getClass(db, actor, id));
  r.createUnder('/api/learning/classes/:id/sessions', 'learning.manage', SessionInput, (actor, id, body) =>
    cls.addSession(db, actor, id, body),
  );
  r.change('post', '/api/learning/sessions/:id/actions', 'learning.manage', ActionBody, (actor, id, b) =>
    cls.fireSessionAction(db, actor, id, b.action, b.comment),
  );

  // Reflections
  r.list('/api/learning/reflections', 'learning.read', ReflectionFilters, (actor, q) =>
    refl.listReflections(db, actor, { ...q, ...page(q) }),
  );
  r.create('/api/learning/reflections', 'learning.study', ReflectionInput, (actor, body) =>
    refl.createReflection(db, actor, body),
  );
  r.read('/api/learning/reflections/:id', 'learning.read', (actor, id) => refl.getReflection(db, actor, id));
  r.change('put', '/api/learning/reflections/:id', 'learning.study', ReflectionInput, (actor, id, body) =>
    refl.updateReflection(db, actor, id, body),
  );
  r.change('post', '/api/learning/reflections/:id/actions', 'learning.read', ActionBody, (actor, id, b) =>
    refl.fireReflectionAction(db, actor, id, b.action, b.comment),
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
