// Duty rule sets: the current set, ready-made presets, versions, saving a new version (which re-scores the year) and a
// manual re-score.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { notFound } from '../../platform/errors.ts';
import { ErrorBody, IdParams } from '../../platform/routes.ts';
import { Nullable } from '../meetings/schema.ts';
import { listConductItems, withConductItems } from './conduct.ts';
import { PRESETS } from './rule-presets.ts';
import { currentVersion, getVersion, listRuleVersions, saveRuleVersion } from './rule-versions.ts';
import {
  DETAIL_FIELDS,
  FACT_KINDS,
  GRADE_LABELS,
  MULTIPLIERS,
  ROLE_LABELS,
  type RuleSet,
  RuleSetSchema,
} from './rules.ts';
import { RuleVersionSchema, VersionRef, Year } from './schemas.ts';
import { rescore, yearTotals } from './scoring.ts';
import { thisYear } from './service.ts';

export function dutyRuleRoutes(app: FastifyInstance, { db }: ModuleDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['duty'];

  // ---- rules ----
  r.get(
    '/api/duty/rules',
    {
      preHandler: requireAuth('duty.readAll'),
      schema: {
        tags,
        summary: '某年度的积分规则（现行版本与历史版本）',
        querystring: Type.Object({ year: Type.Optional(Year) }),
        response: {
          200: Type.Object({
            year: Type.Integer(),
            current: RuleVersionSchema,
            versions: Type.Array(
              Type.Object({
                id: Type.Integer(),
                year: Type.Integer(),
                version: Type.Integer(),
                name: Type.String(),
                note: Nullable(Type.String()),
                createdBy: Nullable(Type.String()),
                createdAt: Type.String(),
              }),
            ),
            vocabulary: Type.Object({
              factKinds: Type.Record(Type.String(), Type.String()),
              roles: Type.Record(Type.String(), Type.String()),
              detailFields: Type.Record(
                Type.String(),
                Type.Object({ label: Type.String(), values: Type.Record(Type.String(), Type.String()) }),
              ),
              multipliers: Type.Record(Type.String(), Type.String()),
              grades: Type.Record(Type.String(), Type.String()),
            }),
          }),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const year = request.query.year ?? thisYear();
      const current = await currentVersion(db, actor.committeeId, year);
      const versions = await listRuleVersions(db, actor.committeeId);
      return {
        year,
        current,
        versions: versions.map((v) => ({ ...v, createdAt: new Date(v.createdAt).toISOString() })),
        vocabulary: {
          factKinds: FACT_KINDS,
          roles: ROLE_LABELS,
          detailFields: DETAIL_FIELDS,
          multipliers: MULTIPLIERS,
          grades: GRADE_LABELS,
        },
      };
    },
  );

  r.get(
    '/api/duty/rules/presets',
    {
      preHandler: requireAuth('duty.rules'),
      schema: {
        tags,
        summary: '现成的积分规则（百分制、120 分制、累计积分制）',
        response: {
          200: Type.Array(
            Type.Object({ key: Type.String(), title: Type.String(), description: Type.String(), rules: RuleSetSchema }),
          ),
        },
      },
    },
    async () => Object.entries(PRESETS).map(([key, p]) => ({ key, ...p })),
  );

  r.get(
    '/api/duty/rules/versions/:id',
    {
      preHandler: requireAuth('duty.readAll'),
      schema: {
        tags,
        summary: '某一版积分规则',
        params: IdParams,
        response: { 200: RuleVersionSchema, 404: ErrorBody },
      },
    },
    async (request) => {
      const v = await getVersion(db, actorOf(request).committeeId, request.params.id);
      if (!v) throw notFound('duty.version_not_found', '规则版本不存在');
      return v;
    },
  );

  r.put(
    '/api/duty/rules',
    {
      preHandler: requireAuth('duty.rules'),
      schema: {
        tags,
        summary: '保存积分规则为新版本，并按新规则重新计算全体委员积分',
        body: Type.Object({
          year: Year,
          rules: RuleSetSchema,
          note: Type.Optional(Type.String({ title: '修改说明', maxLength: 200 })),
        }),
        response: {
          200: Type.Object({ version: VersionRef, rescored: Type.Integer(), changed: Type.Integer() }),
          400: ErrorBody,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { year, rules, note } = request.body;
      return db.transaction(async (tx) => {
        const before = await yearTotals(tx, actor.committeeId, year);
        // The 正负面清单 items are rule items kept by conduct.ts: the editor's copy of them is replaced by the lists.
        const merged = withConductItems(rules as RuleSet, await listConductItems(tx, actor.committeeId, year));
        const v = await saveRuleVersion(tx, actor, year, merged, note?.trim() || null);
        const rescored = await rescore(tx, actor.committeeId, year);
        const after = await yearTotals(tx, actor.committeeId, year);
        const old = new Map(before.map((b) => [b.member_id, Number(b.total)]));
        const changed = after.filter((a) => old.get(a.member_id) !== Number(a.total)).length;
        return { version: { id: v.id, version: v.version, year: v.year, name: v.name }, rescored, changed };
      });
    },
  );

  r.post(
    '/api/duty/rescore',
    {
      preHandler: requireAuth('duty.rules'),
      schema: {
        tags,
        summary: '按现行规则重新计算某年度全体委员积分',
        body: Type.Object({ year: Year }),
        response: { 200: Type.Object({ rescored: Type.Integer() }), 400: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await currentVersion(db, actor.committeeId, request.body.year);
      return { rescored: await db.transaction((tx) => rescore(tx, actor.committeeId, request.body.year)) };
    },
  );
}
