// Login sessions stored in the database: an opaque cookie token (only its hash is stored), a CSRF token,
// idle and absolute timeouts. The session decides committee and roles for every request.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify';
import type { Actor } from '../context.ts';
import { type Db, queryOne } from '../db/client.ts';
import { AppError, forbidden, unauthorized } from '../errors.ts';
import { type Action, can, type Role } from './permissions.ts';
import type { CachedSession, SessionCache } from './session-cache.ts';

export const SESSION_COOKIE = 'zx_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: {
      tokenHash: string;
      csrfToken: string;
      mustChangePassword: boolean;
      /** The member's and the informant's record status (在职, 已退出…), read with the session (org/standing.ts). */
      memberStatus: string | null;
      informantStatus: string | null;
    } | null;
  }
}

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/**
 * The committee a cookie names: tokens are `<committee>.<random>` so that a distributed database can route the session
 * lookup to one shard (docs/scaling.md). Only a routing hint: the hash of the whole token must still match. Tokens of
 * older sessions have no prefix and are looked up by their hash alone.
 */
const committeeOfToken = (token: string): number | null => {
  const m = /^(\d{1,9})\./.exec(token);
  return m ? Number(m[1]) : null;
};

export async function createSession(db: Db, committeeId: number, accountId: number, ip: string, userAgent: string) {
  const token = `${committeeId}.${crypto.randomBytes(32).toString('base64url')}`;
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  await db.execute(sql`insert into auth_sessions (token_hash, committee_id, account_id, csrf_token, ip, user_agent)
    values (${sha256(token)}, ${committeeId}, ${accountId}, ${csrfToken}, ${ip}, ${userAgent})`);
  return { token, csrfToken };
}

export async function deleteSession(db: Db, tokenHash: string, committeeId?: number) {
  const routed = committeeId == null ? sql`` : sql` and committee_id = ${committeeId}`;
  await db.execute(sql`delete from auth_sessions where token_hash = ${tokenHash}${routed}`);
}

export interface SessionTimeouts {
  idleMinutes: number;
  absoluteHours: number;
}

export const touchEveryMs = (idleMinutes: number) => Math.min(60_000, (idleMinutes * 60_000) / 10);

/** The session lookup's row as the driver gives it (timestamps as Date or text, by backend). */
interface SessionRow {
  committee_id: number;
  account_id: number;
  csrf_token: string;
  last_seen_at: string | Date;
  created_at: string | Date;
  display_name: string;
  roles: string[];
  member_id: number | null;
  unit_id: number | null;
  org_id: number | null;
  informant_id: number | null;
  must_change_password: boolean;
  disabled: boolean;
  member_status: string | null;
  informant_status: string | null;
  now: string | Date;
}

/** The session lookup's row as a cache entry (times in ms on the database's clock). */
const sessionOfRow = (row: SessionRow): CachedSession => ({
  committeeId: row.committee_id,
  accountId: row.account_id,
  csrfToken: row.csrf_token,
  lastSeenAt: new Date(row.last_seen_at).getTime(),
  createdAt: new Date(row.created_at).getTime(),
  displayName: row.display_name,
  roles: row.roles,
  memberId: row.member_id,
  unitId: row.unit_id,
  orgId: row.org_id,
  informantId: row.informant_id,
  mustChangePassword: row.must_change_password,
  memberStatus: row.member_status,
  informantStatus: row.informant_status,
});

/**
 * onRequest hook: resolves the cookie to an actor; expired sessions are removed. With `cache` (session-cache.ts) a
 * session resolved in the last few seconds is taken from memory, unless it is past its idle or absolute limit or due
 * its touch at the database's time: then the lookup runs as without a cache.
 */
export function sessionResolver(db: Db, timeouts: SessionTimeouts, cache?: SessionCache) {
  const idleMs = timeouts.idleMinutes * 60_000;
  const absoluteMs = timeouts.absoluteHours * 3_600_000;
  const touchMs = touchEveryMs(timeouts.idleMinutes);
  const fresh = (s: CachedSession, now: number) =>
    now - s.lastSeenAt <= Math.min(idleMs, touchMs) && now - s.createdAt <= absoluteMs;
  return async (request: FastifyRequest) => {
    request.actor = null;
    request.session = null;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const tokenHash = sha256(token);
    const s = cache?.get(tokenHash, fresh) ?? (await lookUp(db, token, tokenHash, timeouts, cache));
    if (!s) return;
    request.session = {
      tokenHash,
      csrfToken: s.csrfToken,
      mustChangePassword: s.mustChangePassword,
      memberStatus: s.memberStatus,
      informantStatus: s.informantStatus,
    };
    request.actor = {
      committeeId: s.committeeId,
      accountId: s.accountId,
      name: s.displayName,
      roles: s.roles as Role[],
      memberId: s.memberId,
      unitId: s.unitId,
      orgId: s.orgId,
      informantId: s.informantId,
      ip: request.ip,
      userAgent: String(request.headers['user-agent'] ?? '').slice(0, 300),
    };
  };
}

/** The session of a token from the database (null: none, expired or disabled, and then removed); touches it if due. */
async function lookUp(
  db: Db,
  token: string,
  tokenHash: string,
  timeouts: SessionTimeouts,
  cache?: SessionCache,
): Promise<CachedSession | null> {
  const generation = cache?.generation() ?? 0;
  const committee = committeeOfToken(token);
  const routed = committee == null ? sql`` : sql` and s.committee_id = ${committee}`;
  const row = await queryOne<SessionRow>(
    db,
    sql`select s.committee_id, s.account_id, s.csrf_token, s.last_seen_at, s.created_at,
      a.display_name, a.roles, a.member_id, a.unit_id, a.org_id, a.informant_id, a.must_change_password, a.disabled,
      -- Whether the person has left, for org/standing.ts: in this round trip, not one more on every write.
      (select m.status from members m where m.committee_id = a.committee_id and m.id = a.member_id) as member_status,
      (select i.status from informants i where i.committee_id = a.committee_id and i.id = a.informant_id) as informant_status,
      now() as now
      from auth_sessions s join accounts a on a.committee_id = s.committee_id and a.id = s.account_id
      where s.token_hash = ${tokenHash}${routed}`,
  );
  if (!row) return null;
  let now = new Date(row.now).getTime();
  const session = sessionOfRow(row);
  const idle = now - session.lastSeenAt > timeouts.idleMinutes * 60_000;
  const absolute = now - session.createdAt > timeouts.absoluteHours * 3_600_000;
  if (idle || absolute || row.disabled) {
    await deleteSession(db, tokenHash, row.committee_id);
    cache?.drop(row.committee_id);
    return null;
  }
  // Touch at most once per tenth of the idle time (and at least once a minute), so reads mostly stay reads and an
  // active user is never signed out: with a one-minute idle limit, every six seconds.
  if (now - session.lastSeenAt > touchEveryMs(timeouts.idleMinutes)) {
    const touched = await queryOne<{ at: string }>(
      db,
      sql`update auth_sessions set last_seen_at = now() where committee_id = ${row.committee_id} and token_hash = ${tokenHash}
        returning last_seen_at as at`,
    );
    if (!touched) return null;
    session.lastSeenAt = new Date(touched.at).getTime();
    now = Math.max(now, session.lastSeenAt);
  }
  cache?.put(tokenHash, session, now, generation);
  return session;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const PASSWORD_CHANGE_ALLOWED = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout']);

/** preHandler for routes that need a signed-in user (and, optionally, a permission). */
export function requireAuth(action?: Action): preHandlerHookHandler & { permission?: Action | null } {
  const handler = async (request: FastifyRequest, _reply: FastifyReply) => {
    const actor = request.actor;
    if (!actor || !request.session) throw unauthorized();
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== request.session.csrfToken) {
      throw new AppError(403, 'auth.csrf', '页面已过期，请刷新后重试');
    }
    if (request.session.mustChangePassword && !PASSWORD_CHANGE_ALLOWED.has(request.routeOptions.url ?? '')) {
      throw new AppError(403, 'auth.password_change_required', '首次登录请先修改密码');
    }
    if (action && !can(actor.roles, action)) throw forbidden();
  };
  // Read by the permission walk test: which action guards which route.
  return Object.assign(handler, { permission: action ?? null });
}

/** Within a handler: the signed-in actor (requireAuth has already run). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}

export function assertCan(actor: Actor, action: Action): void {
  if (!can(actor.roles, action)) throw forbidden();
}
