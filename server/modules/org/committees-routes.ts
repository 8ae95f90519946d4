// Committees (the tenants) for the system administrator: the tree below the administrator's own committee, and
// creating a lower committee with its first administrator account. Everything else stays within one committee.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { actorOf } from '../../platform/auth/session.ts';
import { documented } from '../../platform/route-kit.ts';
import { ErrorBody, IdParams } from '../../platform/routes.ts';
import { createCommittee, LEVELS, listTree, updateCommittee } from './committees.ts';
import { Nullable } from './common.ts';

const StrEnum = (values: string[], title: string) =>
  Type.Unsafe<string>({ type: 'string', enum: values, title, description: title });

const CommitteeOut = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  shortName: Type.String(),
  level: Type.String(),
  parentId: Nullable(Type.Integer()),
  regionCode: Nullable(Type.String()),
  memberCount: Type.Integer(),
  accountCount: Type.Integer(),
  createdAt: Type.String(),
});

export async function committeeRoutes(app: FastifyInstance, { db }: ModuleDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const doc = documented(['committees']);

  r.get(
    '/api/org/committees',
    doc('committee.manage', '政协组织树（本级及下级）', {
      response: { 200: Type.Object({ items: Type.Array(CommitteeOut) }) },
    }),
    async (request) => ({ items: await listTree(db, actorOf(request).committeeId) }),
  );

  r.post(
    '/api/org/committees',
    doc('committee.manage', '新建下级政协组织（可同时创建其管理员账号，首次登录须改密码）', {
      body: Type.Object({
        name: Type.String({ title: '名称', minLength: 2, maxLength: 50 }),
        shortName: Type.String({ title: '简称', minLength: 2, maxLength: 20 }),
        level: StrEnum(Object.keys(LEVELS), '级别'),
        parentId: Type.Integer({ title: '上级组织', minimum: 1, maximum: 2147483647 }),
        regionCode: Type.Optional(Type.String({ title: '行政区划代码', pattern: '^\\d{6}$' })),
        adminUsername: Type.Optional(
          Type.String({ title: '管理员用户名', pattern: '^[A-Za-z0-9_.@-]{3,32}$', maxLength: 32 }),
        ),
        adminPassword: Type.Optional(Type.String({ title: '管理员初始密码', maxLength: 64 })),
      }),
      response: { 200: CommitteeOut, 400: ErrorBody },
    }),
    async (request) => {
      const actor = actorOf(request);
      const b = request.body;
      return db.transaction((tx) => createCommittee(tx, actor, b));
    },
  );

  r.put(
    '/api/org/committees/:id',
    doc('committee.manage', '修改政协组织名称、简称、区划代码', {
      params: IdParams,
      body: Type.Object({
        name: Type.String({ title: '名称', minLength: 2, maxLength: 50 }),
        shortName: Type.String({ title: '简称', minLength: 2, maxLength: 20 }),
        regionCode: Type.Optional(Type.String({ title: '行政区划代码', pattern: '^\\d{6}$' })),
      }),
      response: { 200: CommitteeOut, 400: ErrorBody, 404: ErrorBody },
    }),
    async (request) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const b = request.body;
      return db.transaction((tx) => updateCommittee(tx, actor, id, b));
    },
  );
}
