// Login, logout, the current user, and password change.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { writeAudit } from '../audit/audit.ts';
import type { Actor } from '../context.ts';
import { type Db, query, queryOne } from '../db/client.ts';
import { releaseDbSlot } from '../db/queue.ts';
import { AppError, badRequest, unauthorized } from '../errors.ts';
import {
  checkThrottle,
  clearFailures,
  findLoginAccount,
  invalidCredentials,
  isKnownDevice,
  LOCK_MINUTES,
  MAX_FAILED,
  recordFailure,
  setDeviceCookie,
} from './login.ts';
import { checkPasswordPolicy, dummyHash, hashPassword, verifyPassword } from './passwords.ts';
import { type Action, can, PERMISSIONS, ROLES, type Role } from './permissions.ts';
import { actorOf, createSession, deleteSession, requireAuth, SESSION_COOKIE } from './session.ts';

/** How many earlier passwords a new one may not repeat. */
const HISTORY = 5;

async function usedBefore(db: Db, committeeId: number, accountId: number, password: string): Promise<boolean> {
  const rows = await query<{ password_hash: string }>(
    db,
    sql`select password_hash from password_history where committee_id = ${committeeId} and account_id = ${accountId}
      order by id desc limit ${HISTORY}`,
  );
  for (const r of rows) if (await verifyPassword(r.password_hash, password)) return true;
  return false;
}

const ErrorBody = Type.Object({ error: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) });

const Me = Type.Object({
  account: Type.Object({
    id: Type.Integer(),
    username: Type.String(),
    displayName: Type.String(),
    roles: Type.Array(Type.String()),
    roleNames: Type.Array(Type.String()),
    memberId: Type.Union([Type.Integer(), Type.Null()]),
    unitId: Type.Union([Type.Integer(), Type.Null()]),
    orgId: Type.Union([Type.Integer(), Type.Null()]),
    mustChangePassword: Type.Boolean(),
  }),
  committee: Type.Object({ id: Type.Integer(), name: Type.String(), shortName: Type.String(), level: Type.String() }),
  permissions: Type.Array(Type.String()),
  csrfToken: Type.String(),
});

/** The columns of an account row that both the signed-in user's own view and the account admin read. */
export interface AccountBasicsRow {
  id: number;
  username: string;
  display_name: string;
  roles: Role[];
  member_id: number | null;
  unit_id: number | null;
  org_id: number | null;
  must_change_password: boolean;
}

/** The signed-in user as GET /api/auth/me answers it: account (names, roles), committee, permissions, CSRF token. */
export async function loadMe(db: Db, committeeId: number, accountId: number, csrfToken: string) {
  const row = (await queryOne<
    AccountBasicsRow & {
      cid: number;
      cname: string;
      short_name: string;
      level: string;
    }
  >(
    db,
    sql`select a.id, a.username, a.display_name, a.roles, a.member_id, a.unit_id, a.org_id, a.must_change_password,
      c.id as cid, c.name as cname, c.short_name, c.level
      from accounts a join committees c on c.id = a.committee_id where a.committee_id = ${committeeId} and a.id = ${accountId}`,
  ))!;
  const roles = row.roles;
  return {
    account: {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      roles,
      roleNames: roles.map((r) => ROLES[r] ?? r),
      memberId: row.member_id,
      unitId: row.unit_id,
      orgId: row.org_id,
      mustChangePassword: row.must_change_password,
    },
    committee: { id: row.cid, name: row.cname, shortName: row.short_name, level: row.level },
    permissions: (Object.keys(PERMISSIONS) as Action[]).filter((a) => can(roles, a)),
    csrfToken,
  };
}

export async function authRoutes(
  app: FastifyInstance,
  opts: { db: Db; secureCookies: boolean; loginRateLimitPerMinute: number },
) {
  const { db } = opts;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: opts.secureCookies };

  r.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: opts.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: '登录',
        body: Type.Object({
          username: Type.String({ title: '用户名', minLength: 1, maxLength: 64 }),
          password: Type.String({ title: '密码', minLength: 1, maxLength: 128 }),
        }),
        response: { 200: Me, 401: ErrorBody, 423: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const ip = request.ip;
      await checkThrottle(db, username, ip);
      const acc = await findLoginAccount(db, username);
      // The password check is CPU work on the thread pool (argon2id, tens of ms) that needs no database: on the
      // embedded database a sign-in gives its queue slot back first, or a plenary's crowd of sign-ins holds every slot
      // while hashing and everyone else waits into a 503 (bench/plenary.ts). The few writes after it are short.
      releaseDbSlot(request);
      // Unknown and disabled names cost one verification too, so timing does not tell them from real ones.
      const ok = await verifyPassword(acc && !acc.disabled ? acc.password_hash : await dummyHash(), password);
      if (!acc || acc.disabled) {
        await recordFailure(db, username, ip);
        throw invalidCredentials();
      }
      const actor: Actor = {
        committeeId: acc.committee_id,
        accountId: acc.id,
        name: acc.display_name,
        roles: acc.roles,
        memberId: null,
        unitId: null,
        orgId: null,
        informantId: null,
        ip,
        userAgent: String(request.headers['user-agent'] ?? '').slice(0, 300),
      };
      const knownDevice = isKnownDevice(request, acc.committee_id, acc.id);
      const locked = acc.locked_until && new Date(acc.locked_until) > new Date(acc.now);
      if (!ok) {
        await recordFailure(db, username, ip);
        const failed = acc.failed_logins + 1;
        const lock = !locked && failed >= MAX_FAILED;
        await db.transaction(async (tx) => {
          if (!locked)
            await tx.execute(sql`update accounts set failed_logins = ${lock ? 0 : failed},
              locked_until = ${lock ? sql`now() + make_interval(mins => ${LOCK_MINUTES})` : sql`locked_until`}
              where committee_id = ${acc.committee_id} and id = ${acc.id}`);
          await writeAudit(tx, actor, {
            action: lock ? 'auth.lock' : 'auth.login_failed',
            entity: 'account',
            entityId: acc.id,
          });
        });
        // The same words as for an unknown name: no count of attempts left, no word of a lock.
        throw invalidCredentials();
      }
      // The lock stops whoever guessed; only the holder of the right password learns of it, and on a device where
      // this account signed in before the right password passes it (nobody can lock a user out from elsewhere).
      if (locked && !knownDevice) {
        const minutes = Math.ceil((new Date(acc.locked_until!).getTime() - new Date(acc.now).getTime()) / 60_000);
        throw new AppError(
          423,
          'auth.locked',
          `连续输错密码次数过多，账号已临时锁定，请 ${minutes} 分钟后再试，或在以前登录过的设备上登录`,
        );
      }
      await clearFailures(db, username, ip);
      const session = await db.transaction(async (tx) => {
        await tx.execute(sql`update accounts set failed_logins = 0, locked_until = null, last_login_at = now()
          where committee_id = ${acc.committee_id} and id = ${acc.id}`);
        await writeAudit(tx, actor, { action: 'auth.login', entity: 'account', entityId: acc.id });
        return createSession(tx, acc.committee_id, acc.id, actor.ip!, actor.userAgent!);
      });
      reply.setCookie(SESSION_COOKIE, session.token, cookieOptions);
      setDeviceCookie(reply, acc.committee_id, acc.id, opts.secureCookies);
      return loadMe(db, acc.committee_id, acc.id, session.csrfToken);
    },
  );

  r.post(
    '/api/auth/logout',
    {
      preHandler: requireAuth(),
      schema: { tags: ['auth'], summary: '退出登录', response: { 200: Type.Object({ ok: Type.Boolean() }) } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await db.transaction(async (tx) => {
        await deleteSession(tx, request.session!.tokenHash, actor.committeeId);
        await writeAudit(tx, actor, { action: 'auth.logout', entity: 'account', entityId: actor.accountId });
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  r.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: '当前用户', response: { 200: Me, 401: ErrorBody } } },
    async (request) => {
      if (!request.actor || !request.session) throw unauthorized();
      return loadMe(db, request.actor.committeeId, request.actor.accountId!, request.session.csrfToken);
    },
  );

  r.post(
    '/api/auth/password',
    {
      preHandler: requireAuth(),
      schema: {
        tags: ['auth'],
        summary: '修改密码',
        body: Type.Object({
          oldPassword: Type.String({ title: '原密码', minLength: 1, maxLength: 128 }),
          newPassword: Type.String({ title: '新密码', minLength: 1, maxLength: 128 }),
        }),
        response: { 200: Type.Object({ ok: Type.Boolean() }), 400: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { oldPassword, newPassword } = request.body;
      const acc = await queryOne<{ password_hash: string; username: string; display_name: string }>(
        db,
        sql`select password_hash, username, display_name from accounts
          where committee_id = ${actor.committeeId} and id = ${actor.accountId}`,
      );
      if (!(await verifyPassword(acc!.password_hash, oldPassword)))
        throw badRequest('auth.wrong_password', '原密码不正确', 'oldPassword');
      const weak = checkPasswordPolicy(newPassword, { username: acc!.username, name: acc!.display_name });
      if (weak) throw badRequest('auth.weak_password', weak, 'newPassword');
      if (oldPassword === newPassword) throw badRequest('auth.same_password', '新密码不能与原密码相同', 'newPassword');
      if (await usedBefore(db, actor.committeeId, actor.accountId!, newPassword))
        throw badRequest('auth.reused_password', `新密码不能与最近 ${HISTORY} 次用过的密码相同`, 'newPassword');
      const newHash = await hashPassword(newPassword);
      await db.transaction(async (tx) => {
        await tx.execute(sql`insert into password_history (committee_id, account_id, password_hash)
          values (${actor.committeeId}, ${actor.accountId}, ${acc!.password_hash})`);
        await tx.execute(sql`delete from password_history where committee_id = ${actor.committeeId}
          and account_id = ${actor.accountId} and id not in (select id from password_history
            where committee_id = ${actor.committeeId} and account_id = ${actor.accountId} order by id desc limit ${HISTORY})`);
        await tx.execute(sql`update accounts set password_hash = ${newHash}, must_change_password = false
          where committee_id = ${actor.committeeId} and id = ${actor.accountId}`);
        // Other sessions of this account end: whoever knew the old password is signed out.
        await tx.execute(sql`delete from auth_sessions where committee_id = ${actor.committeeId} and account_id = ${actor.accountId}
          and token_hash <> ${request.session!.tokenHash}`);
        await writeAudit(tx, actor, { action: 'auth.password_change', entity: 'account', entityId: actor.accountId });
      });
      return { ok: true };
    },
  );
}
