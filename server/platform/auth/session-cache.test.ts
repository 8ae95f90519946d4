// The in-process session cache (session-cache.ts, issue 18) stays true: a session is served from memory (shown by a
// change made with the database's triggers switched off, which the app does not see), and every change that matters —
// sign-out, password change, roles, disabling, a session deleted — takes effect at once through
// this app, and within a second when made behind its back (straight in the database, or through a second app process
// on the same PostgreSQL); the triggers announce a member who left, and not a sign-in's bookkeeping. The cache's lifetime is set to a minute here, so only the invalidation can make these pass.
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { createTestApp, login, type TestContext } from '../../test/harness.ts';
import { type Database, openPostgres, queryOne } from '../db/client.ts';
import { signIn } from '../inject-client.ts';
import { SESSION_CHANNEL } from './session-cache.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp({ SESSION_CACHE_SECONDS: '60' });
});
afterAll(() => t.close());

const ACCOUNTS = '/api/accounts?pageSize=5';
const setRoles = (username: string, roles: string[]) =>
  t.database.db.execute(sql`update accounts set roles = ${sql.param(roles)}::text[] where username = ${username}`);

/** Polls `check` for up to a second (a NOTIFY reaches the listener just after commit). */
async function within1s(check: () => Promise<boolean>): Promise<boolean> {
  const end = Date.now() + 1000;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 10));
  }
  return check();
}

describe('session cache', () => {
  it('serves a session from memory: a change that announces nothing is not seen', async () => {
    const c = await login(t.app, 'member041');
    expect((await c.get(ACCOUNTS)).status).toBe(403);
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`update accounts set roles = array['committeeAdmin'] where username = 'member041'`);
    });
    await new Promise((r) => setTimeout(r, 100));
    expect((await c.get(ACCOUNTS)).status).toBe(403);
  });

  it('sees roles changed straight in the database within a second', async () => {
    const c = await login(t.app, 'member042');
    expect((await c.get(ACCOUNTS)).status).toBe(403);
    await setRoles('member042', ['committeeAdmin']);
    expect(await within1s(async () => (await c.get(ACCOUNTS)).status === 200)).toBe(true);
  });

  it('ends a session deleted straight in the database within a second', async () => {
    const gone = await login(t.app, 'member043');
    expect((await gone.get('/api/auth/me')).status).toBe(200);
    await t.database.db.execute(sql`delete from auth_sessions where csrf_token = ${gone.csrf}`);
    expect(await within1s(async () => (await gone.get('/api/auth/me')).status === 401)).toBe(true);
  });

  it('announces each change that matters, on commit, and not a sign-in’s bookkeeping', async () => {
    const heard: string[] = [];
    const stop = await t.database.listen(SESSION_CHANNEL, (p) => heard.push(p));
    const db = t.database.db;
    const c = await login(t.app, 'member044');
    const committee = String(c.me.committee.id);
    const who = sql`(select member_id from accounts where username = 'member044')`;
    const changes = [
      sql`update accounts set failed_logins = 1, last_login_at = now(), locked_until = null where username = 'member044'`,
      sql`update members set status = 'exited' where id = ${who}`,
      sql`update accounts set disabled = true where username = 'member044'`,
      sql`update accounts set must_change_password = true where username = 'member044'`,
      sql`update auth_sessions set last_seen_at = now() where csrf_token = ${c.csrf}`,
    ];
    const after: string[][] = [];
    for (const change of changes) {
      heard.length = 0;
      await db.execute(change);
      await within1s(async () => heard.length > 0);
      after.push([...new Set(heard)].map((p) => p.replace(/:[0-9a-f]{64}$/, ':<session>')));
    }
    await stop();
    expect(after).toEqual([[], [committee], [committee], [committee], [`${committee}:<session>`]]);
  });

  it('takes sign-out, password change, role change and disabling through the app at once', async () => {
    const admin = await login(t.app, 'admin');
    const out = await login(t.app, 'member045');
    expect((await out.get('/api/auth/me')).status).toBe(200);
    expect((await out.post('/api/auth/logout')).status).toBe(200);
    expect((await out.get('/api/auth/me')).status).toBe(401);

    const here = await login(t.app, 'member046');
    const there = await login(t.app, 'member046');
    expect((await there.get('/api/auth/me')).status).toBe(200);
    const changed = await here.post('/api/auth/password', { oldPassword: 'Demo@2026', newPassword: 'Cache#Check2026' });
    expect(changed.status).toBe(200);
    expect((await there.get('/api/auth/me')).status).toBe(401);

    const promoted = await login(t.app, 'member047');
    expect((await promoted.get(ACCOUNTS)).status).toBe(403);
    const id = promoted.me.account.id;
    const put = await admin.put(`/api/accounts/${id}`, { displayName: '缓存校验', roles: ['committeeAdmin'] });
    expect(put.status).toBe(200);
    expect((await promoted.get(ACCOUNTS)).status).toBe(200);

    const disabled = await login(t.app, 'member048');
    expect((await disabled.get('/api/auth/me')).status).toBe(200);
    expect((await admin.post(`/api/accounts/${disabled.me.account.id}/disable`)).status).toBe(200);
    expect((await disabled.get('/api/auth/me')).status).toBe(401);
  });
});

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))('session cache across two app processes', () => {
  let second: Database;
  let other: FastifyInstance;
  beforeAll(async () => {
    const url = (t.database.pool as unknown as { options: { connectionString: string } }).options.connectionString;
    second = await openPostgres(url, 2, 'zhengxie-second');
    other = await buildApp({
      database: second,
      config: loadConfig({
        ZHENGXIE_DATA_DIR: '/tmp/zhengxie-cache-test',
        RATE_LIMIT_PER_MINUTE: '1000000',
        SESSION_CACHE_SECONDS: '60',
      }),
    });
    await other.ready();
  });
  afterAll(async () => {
    await other.close();
    await second.close();
  });

  it('a change through one process reaches the other within a second', async () => {
    const admin = await login(t.app, 'admin');
    const c = await signIn(t.app, 'member049', 'Demo@2026');
    const onOther = () => other.inject({ method: 'GET', url: ACCOUNTS, headers: { cookie: c.cookie } });
    expect((await onOther()).statusCode).toBe(403);
    const put = await admin.put(`/api/accounts/${c.me.account.id}`, {
      displayName: '缓存校验',
      roles: ['committeeAdmin'],
    });
    expect(put.status).toBe(200);
    expect(await within1s(async () => (await onOther()).statusCode === 200)).toBe(true);
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    expect(await within1s(async () => (await onOther()).statusCode === 401)).toBe(true);
    const row = await queryOne(t.database.db, sql`select 1 from auth_sessions where csrf_token = ${c.csrf}`);
    expect(row).toBeUndefined();
  });
});
