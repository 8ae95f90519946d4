// The routes a meeting and an activity share, written once: the list's filters, the detail, the edit, the
// close/cancel/reopen transitions of its process and the invitation by rule. Each module passes its own paths, texts,
// schemas and service functions.
// Usage: eventRoutes(app, db, { base: '/api/meetings', tags, noun: '会议', manage: 'meeting.manage', … })

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { type Static, type TObject, type TProperties, type TSchema, Type } from 'typebox';
import type { Action } from '../../platform/auth/permissions.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { inTransaction, okInTransaction, PageOf, pagedList } from '../../platform/http/handlers.ts';
import { ErrorBody, IdParams, Ok, Paging } from '../../platform/routes.ts';
import type { MeetingQuery } from './list.ts';
import { Enum } from './schema.ts';
import { InviteSchema } from './schemas.ts';

/** The list query of meetings and activities: paging, kind, status (one of `statuses`), words, a date range, mine. */
export const eventListQuery = <K extends TSchema>(kind: K, statuses: readonly string[]) =>
  Type.Object({
    ...Paging,
    kind: Type.Optional(kind),
    status: Type.Optional(Enum(statuses, '状态')),
    q: Type.Optional(Type.String({ title: '关键词', maxLength: 50 })),
    from: Type.Optional(Type.String({ title: '开始日期', format: 'date' })),
    to: Type.Optional(Type.String({ title: '结束日期', format: 'date' })),
    mine: Type.Optional(Type.Boolean({ title: '只看我参加的' })),
  });

/** Registers GET `path`: the paged list of meetings or activities with eventListQuery's filters, answered by `list`. */
export function eventListRoute(
  app: FastifyInstance,
  db: Db,
  s: {
    path: string;
    tags: string[];
    summary: string;
    read: Action;
    kind: TSchema;
    statuses: readonly string[];
    item: TSchema;
    list: (
      db: Db,
      actor: Actor,
      q: MeetingQuery,
      limit: number,
      offset: number,
    ) => Promise<{ items: unknown[]; total: number }>;
  },
) {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    s.path,
    {
      preHandler: requireAuth(s.read),
      schema: {
        tags: s.tags,
        summary: s.summary,
        querystring: eventListQuery(s.kind, s.statuses),
        response: { 200: PageOf(s.item) },
      },
    },
    pagedList(db, (db, actor, q, limit, offset) => s.list(db, actor, q as MeetingQuery, limit, offset)),
  );
}

/** What eventRoutes needs of a module: `base` the collection path ('/api/meetings'), `noun` the Chinese name for the
 *  summaries ('会议'), `read`/`manage` the permissions, and the detail, edit, transition and invite functions. */
export interface EventRouteSpec<B extends TProperties, To extends string> {
  base: string;
  tags: string[];
  noun: string;
  read: Action;
  manage: Action;
  detail: TSchema;
  get: (db: Db, actor: Actor, id: number) => Promise<unknown>;
  body: B;
  update: (tx: Db, actor: Actor, id: number, body: Static<TObject<B>>) => Promise<unknown>;
  /** [path, target status, summary] of each transition, e.g. ['close', 'closed', '结束会议']. */
  transitions: readonly (readonly [string, To, string])[];
  setStatus: (tx: Db, actor: Actor, id: number, to: To) => Promise<void>;
  inviteSummary: string;
  invite: (tx: Db, actor: Actor, id: number, invite: Static<typeof InviteSchema>) => Promise<{ added: number }>;
}

/** Registers GET/PUT `base/:id`, POST `base/:id/<transition>` and POST `base/:id/invite`. */
export function eventRoutes<B extends TProperties, To extends string>(
  app: FastifyInstance,
  db: Db,
  s: EventRouteSpec<B, To>,
) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = s.tags;
  r.get(
    `${s.base}/:id`,
    {
      preHandler: requireAuth(s.read),
      schema: { tags, summary: `${s.noun}详情`, params: IdParams, response: { 200: s.detail, 404: ErrorBody } },
    },
    async (request) => s.get(db, actorOf(request), request.params.id),
  );

  r.put(
    `${s.base}/:id`,
    {
      preHandler: requireAuth(s.manage),
      schema: {
        tags,
        summary: `修改${s.noun}`,
        params: IdParams,
        body: Type.Object(s.body),
        response: { 200: Ok, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    okInTransaction(db, (tx, actor, request) =>
      s.update(tx, actor, request.params.id, request.body as Static<TObject<B>>),
    ),
  );

  for (const [path, to, summary] of s.transitions) {
    r.post(
      `${s.base}/:id/${path}`,
      {
        preHandler: requireAuth(s.manage),
        schema: { tags, summary, params: IdParams, response: { 200: Ok, 404: ErrorBody, 409: ErrorBody } },
      },
      okInTransaction(db, (tx, actor, request) => s.setStatus(tx, actor, request.params.id, to)),
    );
  }

  r.post(
    `${s.base}/:id/invite`,
    {
      preHandler: requireAuth(s.manage),
      schema: {
        tags,
        summary: s.inviteSummary,
        params: IdParams,
        body: InviteSchema,
        response: { 200: Type.Object({ added: Type.Integer() }), 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    inTransaction(db, (tx, actor, request) => s.invite(tx, actor, request.params.id, request.body)),
  );
}
