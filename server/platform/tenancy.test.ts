// The permission and tenancy walk: every API route is called anonymously, by every role that lacks its permission,
// and by users of another committee (the county) with ids of the city's rows. None may answer with data or a 500.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RouteInfo } from '../app.ts';
import { UNITS } from '../seed/demo-reference.ts';
import { type Client, login, testAppForFile } from '../test/harness.ts';
import { type Action, can } from './auth/permissions.ts';

const PUBLIC = new Set([
  'POST /api/auth/login',
  'GET /api/openapi.json',
  'GET /healthz',
  // Only outcomes the office flagged public, found by committee code (outcome.test.ts).
  'GET /api/public/consultation-outcomes',
  // Grassroots public site: pages found by a room's or studio's QR token, writes with a phone's one-time code (public.test.ts).
  'GET /api/public/:kind/:token',
  'GET /api/public/topics/:token',
  'POST /api/public/:kind/:token/code',
  'POST /api/public/:kind/:token/submissions',
  // The committee's public site by its region code: published news, public proposals, the published plan, rooms and
  // studios; proposal ideas written with a phone's one-time code (public-site.test.ts).
  'GET /api/public/c/:code',
  'GET /api/public/c/:code/news',
  'GET /api/public/c/:code/news/:id',
  'GET /api/public/c/:code/proposals',
  'POST /api/public/c/:code/code',
  'POST /api/public/c/:code/ideas',
  // A question to a studio's reception (委员会客室) with the studio's one-time code (reception.test.ts).
  'POST /api/public/reception/:token/questions',
  // A published room session's photo, by the room's QR token (public.test.ts).
  'GET /api/public/rooms/:token/photos/:fileId',
  // Invited citizens of an online discussion: the page and sign-in by the invitation's token; reads and writes need the
  // guest cookie of that discussion (discussion-guests.test.ts).
  'GET /api/public/discussions/:token',
  'POST /api/public/discussions/:token/code',
  'POST /api/public/discussions/:token/sign-in',
  'GET /api/public/discussions/:token/statements',
  'GET /api/public/discussions/:token/next',
  'POST /api/public/discussions/:token/statements',
  'GET /api/public/discussions/:token/comments',
  'POST /api/public/discussions/:token/comments',
  'PUT /api/public/discussions/:token/statements/:statementId/vote',
]);
// Streams never end, so inject cannot await them; their guard is the same requireAuth as every route.
const STREAMING = new Set(['GET /api/notifications/stream', 'GET /api/discussions/:id/stream']);

// One county account per role: a user of another committee than the city whose rows we try to reach.
const COUNTY_USERS = [
  'county_admin',
  'county_proposal_staff',
  'county_liaison_staff',
  'county_office_staff',
  'county_leader',
  'county_member001',
  'county_unit01',
  'county_org01',
  'county_informant01',
];

// Text that only the city's rows contain: the committee's name and its units' names (the county's are 县…).
const CITY_MARKERS = ['示例市政协', ...UNITS];

const t = testAppForFile();
let routes: RouteInfo[];
const clients: Record<string, Client> = {};

beforeAll(async () => {
  routes = t.app.routeCatalog.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
  for (const u of COUNTY_USERS) clients[u] = await login(t.app, u);
});

/** A concrete URL for a route pattern: every :param becomes the given id. */
const fill = (url: string, id: number) => url.replace(/:[A-Za-z]+/g, String(id)).replace(/\*$/, '');

async function call(c: Client | null, method: string, url: string) {
  if (!c) {
    const r = await t.app.inject({
      method: method as any,
      url,
      payload: method === 'GET' || method === 'DELETE' ? undefined : {},
    });
    return { status: r.statusCode, body: r.body };
  }
  const r =
    method === 'GET'
      ? await c.get(url)
      : method === 'DELETE'
        ? await c.del(url)
        : method === 'PUT'
          ? await c.put(url, {})
          : method === 'PATCH'
            ? await c.patch(url, {})
            : await c.post(url, {});
  return { status: r.status, body: typeof r.body === 'string' ? r.body : JSON.stringify(r.body) };
}

describe('every route', () => {
  it('has a schema and, unless public, a requireAuth guard', () => {
    const missing = routes.filter((r) => !r.hasSchema).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
    const unguarded = routes
      .filter((r) => r.permission === undefined && !PUBLIC.has(`${r.method} ${r.url}`))
      .map((r) => `${r.method} ${r.url}`);
    expect(unguarded).toEqual(['GET /api/auth/me']);
  });

  it('answers 401 to anonymous callers', async () => {
    for (const r of routes) {
      const key = `${r.method} ${r.url}`;
      if (PUBLIC.has(key)) continue;
      const res = await call(null, r.method, fill(r.url, 1));
      expect([key, res.status]).toEqual([key, 401]);
    }
  }, 300_000);

  it('answers 403 to every role that lacks the permission', async () => {
    for (const r of routes) {
      if (!r.permission || STREAMING.has(`${r.method} ${r.url}`)) continue;
      for (const u of COUNTY_USERS) {
        const c = clients[u];
        if (can(c.me.account.roles, r.permission as Action)) continue;
        const res = await call(c, r.method, fill(r.url, 1));
        expect([`${r.method} ${r.url}`, u, res.status]).toEqual([`${r.method} ${r.url}`, u, 403]);
      }
    }
  }, 300_000);

  it("never gives a user of another committee the city's rows, and never a 500", async () => {
    const failures: string[] = [];
    for (const r of routes) {
      const key = `${r.method} ${r.url}`;
      if (PUBLIC.has(key) || STREAMING.has(key) || r.url.startsWith('/api/auth/')) continue;
      for (const u of COUNTY_USERS) {
        const c = clients[u];
        if (r.permission && !can(c.me.account.roles, r.permission as Action)) continue;
        // Ids 1–3 of every seeded table belong to the city (it is seeded first).
        for (const id of r.url.includes(':') ? [1, 2, 3] : [1]) {
          const res = await call(c, r.method, fill(r.url, id));
          if (res.status >= 500) failures.push(`${key} as ${u}: ${res.status} ${res.body.slice(0, 200)}`);
          const leaked = CITY_MARKERS.find((m) => res.body.includes(m));
          if (res.status < 300 && leaked) failures.push(`${key} as ${u} (id ${id}): city data leaked (${leaked})`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('answers bad input from a permitted user with a 4xx and a Chinese message, never a 500', async () => {
    const city: Record<string, Client> = {};
    for (const u of [
      'admin',
      'proposal_staff',
      'liaison_staff',
      'office_staff',
      'leader',
      'member040',
      'unit05',
      'org02',
      'informant02',
    ]) {
      city[u] = await login(t.app, u);
    }
    const failures: string[] = [];
    for (const r of routes) {
      const key = `${r.method} ${r.url}`;
      if (PUBLIC.has(key) || STREAMING.has(key) || r.url.startsWith('/api/auth/')) continue;
      const c = Object.values(city).find((x) => !r.permission || can(x.me.account.roles, r.permission as Action));
      if (!c) continue;
      const attempts: [string, unknown][] = r.url.includes(':')
        ? [
            [fill(r.url, 0).replace(/\/0(?=\/|$)/g, '/abc'), {}],
            [fill(r.url, 2147483000), {}],
          ]
        : [[r.url, [1, 2]]];
      for (const [url, body] of attempts) {
        const res =
          r.method === 'GET'
            ? await c.get(`${url}${url.includes('?') ? '&' : '?'}page=-1`)
            : await (r.method === 'DELETE'
                ? c.del(url)
                : c[r.method === 'PUT' ? 'put' : r.method === 'PATCH' ? 'patch' : 'post'](url, body));
        if (res.status >= 500) failures.push(`${key} ${url}: ${res.status}`);
        else if (res.status >= 400 && !/[\u4e00-\u9fff]/.test(String(res.body?.message ?? '')))
          failures.push(`${key} ${url}: ${res.status} without a Chinese message`);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
