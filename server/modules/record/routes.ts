// The member's record routes (履职档案): the timeline as JSON and as Word.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { DOCX_MIME, sendDownload } from '../../platform/download.ts';
import { IdParams } from '../../platform/routes.ts';
import { memberRecord, memberRecordDocx } from './service.ts';

const RecordQuery = Type.Object({
  term: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, title: '届次' })),
  source: Type.Optional(Type.String({ maxLength: 30, title: '类别' })),
});

export async function recordRoutes(fastify: FastifyInstance, { db }: ModuleDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/record/members/:id',
    { preHandler: requireAuth('record.read'), schema: { params: IdParams, querystring: RecordQuery } },
    async (req) => memberRecord(db, actorOf(req), req.params.id, req.query),
  );
  app.get(
    '/api/record/members/:id/record.docx',
    { preHandler: requireAuth('record.read'), schema: { params: IdParams, querystring: RecordQuery } },
    async (req, reply) => {
      const buf = await memberRecordDocx(db, actorOf(req), req.params.id, req.query.term);
      return sendDownload(reply, '委员履职档案.docx', DOCX_MIME, buf);
    },
  );
}
