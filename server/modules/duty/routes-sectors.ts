// 界别活动・界别提案 counted per sector for a year: the staff table and its Excel export.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { sendDownload, XLSX_MIME } from '../../platform/download.ts';
import { Year } from './schemas.ts';
import { sectorCounts, sectorCountsXlsx } from './sector-counts.ts';
import { thisYear } from './service.ts';

export function dutySectorRoutes(app: FastifyInstance, { db }: ModuleDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['duty'];
  const Row = Type.Object({
    sectorId: Type.Integer(),
    sector: Type.String(),
    members: Type.Integer(),
    sectorMeetings: Type.Integer(),
    activityParticipations: Type.Integer(),
    activeMembers: Type.Integer(),
    memberProposals: Type.Integer(),
    collectiveProposals: Type.Integer(),
    proposals: Type.Integer(),
  });

  r.get(
    '/api/duty/sectors',
    {
      preHandler: requireAuth('sector.figures'),
      schema: {
        tags,
        summary: '各界别的界别活动与界别提案（某年度）',
        querystring: Type.Object({ year: Type.Optional(Year) }),
        response: { 200: Type.Object({ year: Type.Integer(), items: Type.Array(Row) }) },
      },
    },
    async (request) => {
      const year = request.query.year ?? thisYear();
      return { year, items: await sectorCounts(db, actorOf(request).committeeId, year) };
    },
  );

  r.get(
    '/api/duty/sectors/export',
    {
      preHandler: requireAuth('sector.figures'),
      schema: { tags, summary: '导出各界别的界别活动与界别提案（Excel）', querystring: Type.Object({ year: Year }) },
    },
    async (request, reply) => {
      const { year } = request.query;
      const buf = await sectorCountsXlsx(db, actorOf(request).committeeId, year);
      return sendDownload(reply, `${year}年度界别活动与界别提案.xlsx`, XLSX_MIME, buf);
    },
  );
}
