// Idempotency-Key on POST routes: the same key twice creates one item and answers the same both times; different keys
// create two; concurrent repeats wait for the first; a failed attempt may be retried with its key.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ELEVATOR } from '../modules/opinions/test-helpers.ts';
import { DEMO_PASSWORD } from '../seed/demo.ts';
import { createTestApp, type TestContext } from '../test/harness.ts';
import { queryOne } from './db/client.ts';
import { type Client, signIn } from './inject-client.ts';

let ctx: TestContext;
let member: Client;

beforeAll(async () => {
  ctx = await createTestApp();
  member = await signIn(ctx.app, 'member001', DEMO_PASSWORD);
});
afterAll(() => ctx.close());

async function post(url: string, payload: unknown, key?: string, who: Client = member) {
  const res = await ctx.app.inject({
    method: 'POST',
    url,
    payload: payload as object,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, ...(key ? { 'idempotency-key': key } : {}) },
  });
  return { status: res.statusCode, body: res.json(), replayed: res.headers['idempotent-replayed'] };
}

async function reportsTitled(title: string): Promise<number> {
  const row = await queryOne<{ n: number }>(
    ctx.database.db,
    sql`select count(*)::int as n from opinion_reports where title = ${title}`,
  );
  return row!.n;
}

describe('Idempotency-Key', () => {
  it('the same key twice: one report, the same answer', async () => {
    const body = { ...ELEVATOR, title: '关于幂等测试甲的建议' };
    const first = await post('/api/opinions', body, 'key-same-00000001');
    const second = await post('/api/opinions', body, 'key-same-00000001');
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(second.replayed).toBe('true');
    expect(await reportsTitled(body.title)).toBe(1);
  });

  it('different keys: two reports', async () => {
    const body = { ...ELEVATOR, title: '关于幂等测试乙的建议' };
    const a = await post('/api/opinions', body, 'key-diff-00000001');
    const b = await post('/api/opinions', body, 'key-diff-00000002');
    expect(a.body.id).not.toBe(b.body.id);
    expect(await reportsTitled(body.title)).toBe(2);
  });

  it('concurrent repeats of one key: one report, both get its answer', async () => {
    const body = { ...ELEVATOR, title: '关于幂等测试丙的建议' };
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => post('/api/opinions', body, 'key-conc-00000001')));
    expect(new Set([a.body.id, b.body.id, c.body.id]).size).toBe(1);
    expect(await reportsTitled(body.title)).toBe(1);
  });

  it('a key is per account: another member with the same key creates their own', async () => {
    const other = await signIn(ctx.app, 'member002', DEMO_PASSWORD);
    const body = { ...ELEVATOR, title: '关于幂等测试丁的建议' };
    const a = await post('/api/opinions', body, 'key-acct-00000001');
    const b = await post('/api/opinions', body, 'key-acct-00000001', other);
    expect(a.body.id).not.toBe(b.body.id);
    expect(await reportsTitled(body.title)).toBe(2);
  });

  it('a rejected attempt keeps no answer: corrected and sent again with the same key, it is created', async () => {
    const bad = await post('/api/opinions', { ...ELEVATOR, title: '', submit: true }, 'key-retry-0000001');
    expect(bad.status).toBe(400);
    const good = await post('/api/opinions', { ...ELEVATOR, title: '关于幂等测试戊的建议' }, 'key-retry-0000001');
    expect(good.status).toBe(200);
    expect(await reportsTitled('关于幂等测试戊的建议')).toBe(1);
  });

  it('the same key on another route is refused in Chinese', async () => {
    await post('/api/opinions', { ...ELEVATOR, title: '关于幂等测试己的建议' }, 'key-route-0000001');
    const other = await post('/api/proposals', { title: '关于幂等测试己的提案' }, 'key-route-0000001');
    expect(other.status).toBe(422);
    expect(other.body.message).toContain('提交编号已用于另一项操作');
  });

  it('without a key nothing changes: two posts, two reports', async () => {
    const body = { ...ELEVATOR, title: '关于幂等测试庚的建议' };
    await post('/api/opinions', body);
    await post('/api/opinions', body);
    expect(await reportsTitled(body.title)).toBe(2);
  });
});
