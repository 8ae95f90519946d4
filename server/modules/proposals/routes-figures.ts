// Year figures, unit figures and the deadline board, on screen and as Excel.

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { actorOf } from '../../platform/auth/session.ts';
import { sendDownload, XLSX_MIME, xlsxOf } from '../../platform/download.ts';
import { documented } from '../../platform/route-kit.ts';
import { ErrorBody } from '../../platform/routes.ts';
import { dateOnly } from './documents.ts';
import { deadlineBoard, proposalFigures } from './figures.ts';
import { Int } from './schemas.ts';
import { BoardOut, FigureQuery, FiguresOut, FileOut } from './schemas-admin.ts';

export function proposalFigureRoutes(app: FastifyInstance, { db }: ModuleDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const doc = documented(['proposals']);

  r.get(
    '/api/proposals/figures',
    doc('proposal.figures', '提案统计与年度报告表述', { querystring: FigureQuery, response: { 200: FiguresOut } }),
    async (request) => proposalFigures(db, actorOf(request), request.query),
  );

  r.get(
    '/api/proposals/figures.xlsx',
    doc('proposal.figures', '导出承办单位办理情况统计 (Excel)', {
      querystring: FigureQuery,
      response: { 200: FileOut, 400: ErrorBody },
    }),
    async (request, reply) => {
      const f = await proposalFigures(db, actorOf(request), request.query);
      const buf = await xlsxOf(
        '承办单位办理情况',
        [
          { header: '承办单位', key: 'name', width: 28 },
          { header: '交办件数', key: 'assigned' },
          { header: '主办/分办', key: 'leading' },
          { header: '会办', key: 'assisting' },
          { header: '已答复', key: 'replied' },
          { header: '未办结', key: 'open' },
          { header: '超期', key: 'overdue' },
          { header: '按期答复率(%)', key: 'onTimeRate' },
          { header: '满意率(%)', key: 'satisfiedRate' },
        ],
        f.byUnit.map((u) => ({ ...u, onTimeRate: u.onTimeRate ?? '—', satisfiedRate: u.satisfiedRate ?? '—' })),
      );
      return sendDownload(reply, '提案办理情况统计.xlsx', XLSX_MIME, buf);
    },
  );

  r.get(
    '/api/proposals/unit-figures',
    doc('proposal.handle', '本单位办理情况', {
      querystring: Type.Object({
        year: Type.Optional(Type.Integer({ title: '年度', minimum: 1949, maximum: 2100 })),
      }),
      response: { 200: FiguresOut },
    }),
    async (request) => {
      const actor = actorOf(request);
      return proposalFigures(db, actor, { year: request.query.year, unitId: actor.unitId ?? -1 });
    },
  );

  const BoardQuery = Type.Object({
    days: Type.Optional(Type.Integer({ title: '即将到期（天内）', minimum: 1, maximum: 365, default: 30 })),
    unitId: Type.Optional(Int('承办单位')),
  });
  r.get(
    '/api/proposals/deadlines',
    doc('proposal.readAll', '办理督办：即将到期和已超期（按单位）', {
      querystring: BoardQuery,
      response: { 200: BoardOut },
    }),
    async (request) =>
      deadlineBoard(db, actorOf(request), { days: request.query.days ?? 30, unitId: request.query.unitId }),
  );

  r.get(
    '/api/proposals/deadlines.xlsx',
    doc('proposal.readAll', '导出办理督办清单 (Excel)', {
      querystring: BoardQuery,
      response: { 200: FileOut, 400: ErrorBody },
    }),
    async (request, reply) => {
      const b = await deadlineBoard(db, actorOf(request), {
        days: request.query.days ?? 30,
        unitId: request.query.unitId,
      });
      const buf = await xlsxOf(
        '办理督办',
        [
          { header: '承办单位', key: 'unitName', width: 28 },
          { header: '提案号', key: 'numberLabel', width: 24 },
          { header: '案由', key: 'title', width: 48 },
          { header: '办理期限', key: 'due', width: 14 },
          { header: '剩余天数', key: 'daysLeft', width: 10 },
          { header: '是否超期', key: 'over', width: 10 },
        ],
        b.items.map((i) => ({ ...i, due: dateOnly(i.dueAt), over: i.overdue ? '超期' : '' })),
      );
      return sendDownload(reply, '提案办理督办.xlsx', XLSX_MIME, buf);
    },
  );
}
