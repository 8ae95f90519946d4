// Word documents of a proposal and of a unit's reply, in the official layout.

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../app.ts';
import { actorOf } from '../../platform/auth/session.ts';
import { DOCX_MIME, sendDownload } from '../../platform/download.ts';
import { documented } from '../../platform/route-kit.ts';
import { ErrorBody, IdParams } from '../../platform/routes.ts';
import { proposalWord, replyWord } from './documents.ts';
import { FileOut } from './schemas-admin.ts';

export function proposalDocumentRoutes(app: FastifyInstance, { db }: ModuleDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const doc = documented(['proposals']);

  r.get(
    '/api/proposals/:id/word',
    doc('proposal.read', '导出提案 (Word，正式版式)', {
      params: IdParams,
      response: { 200: FileOut, 404: ErrorBody },
    }),
    async (request, reply) => {
      const { filename, buf } = await proposalWord(db, actorOf(request), request.params.id);
      return sendDownload(reply, filename, DOCX_MIME, buf);
    },
  );

  r.get(
    '/api/proposals/replies/:id/word',
    doc('proposal.read', '导出答复函 (Word)', { params: IdParams, response: { 200: FileOut, 404: ErrorBody } }),
    async (request, reply) => {
      const { filename, buf } = await replyWord(db, actorOf(request), request.params.id);
      return sendDownload(reply, filename, DOCX_MIME, buf);
    },
  );
}
