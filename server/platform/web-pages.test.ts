// /login from the server (decision 0023): the plain page for someone signed out, with the "请先登录" notice in the
// HTML itself when sent from another page; someone signed in goes on (forced password change first, never off-site).
// / from the server (decision 0027): a member's plain home (name, to-dos, the tiles their permissions allow), the app
// for homes with a dashboard, the login page for someone signed out.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { menuEntries } from '../../web/app/homeData.ts';
import { menuJson } from '../../web/app/menuJson.ts';
import { type Client, createTestApp, login, type TestContext } from '../test/harness.ts';

let t: TestContext;
let member: Client;
let firstTimer: Client;
let staff: Client;
const menu = menuJson();
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'zx-web-pages-'));
// The real page's markers (web/login.html) as the build leaves them, and an app page beside it.
const page = fs
  .readFileSync(path.resolve(import.meta.dirname, '../../web/login.html'), 'utf8')
  .replace(/<script[^>]*><\/script>/, '');

beforeAll(async () => {
  fs.writeFileSync(path.join(dist, 'login.html'), page);
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>数字政协</title>');
  const home = fs.readFileSync(path.resolve(import.meta.dirname, '../../web/home.html'), 'utf8');
  fs.writeFileSync(path.join(dist, 'home.html'), home.replace(/<script[^>]*><\/script>/, ''));
  fs.writeFileSync(path.join(dist, 'menu.json'), JSON.stringify(menu));
  t = await createTestApp({}, { webDist: dist });
  member = await login(t.app, 'member001');
  await t.database.db.execute(sql`update accounts set must_change_password = true where username = 'member002'`);
  firstTimer = await login(t.app, 'member002');
  staff = await login(t.app, 'proposal_staff');
  // A to-do for the member: a meeting next week they have not answered yet.
  const office = await login(t.app, 'office_staff');
  const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
  const invited = await office.post('/api/meetings', {
    kind: 'standing',
    title: '常委会专题协商会',
    startsAt: day(7),
    endsAt: day(7.1),
    place: '第一会议室',
    invite: { rule: 'members', memberIds: [member.me.account.memberId] },
  });
  expect(invited.status).toBe(200);
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

describe('GET /', () => {
  const home = (who?: Client) => t.app.inject({ url: '/', headers: who ? { cookie: who.cookie } : {} });
  const text = (html: string) => html.replace(/<[^>]+>/g, '');

  it('sends a member their plain home: their name, their to-dos, only the tiles their permissions allow', async () => {
    const res = await home(member);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('private, no-cache');
    const me = (await member.get('/api/auth/me')).body;
    expect(res.body).toMatch(
      new RegExp(`<h1 id="greeting">(您好|上午好|中午好|下午好|晚上好)，${me.account.displayName}</h1>`),
    );
    expect(res.body).toContain(`<b data-testid="committee-name">${me.committee.name}</b>`);
    expect(res.body).toContain('<span class="tag">委员</span>');
    expect(res.body).not.toMatch(/\{\{/);
    const todos = (await member.get('/api/todos')).body.items as { label: string; link: string; count: number }[];
    expect(todos.length).toBeGreaterThan(0);
    for (const todo of todos)
      expect(res.body).toContain(
        `<a href="${todo.link}"><span>${todo.label}</span><span class="n"><span class="cnt">${todo.count}</span>`,
      );
    // The tiles are the menu entries the member may open, by the same rule as the app's menu, and nothing else.
    const tiles = [...res.body.matchAll(/<a class="card" href="([^"]+)">.*?<span>([^<]+)<\/span><\/a>/g)].map((m) => [
      m[1],
      m[2],
    ]);
    const expected = menuEntries(menu, (a) => me.permissions.includes(a)).filter((e) => e.path !== '/');
    expect(tiles.sort()).toEqual(expected.map((e) => [e.path, e.label]).sort());
    expect(text(res.body)).toContain('我的提案');
    expect(text(res.body)).not.toContain('审计日志');
    expect(text(res.body)).not.toContain('提案管理');
    // The account's own 字号 key and the CSRF token for 退出登录.
    expect(res.body).toContain(
      `<meta name="zx-text-size-key" content="zx:text-size:${me.committee.id}:${me.account.id}" />`,
    );
    expect(res.body).toContain(`<meta name="zx-csrf" content="${me.csrfToken}" />`);
  });

  it('sends staff whose home has a dashboard the app', async () => {
    const res = await home(staff);
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('<!doctype html><title>数字政协</title>');
  });

  it('sends someone signed out to the login page, and a first login to the password change', async () => {
    const out = await home();
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/login');
    expect((await home(firstTimer)).headers.location).toBe('/password');
  });
});
