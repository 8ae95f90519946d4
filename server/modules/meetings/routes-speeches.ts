// Speech routes (大会发言): members submit and withdraw, staff list and decide.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { requireAuth } from '../../platform/auth/session.ts';
import { inTransaction, okInTransaction, PageOf, pagedList } from '../../platform/http/handlers.ts';
import { ErrorBody, IdParams, Ok, Paging } from '../../platform/routes.ts';
import { Enum, Nullable } from './schema.ts';
import { SpeechOut } from './schemas.ts';
import { decideSpeech, listSpeeches, submitSpeech, withdrawSpeech } from './speeches.ts';

export function meetingSpeechRoutes(app: FastifyInstance, { db }: ModuleDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['meetings'];

  r.get(
    '/api/speeches',
    {
      preHandler: requireAuth('meeting.read'),
      schema: {
        tags,
        summary: '大会发言（委员只看到自己的）',
        querystring: Type.Object({
          ...Paging,
          meetingId: Type.Optional(Type.Integer({ title: '会议', minimum: 1, maximum: 2147483647 })),
          status: Type.Optional(Enum(['submitted', 'selected', 'notSelected', 'delivered', 'withdrawn'], '状态')),
          mode: Type.Optional(Enum(['oral', 'written'], '发言方式')),
          mine: Type.Optional(Type.Boolean({ title: '只看我的' })),
        }),
        response: { 200: PageOf(SpeechOut) },
      },
    },
    pagedList(db, listSpeeches),
  );

  r.post(
    '/api/speeches',
    {
      preHandler: requireAuth('meeting.read'),
      schema: {
        tags,
        summary: '委员提交大会发言',
        body: Type.Object({
          meetingId: Type.Optional(Nullable(Type.Integer({ title: '会议', minimum: 1, maximum: 2147483647 }))),
          mode: Enum(['oral', 'written'], '发言方式'),
          title: Type.String({ title: '发言题目', minLength: 1, maxLength: 100 }),
          body: Type.String({ title: '发言内容', minLength: 1, maxLength: 20000 }),
          fileIds: Type.Optional(
            Type.Array(Type.Integer({ minimum: 1, maximum: 2147483647 }), { title: '附件', maxItems: 10 }),
          ),
        }),
        response: { 200: Type.Object({ id: Type.Integer() }), 400: ErrorBody, 403: ErrorBody },
      },
    },
    inTransaction(db, (tx, actor, request) => submitSpeech(tx, actor, request.body)),
  );

  r.post(
    '/api/speeches/:id/withdraw',
    {
      preHandler: requireAuth('meeting.read'),
      schema: {
        tags,
        summary: '撤回发言',
        params: IdParams,
        response: { 200: Ok, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    okInTransaction(db, (tx, actor, request) => withdrawSpeech(tx, actor, request.params.id)),
  );

  r.post(
    '/api/speeches/:id/decide',
    {
      preHandler: requireAuth('meeting.manage'),
      schema: {
        tags,
        summary: '选用、不选用、确认已发言或撤销确认',
        params: IdParams,
        body: Type.Object({
          action: Enum(['select', 'reject', 'deliver', 'undeliver'], '操作'),
          comment: Type.Optional(Type.String({ title: '意见', maxLength: 500 })),
        }),
        response: { 200: Ok, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    okInTransaction(db, (tx, actor, request) => decideSpeech(tx, actor, request.params.id, request.body as any)),
  );
}
