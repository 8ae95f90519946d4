// Route kit: the shapes most module routes take — a list, one record by id, a create, and a change or action on a record
// by id — each registered in one call with its permission, its schemas and the standard error responses, so a module's
// routes file lists what it offers rather than repeating the same Fastify options block for every route.
// Usage:
//   const r = routeKit(fastify);
//   r.create('/api/archive/topics', 'archive.edit', TopicInput, (actor, body) => vol.createTopic(db, actor, body));
//   r.change('post', '/api/archive/topics/:id/actions', 'archive.edit', SimpleAction, (actor, id, b) => fire(db, actor, id, b));
// Routes whose schema differs from these shapes (extra params, a response schema, downloads) stay written out in full.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifySchema } from 'fastify';
import { type Static, type TSchema, Type } from 'typebox';
import type { Action } from './auth/permissions.ts';
import { actorOf, requireAuth } from './auth/session.ts';
import type { Actor } from './context.ts';
import { okAsActor } from './http/handlers.ts';
import { ErrorBody, IdParams, Ok } from './routes.ts';

/** The error answers every mutation may give (bad input, no permission, no such record, wrong state). */
export const Errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
/** The answer to a create: the new record's id. */
export const Created = Type.Object({ id: Type.Integer() });
/** Lists that take no parameters: anything in the query string is refused. */
export const NoQuery = Type.Object({}, { additionalProperties: false });
export { SimpleAction } from './routes.ts';

/**
 * The route kit over one Fastify scope. Every route it registers is guarded by `requireAuth(permission)` (sign-in,
 * CSRF on mutations, the permission) and hands `run` the session's actor, never anything from the body.
 * - `list(path, permission, querystring, run)`: GET; `run(actor, query)`'s result is the answer.
 * - `read(path, permission, run)`: GET on a path with `:id` (a positive int4); `run(actor, id)`'s result is the answer.
 * - `create(path, permission, body, run)`: POST; `run(actor, body)` returns the new id, answered as `{ id }`.
 * - `createUnder(path, permission, body, run)`: POST on a path with `:id`; `run(actor, id, body)` returns the new id.
 * - `change(method, path, permission, body, run)`: PUT or POST on a path with `:id`; answered `{ ok: true }`.
 * Errors thrown by `run` (AppError) become the 400/403/404/409 answers declared in the schema.
 */
export function routeKit(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  return {
    list<Q extends TSchema>(
      path: string,
      permission: Action,
      querystring: Q,
      run: (a: Actor, q: Static<Q>) => unknown,
    ) {
      app.get(path, { preHandler: requireAuth(permission), schema: { querystring } }, async (req) =>
        run(actorOf(req), req.query as Static<Q>),
      );
    },
    read(path: string, permission: Action, run: (actor: Actor, id: number) => unknown) {
      app.get(path, { preHandler: requireAuth(permission), schema: { params: IdParams } }, async (req) =>
        run(actorOf(req), req.params.id),
      );
    },
    create<B extends TSchema>(
      path: string,
      permission: Action,
      body: B,
      run: (actor: Actor, body: Static<B>) => Promise<number>,
    ) {
      app.post(
        path,
        { preHandler: requireAuth(permission), schema: { body, response: { 200: Created, ...Errors } } },
        async (req) => ({ id: await run(actorOf(req), req.body as Static<B>) }),
      );
    },
    createUnder<B extends TSchema>(
      path: string,
      permission: Action,
      body: B,
      run: (actor: Actor, id: number, body: Static<B>) => Promise<number>,
    ) {
      app.post(
        path,
        {
          preHandler: requireAuth(permission),
          schema: { params: IdParams, body, response: { 200: Created, ...Errors } },
        },
        async (req) => ({ id: await run(actorOf(req), req.params.id, req.body as Static<B>) }),
      );
    },
    change<B extends TSchema>(
      method: 'put' | 'post',
      path: string,
      permission: Action,
      body: B,
      run: (actor: Actor, id: number, body: Static<B>) => Promise<unknown>,
    ) {
      app[method](
        path,
        { preHandler: requireAuth(permission), schema: { params: IdParams, body, response: { 200: Ok, ...Errors } } },
        okAsActor((actor, req) => run(actor, req.params.id, req.body as Static<B>)),
      );
    },
  };
}

/**
 * The options of a route guarded by `requireAuth(permission)` (sign-in, CSRF on mutations, the permission when one is
 * named), with the module's OpenAPI `tags` ahead of the route's schemas.
 * Usage: const guard = guarded(['grassroots']); r.get(path, guard('grassroots.read', { params: IdParams }), handler);
 */
export function guarded(tags: string[]) {
  return <S extends FastifySchema>(permission: Action | undefined, schema: S) => ({
    preHandler: requireAuth(permission),
    schema: { tags, ...schema },
  });
}

/**
 * Like `guarded`, with the route's OpenAPI `summary` (zh_CN) after the tags.
 * Usage:
 *   const doc = documented(['proposals']);
 *   r.get('/api/proposals/figures', doc('proposal.figures', '提案统计', { querystring: FigureQuery }), handler);
 */
export function documented(tags: string[]) {
  const guard = guarded(tags);
  return <S extends FastifySchema>(permission: Action | undefined, summary: string, schema: S) =>
    guard(permission, { summary, ...schema });
}
