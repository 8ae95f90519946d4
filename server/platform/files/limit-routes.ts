// 附件限额 settings for administrators: daily upload per account, committee total, hours before unattached files go.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf, requireAuth } from '../auth/session.ts';
import type { Db } from '../db/client.ts';
import { ErrorBody } from '../routes.ts';
import { putSetting } from '../settings/settings.ts';
import { FILE_LIMITS_KEY, getFileLimits } from './limits.ts';

const Limits = Type.Object({
  accountDailyMb: Type.Number({ title: '每个账号每天上传上限（MB）', minimum: 1, maximum: 102400 }),
  committeeTotalMb: Type.Number({ title: '本单位附件总量上限（MB）', minimum: 1, maximum: 10485760 }),
  unattachedHours: Type.Integer({ title: '未使用附件保留时长（小时）', minimum: 1, maximum: 720 }),
});

export async function fileLimitRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get(
    '/api/settings/file-limits',
    {
      preHandler: requireAuth('settings.manage'),
      schema: { tags: ['files'], summary: '附件限额设置', response: { 200: Limits } },
    },
    async (request) => getFileLimits(db, actorOf(request).committeeId),
  );
  r.put(
    '/api/settings/file-limits',
    {
      preHandler: requireAuth('settings.manage'),
      schema: { tags: ['files'], summary: '修改附件限额设置', body: Limits, response: { 200: Limits, 400: ErrorBody } },
    },
    async (request) => {
      const actor = actorOf(request);
      await db.transaction((tx) => putSetting(tx, actor, FILE_LIMITS_KEY, 0, request.body));
      return getFileLimits(db, actor.committeeId);
    },
  );
}
