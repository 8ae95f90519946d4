// Opinion-report routes (社情民意信息): submitters' own reports, the liaison office's queue, issues, forwarding,
// adoptions and instructions, referrals and unit responses, figures, Excel and Word.

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { can } from '../../platform/auth/permissions.ts';
import { actorOf } from '../../platform/auth/session.ts';
import { forbidden } from '../../platform/errors.ts';
import { documented } from '../../platform/route-kit.ts';
import { ErrorBody, Ok } from '../../platform/routes.ts';
import { putSetting } from '../../platform/settings/settings.ts';
import { registerTodos } from '../../platform/todos.ts';
import { officeRoutes } from './office-routes.ts';
import { reportRoutes } from './report-routes.ts';
import { committeeBrief } from './repository.ts';
import { LEVELS, OPINION_SETTINGS_KEY } from './rules.ts';
import { N, options, SettingsOut } from './schemas.ts';
import * as svc from './service.ts';
import { opinionTodos } from './todos.ts';
import { opinionSettings } from './workflow.ts';

export async function opinionRoutes(app: FastifyInstance, { db }: ModuleDeps) {
  registerTodos('opinions', opinionTodos);
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const doc = documented(['opinions']);
  const tx = <T>(fn: (t: typeof db) => Promise<T>) => db.transaction(fn);

  // ------------------------------------------------ settings and the writer's helpers

  r.get(
    '/api/opinions/settings',
    doc(undefined, '社情民意设置：字数上限、类别、级别', { response: { 200: SettingsOut } }),
    async (request) => {
      const actor = actorOf(request);
      const s = await opinionSettings(db, actor.committeeId);
      const c = await committeeBrief(db, actor.committeeId);
      return {
        ...s,
        levels: options(LEVELS),
        committee: { level: c!.level, name: c!.name, hasParent: c!.parent_id != null },
      };
    },
  );

  r.put(
    '/api/opinions/settings',
    doc('settings.manage', '修改社情民意设置（可按年度）', {
      body: Type.Object({
        year: Type.Optional(Type.Integer({ minimum: 0, maximum: 2100, title: '适用年度' })),
        maxChars: Type.Integer({ minimum: 100, maximum: 10000, title: '正文字数上限' }),
        titleMax: Type.Integer({ minimum: 10, maximum: 200, title: '标题字数上限' }),
        categories: Type.Array(Type.String({ minLength: 1, maxLength: 20, title: '类别' }), {
          minItems: 1,
          maxItems: 30,
          title: '类别',
        }),
        referralDays: Type.Integer({ minimum: 1, maximum: 365, title: '转办期限（天）' }),
        dayUnit: Type.Optional(
          Type.Union([Type.Literal('days'), Type.Literal('workingDays')], { title: '期限计算方式', default: 'days' }),
        ),
      }),
      response: { 200: Ok, 400: ErrorBody },
    }),
    async (request) => {
      const { year, ...value } = request.body;
      await tx((t) => putSetting(t, actorOf(request), OPINION_SETTINGS_KEY, year ?? 0, value));
      return { ok: true };
    },
  );

  r.post(
    '/api/opinions/similar',
    doc(undefined, '撰写时查找近两年相似的信息', {
      body: Type.Object({
        title: Type.Optional(Type.String({ maxLength: 200, title: '标题' })),
        body: Type.Optional(Type.String({ maxLength: 20000, title: '正文' })),
        excludeId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, title: '排除的信息' })),
      }),
      response: {
        200: Type.Object({
          items: Type.Array(
            Type.Object({
              id: Type.Integer(),
              title: Type.String(),
              category: Type.String(),
              stateLabel: Type.String(),
              submittedAt: N(Type.String()),
              similarity: Type.Number(),
            }),
          ),
        }),
      },
    }),
    async (request) => {
      const actor = actorOf(request);
      if (!can(actor.roles, 'opinion.submit') && !can(actor.roles, 'opinion.readAll')) throw forbidden();
      return { items: await svc.similarReports(db, actor, request.body) };
    },
  );

  reportRoutes(app, db);
  officeRoutes(app, db);
}
