// Activity routes: list/detail (members see the ones they are in and the open ones), create/edit/close/cancel, invite,
// self-registration (participants and outputs in routes-participation.ts, routes-outputs.ts).

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { namesFromTable, registerEntityNames } from '../../platform/audit/names.ts';
import { requireAuth } from '../../platform/auth/session.ts';
import { registerFileAccess } from '../../platform/files/files.ts';
import { inTransaction, okInTransaction } from '../../platform/http/handlers.ts';
import { ErrorBody, IdParams, Ok } from '../../platform/routes.ts';
import { eventListRoute, eventRoutes } from '../meetings/routes-event.ts';
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

  eventListRoute(app, db, {
    path: '/api/activities',
    tags,
    summary: '活动列表（委员看到受邀的和开放报名的）',
    read: 'meeting.read',
    kind: Kind,
    statuses: ['open', 'closed', 'cancelled'],
    item: ListItem,
    list: listActivities,
  });

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

  eventRoutes(app, db, {
    base: '/api/activities',
    tags,
    noun: '活动',
    read: 'meeting.read',
    manage: 'activity.manage',
    detail: Detail,
    get: getActivity,
    body: ActivityBody,
    update: updateActivity,
    transitions: [
      ['close', 'closed', '结束活动'],
      ['cancel', 'cancelled', '取消活动（撤销本活动的履职记录）'],
      ['reopen', 'open', '重新开放活动'],
    ],
    setStatus: setActivityStatus,
    inviteSummary: '邀请委员参加（按范围）',
    invite: inviteToActivity,
  });

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
