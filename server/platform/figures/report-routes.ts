// Routes of the report builder: compose the sections' paragraphs for a period, save an export (tokens checked and
// recomputed, values kept as the snapshot), the Word file of an export, and an export against today's data.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { writeAudit } from '../audit/audit.ts';
import { actorOf, requireAuth } from '../auth/session.ts';
import { type Db, query, queryOne } from '../db/client.ts';
import { DOCX_MIME, sendDownload } from '../download.ts';
import { notFound } from '../errors.ts';
import { ErrorBody, IdParams } from '../routes.ts';
import { normaliseText } from '../text/normalise.ts';
import { computeFigures, visibleGroups } from './compute.ts';
import { parsePeriod } from './period.ts';
import { composeSections, differences, fillTokens, reportDocx, resolveTokens, tokensOf } from './report.ts';

const Diff = Type.Object({
  id: Type.String(),
  name: Type.String(),
  unit: Type.String(),
  exported: Type.Integer(),
  now: Type.Union([Type.Integer(), Type.Null()]),
});

export async function reportRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/figures/report/compose',
    {
      preHandler: requireAuth('figures.report'),
      schema: {
        querystring: Type.Object(
          {
            period: Type.String({ title: '统计期间', minLength: 4, maxLength: 40 }),
            modules: Type.Optional(Type.String({ title: '章节', maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            sections: Type.Array(
              Type.Object({
                module: Type.String(),
                heading: Type.String(),
                text: Type.String(),
                filled: Type.String(),
              }),
            ),
          }),
          400: ErrorBody,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const period = parsePeriod(request.query.period);
      const modules = request.query.modules?.split(',').filter(Boolean) ?? [];
      const groups = visibleGroups(actor.roles);
      const sections = composeSections(groups, modules, period);
      const values = await computeFigures(
        db,
        actor.committeeId,
        period,
        groups.filter((g) => sections.some((s) => s.module === g.module)),
      );
      return { sections: sections.map((s) => ({ ...s, filled: fillTokens(s.text, values) })) };
    },
  );

  r.post(
    '/api/figures/reports',
    {
      preHandler: requireAuth('figures.report'),
      schema: {
        body: Type.Object(
          {
            title: Type.String({ title: '报告标题', minLength: 2, maxLength: 100 }),
            period: Type.String({ title: '统计期间', minLength: 4, maxLength: 40 }),
            body: Type.String({ title: '正文', minLength: 1, maxLength: 100000 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ id: Type.Integer(), text: Type.String() }), 400: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const period = parsePeriod(request.body.period);
      const body = normaliseText(request.body.body);
      const title = normaliseText(request.body.title).trim();
      const values = await resolveTokens(db, actor.committeeId, period, visibleGroups(actor.roles), body);
      const snapshot = Object.fromEntries(values.map((v) => [v.id, v.value as number]));
      const id = await db.transaction(async (tx) => {
        const row = await queryOne<{ id: number }>(
          tx,
          sql`insert into figure_reports (committee_id, title, period, body, snapshot, exported_by)
            values (${actor.committeeId}, ${title}, ${period.key}, ${body}, ${JSON.stringify(snapshot)}::jsonb, ${actor.accountId})
            returning id`,
        );
        await writeAudit(tx, actor, {
          action: 'figureReport.export',
          entity: 'figureReport',
          entityId: row!.id,
          after: { title, period: period.key, snapshot },
        });
        return row!.id;
      });
      return { id, text: fillTokens(body, values) };
    },
  );

  const load = async (committeeId: number, id: number) => {
    const row = await queryOne<{
      id: number;
      title: string;
      period: string;
      body: string;
      snapshot: unknown;
      exported_at: string | Date;
    }>(
      db,
      sql`select id, title, period, body, snapshot, exported_at from figure_reports where committee_id = ${committeeId} and id = ${id}`,
    );
    if (!row) throw notFound('figures.report.not_found', '报告不存在');
    return row;
  };

  r.get(
    '/api/figures/reports/:id',
    {
      preHandler: requireAuth('figures.report'),
      schema: {
        params: IdParams,
        response: {
          200: Type.Object({
            id: Type.Integer(),
            title: Type.String(),
            period: Type.String(),
            body: Type.String(),
            text: Type.String(),
            exportedAt: Type.String(),
            differences: Type.Array(Diff),
          }),
          404: ErrorBody,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await load(actor.committeeId, request.params.id);
      const ids = tokensOf(row.body);
      const groups = visibleGroups(actor.roles, ids);
      const now = await computeFigures(db, actor.committeeId, parsePeriod(row.period), groups, ids);
      const snapshot = row.snapshot as Record<string, number>;
      return {
        id: row.id,
        title: row.title,
        period: row.period,
        body: row.body,
        text: row.body.replace(/\{\{([a-zA-Z]+\.[a-zA-Z]+)\}\}/g, (_: string, k: string) => String(snapshot[k] ?? '')),
        exportedAt: new Date(row.exported_at).toISOString(),
        differences: differences(snapshot, now),
      };
    },
  );

  r.get(
    '/api/figures/reports/:id/docx',
    { preHandler: requireAuth('figures.report'), schema: { params: IdParams, response: { 404: ErrorBody } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await load(actor.committeeId, request.params.id);
      const snapshot = row.snapshot as Record<string, number>;
      const text = row.body.replace(/\{\{([a-zA-Z]+\.[a-zA-Z]+)\}\}/g, (_: string, k: string) =>
        String(snapshot[k] ?? ''),
      );
      return sendDownload(reply, `${row.title}.docx`, DOCX_MIME, await reportDocx(row.title, text));
    },
  );

  r.get(
    '/api/figures/reports',
    {
      preHandler: requireAuth('figures.report'),
      schema: {
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.Integer(),
                title: Type.String(),
                period: Type.String(),
                exportedAt: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const rows = await query<{ id: number; title: string; period: string; exported_at: string | Date }>(
        db,
        sql`select id, title, period, exported_at from figure_reports where committee_id = ${actorOf(request).committeeId}
          order by exported_at desc, id desc limit 100`,
      );
      return {
        items: rows.map((x) => ({
          id: x.id,
          title: x.title,
          period: x.period,
          exportedAt: new Date(x.exported_at).toISOString(),
        })),
      };
    },
  );
}
