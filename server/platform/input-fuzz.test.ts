// Hostile input to every route of the OpenAPI description: never a 5xx, as an administrator holding every staff role
// (so permission checks let the input through to validation and the handlers) and anonymously.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { login, testAppForFile } from '../test/harness.ts';

const t = testAppForFile();

// Raw JSON text for bodies (so 1e400 and true go over the wire as they are) and URL-encoded text (a lone surrogate
// can only reach a URL as the bytes UTF-8 would give it).
const KINDS: { name: string; url: string; json: string }[] = [
  { name: 'NUL', url: 'a%00b', json: '"a\\u0000b"' },
  { name: 'lone surrogate', url: '%ED%A0%80x', json: '"\\ud800x"' },
  { name: 'very long', url: 'x'.repeat(5000), json: `"${'长'.repeat(20_000)}"` },
  { name: 'hex', url: '0x10', json: '"0x10"' },
  { name: 'boolean', url: 'true', json: 'true' },
  { name: 'negative', url: '-1', json: '-1' },
  { name: 'overflow', url: '1e400', json: '1e400' },
  { name: 'markup', url: '%3Cscript%3Ealert(1)%3C%2Fscript%3E', json: '"<script>alert(1)</script>"' },
];

interface Op {
  method: string;
  path: string;
  params: string[];
  query: string[];
  body: string[];
}

async function operations(): Promise<Op[]> {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const ops: Op[] = [];
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      if (path.endsWith('/stream')) continue; // server-sent events never end
      const ps = (op.parameters ?? []) as { in: string; name: string }[];
      const schema = op.requestBody?.content?.['application/json']?.schema;
      ops.push({
        method: method.toUpperCase(),
        path,
        params: ps.filter((p) => p.in === 'path').map((p) => p.name),
        query: ps.filter((p) => p.in === 'query').map((p) => p.name),
        body: Object.keys(schema?.properties ?? {}),
      });
    }
  }
  return ops;
}

function requestsFor(op: Op, kind: (typeof KINDS)[number]) {
  const fill = (value: string) => op.path.replace(/\{(\w+)\}/g, () => value);
  const query = op.query.map((q) => `${q}=${kind.url}`).join('&');
  const body = op.body.length ? `{${op.body.map((k) => `"${k}":${kind.json}`).join(',')}}` : undefined;
  const out = [{ url: `${fill('1')}${query ? `?${query}` : ''}`, body }];
  // Hostile path parameters on their own, so the query and body above reach validation with a plausible id.
  if (op.params.length) out.push({ url: fill(kind.url), body: undefined });
  return out;
}

describe('hostile input on every route', () => {
  it('never answers 5xx, anonymously or signed in with every staff role', async () => {
    await t.database.db.execute(
      sql`update accounts set roles = array['sysAdmin','committeeAdmin','proposalStaff','liaisonStaff','officeStaff',
        'specialCommitteeStaff','leader'] where username = 'admin'`,
    );
    const admin = await login(t.app, 'admin');
    const ops = await operations();
    expect(ops.length).toBeGreaterThan(100);
    // Anonymous callers are stopped by sign-in before input is read, except on the public routes.
    const publicRoutes = new Set(
      t.app.routeCatalog.filter((r) => r.permission === undefined).map((r) => `${r.method} ${r.url}`),
    );
    const failures: string[] = [];
    let sent = 0;
    for (const op of ops) {
      const anonymous = publicRoutes.has(`${op.method} ${op.path.replace(/\{(\w+)\}/g, ':$1')}`);
      for (const kind of KINDS) {
        for (const req of requestsFor(op, kind)) {
          for (const headers of [{ cookie: admin.cookie, 'x-csrf-token': admin.csrf }, ...(anonymous ? [{}] : [])]) {
            const res = await t.app.inject({
              method: op.method as any,
              url: req.url,
              payload: op.method === 'GET' || op.method === 'DELETE' ? undefined : (req.body ?? '{}'),
              headers: { ...headers, ...(req.body ? { 'content-type': 'application/json' } : {}) },
            });
            sent++;
            if (res.statusCode >= 500)
              failures.push(`${op.method} ${op.path} [${kind.name}] ${res.statusCode} ${res.body.slice(0, 120)}`);
          }
        }
      }
    }
    console.log(`input fuzz: ${ops.length} operations, ${sent} requests, ${failures.length} failures`);
    expect(failures).toEqual([]);
  }, 600_000);

  it('names the field holding a NUL, and refuses loose numbers and booleans where ids are expected', async () => {
    const admin = await login(t.app, 'office_staff');
    const nul = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin\u0000', password: 'x' },
    });
    expect(nul.statusCode).toBe(400);
    expect(nul.json()).toMatchObject({
      error: 'input.bad_character',
      field: 'username',
      message: '「用户名」包含无法保存的字符',
    });
    const q = await admin.get('/api/org/members?q=%00');
    expect(q.status).toBe(400);
    expect(q.body.field).toBe('q');
    const hex = await admin.get('/api/org/members/0x10');
    expect([400, 404]).toContain(hex.status);
    const sci = await admin.get('/api/org/members/1e1');
    expect([400, 404]).toContain(sci.status);
    const ua = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'x' },
      headers: { 'user-agent': 'a\u0000b' },
    });
    expect(ua.statusCode).toBe(400);
    expect(ua.json().field).toBe('user-agent');
  });

  it('takes ids as they are written: true is not member 1 and 0x10 is not account 16', async () => {
    const office = await login(t.app, 'office_staff');
    const talk = await office.post('/api/duty/consequences', {
      memberId: true,
      year: 2026,
      kind: 'talk',
      happenedOn: '2026-03-01',
      reason: '履职不足',
    });
    expect(talk.status).toBe(400);
    expect(talk.body.field).toBe('memberId');
    const admin = await login(t.app, 'admin');
    const reset = await admin.post('/api/accounts/0x10/reset-password', {});
    expect([400, 404]).toContain(reset.status);
    const numeric = await admin.post('/api/accounts/16/reset-password', {});
    expect(numeric.status).toBeLessThan(500);
  });
});
