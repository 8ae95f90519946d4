// /login from the server (decision 0023): the plain page for someone signed out, with the "请先登录" notice in the
// HTML itself when sent from another page; someone signed in goes on (forced password change first, never off-site).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestContext } from '../test/harness.ts';

let t: TestContext;
let member: Client;
let firstTimer: Client;
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'zx-web-pages-'));
// The real page's markers (web/login.html) as the build leaves them, and an app page beside it.
const page = fs
  .readFileSync(path.resolve(import.meta.dirname, '../../web/login.html'), 'utf8')
  .replace(/<script[^>]*><\/script>/, '');

beforeAll(async () => {
  fs.writeFileSync(path.join(dist, 'login.html'), page);
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>数字政协</title>');
  t = await createTestApp({}, { webDist: dist });
  member = await login(t.app, 'member001');
  await t.database.db.execute(sql`update accounts set must_change_password = true where username = 'member002'`);
  firstTimer = await login(t.app, 'member002');
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('GET /login', () => {
  it('sends the plain login page to someone signed out, revalidated on every visit', async () => {
    const res = await t.app.inject({ url: '/login' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('<h2>用户登录</h2>');
    expect(res.body).toContain('<label for="username">用户名或手机号</label>');
    expect(res.body).toContain('id="next-notice" class="alert info" hidden');
  });

  it('shows 请先登录 in the first paint when sent from another page', async () => {
    const res = await t.app.inject({ url: '/login?next=%2Fproposals%2Fmine' });
    expect(res.body).toContain('id="next-notice" class="alert info">');
    expect(res.body).toContain('您还没有登录或登录已过期，登录后将回到刚才的页面。');
  });

  it('sends someone signed in on: to ?next on this site, home otherwise, the password change first', async () => {
    const on = (url: string, who: Client = member) => t.app.inject({ url, headers: { cookie: who.cookie } });
    expect((await on('/login?next=%2Fproposals%2Fmine')).headers.location).toBe('/proposals/mine');
    expect((await on('/login')).headers.location).toBe('/');
    expect((await on('/login?next=//evil.example')).headers.location).toBe('/');
    expect((await on('/login?next=https%3A%2F%2Fevil.example%2F')).headers.location).toBe('/');
    const must = await on('/login?next=%2Fproposals', firstTimer);
    expect(must.statusCode).toBe(303);
    expect(must.headers.location).toBe('/password');
  });
});
