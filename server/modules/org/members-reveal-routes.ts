// 「查看」 one member's full phone or ID number: everywhere else they are masked; this is the one audited way to see one.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { ErrorBody, IdParams } from '../../platform/routes.ts';
import { Nullable } from './common.ts';
import { memberNotFound } from './errors.ts';
import { revealMemberField } from './members-service.ts';

export async function memberRevealRoutes(app: FastifyInstance, { db }: ModuleDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.post(
    '/api/org/members/:id/reveal',
    {
      preHandler: requireAuth('member.sensitive.read'),
      schema: {
        tags: ['members'],
        summary: '查看某位委员完整的手机号或身份证号（记入审计）',
        params: IdParams,
        body: Type.Object({
          field: Type.Unsafe<'phone' | 'idNumber'>({
            type: 'string',
            enum: ['phone', 'idNumber'],
            title: '查看项',
            description: 'phone 手机号 / idNumber 身份证号',
          }),
        }),
        response: { 200: Type.Object({ value: Nullable(Type.String()) }), 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const value = await db.transaction((tx) => revealMemberField(tx, actor, request.params.id, request.body.field));
      if (value === undefined) throw memberNotFound();
      return { value };
    },
  );
}
