// Liaison routes (联系): contact points, relationships, contact logs (quick entry on a phone), coverage.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../app.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { beijingYearOf } from '../../platform/dates.ts';
import { okInTransaction } from '../../platform/http/handlers.ts';
import { Errors, routeKit } from '../../platform/route-kit.ts';
import { Ok } from '../../platform/routes.ts';
import { getSetting, putSetting } from '../../platform/settings/settings.ts';
import { registerTodos } from '../../platform/todos.ts';
import { ContactInput, CoverageQuery, LiaisonSettingsBody, LinkInput, LinkQuery, PointInput } from './schemas.ts';
import * as svc from './service.ts';
import { liaisonTodos } from './todos.ts';

export async function liaisonRoutes(fastify: FastifyInstance, { db }: ModuleDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const r = routeKit(fastify);
  registerTodos('liaison', liaisonTodos);

  app.get('/api/liaison/points', { preHandler: requireAuth('liaison.read'), schema: {} }, async (req) => ({
    items: await svc.listContactPoints(db, actorOf(req)),
  }));
  r.create('/api/liaison/points', 'liaison.manage', PointInput, (actor, body) => svc.addContactPoint(db, actor, body));
  r.list('/api/liaison/links', 'liaison.read', LinkQuery, (actor, q) => svc.listLinks(db, actor, q));
  r.create('/api/liaison/links', 'liaison.manage', LinkInput, (actor, body) => svc.addLink(db, actor, body));
  r.read('/api/liaison/links/:id/contacts', 'liaison.read', (actor, id) => svc.listContacts(db, actor, id));
  r.createUnder('/api/liaison/links/:id/contacts', 'liaison.read', ContactInput, (actor, id, body) =>
    svc.logContact(db, actor, id, body),
  );
  r.list('/api/liaison/coverage', 'liaison.figures', CoverageQuery, (actor, q) => svc.coverage(db, actor, q.by));
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
