// Account management for a committee's administrators: list and search with a role filter, export, create (initial
// password, changed at first login), edit roles and links, reset password (a one-time temporary password), unlock,
// disable and enable. Password hashes never leave the server; a committee administrator cannot touch a system
// administrator's account or hand out that role.
import crypto from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { namesFromTable, registerEntityNames } from '../../platform/audit/names.ts';
import { clearFailuresOfNames, loginNameTaken } from '../../platform/auth/login.ts';
import { checkPasswordPolicy, hashPassword } from '../../platform/auth/passwords.ts';
import { ROLE_LIST, ROLES, type Role } from '../../platform/auth/permissions.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import type { Actor } from '../../platform/context.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { badRequest, forbidden, notFound } from '../../platform/errors.ts';
import { ErrorBody, IdParams, Paging, page } from '../../platform/routes.ts';
import { blindIndex, decryptField, encryptField, maskPhone } from '../../platform/secrets/field-crypto.ts';
import { buildWorkbook, isPhone, Nullable, sendXlsx, stamp } from '../org/common.ts';
import { usernameTaken } from './errors.ts';

const StrEnum = (values: string[], title: string) =>
  Type.Unsafe<string>({ type: 'string', enum: values, title, description: title });
const Id = (title: string) => Type.Integer({ title, minimum: 1, maximum: 2147483647 });

const AccountOut = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Type.String()),
  roleNames: Type.Array(Type.String()),
  memberId: Nullable(Type.Integer()),
  memberName: Nullable(Type.String()),
  unitId: Nullable(Type.Integer()),
  unitName: Nullable(Type.String()),
  orgId: Nullable(Type.Integer()),
  orgName: Nullable(Type.String()),
  informantId: Nullable(Type.Integer()),
  informantName: Nullable(Type.String()),
  office: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  mustChangePassword: Type.Boolean(),
  locked: Type.Boolean(),
  failedLogins: Type.Integer(),
  disabled: Type.Boolean(),
  lastLoginAt: Nullable(Type.String()),
  createdAt: Type.String(),
});

const AccountQuery = Type.Object({
  ...Paging,
  q: Type.Optional(Type.String({ title: '关键词', maxLength: 50 })),
  role: Type.Optional(StrEnum(ROLE_LIST, '角色')),
  state: Type.Optional(StrEnum(['active', 'disabled', 'locked', 'mustChange'], '状态')),
});

const Links = {
  memberId: Type.Optional(Id('关联委员')),
  unitId: Type.Optional(Id('关联承办单位')),
  orgId: Type.Optional(Id('关联党派团体')),
  informantId: Type.Optional(Id('关联信息员')),
};
const EditBody = Type.Object({
  displayName: Type.String({ title: '姓名/名称', minLength: 1, maxLength: 50 }),
  roles: Type.Array(StrEnum(ROLE_LIST, '角色'), { title: '角色', minItems: 1, maxItems: 11 }),
  ...Links,
  office: Type.Optional(Type.String({ title: '所在处室', maxLength: 50 })),
  phone: Type.Optional(Type.String({ title: '手机号', maxLength: 20 })),
  email: Type.Optional(Type.String({ title: '电子邮箱', maxLength: 100, format: 'email' })),
});
const CreateBody = Type.Object({
  username: Type.String({ title: '用户名', pattern: '^[A-Za-z0-9_.@-]{3,32}$', minLength: 3, maxLength: 32 }),
  password: Type.String({ title: '初始密码', minLength: 1, maxLength: 64 }),
  ...EditBody.properties,
});
type Edit = Static<typeof EditBody>;

const SELECT = sql`a.id, a.username, a.display_name, a.roles, a.member_id, a.unit_id, a.org_id, a.informant_id, a.office,
  a.phone_enc, a.email, a.must_change_password, a.failed_logins, a.disabled, a.last_login_at, a.created_at,
  coalesce(a.locked_until > now(), false) as locked,
  (select name from members m where m.committee_id = a.committee_id and m.id = a.member_id) as member_name,
  (select name from handling_units u where u.committee_id = a.committee_id and u.id = a.unit_id) as unit_name,
  (select name from organisations o where o.committee_id = a.committee_id and o.id = a.org_id) as org_name,
  (select name from informants i where i.committee_id = a.committee_id and i.id = a.informant_id) as informant_name`;

function present(a: any) {
  const roles = a.roles as Role[];
  return {
    id: a.id,
    username: a.username,
    displayName: a.display_name,
    roles,
    roleNames: roles.map((r) => ROLES[r] ?? r),
    memberId: a.member_id,
    memberName: a.member_name,
    unitId: a.unit_id,
    unitName: a.unit_name,
    orgId: a.org_id,
    orgName: a.org_name,
    informantId: a.informant_id,
    informantName: a.informant_name,
    office: a.office,
    phone: maskPhone(decryptField(a.phone_enc)),
    email: a.email,
    mustChangePassword: a.must_change_password,
    locked: a.locked,
    failedLogins: a.failed_logins,
    disabled: a.disabled,
    lastLoginAt: a.last_login_at ? new Date(a.last_login_at).toISOString() : null,
    createdAt: new Date(a.created_at).toISOString(),
  };
}
type AccountView = ReturnType<typeof present>;

function where(committeeId: number, q: Static<typeof AccountQuery>): SQL {
  const conds: SQL[] = [sql`a.committee_id = ${committeeId}`];
  if (q.q?.trim()) {
    const like = `%${q.q.trim().replace(/[%_\\]/g, '\\$&')}%`;
    conds.push(sql`(a.username ilike ${like} or a.display_name ilike ${like} or a.office ilike ${like})`);
  }
  if (q.role) conds.push(sql`${q.role} = any(a.roles)`);
  if (q.state === 'active') conds.push(sql`not a.disabled`);
  if (q.state === 'disabled') conds.push(sql`a.disabled`);
  if (q.state === 'locked') conds.push(sql`a.locked_until > now()`);
  if (q.state === 'mustChange') conds.push(sql`a.must_change_password`);
  return sql.join(conds, sql` and `);
}

async function loadAccount(db: Db, committeeId: number, id: number) {
  const row = await queryOne<any>(
    db,
    sql`select ${SELECT} from accounts a where a.committee_id = ${committeeId} and a.id = ${id}`,
  );
  return row ? present(row) : undefined;
}

const isSysAdmin = (actor: Actor) => actor.roles.includes('sysAdmin');

/** Loads an account the actor may manage: 404 for another committee's, 403 for a system administrator's. */
async function manageable(tx: Db, actor: Actor, id: number) {
  const acc = await loadAccount(tx, actor.committeeId, id);
  if (!acc) throw notFound('account.not_found', '账号不存在');
  if (acc.roles.includes('sysAdmin') && !isSysAdmin(actor)) {
    throw forbidden('account.protected', '系统管理员账号只能由系统管理员管理');
  }
  return acc;
}

const LINK_RULES: { role: Role; key: 'memberId' | 'unitId' | 'orgId' | 'informantId'; label: string; table: string }[] =
  [
    { role: 'member', key: 'memberId', label: '委员', table: 'members' },
    { role: 'unitUser', key: 'unitId', label: '承办单位', table: 'handling_units' },
    { role: 'orgLeader', key: 'orgId', label: '党派团体', table: 'organisations' },
    { role: 'orgAccount', key: 'orgId', label: '党派团体', table: 'organisations' },
    { role: 'informant', key: 'informantId', label: '信息员', table: 'informants' },
  ];

/** Checks roles and links; returns the values to store. */
async function checkEdit(tx: Db, actor: Actor, body: Edit, selfId: number | null) {
  if (!body.displayName.trim()) throw badRequest('validation', '「姓名/名称」不能为空', 'displayName');
  const roles = [...new Set(body.roles)] as Role[];
  // The responsible person also reads and files as the organisation.
  if (roles.includes('orgLeader') && !roles.includes('orgAccount')) roles.push('orgAccount');
  if (roles.includes('sysAdmin') && !isSysAdmin(actor)) {
    throw badRequest('account.role', '只有系统管理员可以授予「系统管理员」角色', 'roles');
  }
  if (selfId === actor.accountId && !roles.some((r) => r === 'sysAdmin' || r === 'committeeAdmin')) {
    throw badRequest('account.self', '不能取消自己的管理员角色', 'roles');
  }
  for (const rule of LINK_RULES) {
    const id = body[rule.key];
    if (roles.includes(rule.role) && !id) {
      throw badRequest('account.link', `「${ROLES[rule.role]}」角色需要关联${rule.label}`, rule.key);
    }
    if (id) {
      const found = await queryOne(
        tx,
        sql`select 1 from ${sql.raw(rule.table)} where committee_id = ${actor.committeeId} and id = ${id}`,
      );
      if (!found) throw badRequest('account.link', `所选${rule.label}不存在`, rule.key);
    }
  }
  if (body.memberId && !roles.some((r) => r === 'member' || r === 'leader')) {
    throw badRequest('account.link', '只有「委员」或「领导」角色可以关联委员', 'memberId');
  }
  const phone = body.phone?.trim() || null;
  if (phone && !isPhone(phone)) throw badRequest('validation', '「手机号」应为 11 位手机号码', 'phone');
  const phoneHash = blindIndex(phone);
  // A phone signs in too: it may be neither another account's phone nor anyone's username.
  if (phone && (await loginNameTaken(tx, phone, selfId)))
    throw badRequest('account.phone_taken', '「手机号」已被其他账号使用', 'phone');
  return {
    displayName: body.displayName.trim(),
    roles,
    memberId: body.memberId ?? null,
    unitId: body.unitId ?? null,
    orgId: body.orgId ?? null,
    informantId: body.informantId ?? null,
    office: body.office?.trim() || null,
    phone,
    phoneHash,
    email: body.email?.trim() || null,
  };
}

/** 12 characters from upper, lower and digits plus a symbol, without look-alikes (0/O, 1/l/I). */
export function temporaryPassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '#@%+'];
  const all = sets.slice(0, 3).join('');
  const pick = (s: string) => s[crypto.randomInt(s.length)];
  const chars = [...sets.map(pick), ...Array.from({ length: 8 }, () => pick(all))];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

const auditView = (a: AccountView | undefined) => (a ? { ...a, lastLoginAt: undefined, createdAt: undefined } : a);

export async function accountRoutes(app: FastifyInstance, { db }: ModuleDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['accounts'];

  r.get(
    '/api/accounts',
    {
      preHandler: requireAuth('account.manage'),
      schema: {
        tags,
        summary: '本会账号列表（搜索、角色和状态筛选）',
        querystring: AccountQuery,
        response: { 200: Type.Object({ items: Type.Array(AccountOut), total: Type.Integer() }), 400: ErrorBody },
      },
    },
    async (request) => {
      const c = actorOf(request).committeeId;
      const w = where(c, request.query);
      const { limit, offset } = page(request.query);
      const rows = await query<any>(
        db,
        sql`select ${SELECT} from accounts a where ${w} order by a.id limit ${limit} offset ${offset}`,
      );
      const total = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from accounts a where ${w}`);
      return { items: rows.map(present), total: total!.n };
    },
  );

  r.get(
    '/api/accounts/export',
    {
      preHandler: requireAuth('account.manage'),
      schema: { tags, summary: '导出账号列表 (.xlsx)', querystring: AccountQuery, response: { 400: ErrorBody } },
    },
    async (request, reply) => {
      const c = actorOf(request).committeeId;
      const rows = (
        await query<any>(
          db,
          sql`select ${SELECT} from accounts a where ${where(c, request.query)} order by a.id limit 20000`,
        )
      ).map(present);
      const content = await buildWorkbook<AccountView>(
        '账号',
        [
          { header: '用户名', width: 18, value: (a) => a.username },
          { header: '姓名/名称', width: 22, value: (a) => a.displayName },
          { header: '角色', width: 22, value: (a) => a.roleNames.join('、') },
          {
            header: '关联',
            width: 26,
            value: (a) => a.memberName ?? a.unitName ?? a.orgName ?? a.informantName ?? '',
          },
          { header: '所在处室', width: 16, value: (a) => a.office },
          { header: '手机号', width: 14, value: (a) => a.phone },
          {
            header: '状态',
            width: 10,
            value: (a) => (a.disabled ? '已停用' : a.locked ? '已锁定' : '正常'),
          },
          { header: '待改密码', width: 10, value: (a) => (a.mustChangePassword ? '是' : '否') },
          { header: '最近登录', width: 20, value: (a) => a.lastLoginAt?.slice(0, 16).replace('T', ' ') },
        ],
        rows,
      );
      return sendXlsx(reply, `账号_${stamp()}.xlsx`, content);
    },
  );

  r.get(
    '/api/accounts/:id',
    {
      preHandler: requireAuth('account.manage'),
      schema: { tags, summary: '账号详情', params: IdParams, response: { 200: AccountOut, 404: ErrorBody } },
    },
    async (request) => {
      const acc = await loadAccount(db, actorOf(request).committeeId, request.params.id);
      if (!acc) throw notFound('account.not_found', '账号不存在');
      return acc;
    },
  );

  r.post(
    '/api/accounts',
    {
      preHandler: requireAuth('account.manage'),
      schema: {
        tags,
        summary: '新建账号（首次登录须修改初始密码）',
        body: CreateBody,
        response: { 200: AccountOut, 400: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const b = request.body;
      const weak = checkPasswordPolicy(b.password, { username: b.username, name: b.displayName });
      if (weak) throw badRequest('auth.weak_password', `「初始密码」${weak}`, 'password');
      const passwordHash = await hashPassword(b.password);
      return db.transaction(async (tx) => {
        const v = await checkEdit(tx, actor, b, null);
        if (await loginNameTaken(tx, b.username)) throw usernameTaken('用户名', b.username, 'username');
        const row = await queryOne<{ id: number }>(
          tx,
          sql`insert into accounts (committee_id, username, display_name, password_hash, roles, member_id, unit_id, org_id,
            informant_id, office, phone_enc, phone_hash, email, must_change_password)
            values (${actor.committeeId}, ${b.username}, ${v.displayName}, ${passwordHash}, ${sql.param(v.roles)}::text[],
              ${v.memberId}, ${v.unitId}, ${v.orgId}, ${v.informantId}, ${v.office}, ${encryptField(v.phone)}, ${v.phoneHash},
              ${v.email}, true)
            returning id`,
        );
        const acc = await loadAccount(tx, actor.committeeId, row!.id);
        await writeAudit(tx, actor, {
          action: 'account.create',
          entity: 'account',
          entityId: row!.id,
          after: auditView(acc),
        });
        return acc!;
      });
    },
  );

  r.put(
    '/api/accounts/:id',
    {
      preHandler: requireAuth('account.manage'),
      schema: {
        tags,
        summary: '修改账号（姓名、角色、关联、处室、手机号）',
        params: IdParams,
        body: EditBody,
        response: { 200: AccountOut, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = request.params.id;
      return db.transaction(async (tx) => {
        const before = await manageable(tx, actor, id);
        const v = await checkEdit(tx, actor, request.body, id);
        // Keep the stored phone when the form sends back the masked one it was shown.
        const keepPhone = request.body.phone !== undefined && request.body.phone === before.phone;
        const phoneSet = keepPhone ? sql`` : sql`, phone_enc = ${encryptField(v.phone)}, phone_hash = ${v.phoneHash}`;
        await tx.execute(sql`update accounts set display_name = ${v.displayName}, roles = ${sql.param(v.roles)}::text[],
          member_id = ${v.memberId}, unit_id = ${v.unitId}, org_id = ${v.orgId}, informant_id = ${v.informantId},
          office = ${v.office}, email = ${v.email} ${phoneSet}
          where committee_id = ${actor.committeeId} and id = ${id}`);
        const after = await loadAccount(tx, actor.committeeId, id);
        await writeAudit(tx, actor, {
          action: 'account.update',
          entity: 'account',
          entityId: id,
          before: auditView(before),
          after: auditView(after),
        });
        return after!;
      });
    },
  );

  r.post(
    '/api/accounts/:id/reset-password',
    {
      preHandler: requireAuth('account.manage'),
      schema: {
        tags,
        summary: '重置密码：返回一次性临时密码（仅显示一次），下次登录须修改',
        params: IdParams,
        response: { 200: Type.Object({ temporaryPassword: Type.String() }), 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = request.params.id;
      const temp = temporaryPassword();
      const passwordHash = await hashPassword(temp);
      return db.transaction(async (tx) => {
        const acc = await manageable(tx, actor, id);
        await tx.execute(sql`update accounts set password_hash = ${passwordHash}, must_change_password = true,
          failed_logins = 0, locked_until = null where committee_id = ${actor.committeeId} and id = ${id}`);
        await tx.execute(
          sql`delete from auth_sessions where committee_id = ${actor.committeeId} and account_id = ${id}`,
        );
        await writeAudit(tx, actor, {
          action: 'account.reset_password',
          entity: 'account',
          entityId: id,
          after: { username: acc.username, mustChangePassword: true },
        });
        return { temporaryPassword: temp };
      });
    },
  );

  const toggle = (
    path: string,
    summary: string,
    action: string,
    apply: (tx: Db, actor: Actor, acc: AccountView) => Promise<void>,
  ) =>
    r.post(
      `/api/accounts/:id/${path}`,
      {
        preHandler: requireAuth('account.manage'),
        schema: {
          tags,
          summary,
          params: IdParams,
          response: { 200: AccountOut, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const id = request.params.id;
        return db.transaction(async (tx) => {
          const before = await manageable(tx, actor, id);
          await apply(tx, actor, before);
          const after = await loadAccount(tx, actor.committeeId, id);
          await writeAudit(tx, actor, {
            action,
            entity: 'account',
            entityId: id,
            before: { disabled: before.disabled, locked: before.locked, failedLogins: before.failedLogins },
            after: { disabled: after!.disabled, locked: after!.locked, failedLogins: after!.failedLogins },
          });
          return after!;
        });
      },
    );

  toggle('unlock', '解除登录锁定', 'account.unlock', async (tx, actor, acc) => {
    const a = await queryOne<{ username: string; phone_enc: string | null }>(
      tx,
      sql`update accounts set failed_logins = 0, locked_until = null
        where committee_id = ${actor.committeeId} and id = ${acc.id} returning username, phone_enc`,
    );
    // The delays of the name and phone typed in are lifted too, or the unlocked member would still wait.
    await clearFailuresOfNames(tx, [a?.username, decryptField(a?.phone_enc)]);
  });
  toggle('disable', '停用账号（立即退出登录）', 'account.disable', async (tx, actor, acc) => {
    if (acc.id === actor.accountId) throw badRequest('account.self', '不能停用自己的账号');
    if (acc.disabled) throw badRequest('account.state', '该账号已停用');
    await tx.execute(
      sql`update accounts set disabled = true where committee_id = ${actor.committeeId} and id = ${acc.id}`,
    );
    await tx.execute(
      sql`delete from auth_sessions where committee_id = ${actor.committeeId} and account_id = ${acc.id}`,
    );
  });
  toggle('enable', '启用账号', 'account.enable', async (tx, actor, acc) => {
    if (!acc.disabled) throw badRequest('account.state', '该账号未停用');
    await tx.execute(sql`update accounts set disabled = false, failed_logins = 0, locked_until = null
      where committee_id = ${actor.committeeId} and id = ${acc.id}`);
  });

  r.get(
    '/api/accounts/roles',
    {
      preHandler: requireAuth('account.manage'),
      schema: {
        tags,
        summary: '可分配的角色',
        response: { 200: Type.Array(Type.Object({ value: Type.String(), label: Type.String() })) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return ROLE_LIST.filter((r) => r !== 'sysAdmin' || isSysAdmin(actor)).map((r) => ({ value: r, label: ROLES[r] }));
    },
  );
}

// How the audit page names this module's objects (platform/audit/names.ts).
registerEntityNames('account', namesFromTable('accounts', "t.display_name || '（' || t.username || '）'"));
