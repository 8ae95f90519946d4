// Activity routes: list/detail (members see the ones they are in and the open ones), create/edit/close/cancel, invite,
// self-registration (participants and outputs in routes-participation.ts, routes-outputs.ts).

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { namesFromTable, registerEntityNames } from '../../platform/audit/names.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { registerFileAccess } from '../../platform/files/files.ts';
import { inTransaction, okInTransaction, PageOf, pagedList } from '../../platform/http/handlers.ts';
import { ErrorBody, IdParams, Ok, Paging } from '../../platform/routes.ts';
import { Enum } from '../meetings/schema.ts';
import { InviteSchema } from '../meetings/schemas.ts';
import { mayReadOutputFiles } from './outputs.ts';
import { mayReadActivityFiles, register } from './participation.ts';
import { setActivityStatus } from './process.ts';
import { activityOutputRoutes } from './routes-outputs.ts';
import { activityParticipationRoutes } from './routes-participation.ts';
import { ActivityBody, Detail, Kind, ListItem } from './schemas.ts';
import { createActivity, getActivity, inviteToActivity, listActivities, updateActivity } from './service.ts';

export async function activityRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['activities'];
  activityParticipationRoutes(app, deps);
  activityOutputRoutes(app, deps);

  registerFileAccess('activity', mayReadActivityFiles);
  registerFileAccess('activityOutput', mayReadOutputFiles);

  r.get(
    '/api/activities',
    {
      preHandler: requireAuth('meeting.read'),
      schema: {
        tags,
        summary: '活动列表（委员看到受邀的和开放报名的）',
        querystring: Type.Object({
          ...Paging,
          kind: Type.Optional(Kind),
          status: Type.Optional(Enum(['open', 'closed', 'cancelled'], '状态')),
          q: Type.Optional(Type.String({ title: '关键词', maxLength: 50 })),
          from: Type.Optional(Type.String({ title: '开始日期', format: 'date' })),
          to: Type.Optional(Type.String({ title: '结束日期', format: 'date' })),
          mine: Type.Optional(Type.Boolean({ title: '只看我参加的' })),
        }),
        response: { 200: PageOf(ListItem) },
      },
    },
    pagedList(db, listActivities),
  );

  r.post(
    '/api/activities',
    {
      preHandler: requireAuth('activity.manage'),
      schema: {
        tags,
        summary: '新建活动（可同时按范围邀请委员）',
        body: Type.Object({ ...ActivityBody, invite: Type.Optional(InviteSchema) }),
        response: { 200: Type.Object({ id: Type.Integer(), invited: Type.Integer() }), 400: ErrorBody },
      },
    },
    inTransaction(db, (tx, actor, request) => createActivity(tx, actor, request.body)),
  );

  r.get(
    '/api/activities/:id',
    {
      preHandler: requireAuth('meeting.read'),
      schema: { tags, summary: '活动详情', params: IdParams, response: { 200: Detail, 404: ErrorBody } },
    },
    async (request) => getActivity(db, actorOf(request), request.params.id),
  );

  r.put(
    '/api/activities/:id',
    {
      preHandler: requireAuth('activity.manage'),
      schema: {
        tags,
        summary: '修改活动',
        params: IdParams,
        body: Type.Object(ActivityBody),
        response: { 200: Ok, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    okInTransaction(db, (tx, actor, request) => updateActivity(tx, actor, request.params.id, request.body)),
  );

  for (const [path, to, summary] of [
    ['close', 'closed', '结束活动'],
    ['cancel', 'cancelled', '取消活动（撤销本活动的履职记录）'],
    ['reopen', 'open', '重新开放活动'],
  ] as const) {
    r.post(
      `/api/activities/:id/${path}`,
      {
        preHandler: requireAuth('activity.manage'),
        schema: { tags, summary, params: IdParams, response: { 200: Ok, 404: ErrorBody, 409: ErrorBody } },
      },
      okInTransaction(db, (tx, actor, request) => setActivityStatus(tx, actor, request.params.id, to)),
    );
  }

  r.post(
    '/api/activities/:id/invite',
    {
      preHandler: requireAuth('activity.manage'),
      schema: {
        tags,
        summary: '邀请委员参加（按范围）',
        params: IdParams,
        body: InviteSchema,
        response: { 200: Type.Object({ added: Type.Integer() }), 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    inTransaction(db, (tx, actor, request) => inviteToActivity(tx, actor, request.params.id, request.body)),
  );

  for (const [path, join, summary] of [
    ['register', true, '委员报名参加'],
    ['unregister', false, '委员取消报名'],
  ] as const) {
    r.post(
      `/api/activities/:id/${path}`,
      {
        preHandler: requireAuth('meeting.read'),
        schema: {
          tags,
          summary,
          params: IdParams,
          response: { 200: Ok, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
        },
      },
      okInTransaction(db, (tx, actor, request) => register(tx, actor, request.params.id, join)),
    );
  }
}

// How the audit page names this module's objects (platform/audit/names.ts).
registerEntityNames('activity', namesFromTable('activities', 't.title'));
