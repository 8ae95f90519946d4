// Organisation routes: the reference lists every screen needs (terms, sessions, sectors, special committees, units).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { namesFromTable, registerEntityNames } from '../../platform/audit/names.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { committeeRoutes } from './committees-routes.ts';
import { memberRevealRoutes } from './members-reveal-routes.ts';
import { memberRoutes } from './members-routes.ts';
import { REFERENCE, registerReference } from './reference.ts';
import { referenceOptions } from './reference-tables.ts';

const Named = Type.Object({ id: Type.Integer(), name: Type.String() });

export async function orgRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db } = deps;
  for (const entity of REFERENCE) registerReference(app, deps, entity);
  await memberRoutes(app, deps);
  await memberRevealRoutes(app, deps);
  await committeeRoutes(app, deps);
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get(
    '/api/org/reference',
    {
      preHandler: requireAuth(),
      schema: {
        tags: ['org'],
        summary: '基础数据：届次、会议、界别、专委会、承办单位、小组、党派团体',
        response: {
          200: Type.Object({
            terms: Type.Array(
              Type.Object({
                id: Type.Integer(),
                number: Type.Integer(),
                name: Type.String(),
                isCurrent: Type.Boolean(),
              }),
            ),
            sessions: Type.Array(
              Type.Object({
                id: Type.Integer(),
                termId: Type.Integer(),
                number: Type.Integer(),
                name: Type.String(),
                year: Type.Integer(),
                isCurrent: Type.Boolean(),
              }),
            ),
            sectors: Type.Array(Named),
            specialCommittees: Type.Array(Named),
            units: Type.Array(Named),
            groups: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), kind: Type.String() })),
            organisations: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), kind: Type.String() })),
          }),
        },
      },
    },
    async (request) => {
      const c = actorOf(request).committeeId;
      return referenceOptions(db, c);
    },
  );
}

// How the audit page names this module's objects (platform/audit/names.ts).
registerEntityNames('member', namesFromTable('members', 't.name'));
registerEntityNames('unit', namesFromTable('handling_units', 't.name'));
registerEntityNames('informant', namesFromTable('informants', 't.name'));
