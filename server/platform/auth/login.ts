// Sign-in checks that give an attacker neither a lockout of somebody else nor a way to tell real login names from
// unknown ones: failures are counted per typed name and address (growing delays), the account lock that 等保 asks
// for (five failures, 15 minutes) is passed by the right password from a device that signed in before (a signed
// cookie), unknown names cost one argon2 verification like real ones, and every failure reads the same.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Db, queryOne } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { blindIndex } from '../secrets/field-crypto.ts';
import type { Role } from './permissions.ts';

export const MAX_FAILED = 5;
export const LOCK_MINUTES = 15;
export const DEVICE_COOKIE = 'zx_device';
/** Failures from one address for one name before delays start, the first delay, and the longest. */
const FREE_FAILURES = 5;
const FIRST_DELAY_SECONDS = 30;
const MAX_DELAY_SECONDS = 30 * 60;

export const invalidCredentials = () => new AppError(401, 'auth.invalid_credentials', '用户名或密码错误');

/** An account as sign-in reads it (`locked_until`, `now`: timestamps as the driver gives them). */
export interface LoginAccount {
  committee_id: number;
  id: number;
  username: string;
  display_name: string;
  roles: Role[];
  password_hash: string;
  failed_logins: number;
  locked_until: string | Date | null;
  disabled: boolean;
  now: string | Date;
}

/** The one account a login name can mean: usernames and phones are unique across the platform, usernames first. */
export async function findLoginAccount(db: Db, name: string): Promise<LoginAccount | undefined> {
  return queryOne<LoginAccount>(
    db,
    sql`select committee_id, id, username, display_name, roles, password_hash, failed_logins, locked_until, disabled,
        now() as now
      from accounts where lower(username) = lower(${name}) or phone_hash = ${blindIndex(name)}
      order by (lower(username) = lower(${name})) desc, committee_id, id limit 1`,
  );
}

const nameKey = (name: string) => blindIndex(`login:${name.trim().toLowerCase()}`)!;

function delaySeconds(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(FIRST_DELAY_SECONDS * 2 ** (failures - FREE_FAILURES), MAX_DELAY_SECONDS);
}

/** Refuses (429) while this name from this address is in its delay; the same for real and unknown names. */
export async function checkThrottle(db: Db, name: string, ip: string): Promise<void> {
  const row = await queryOne<{ failures: number; wait: number }>(
    db,
    sql`select failures, extract(epoch from (last_failed_at - now()))::float8 as wait from login_throttle
      where name_hash = ${nameKey(name)} and ip = ${ip} and last_failed_at > now() - interval '1 day'`,
  );
  if (!row) return;
  const remaining = Math.ceil(delaySeconds(row.failures) + row.wait);
  if (remaining > 0) throw new AppError(429, 'auth.throttled', `登录尝试过多，请 ${remaining} 秒后再试`);
}

export async function recordFailure(db: Db, name: string, ip: string): Promise<void> {
  await db.execute(sql`insert into login_throttle (name_hash, ip, failures, last_failed_at)
    values (${nameKey(name)}, ${ip}, 1, now())
    on conflict (name_hash, ip) do update set last_failed_at = now(),
      failures = case when login_throttle.last_failed_at > now() - interval '1 day' then login_throttle.failures + 1 else 1 end`);
}

export async function clearFailures(db: Db, name: string, ip: string): Promise<void> {
  await db.execute(sql`delete from login_throttle where name_hash = ${nameKey(name)} and ip = ${ip}`);
}

/** Forgets the failures of an account's sign-in names from every address (an administrator unlocked it). */
export async function clearFailuresOfNames(db: Db, names: (string | null | undefined)[]): Promise<void> {
  for (const n of names) if (n) await db.execute(sql`delete from login_throttle where name_hash = ${nameKey(n)}`);
}

const deviceMac = (committeeId: number, accountId: number, nonce: string) =>
  blindIndex(`device:${committeeId}:${accountId}:${nonce}`)!.slice(0, 32);

/** Whether this request comes from a device where this account signed in before (the signed cookie). */
export function isKnownDevice(request: FastifyRequest, committeeId: number, accountId: number): boolean {
  const [c, a, nonce, mac] = String(request.cookies[DEVICE_COOKIE] ?? '').split('.');
  if (Number(c) !== committeeId || Number(a) !== accountId || !nonce || !mac) return false;
  const expected = Buffer.from(deviceMac(committeeId, accountId, nonce));
  const given = Buffer.from(mac);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

export function setDeviceCookie(reply: FastifyReply, committeeId: number, accountId: number, secure: boolean) {
  const nonce = crypto.randomBytes(12).toString('base64url');
  reply.setCookie(DEVICE_COOKIE, `${committeeId}.${accountId}.${nonce}.${deviceMac(committeeId, accountId, nonce)}`, {
    path: '/api/auth',
    httpOnly: true,
    sameSite: 'strict',
    secure,
    maxAge: 180 * 24 * 3600,
  });
}

/**
 * Whether a login name (a username, or a phone number used to sign in) is already someone's, in any committee: as a
 * username or as a phone. Callers refuse with a message that names no committee and no account.
 */
export async function loginNameTaken(db: Db, name: string, exceptAccountId: number | null = null): Promise<boolean> {
  const self = exceptAccountId ? sql`and id <> ${exceptAccountId}` : sql``;
  const row = await queryOne(
    db,
    sql`select 1 from accounts where (lower(username) = lower(${name.trim()}) or phone_hash = ${blindIndex(name)}) ${self}
      limit 1`,
  );
  return !!row;
}
