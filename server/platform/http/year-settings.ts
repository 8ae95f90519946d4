// The pair of routes a module's yearly settings have: GET reads the year's values (a year without its own row uses the
// latest earlier one), PUT writes them for that year, audited by putSetting, in one transaction.
// Usage: yearSettingRoutes(app, db, { path: '/api/tasks/settings', read: 'task.manage', manage: 'task.manage',
//   key: TASK_SETTING, year: YearQuery, body: TaskSettingsBody, get: getTaskSettings })

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { TObject, TSchema } from 'typebox';
import type { Action } from '../auth/permissions.ts';
import { actorOf, requireAuth } from '../auth/session.ts';
import type { Db } from '../db/client.ts';
import { ErrorBody, Ok } from '../routes.ts';
import { putSetting } from '../settings/settings.ts';
import { okInTransaction } from './handlers.ts';

export interface YearSettingSpec {
  path: string;
  /** Permission to read (GET) and to change (PUT). */
  read: Action;
  manage: Action;
  /** The settings row's key. */
  key: string;
  /** The querystring schema: `{ year }` (an integer year). */
  year: TObject;
  /** The body schema of the values. */
  body: TSchema;
  /** The year's values (defaults filled in). */
  get: (db: Db, committeeId: number, year: number) => Promise<unknown>;
}

const Errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Registers GET and PUT `path?year=`; PUT answers `{ ok: true }`. */
export function yearSettingRoutes(fastify: FastifyInstance, db: Db, s: YearSettingSpec) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(`${s.path}`, { preHandler: requireAuth(s.read), schema: { querystring: s.year } }, async (req) =>
    s.get(db, actorOf(req).committeeId, (req.query as { year: number }).year),
  );
  app.put(
    s.path,
    {
      preHandler: requireAuth(s.manage),
      schema: { querystring: s.year, body: s.body, response: { 200: Ok, ...Errors } },
    },
    okInTransaction(db, (tx, actor, req) =>
      putSetting(tx, actor, s.key, (req.query as { year: number }).year, req.body),
    ),
  );
}
