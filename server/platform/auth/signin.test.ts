// Sign-in hardening (issue 11): no anonymous lockout, no way to tell real names from unknown ones, login names unique
// across committees, a password policy with common passwords, names and history, and idle sessions kept alive by use.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { login, testAppForFile } from '../../test/harness.ts';
import { queryOne } from '../db/client.ts';
import { hashPassword, verificationCount } from './passwords.ts';

const t = testAppForFile({}, { SESSION_IDLE_MINUTES: '1' });

const attempt = (username: string, password: string, remoteAddress = '127.0.0.1', cookie?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress,
    headers: cookie ? { cookie } : {},
  });

describe('sign-in', () => {
  it('answers a real and an unknown name alike, in words and in work', async () => {
    const real = await attempt('member020', 'Wrong#Pass1', '10.0.0.20');
    const unknown = await attempt('nobody_here', 'Wrong#Pass1', '10.0.0.21');
    expect(real.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(real.json()).toEqual(unknown.json());
    expect(real.json().message).toBe('用户名或密码错误');
    // The same work: each answer verifies one argon2 hash (made with the same parameters for unknown names). Before,
    // an unknown name skipped it and answered in a fifth of the time.
    const work = async (name: string, ip: string) => {
      const before = verificationCount.value;
      await attempt(name, 'Wrong#Pass1', ip);
      return verificationCount.value - before;
    };
    expect(await work('member021', '10.0.0.22')).toBe(1);
    expect(await work('nobody_else', '10.0.0.23')).toBe(1);
  });

  it('gives an attacker no lockout: their address is slowed, the user signs in from a known device', async () => {
    const earlier = await attempt('member022', 'Demo@2026', '10.0.1.1');
    const device = String(earlier.headers['set-cookie']).match(/zx_device=[^;]+/)![0];
    for (let i = 0; i < 5; i++) expect((await attempt('member022', 'guess', '10.6.6.6')).statusCode).toBe(401);
    const slowed = await attempt('member022', 'guess', '10.6.6.6');
    expect(slowed.statusCode).toBe(429);
    expect(slowed.json().message).toMatch(/^登录尝试过多，请 \d+ 秒后再试$/);
    // An unknown name is slowed the same way, so the delay tells nothing either.
    for (let i = 0; i < 5; i++) await attempt('no_such_user', 'guess', '10.6.6.6');
    expect((await attempt('no_such_user', 'guess', '10.6.6.6')).json().error).toBe('auth.throttled');
    // The account is locked for guessers (等保: failed attempts are limited) but the user's own device passes.
    expect((await attempt('member022', 'Demo@2026', '10.0.1.2')).statusCode).toBe(423);
    expect((await attempt('member022', 'Demo@2026', '10.0.1.1', device)).statusCode).toBe(200);
    const audit = await queryOne<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where action = 'auth.lock'`,
    );
    expect(audit!.n).toBe(1);
  });

  it('keeps login names unique across committees without naming the other one', async () => {
    const county = await login(t.app, 'county_admin');
    // member001 of the city signs in with 13911100000.
    const asUsername = await county.post('/api/accounts', {
      username: '13911100000',
      password: 'Zq#7!kLm2p',
      displayName: '测试',
      roles: ['officeStaff'],
    });
    expect(asUsername.status).toBe(400);
    expect(asUsername.body.error).toBe('account.duplicate');
    expect(asUsername.body.message).not.toMatch(/市|member/);
    const city = await login(t.app, 'admin');
    expect(
      (
        await city.post('/api/accounts', {
          username: '13700000001',
          password: 'Zq#7!kLm2p',
          displayName: '号码样用户名',
          roles: ['officeStaff'],
        })
      ).status,
    ).toBe(200);
    const asPhone = await county.post('/api/accounts', {
      username: 'county_new',
      password: 'Zq#7!kLm2p',
      displayName: '测试',
      roles: ['officeStaff'],
      phone: '13700000001',
    });
    expect(asPhone.status).toBe(400);
    expect(asPhone.body).toMatchObject({ error: 'account.phone_taken', field: 'phone' });
  });

  it('refuses common passwords, the username or name in it, and the last five', async () => {
    await t.database.db.execute(
      sql`update accounts set password_hash = ${await hashPassword('Start#2026q')} where username = 'member030'`,
    );
    const c = await login(t.app, 'member030', 'Start#2026q');
    for (const weak of ['P@ssw0rd', 'Admin@123', 'Password1', 'Member030!', `${c.me.account.displayName}#Ab12`]) {
      const res = await c.post('/api/auth/password', { oldPassword: 'Start#2026q', newPassword: weak });
      expect(res.status, weak).toBe(400);
      expect(res.body.error).toBe('auth.weak_password');
    }
    let current = 'Start#2026q';
    for (const next of ['Zq#7!kLm2p', 'Yw#8@jNn3r', 'Start#2026q']) {
      const res = await c.post('/api/auth/password', { oldPassword: current, newPassword: next });
      if (next === 'Start#2026q') {
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({
          error: 'auth.reused_password',
          message: '新密码不能与最近 5 次用过的密码相同',
        });
      } else {
        expect(res.status).toBe(200);
        current = next;
      }
    }
  });

  it('keeps an active session alive under a one-minute idle limit', async () => {
    const c = await login(t.app, 'member031');
    const touch = async () => {
      await t.database.db.execute(
        sql`update auth_sessions s set last_seen_at = now() - interval '40 seconds' from accounts a
          where a.committee_id = s.committee_id and a.id = s.account_id and a.username = 'member031'`,
      );
      expect((await c.get('/api/auth/me')).status).toBe(200);
    };
    // Active every 40 seconds for two minutes: each request must move the idle clock on.
    await touch();
    await touch();
    const seen = await queryOne<{ ago: number }>(
      t.database.db,
      sql`select extract(epoch from now() - s.last_seen_at)::float8 as ago from auth_sessions s
        join accounts a on a.committee_id = s.committee_id and a.id = s.account_id where a.username = 'member031'`,
    );
    expect(seen!.ago).toBeLessThan(10);
  });
});
