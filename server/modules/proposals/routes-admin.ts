// The office's work on proposals: the year's rules, unit appraisals, commendations, key proposals and publication.

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { actorOf } from '../../platform/auth/session.ts';
import { beijingYearOf } from '../../platform/dates.ts';
import { sendDownload, XLSX_MIME, xlsxOf } from '../../platform/download.ts';
import { okInTransaction } from '../../platform/http/handlers.ts';
import { documented } from '../../platform/route-kit.ts';
import { ErrorBody, IdParams, Ok } from '../../platform/routes.ts';
import { appraisalList } from './figures.ts';
import { getRules } from './rules.ts';
import { Errors, Int, IntList, Lit, Nullable } from './schemas.ts';
import { FileOut, RulesBody, RulesOut } from './schemas-admin.ts';
import { saveRules } from './service.ts';
import {
  addKeyEvent,
  commendAction,
  listCommendations,
  saveAppraisal,
  setKeyProposal,
  setPublic,
  unsetKeyProposal,
} from './service-office.ts';
import { COMMENDATION_STATES } from './states.ts';

export function proposalAdminRoutes(app: FastifyInstance, { db }: ModuleDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const doc = documented(['proposals']);

  r.get(
    '/api/proposals/rules',
    doc('proposal.read', '提案工作规则（类别、办理结果类别、期限、不予立案理由等）', {
      querystring: Type.Object({ year: Type.Optional(Type.Integer({ title: '年度', minimum: 0, maximum: 2100 })) }),
      response: { 200: RulesOut },
    }),
    async (request) => getRules(db, actorOf(request).committeeId, request.query.year || beijingYearOf()),
  );

  r.put(
    '/api/proposals/rules',
    doc('proposal.rules', '修改提案工作规则（按年度）', {
      body: RulesBody,
      response: { 200: RulesOut, 400: ErrorBody },
    }),
    async (request) => {
      const actor = actorOf(request);
      const { year, ...rest } = request.body;
      return db.transaction((tx) => saveRules(tx, actor, year, rest));
    },
  );

  const AppraisalOut = Type.Object({
    dimensions: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), max: Type.Number() })),
    grades: Type.Array(Type.Object({ min: Type.Number(), label: Type.String() })),
    items: Type.Array(
      Type.Object({
        unitId: Type.Integer(),
        name: Type.String(),
        assigned: Type.Integer(),
        replied: Type.Integer(),
        onTimeRate: Nullable(Type.Number()),
        satisfiedRate: Nullable(Type.Number()),
        overdue: Type.Integer(),
        snapshots: Type.Object({
          dispatched: Type.Integer(),
          answered: Type.Integer(),
          answeredOnTime: Type.Integer(),
          overdue: Type.Integer(),
          rate: Nullable(Type.Number()),
        }),
        scores: Nullable(Type.Record(Type.String(), Type.Number())),
        total: Nullable(Type.Number()),
        grade: Nullable(Type.String()),
        comment: Type.String(),
      }),
    ),
  });
  const YearQuery = Type.Object({ year: Type.Integer({ title: '年度', minimum: 1949, maximum: 2100 }) });
  r.get(
    '/api/proposals/appraisals',
    doc('proposal.figures', '民主评议：承办单位办理情况与评分', {
      querystring: YearQuery,
      response: { 200: AppraisalOut },
    }),
    async (request) => appraisalList(db, actorOf(request), request.query.year),
  );

  r.get(
    '/api/proposals/appraisals.xlsx',
    doc('proposal.figures', '导出民主评议结果 (Excel)', {
      querystring: YearQuery,
      response: { 200: FileOut, 400: ErrorBody },
    }),
    async (request, reply) => {
      const a = await appraisalList(db, actorOf(request), request.query.year);
      const buf = await xlsxOf(
        '民主评议',
        [
          { header: '承办单位', key: 'name', width: 28 },
          ...a.dimensions.map((d) => ({ header: `${d.label}(${d.max})`, key: `s_${d.key}`, width: 12 })),
          { header: '总分', key: 'total', width: 10 },
          { header: '等次', key: 'grade', width: 10 },
          { header: '按期答复率(%)', key: 'onTimeRate', width: 14 },
          { header: '满意率(%)', key: 'satisfiedRate', width: 12 },
          { header: '评语', key: 'comment', width: 40 },
        ],
        a.items.map((i) => ({
          ...i,
          onTimeRate: i.onTimeRate ?? '—',
          satisfiedRate: i.satisfiedRate ?? '—',
          ...Object.fromEntries(a.dimensions.map((d) => [`s_${d.key}`, i.scores?.[d.key] ?? ''])),
        })),
      );
      return sendDownload(reply, `${request.query.year}年民主评议.xlsx`, XLSX_MIME, buf);
    },
  );

  r.put(
    '/api/proposals/appraisals',
    doc('proposal.appraise', '保存对承办单位的民主评议评分', {
      body: Type.Object({
        year: Type.Integer({ title: '年度', minimum: 1949, maximum: 2100 }),
        unitId: Int('承办单位'),
        scores: Type.Record(Type.String(), Type.Number({ title: '得分', minimum: 0, maximum: 100 }), {
          title: '各项得分',
        }),
        comment: Type.Optional(Type.String({ title: '评语', maxLength: 2000 })),
      }),
      response: { 200: Type.Object({ total: Type.Number(), grade: Type.String() }), 400: ErrorBody },
    }),
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) => saveAppraisal(tx, actor, request.body));
    },
  );

  r.get(
    '/api/proposals/commendations',
    doc('proposal.commend', '优秀提案评选（推荐 → 评审 → 表彰）', {
      querystring: Type.Object({
        year: Type.Optional(Type.Integer({ title: '年度', minimum: 1949, maximum: 2100 })),
      }),
      response: {
        200: Type.Object({
          items: Type.Array(
            Type.Object({
              id: Type.Integer(),
              proposalId: Type.Integer(),
              title: Type.String(),
              numberLabel: Type.String(),
              proposers: Type.String(),
              year: Type.Integer(),
              state: Type.String(),
              stateLabel: Type.String(),
              reason: Type.String(),
              score: Nullable(Type.Integer()),
            }),
          ),
        }),
      },
    }),
    async (request) => ({ items: await listCommendations(db, actorOf(request).committeeId, request.query.year) }),
  );

  r.put(
    '/api/proposals/:id/key',
    doc('proposal.key', '列为重点提案（领办政府领导、督办政协领导）', {
      params: IdParams,
      body: Type.Object({
        governmentLeader: Type.String({ title: '领办的政府领导', minLength: 1, maxLength: 100 }),
        supervisingLeader: Type.String({ title: '督办的政协领导', minLength: 1, maxLength: 100 }),
        note: Type.Optional(Type.String({ title: '备注', maxLength: 2000 })),
      }),
      response: { 200: Ok, ...Errors },
    }),
    okInTransaction(db, (tx, actor, request) => setKeyProposal(tx, actor, request.params.id, request.body)),
  );

  r.delete(
    '/api/proposals/:id/key',
    doc('proposal.key', '取消重点提案', { params: IdParams, response: { 200: Ok, ...Errors } }),
    okInTransaction(db, (tx, actor, request) => unsetKeyProposal(tx, actor, request.params.id)),
  );

  r.post(
    '/api/proposals/:id/key/events',
    doc('proposal.key', '记录重点提案督办视察、办理协商或进展', {
      params: IdParams,
      body: Type.Object({
        kind: Lit(['visit', 'consultation', 'progress'], '类型'),
        date: Type.String({ title: '日期', format: 'date' }),
        text: Type.String({ title: '内容', minLength: 1, maxLength: 8000 }),
      }),
      response: { 200: Type.Object({ id: Type.Integer() }), ...Errors },
    }),
    async (request) => {
      const actor = actorOf(request);
      const id = await db.transaction((tx) => addKeyEvent(tx, actor, request.params.id, request.body));
      return { id };
    },
  );

  r.post(
    '/api/proposals/:id/commendation',
    doc('proposal.commend', '优秀提案：推荐、评审、公布表彰、不予表彰', {
      params: IdParams,
      body: Type.Object({
        action: Lit(['nominate', 'evaluate', 'publish', 'drop'], '操作'),
        reason: Type.Optional(Type.String({ title: '推荐理由', maxLength: 4000 })),
        score: Type.Optional(Type.Integer({ title: '评审得分', minimum: 0, maximum: 100 })),
        opinion: Type.Optional(Type.String({ title: '评审意见', maxLength: 4000 })),
        comment: Type.Optional(Type.String({ title: '意见', maxLength: 4000 })),
      }),
      response: { 200: Type.Object({ state: Type.String(), stateLabel: Type.String() }), ...Errors },
    }),
    async (request) => {
      const actor = actorOf(request);
      const state = await db.transaction((tx) => commendAction(tx, actor, request.params.id, request.body));
      return { state, stateLabel: COMMENDATION_STATES[state] };
    },
  );

  r.put(
    '/api/proposals/:id/public',
    doc('proposal.review', '设置提案及答复是否公开', {
      params: IdParams,
      body: Type.Object({
        isPublic: Type.Boolean({ title: '提案公开' }),
        repliesPublic: Type.Optional(Type.Boolean({ title: '答复公开' })),
        replyIds: Type.Optional(IntList('答复')),
      }),
      response: { 200: Ok, ...Errors },
    }),
    okInTransaction(db, (tx, actor, request) => setPublic(tx, actor, request.params.id, request.body)),
  );
}
