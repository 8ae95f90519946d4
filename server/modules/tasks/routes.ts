// Routes of tasks (季度派单) and yearly commitments (承诺践诺): thin — auth, schema, command, present.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { sendDownload, XLSX_MIME } from '../../platform/download.ts';
import { okAsActor, pagedList } from '../../platform/http/handlers.ts';
import { yearSettingRoutes } from '../../platform/http/year-settings.ts';
import { Errors, routeKit } from '../../platform/route-kit.ts';
import { IdParams, Ok } from '../../platform/routes.ts';
import { registerTodos } from '../../platform/todos.ts';
import { GOAL_FACT_KINDS } from '../duty/facts.ts';
import * as cm from './commitments.ts';
import {
  AssignmentAction,
  CommitmentInput,
  CommitmentItemInput,
  CommitmentReport,
  CommitmentSettingsBody,
  InviteInput,
  TaskInput,
  TaskQuery,
  TaskSettingsBody,
  YearQuery,
} from './schemas.ts';
import * as svc from './service.ts';
import { COMMITMENT_SETTING, getCommitmentSettings, getTaskSettings, TASK_SETTING } from './settings.ts';
import { taskTodos } from './todos.ts';

export async function taskRoutes(fastify: FastifyInstance, { db }: ModuleDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const r = routeKit(fastify);
  registerTodos('tasks', taskTodos);

  app.post(
    '/api/tasks',
    {
      preHandler: requireAuth('task.manage'),
      schema: {
        body: TaskInput,
        response: { 200: Type.Object({ id: Type.Integer(), sent: Type.Integer() }), ...Errors },
      },
    },
    async (req) => svc.createTask(db, actorOf(req), req.body),
  );
  app.get(
    '/api/tasks',
    { preHandler: requireAuth('task.manage'), schema: { querystring: TaskQuery } },
    pagedList(db, svc.listTasks),
  );
  app.get('/api/tasks/mine', { preHandler: requireAuth('task.read'), schema: {} }, async (req) =>
    svc.myAssignments(db, actorOf(req)),
  );
  r.read('/api/tasks/:id', 'task.manage', (actor, id) => svc.getTask(db, actor, id));
  app.post(
    '/api/tasks/:id/send',
    {
      preHandler: requireAuth('task.manage'),
      schema: {
        params: IdParams,
        body: InviteInput,
        response: { 200: Type.Object({ sent: Type.Integer() }), ...Errors },
      },
    },
    async (req) => ({ sent: await svc.sendTask(db, actorOf(req), req.params.id, req.body) }),
  );
  r.read('/api/task-assignments/:id', 'task.read', (actor, id) => svc.getAssignment(db, actor, id));
  r.action('/api/task-assignments/:id/actions', 'task.read', AssignmentAction, (actor, id, body) =>
    svc.fireAssignmentAction(db, actor, id, body),
  );

  // 承诺践诺
  app.get(
    '/api/commitments/items',
    { preHandler: requireAuth('commitment.read'), schema: { querystring: YearQuery } },
    async (req) => ({
      items: await cm.listCommitmentItems(db, actorOf(req), req.query.year),
      goalKinds: GOAL_FACT_KINDS,
    }),
  );
  r.create('/api/commitments/items', 'commitment.manage', CommitmentItemInput, (actor, body) =>
    cm.addCommitmentItem(db, actor, body),
  );
  r.list('/api/commitments/mine', 'commitment.make', YearQuery, (actor, q) => cm.myCommitments(db, actor, q.year));
  r.create('/api/commitments', 'commitment.make', CommitmentInput, (actor, body) => cm.makeCommitment(db, actor, body));
  app.delete(
    '/api/commitments/:id',
    { preHandler: requireAuth('commitment.make'), schema: { params: IdParams, response: { 200: Ok, ...Errors } } },
    okAsActor((actor, req) => cm.withdrawCommitment(db, actor, req.params.id)),
  );
  r.change('post', '/api/commitments/:id/report', 'commitment.make', CommitmentReport, (actor, id, body) =>
    cm.reportCommitment(db, actor, id, body),
  );
  r.list(
    '/api/commitments',
    'commitment.manage',
    Type.Object({
      year: Type.Integer({ minimum: 2000, maximum: 2100, title: '年度' }),
      memberId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, title: '委员' })),
    }),
    (actor, q) => cm.allCommitments(db, actor, q.year, q.memberId),
  );
  app.get(
    '/api/commitments/export',
    { preHandler: requireAuth('commitment.manage'), schema: { querystring: YearQuery } },
    async (req, reply) =>
      sendDownload(
        reply,
        `${req.query.year}年度委员承诺践诺.xlsx`,
        XLSX_MIME,
        await cm.commitmentsXlsx(db, actorOf(req), req.query.year),
      ),
  );

  // The committee's numbers, per year (a year without its own uses the latest earlier one).
  yearSettingRoutes(fastify, db, {
    path: '/api/tasks/settings',
    read: 'task.manage',
    manage: 'task.manage',
    key: TASK_SETTING,
    year: YearQuery,
    body: TaskSettingsBody,
    get: getTaskSettings,
  });
  yearSettingRoutes(fastify, db, {
    path: '/api/commitments/settings',
    read: 'commitment.read',
    manage: 'commitment.manage',
    key: COMMITMENT_SETTING,
    year: YearQuery,
    body: CommitmentSettingsBody,
    get: getCommitmentSettings,
  });
}
