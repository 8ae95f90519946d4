// Routes of the figures registry: values with definitions for a period, the levels view (a committee and those below
// it), and the leader's dashboard. committeeId may name only the viewer's own committee or one below it.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { actorOf, requireAuth } from '../auth/session.ts';
import type { Db } from '../db/client.ts';
import { ErrorBody } from '../routes.ts';
import { computeFigures, unitGroups, visibleGroups } from './compute.ts';
import { committeeInTree, dashboard, levelFigures, unitOf } from './levels.ts';
import { parsePeriod } from './period.ts';

const Value = Type.Object({
  id: Type.String(),
  module: Type.String(),
  moduleName: Type.String(),
  name: Type.String(),
  unit: Type.String(),
  definition: Type.String(),
  basis: Type.String(),
  value: Type.Union([Type.Integer(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  link: Type.String(),
});
const Committee = Type.Object({ id: Type.Integer(), name: Type.String() });
const PeriodOut = Type.Object({ from: Type.String(), to: Type.String(), key: Type.String(), label: Type.String() });
const Query = Type.Object(
  {
    period: Type.String({ title: '统计期间', minLength: 4, maxLength: 40 }),
    ids: Type.Optional(Type.String({ title: '指标', maxLength: 2000 })),
    committeeId: Type.Optional(Type.Integer({ title: '政协组织', minimum: 1, maximum: 2147483647 })),
  },
  { additionalProperties: false },
);
const DashboardOut = Type.Object({
  committee: Committee,
  year: Type.Integer(),
  period: Type.Object({ from: Type.String(), to: Type.String() }),
  items: Type.Array(
    Type.Object({
      ...Value.properties,
      lastYear: Type.Union([Type.Integer(), Type.Null()]),
      change: Type.Union([Type.Integer(), Type.Null()]),
      comparedWith: Type.String(),
    }),
  ),
  overdue: Type.Array(Type.Object({ name: Type.String(), count: Type.Integer(), link: Type.String() })),
  trend: Type.Array(
    Type.Object({
      month: Type.String(),
      label: Type.String(),
      values: Type.Record(Type.String(), Type.Integer()),
    }),
  ),
});
const idsOf = (s?: string) =>
  s
    ? s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : undefined;

/**
 * What the two figure reads take from a query (Static<typeof Query>): the period (a bad one throws 400), the committee
 * in the actor's tree (another throws 404; none asked: the actor's own), the figure ids asked for (none: all) and the
 * figure groups the actor's roles may see among them.
 */
async function figureScope(db: Db, request: FastifyRequest, q: { period: string; ids?: string; committeeId?: number }) {
  const actor = actorOf(request);
  const period = parsePeriod(q.period);
  const committee = await committeeInTree(db, actor.committeeId, q.committeeId ?? actor.committeeId);
  const ids = idsOf(q.ids);
  return { period, committee, ids, groups: visibleGroups(actor.roles, ids) };
}

export async function figureRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/figures',
    {
      preHandler: requireAuth('figures.read'),
      schema: {
        querystring: Query,
        response: {
          200: Type.Object({ period: PeriodOut, committee: Committee, items: Type.Array(Value) }),
          400: ErrorBody,
          404: ErrorBody,
        },
      },
    },
    async (request) => {
      const { period, committee, ids, groups } = await figureScope(db, request, request.query);
      const items = await computeFigures(db, committee.id, period, groups, ids);
      return { period, committee, items };
    },
  );

  r.get(
    '/api/figures/levels',
    {
      preHandler: requireAuth('figures.read'),
      schema: {
        querystring: Query,
        response: {
          200: Type.Object({
            period: PeriodOut,
            committee: Committee,
            own: Type.Array(Value),
            lower: Type.Array(Type.Object({ committee: Committee, items: Type.Array(Value) })),
            sum: Type.Array(Type.Object({ id: Type.String(), value: Type.Union([Type.Integer(), Type.Null()]) })),
          }),
          400: ErrorBody,
          404: ErrorBody,
        },
      },
    },
    async (request) => {
      const { period, committee, ids, groups } = await figureScope(db, request, request.query);
      return { period, ...(await levelFigures(db, committee, period, groups, ids)) };
    },
  );

  r.get(
    '/api/figures/unit',
    {
      preHandler: requireAuth('figures.unit'),
      schema: {
        querystring: Type.Object(
          { year: Type.Optional(Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ unit: Committee, ...DashboardOut.properties }), 403: ErrorBody },
      },
    },
    async (request) => {
      // The unit is the session's: a unit account sees its own figures and no other unit's.
      const actor = actorOf(request);
      const unit = await unitOf(db, actor.committeeId, actor.unitId);
      const committee = await committeeInTree(db, actor.committeeId, actor.committeeId);
      return { unit, ...(await dashboard(db, committee, unitGroups(unit.id), request.query.year)) };
    },
  );

  r.get(
    '/api/figures/dashboard',
    {
      preHandler: requireAuth('figures.read'),
      schema: {
        querystring: Type.Object(
          {
            year: Type.Optional(Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 })),
            committeeId: Type.Optional(Type.Integer({ title: '政协组织', minimum: 1, maximum: 2147483647 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: DashboardOut,
          404: ErrorBody,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const q = request.query;
      const committee = await committeeInTree(db, actor.committeeId, q.committeeId ?? actor.committeeId);
      return dashboard(db, committee, visibleGroups(actor.roles), q.year);
    },
  );
}
