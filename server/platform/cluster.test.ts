// Two real app processes on one PostgreSQL behind a real nginx (PostgreSQL suite only; skipped on PGlite, which one
// process owns): a session made on one process works on the other, a notification caused on one reaches a live stream
// held by the other and by nginx, an upload through one downloads through the other, the audit's address is the
// client's (nginx's X-Forwarded-For, believed with TRUST_PROXY), and scheduled jobs run once although both run them.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findNginx, NGINX_MISSING, renderNginxConfig, startNginx, waitForHealthy } from '../../scripts/nginx-config.ts';
import { DEMO_PASSWORD } from '../seed/demo.ts';
import { cloneTemplate, TEST_AUDIT_KEY, TEST_KEY } from '../test/template.ts';
import { type Database, query, queryOne } from './db/client.ts';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
/** Requests "from a member's machine": nginx sees this address, the app processes see nginx's 127.0.0.1. */
const MEMBER_ADDRESS = '127.0.0.5';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function call(
  port: number,
  method: string,
  url: string,
  o: { cookie?: string; csrf?: string; json?: unknown; body?: Buffer; type?: string; from?: string; xff?: string } = {},
): Promise<Answer> {
  const body = o.json !== undefined ? Buffer.from(JSON.stringify(o.json)) : o.body;
  const headers: Record<string, string> = {};
  if (o.cookie) headers.cookie = o.cookie;
  if (o.csrf) headers['x-csrf-token'] = o.csrf;
  if (body)
    headers['content-type'] = o.json !== undefined ? 'application/json' : (o.type ?? 'application/octet-stream');
  if (o.xff) headers['x-forwarded-for'] = o.xff;
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: url, headers, localAddress: o.from }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function signIn(port: number, username: string, from?: string, xff?: string) {
  const res = await call(port, 'POST', '/api/auth/login', { json: { username, password: DEMO_PASSWORD }, from, xff });
  if (res.status !== 200) throw new Error(`login ${username} on :${port}: ${res.status} ${res.body}`);
  const me = JSON.parse(res.body.toString());
  return { cookie: String(res.headers['set-cookie']?.[0]).split(';')[0], csrf: me.csrfToken as string, me };
}

/** Opens the live notification stream; `next()` resolves at the next notification event. */
async function openStream(port: number, cookie: string) {
  let buffered = '';
  let waiter: (() => void) | null = null;
  const req = http.get({ host: '127.0.0.1', port, path: '/api/notifications/stream', headers: { cookie } });
  const res = await new Promise<http.IncomingMessage>((r, j) => req.on('response', r).on('error', j));
  expect(res.statusCode).toBe(200);
  res.on('data', (c: Buffer) => {
    buffered += c.toString();
    if (buffered.includes('event: notification')) waiter?.();
  });
  // The stream's first bytes ('retry: …') show it is open end to end (nginx passes them at once: no buffering).
  await new Promise<void>((r) => {
    const check = () => (buffered.includes('retry:') ? r() : setTimeout(check, 20));
    check();
  });
  return {
    next: () =>
      new Promise<void>((resolve, reject) => {
        if (buffered.includes('event: notification')) return resolve();
        const timer = setTimeout(() => reject(new Error('no notification within 10 s')), 10_000);
        waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      }),
    close: () => req.destroy(),
  };
}

describe.runIf(onPostgres)('several app processes behind nginx', () => {
  let database: Database;
  let dataDir: string;
  let prefix: string;
  const procs: ChildProcess[] = [];
  const logs: string[] = [];
  let ports: number[] = [];
  let proxy = 0;
  const [A, B] = [0, 1];

  beforeAll(async () => {
    const nginx = findNginx();
    if (!nginx) throw new Error(NGINX_MISSING);
    database = await cloneTemplate();
    const url = (database.pool as unknown as { options: { connectionString: string } }).options.connectionString;
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhengxie-cluster-'));
    ports = [await freePort(), await freePort()];
    proxy = await freePort();
    for (const port of ports) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        env: {
          ...process.env,
          DATABASE_URL: url,
          PORT: String(port),
          HOST: '127.0.0.1',
          TRUST_PROXY: 'true',
          ZHENGXIE_DATA_DIR: dataDir,
          ZHENGXIE_ENCRYPTION_KEY: TEST_KEY,
          ZHENGXIE_AUDIT_KEY: TEST_AUDIT_KEY,
          ZHENGXIE_SEED_DEMO: 'false',
          ZHENGXIE_SKIP_WEB_BUILD: '1',
          SCHEDULER_INTERVAL_MS: '100',
          LOG_LEVEL: 'warn',
          NODE_ENV: 'production',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      child.stderr?.on('data', (c) => logs.push(String(c)));
      procs.push(child);
    }
    prefix = path.join(dataDir, 'nginx');
    fs.mkdirSync(prefix);
    renderNginxConfig({ prefix, listen: `127.0.0.1:${proxy}`, appPorts: ports, uploadMaxMb: 20 });
    const ng = startNginx(nginx, prefix, 'pipe');
    ng.stderr?.on('data', (c) => logs.push(`nginx: ${c}`));
    procs.push(ng);
    try {
      for (const [i, port] of ports.entries())
        await waitForHealthy(`http://127.0.0.1:${port}/healthz`, 180_000, () => procs[i].exitCode === null);
      await waitForHealthy(`http://127.0.0.1:${proxy}/healthz`, 10_000, () => ng.exitCode === null);
    } catch (err) {
      throw new Error(`${(err as Error).message}\n${logs.join('')}`);
    }
  }, 240_000);

  afterAll(async () => {
    for (const p of procs) p.kill('SIGTERM');
    await Promise.all(procs.map((p) => (p.exitCode === null ? new Promise((r) => p.once('exit', r)) : null)));
    await database?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('a session made on one process acts on the other; the member hears of it live on A and through nginx', async () => {
    const office = await signIn(ports[A], 'office_staff');
    const member = await signIn(proxy, 'member010', MEMBER_ADDRESS);
    const onA = await openStream(ports[A], member.cookie);
    const viaNginx = await openStream(proxy, member.cookie);
    try {
      const startsAt = new Date(Date.now() + 86_400_000).toISOString();
      const res = await call(ports[B], 'POST', '/api/meetings', {
        cookie: office.cookie,
        csrf: office.csrf,
        json: {
          kind: 'plenary',
          title: '多进程测试会议',
          startsAt,
          endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
          halfDays: 1,
          place: '第一会议室',
          invite: { rule: 'members', memberIds: [member.me.account.memberId] },
        },
      });
      expect(res.status, res.body.toString()).toBe(200);
      await Promise.all([onA.next(), viaNginx.next()]);
      const list = await call(proxy, 'GET', '/api/notifications', { cookie: member.cookie });
      expect(JSON.parse(list.body.toString()).items[0].title).toBe('会议通知：多进程测试会议');
    } finally {
      onA.close();
      viaNginx.close();
    }
  });

  it('records the member’s address, not nginx’s, and a forged X-Forwarded-For changes nothing', async () => {
    const member = await signIn(proxy, 'member011', MEMBER_ADDRESS, '203.0.113.9');
    const row = await queryOne<{ ip: string }>(
      database.db,
      sql`select ip from auth_sessions where csrf_token = ${member.csrf}`,
    );
    expect(row?.ip).toBe(MEMBER_ADDRESS);
  });

  it('an upload through one process downloads through the other and through nginx', async () => {
    const office = await signIn(ports[A], 'office_staff');
    const content = Buffer.from(
      `%PDF-1.4\n% 多进程共享的数据目录 ${Date.now()}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`,
    );
    const boundary = 'zxclustertest';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="note.pdf"\r\ncontent-type: application/pdf\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await call(ports[A], 'POST', '/api/files', {
      cookie: office.cookie,
      csrf: office.csrf,
      body,
      type: `multipart/form-data; boundary=${boundary}`,
    });
    expect(up.status, up.body.toString()).toBe(200);
    const { id } = JSON.parse(up.body.toString());
    for (const port of [ports[B], proxy]) {
      const down = await call(port, 'GET', `/api/files/${id}`, { cookie: office.cookie });
      expect(down.status).toBe(200);
      expect(down.body.equals(content)).toBe(true);
    }
  });

  it('runs each scheduled job once although both processes run the scheduler', async () => {
    const { id: committeeId } = (await queryOne<{ id: number }>(
      database.db,
      sql`select min(id) as id from committees`,
    ))!;
    await database.db.execute(sql`insert into jobs (committee_id, kind, run_at, payload, dedupe_key)
      select ${committeeId}, 'notification.mail', now(), '{"accountIds":[],"title":"t","body":""}', 'cluster-test:' || g
      from generate_series(1, 200) g`);
    const deadline = Date.now() + 20_000;
    let rows: { status: string; attempts: number }[] = [];
    while (Date.now() < deadline) {
      rows = await query(database.db, sql`select status, attempts from jobs where dedupe_key like 'cluster-test:%'`);
      if (rows.every((r) => r.status === 'done')) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(rows).toHaveLength(200);
    expect(rows.filter((r) => r.status !== 'done' || r.attempts !== 1)).toEqual([]);
  });
});
