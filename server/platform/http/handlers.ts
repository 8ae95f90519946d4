// Route handlers that modules write again and again, made once: a paged list read as the signed-in actor, and a change
// run in one transaction as that actor (answering its result, or `{ ok: true }`). The route's own schema still types
// `request` (params, query, body), inferred through these wrappers.
// Usage: r.put('/api/x/:id', { preHandler, schema }, okInTransaction(db, (tx, actor, request) => update(tx, actor, request.params.id, request.body)))

import type { FastifyRequest } from 'fastify';
import { type TSchema, Type } from 'typebox';
import { actorOf } from '../auth/session.ts';
import type { Actor } from '../context.ts';
import type { Db } from '../db/client.ts';
import { page } from '../routes.ts';

/** A page of a list as list routes answer it: `{ items, total }`, `total` counting every row the filters match. */
export const PageOf = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), total: Type.Integer() });

/** A handler for a paged list: calls `list(db, actor, query, limit, offset, request)` with the limit and offset of the
 *  query's `page`/`pageSize` (1-based page, 20 a page by default) and answers what it returns; `request` is there for
 *  lists under a path parameter (`request.params.id`). */
export function pagedList<Req extends FastifyRequest, R>(
  db: Db,
  list: (db: Db, actor: Actor, q: Req['query'], limit: number, offset: number, request: Req) => Promise<R>,
) {
  return async (request: Req): Promise<R> => {
    const { limit, offset } = page(request.query as { page?: number; pageSize?: number });
    return list(db, actorOf(request), request.query, limit, offset, request);
  };
}

/** A handler that runs `run(tx, actor, request)` in one transaction as the signed-in actor and answers its result.
 *  Errors thrown by `run` roll the transaction back and reach the client as the error they are. */
export function inTransaction<Req extends FastifyRequest, R>(
  db: Db,
  run: (tx: Db, actor: Actor, request: Req) => Promise<R>,
) {
  return async (request: Req): Promise<R> => {
    const actor = actorOf(request);
    return db.transaction((tx) => run(tx, actor, request));
  };
}

/** As `inTransaction`, answering `{ ok: true }` once the transaction has committed. */
export function okInTransaction<Req extends FastifyRequest>(
  db: Db,
  run: (tx: Db, actor: Actor, request: Req) => Promise<unknown>,
) {
  return async (request: Req): Promise<{ ok: boolean }> => {
    const actor = actorOf(request);
    await db.transaction((tx) => run(tx, actor, request));
    return { ok: true };
  };
}

/** A handler that runs `run(actor, request)` as the signed-in actor and answers `{ ok: true }` once it has finished:
 *  for changes whose service opens its own transaction. */
export function okAsActor<Req extends FastifyRequest>(run: (actor: Actor, request: Req) => Promise<unknown>) {
  return async (request: Req): Promise<{ ok: boolean }> => {
    await run(actorOf(request), request);
    return { ok: true };
  };
}
