// Liaison routes (联系): contact points, relationships, contact logs (quick entry on a phone), coverage.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { beijingYearOf } from '../../platform/dates.ts';
import { okInTransaction } from '../../platform/http/handlers.ts';
import { ErrorBody, IdParams, Ok } from '../../platform/routes.ts';
import { getSetting, putSetting } from '../../platform/settings/settings.ts';
import { registerTodos } from '../../platform/todos.ts';
import { ContactInput, CoverageQuery, LiaisonSettingsBody, LinkInput, LinkQuery, PointInput } from './schemas.ts';
import * as svc from './service.ts';
import { liaisonTodos } from './todos.ts';

const Errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const Created = Type.Object({ id: Type.Integer() });

export async function liaisonRoutes(fastify: FastifyInstance, { db }: ModuleDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  registerTodos('liaison', liaisonTodos);

  app.get('/api/liaison/points', { preHandler: requireAuth('liaison.read'), schema: {} }, async (req) => ({
    items: await svc.listContactPoints(db, actorOf(req)),
  }));
  app.post(
    '/api/liaison/points',
    { preHandler: requireAuth('liaison.manage'), schema: { body: PointInput, response: { 200: Created, ...Errors } } },
    async (req) => ({ id: await svc.addContactPoint(db, actorOf(req), req.body) }),
  );
  app.get(
    '/api/liaison/links',
    { preHandler: requireAuth('liaison.read'), schema: { querystring: LinkQuery } },
    async (req) => svc.listLinks(db, actorOf(req), req.query),
  );
  app.post(
    '/api/liaison/links',
    { preHandler: requireAuth('liaison.manage'), schema: { body: LinkInput, response: { 200: Created, ...Errors } } },
    async (req) => ({ id: await svc.addLink(db, actorOf(req), req.body) }),
  );
  app.get(
    '/api/liaison/links/:id/contacts',
    { preHandler: requireAuth('liaison.read'), schema: { params: IdParams } },
    async (req) => svc.listContacts(db, actorOf(req), req.params.id),
  );
  app.post(
    '/api/liaison/links/:id/contacts',
    {
      preHandler: requireAuth('liaison.read'),
      schema: { params: IdParams, body: ContactInput, response: { 200: Created, ...Errors } },
    },
    async (req) => ({ id: await svc.logContact(db, actorOf(req), req.params.id, req.body) }),
  );
  app.get(
    '/api/liaison/coverage',
    { preHandler: requireAuth('liaison.figures'), schema: { querystring: CoverageQuery } },
    async (req) => svc.coverage(db, actorOf(req), req.query.by),
  );
  // Each scheme's required frequency (days) for new relationships, per year.
  app.get('/api/liaison/settings', { preHandler: requireAuth('liaison.read'), schema: {} }, async (req) =>
    getSetting(db, actorOf(req).committeeId, svc.LIAISON_SETTING, beijingYearOf(), svc.LIAISON_DEFAULTS),
  );
  app.put(
    '/api/liaison/settings',
    {
      preHandler: requireAuth('liaison.manage'),
      schema: { body: LiaisonSettingsBody, response: { 200: Ok, ...Errors } },
    },
    okInTransaction(db, (tx, actor, req) => putSetting(tx, actor, svc.LIAISON_SETTING, beijingYearOf(), req.body)),
  );
}
