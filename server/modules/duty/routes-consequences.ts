// Consequences of a poor year (约谈, 劝辞) with the candidates the rules point at, and commendations of members.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { inTransaction, okInTransaction, PageOf, pagedList } from '../../platform/http/handlers.ts';
import { ErrorBody, IdParams, Ok, Paging } from '../../platform/routes.ts';
import { Enum, MemberRef, MemberRefWithSector, Nullable } from '../meetings/schema.ts';
import { commend, listCommendations, revokeCommendation } from './commendations.ts';
import { consequenceCandidates, deleteConsequence, listConsequences, recordConsequence } from './consequences.ts';
import { Id, Year } from './schemas.ts';
import { thisYear } from './service.ts';

export function dutyConsequenceRoutes(app: FastifyInstance, { db }: ModuleDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['duty'];

  // ---- consequences ----
  const ConsequenceOut = Type.Object({
    id: Type.Integer(),
    ...MemberRef,
    year: Type.Integer(),
    kind: Type.String(),
    kindLabel: Type.String(),
    happenedOn: Type.String(),
    reason: Type.String(),
    outcome: Type.String(),
    createdBy: Nullable(Type.String()),
    createdAt: Type.String(),
  });
  const ConsequenceKind = Enum(['talk', 'resignationAdvice'], '处理方式');

  r.get(
    '/api/duty/consequences',
    {
      preHandler: requireAuth('duty.readAll'),
      schema: {
        tags,
        summary: '约谈、劝辞记录',
        querystring: Type.Object({
          ...Paging,
          year: Type.Optional(Year),
          kind: Type.Optional(ConsequenceKind),
          memberId: Type.Optional(Id('委员')),
        }),
        response: { 200: PageOf(ConsequenceOut) },
      },
    },
    pagedList(db, listConsequences),
  );

  r.get(
    '/api/duty/consequences/candidates',
    {
      preHandler: requireAuth('duty.readAll'),
      schema: {
        tags,
        summary: '低于合格分或多次无故缺席全体会议的委员（建议约谈或劝辞）',
        querystring: Type.Object({ year: Type.Optional(Year) }),
        response: {
          200: Type.Object({
            passMark: Type.Number(),
            items: Type.Array(
              Type.Object({
                ...MemberRef,
                total: Type.Number(),
                previousTotal: Nullable(Type.Number()),
                plenaryAbsences: Type.Integer(),
                suggestion: Type.String(),
                suggestionLabel: Type.String(),
                reason: Type.String(),
                talked: Type.Boolean(),
                advised: Type.Boolean(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => consequenceCandidates(db, actorOf(request), request.query.year ?? thisYear()),
  );

  r.post(
    '/api/duty/consequences',
    {
      preHandler: requireAuth('duty.manage'),
      schema: {
        tags,
        summary: '记录约谈或劝辞',
        body: Type.Object({
          memberId: Id('委员'),
          year: Year,
          kind: ConsequenceKind,
          happenedOn: Type.String({ title: '日期', format: 'date' }),
          reason: Type.String({ title: '原因', minLength: 1, maxLength: 500 }),
          outcome: Type.Optional(Type.String({ title: '结果', maxLength: 1000 })),
        }),
        response: { 200: Type.Object({ id: Type.Integer() }), 400: ErrorBody },
      },
    },
    inTransaction(db, (tx, actor, request) => recordConsequence(tx, actor, request.body)),
  );

  r.delete(
    '/api/duty/consequences/:id',
    {
      preHandler: requireAuth('duty.manage'),
      schema: { tags, summary: '删除约谈或劝辞记录', params: IdParams, response: { 200: Ok, 404: ErrorBody } },
    },
    okInTransaction(db, (tx, actor, request) => deleteConsequence(tx, actor, request.params.id)),
  );

  // ---- commendations ----
  r.get(
    '/api/duty/commendations',
    {
      preHandler: requireAuth('duty.readAll'),
      schema: {
        tags,
        summary: '优秀委员',
        querystring: Type.Object({ year: Type.Optional(Year) }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.Integer(),
                ...MemberRefWithSector,
                year: Type.Integer(),
                title: Type.String(),
                reason: Type.String(),
                total: Nullable(Type.Number()),
                createdBy: Nullable(Type.String()),
                createdAt: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => listCommendations(db, actorOf(request), request.query.year ?? thisYear()),
  );

  r.post(
    '/api/duty/commendations',
    {
      preHandler: requireAuth('duty.manage'),
      schema: {
        tags,
        summary: '表彰优秀委员',
        body: Type.Object({
          memberId: Id('委员'),
          year: Year,
          title: Type.Optional(Type.String({ title: '称号', maxLength: 30 })),
          reason: Type.String({ title: '表彰理由', minLength: 1, maxLength: 1000 }),
        }),
        response: { 200: Type.Object({ id: Type.Integer() }), 400: ErrorBody, 409: ErrorBody },
      },
    },
    inTransaction(db, (tx, actor, request) => commend(tx, actor, request.body)),
  );

  r.delete(
    '/api/duty/commendations/:id',
    {
      preHandler: requireAuth('duty.manage'),
      schema: { tags, summary: '撤销表彰', params: IdParams, response: { 200: Ok, 404: ErrorBody } },
    },
    okInTransaction(db, (tx, actor, request) => revokeCommendation(tx, actor, request.params.id)),
  );
}
