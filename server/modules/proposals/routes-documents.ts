// Word documents of a proposal and of a unit's reply, in the official layout.

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../app.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { beijingYearOf, formatBeijingDate } from '../../platform/dates.ts';
import { queryOne } from '../../platform/db/client.ts';
import { DOCX_MIME, sendDownload } from '../../platform/download.ts';
import { ErrorBody, IdParams } from '../../platform/routes.ts';
import { proposalDocx, replyDocx } from './documents.ts';
import { replyNotFound } from './errors.ts';
import { classLabel, getRules } from './rules.ts';
import { FileOut } from './schemas-admin.ts';
import { canSeeProposal } from './service.ts';
import { getProposal } from './service-detail.ts';

export function proposalDocumentRoutes(app: FastifyInstance, { db }: ModuleDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['proposals'];

  r.get(
    '/api/proposals/:id/word',
    {
      preHandler: requireAuth('proposal.read'),
      schema: {
        tags,
        summary: '导出提案 (Word，正式版式)',
        params: IdParams,
        response: { 200: FileOut, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const d = await getProposal(db, actor, request.params.id);
      const committee = await queryOne<{ name: string }>(
        db,
        sql`select name from committees where id = ${actor.committeeId}`,
      );
      const buf = await proposalDocx({
        committeeName: committee!.name,
        sessionName: d.sessionName,
        numberLabel: d.numberLabel,
        kindLabel: d.kindLabel,
        category: d.category,
        proposers: d.org
          ? d.org.name
          : d.proposers
              .filter((p) => p.cosignStatus !== 'declined')
              .map((p) => p.name)
              .join('、'),
        title: d.title,
        background: d.background,
        suggestions: d.suggestions,
        units: d.assignments
          .filter((a) => a.state !== 'returned')
          .map((a) => `${a.unitName}（${a.roleLabel}）`)
          .join('、'),
        submittedAt: d.submittedAt ? d.submittedAt.slice(0, 10) : null,
      });
      return sendDownload(reply, `${d.numberLabel || '提案'}-${d.title.slice(0, 30)}.docx`, DOCX_MIME, buf);
    },
  );

  r.get(
    '/api/proposals/replies/:id/word',
    {
      preHandler: requireAuth('proposal.read'),
      schema: { tags, summary: '导出答复函 (Word)', params: IdParams, response: { 200: FileOut, 404: ErrorBody } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await queryOne<{ proposal_id: number }>(
        db,
        sql`select proposal_id from proposal_replies where committee_id = ${actor.committeeId} and id = ${request.params.id}`,
      );
      if (!row || !(await canSeeProposal(db, actor, row.proposal_id))) throw replyNotFound();
      const d = await getProposal(db, actor, row.proposal_id);
      const rep = d.replies.find((x) => x.id === request.params.id);
      if (!rep) throw replyNotFound();
      const rules = await getRules(db, actor.committeeId, d.year ?? beijingYearOf());
      const buf = await replyDocx({
        unitName: rep.unitName,
        proposers: d.org
          ? d.org.name
          : d.proposers
              .filter((p) => p.cosignStatus === 'confirmed')
              .map((p) => `${p.name}委员`)
              .join('、'),
        numberLabel: d.numberLabel,
        title: d.title,
        outcome: `${rep.outcomeClass}类（${classLabel(rules, rep.outcomeClass)}）`,
        text: rep.text,
        date: formatBeijingDate(rep.createdAt),
      });
      return sendDownload(reply, `答复函-${rep.unitName}-${d.numberLabel || d.id}.docx`, DOCX_MIME, buf);
    },
  );
}
