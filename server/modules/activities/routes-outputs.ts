// Activity outputs (reports, suggestions, evidence): members submit, staff list and review.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { requireAuth } from '../../platform/auth/session.ts';
import { inTransaction, okInTransaction, PageOf, pagedList } from '../../platform/http/handlers.ts';
import { ErrorBody, IdParams, Ok, Paging } from '../../platform/routes.ts';
import { Enum } from '../meetings/schema.ts';
import { listOutputs, reviewOutput, submitOutput } from './outputs.ts';
import { Id, OutputOut } from './schemas.ts';

export function activityOutputRoutes(app: FastifyInstance, { db }: ModuleDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['activities'];

  r.get(
    '/api/activities/outputs',
    {
      preHandler: requireAuth('meeting.read'),
      schema: {
        tags,
        summary: '活动成果（委员只看到自己的）',
        querystring: Type.Object({
          ...Paging,
          activityId: Type.Optional(Id('活动')),
          status: Type.Optional(Enum(['submitted', 'confirmed', 'returned'], '状态')),
          mine: Type.Optional(Type.Boolean({ title: '只看我的' })),
        }),
        response: { 200: PageOf(OutputOut) },
      },
    },
    pagedList(db, listOutputs),
  );

  r.post(
    '/api/activities/outputs/:id/review',
    {
      preHandler: requireAuth('activity.manage'),
      schema: {
        tags,
        summary: '确认、退回或撤销确认活动成果',
        params: IdParams,
        body: Type.Object({
          action: Enum(['confirm', 'return', 'revoke'], '操作'),
          comment: Type.Optional(Type.String({ title: '意见', maxLength: 500 })),
        }),
        response: { 200: Ok, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    okInTransaction(db, (tx, actor, request) => reviewOutput(tx, actor, request.params.id, request.body)),
  );
  r.post(
    '/api/activities/:id/outputs',
    {
      preHandler: requireAuth('meeting.read'),
      schema: {
        tags,
        summary: '委员提交活动成果（报告、建议、佐证材料）',
        params: IdParams,
        body: Type.Object({
          kind: Enum(['report', 'suggestion', 'evidence'], '成果类型'),
          title: Type.String({ title: '成果标题', minLength: 1, maxLength: 100 }),
          body: Type.Optional(Type.String({ title: '成果内容', maxLength: 20000 })),
          fileIds: Type.Optional(Type.Array(Id('附件'), { title: '附件', maxItems: 10 })),
        }),
        response: { 200: Type.Object({ id: Type.Integer() }), 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    inTransaction(db, (tx, actor, request) => submitOutput(tx, actor, request.params.id, request.body)),
  );
}
