// Proposal lists: the lists each role sees with filters and search, their Excel export, similar proposals and
// suggested units while writing or reviewing.

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { actorOf } from '../../platform/auth/session.ts';
import { sendDownload, XLSX_MIME, xlsxOf } from '../../platform/download.ts';
import { documented } from '../../platform/route-kit.ts';
import { ErrorBody, IdParams, page } from '../../platform/routes.ts';
import { dateOnly } from './documents.ts';
import {
  defaultScope,
  type ListFilters,
  listProposals,
  proposalsLike,
  similarProposals,
  suggestUnits,
  unitsFor,
} from './list-service.ts';
import { Int, ListItemOut, ListQuery, SimilarOut, SuggestOut } from './schemas.ts';
import { FileOut } from './schemas-admin.ts';

export function proposalListRoutes(app: FastifyInstance, { db }: ModuleDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const doc = documented(['proposals']);

  r.get(
    '/api/proposals',
    doc('proposal.read', '提案列表：全文检索、筛选、排序、分页（我的提案 / 单位待办 / 工作队列）', {
      querystring: ListQuery,
      response: { 200: Type.Object({ items: Type.Array(ListItemOut), total: Type.Integer(), scope: Type.String() }) },
    }),
    async (request) => {
      const actor = actorOf(request);
      const q = request.query as ListFilters;
      const res = await listProposals(db, actor, q, page(q));
      return { ...res, scope: q.scope ?? defaultScope(actor) };
    },
  );

  r.get(
    '/api/proposals/export.xlsx',
    doc('proposal.read', '导出提案列表 (Excel)', {
      querystring: ListQuery,
      response: { 200: FileOut, 400: ErrorBody },
    }),
    async (request, reply) => {
      const actor = actorOf(request);
      const { items } = await listProposals(db, actor, request.query as ListFilters, { limit: 50000, offset: 0 });
      const buf = await xlsxOf(
        '提案',
        [
          { header: '提案号', key: 'numberLabel', width: 24 },
          { header: '案由', key: 'title', width: 48 },
          { header: '提案形式', key: 'kindLabel', width: 12 },
          { header: '提案人', key: 'proposers', width: 28 },
          { header: '类别', key: 'category', width: 14 },
          { header: '状态', key: 'stateLabel', width: 14 },
          { header: '承办单位', key: 'units', width: 36 },
          { header: '办理期限', key: 'due', width: 14 },
          { header: '重点提案', key: 'key', width: 10 },
          { header: '办理结果', key: 'outcomeClass', width: 10 },
          { header: '提交日期', key: 'submitted', width: 14 },
        ],
        items.map((i) => ({
          ...i,
          due: dateOnly(i.dueAt),
          key: i.isKey ? '是' : '',
          submitted: dateOnly(i.submittedAt),
        })),
      );
      return sendDownload(reply, '提案列表.xlsx', XLSX_MIME, buf);
    },
  );

  r.post(
    '/api/proposals/similar',
    doc('proposal.read', '相似提案（本次及以往会议，0–100 分）', {
      body: Type.Object({
        title: Type.String({ title: '案由', minLength: 1, maxLength: 200 }),
        text: Type.Optional(Type.String({ title: '正文', maxLength: 40000 })),
        excludeId: Type.Optional(Int('排除的提案')),
        limit: Type.Optional(Type.Integer({ title: '数量', minimum: 1, maximum: 30 })),
      }),
      response: { 200: SimilarOut, 400: ErrorBody },
    }),
    async (request) => ({ items: await similarProposals(db, actorOf(request), request.body) }),
  );

  r.post(
    '/api/proposals/suggest-units',
    doc('proposal.assign', '根据提案内容推荐承办单位（学习以往交办）', {
      body: Type.Object({
        title: Type.String({ title: '案由', minLength: 1, maxLength: 200 }),
        text: Type.Optional(Type.String({ title: '正文', maxLength: 40000 })),
        category: Type.Optional(Type.String({ title: '类别', maxLength: 50 })),
        excludeId: Type.Optional(Int('排除的提案')),
      }),
      response: { 200: SuggestOut, 400: ErrorBody },
    }),
    async (request) => ({ items: await suggestUnits(db, actorOf(request), request.body) }),
  );

  r.get(
    '/api/proposals/:id/similar',
    doc('proposal.readAll', '与本提案相似的提案（并案候选）', {
      params: IdParams,
      response: { 200: SimilarOut, 404: ErrorBody },
    }),
    async (request) => ({ items: await proposalsLike(db, actorOf(request), request.params.id) }),
  );

  r.get(
    '/api/proposals/:id/suggest-units',
    doc('proposal.assign', '为本提案推荐承办单位', {
      params: IdParams,
      response: { 200: SuggestOut, 404: ErrorBody },
    }),
    async (request) => ({ items: await unitsFor(db, actorOf(request), request.params.id) }),
  );
}
