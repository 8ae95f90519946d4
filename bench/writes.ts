// Writes under a crowd, through the real app listening on a port: many demo members signed in, proposals submitted at
// concurrency 1 (the baseline, same run) and 25, with sign-ins and meeting check-ins alongside; then the embedded
// database (PGlite) under the same load and under 200 connections. Prints throughput, p50/p95/p99 and errors, and
// verifies afterwards that the audit log is intact and has a row for every proposal written.
//   PG_DURABLE=1 scripts/with-postgres.sh npx tsx bench/writes.ts   (durable commits, as deployed: the measured figures)
//   scripts/with-postgres.sh npx tsx bench/writes.ts                (the tests' non-durable cluster, for comparison)
// SECONDS=… per phase; PROFILE=<prefix> writes a CPU profile of the 25-at-a-time phase; ONLY=postgres skips PGlite; without PostgreSQL: PGlite only. With pg_stat_statements loaded
// (PG_OPTS="-c shared_preload_libraries=pg_stat_statements") it also prints the statements one submission runs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, openPglite, openPostgres, query, queryOne } from '../server/platform/db/client.ts';
import { migrate } from '../server/platform/db/migrate.ts';
import { initFileStore } from '../server/platform/files/files.ts';
import { initFieldCrypto } from '../server/platform/secrets/field-crypto.ts';
import { DEMO_PASSWORD, seedDemo } from '../server/seed/demo.ts';
import { listenBenchApp } from './listen.ts';
import { profiled } from './profile.ts';

const SECONDS = Number(process.env.SECONDS ?? 8);
const ONLY = process.env.ONLY;
const pgUrl = process.env.TEST_DATABASE_URL;
const exists = (rel: string) => fs.existsSync(new URL(rel, import.meta.url));
// The bench also runs on code from before the keyed audit chain (for the "before" figures), so these are optional.
const sealer = exists('../server/platform/audit/seal.ts') ? await import('../server/platform/audit/seal.ts') : null;
const verifier: { verifyAudit: (db: Database['db']) => Promise<{ rows: number; problems: unknown[] }> } = exists(
  '../server/platform/audit/verify.ts',
)
  ? await import('../server/platform/audit/verify.ts')
  : ((await import('../server/platform/audit/audit.ts')) as any);
const auditKey = exists('../server/platform/secrets/audit-key.ts')
  ? await import('../server/platform/secrets/audit-key.ts')
  : null;

const pct = (xs: number[], p: number) => {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

interface Stats {
  name: string;
  ms: number[];
  errors: Map<number | string, number>;
  seconds: number;
}
const fmt = (s: Stats) => {
  const errs = [...s.errors].map(([k, v]) => `${k}×${v}`).join(' ') || '0';
  const r = (n: number) => (Number.isNaN(n) ? '-' : n.toFixed(1));
  return `${s.name.padEnd(44)} ${(s.ms.length / s.seconds).toFixed(1).padStart(7)}/s  p50 ${r(pct(s.ms, 50)).padStart(7)}  p95 ${r(pct(s.ms, 95)).padStart(7)}  p99 ${r(pct(s.ms, 99)).padStart(7)}  max ${r(Math.max(...s.ms)).padStart(7)} ms  n ${s.ms.length}  errors ${errs}`;
};

interface User {
  username: string;
  cookie: string;
  csrf: string;
}

async function call(base: string, method: string, url: string, user: User | null, body?: unknown) {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (user) {
    headers.cookie = user.cookie;
    headers['x-csrf-token'] = user.csrf;
  }
  const res = await fetch(base + url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text.startsWith('{') ? JSON.parse(text) : text };
}

async function signIn(base: string, username: string): Promise<{ user: User | null; status: number }> {
  const res = await call(base, 'POST', '/api/auth/login', null, { username, password: DEMO_PASSWORD });
  if (res.status !== 200) return { user: null, status: res.status };
  const cookie = String(res.headers.get('set-cookie')).split(';')[0];
  return { user: { username, cookie, csrf: res.json.csrfToken }, status: 200 };
}

/** Runs `workers` loops of `step` for `seconds`, or until a step returns false; collects the latency of each call. */
async function load(
  name: string,
  workers: number,
  seconds: number,
  step: (w: number, i: number) => Promise<number | string | false>,
) {
  const stats: Stats = { name, ms: [], errors: new Map(), seconds: 0 };
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = 0; performance.now() < until; i++) {
        const s = performance.now();
        const status = await step(w, i).catch((e) => `exception ${(e as Error).message.slice(0, 40)}`);
        if (status === false) return;
        stats.ms.push(performance.now() - s);
        if (status !== 200) stats.errors.set(status, (stats.errors.get(status) ?? 0) + 1);
        // Told 503 (the embedded database is full), a member waits the Retry-After (at least 1 s) before trying again,
        // as the web client's 重试 does, instead of hammering the server in a loop.
        if (status === 503) await new Promise((r) => setTimeout(r, 1000));
      }
    }),
  );
  stats.seconds = (performance.now() - t0) / 1000;
  console.log(`${fmt(stats)}  load ${os.loadavg()[0].toFixed(1)}`);
  return stats;
}

async function open(
  kind: 'postgres' | 'pglite',
  dataDir: string,
): Promise<{ database: Database; env: Record<string, string> }> {
  if (kind === 'pglite') return { database: await openPglite({ dataDir: path.join(dataDir, 'pgdata') }), env: {} };
  const name = `zhengxie_bench_writes_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(pgUrl!);
  u.pathname = `/${name}`;
  return { database: await openPostgres(u.toString()), env: { DATABASE_URL: u.toString() } };
}

/** The settings that decide what a commit costs, as the server reports them. */
async function printSettings(db: Database['db']) {
  const names = [
    'fsync',
    'synchronous_commit',
    'full_page_writes',
    'wal_sync_method',
    'commit_delay',
    'shared_buffers',
  ];
  const rows = await query<{ name: string; setting: string }>(
    db,
    sql`select name, current_setting(name) as setting from pg_settings where name = any(${sql.param(names)}::text[]) order by name`,
  );
  const durable = rows.every((r) => r.name !== 'fsync' || r.setting === 'on');
  console.log(
    `settings: ${rows.map((r) => `${r.name}=${r.setting}`).join(' ')}  (${durable ? 'durable, as deployed' : "NOT durable: the tests' cluster"})`,
  );
}

/** CPU seconds used so far by the PostgreSQL server behind `db` (its postmaster's children, read from /proc; Linux). */
async function serverCpu(db: Database['db']): Promise<number | null> {
  const me = await queryOne<{ pid: number }>(db, sql`select pg_backend_pid() as pid`);
  const ticks = (pid: string) => {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return { ppid: f[1], cpu: Number(f[11]) + Number(f[12]) }; // utime + stime, in clock ticks (100 a second)
  };
  try {
    const postmaster = ticks(String(me!.pid)).ppid;
    let sum = ticks(postmaster).cpu;
    for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        const t = ticks(pid);
        if (t.ppid === postmaster) sum += t.cpu;
      } catch {} // the process ended meanwhile
    }
    return sum / 100;
  } catch {
    return null;
  }
}

/** Runs a phase and prints the CPU it took per completed request: this process (app and bench client) and PostgreSQL. */
async function withCpu(db: Database['db'] | null, phase: () => Promise<Stats>): Promise<Stats> {
  const pg0 = db && (await serverCpu(db));
  const app0 = process.cpuUsage();
  const stats = await phase();
  const app = process.cpuUsage(app0);
  const pg1 = db && (await serverCpu(db));
  const per = (s: number) => ((s * 1000) / stats.ms.length).toFixed(1);
  console.log(
    `  CPU per request: app + bench client ${per((app.user + app.system) / 1e6)} ms` +
      (pg0 != null && pg1 != null ? `, PostgreSQL ${per(pg1 - pg0)} ms` : ''),
  );
  return stats;
}

/** True (and counters reset) when pg_stat_statements is loaded, so printStatements can count one phase. */
async function statementsCounted(db: Database['db']): Promise<boolean> {
  const lib = await queryOne<{ v: string }>(db, sql`select current_setting('shared_preload_libraries') as v`);
  if (!lib!.v.includes('pg_stat_statements')) return false;
  await db.execute(sql`create extension if not exists pg_stat_statements`);
  await db.execute(sql`select pg_stat_statements_reset()`);
  return true;
}

/** Statements per submission in the phase just run (`n` submissions), and the most frequent ones. */
async function printStatements(db: Database['db'], n: number) {
  const rows = await query<{ calls: number; query: string }>(
    db,
    sql`select calls::int, query from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
      and query not ilike '%pg_stat_statements%' order by calls desc`,
  );
  const total = rows.reduce((a, r) => a + r.calls, 0);
  console.log(`  statements per submission: ${(total / n).toFixed(1)} (pg_stat_statements, ${n} submissions)`);
  if (process.env.VERBOSE)
    for (const r of rows.filter((r) => r.calls >= n / 2))
      console.log(`    ${(r.calls / n).toFixed(2).padStart(5)}  ${r.query.replace(/\s+/g, ' ').slice(0, 150)}`);
}

/**
 * PGlite with PGLITE_STATEMENT_TIMES=1: what the database thread did per submission in the phase just run (`n`
 * submissions): its busy milliseconds, how long transactions stayed open against the time their statements ran (the
 * gap is the thread waiting on the app while every other statement waits), and the statements that cost the most.
 */
async function printThreadTimes(database: Database, n: number) {
  if (process.env.PGLITE_STATEMENT_TIMES !== '1' || !database.pglite) return;
  const { statements, tx } = await database.pglite.statementTimes();
  const busy = statements.reduce((a, s) => a + s.ms, 0);
  const calls = statements.reduce((a, s) => a + s.calls, 0);
  console.log(
    `  database thread per submission: ${(busy / n).toFixed(1)} ms running ${(calls / n).toFixed(1)} statements; ` +
      `transactions open ${(tx.openMs / n).toFixed(1)} ms, their statements ${(tx.runMs / n).toFixed(1)} ms (${tx.n} transactions)`,
  );
  for (const s of statements.sort((a, b) => b.ms - a.ms).slice(0, Number(process.env.TOP ?? 12)))
    console.log(
      `    ${(s.ms / n).toFixed(2).padStart(6)} ms  ${(s.calls / n).toFixed(2).padStart(5)}×  ${(s.ms / s.calls).toFixed(2).padStart(6)} ms each  ${s.sql.slice(0, 110)}`,
    );
}

async function bench(kind: 'postgres' | 'pglite') {
  console.log(`\n== ${kind === 'postgres' ? 'PostgreSQL' : 'PGlite (embedded)'} ==`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhengxie-bench-writes-'));
  initFileStore(dataDir);
  initFieldCrypto({ encryptionKey: null, dataDir });
  auditKey?.initAuditKey({ auditKey: null, dataDir, create: true });
  const { database, env } = await open(kind, dataDir);
  if (kind === 'postgres') await printSettings(database.db);
  await migrate(database);
  await seedDemo(database.db);
  // Every member signs in from the venue's one address (the hall's Wi-Fi behind NAT): no rate limits.
  const { app, base } = await listenBenchApp(database, dataDir, env);
  const stopSealer = sealer?.startAuditSealer(database.db, 1000, app.log) ?? (async () => {});
  const name = (n: number) => `member${String(n).padStart(3, '0')}`;

  // Sign-ins: 100 members, 10 at a time (argon2 runs in the thread pool).
  const users: User[] = [];
  let next = 1;
  await load('sign-in, 10 at a time', 10, 600, async () => {
    if (next > 100) return false;
    const r = await signIn(base, name(next++));
    if (r.user) users.push(r.user);
    return r.status;
  });
  const office = (await signIn(base, 'office_staff')).user!;
  const hour = 3600_000;
  const meeting = await call(base, 'POST', '/api/meetings', office, {
    kind: 'plenary',
    title: '压力测试全体会议',
    startsAt: new Date(Date.now() - hour / 2).toISOString(),
    endsAt: new Date(Date.now() + 3 * hour).toISOString(),
    halfDays: 1,
    place: '市政协大礼堂',
    invite: { rule: 'all' },
  });
  const code = await call(base, 'GET', `/api/meetings/${meeting.json.id}/checkin-code`, office);
  const written: number[] = [];
  let n = 0;
  const submit = async (w: number) => {
    const u = users[w % users.length];
    const r = await call(base, 'POST', '/api/proposals', u, {
      title: `关于改进社区养老服务的提案（压测 ${++n}）`,
      background: '随着人口老龄化加快，社区居家养老服务需求持续增长。'.repeat(4),
      suggestions: '一是加大投入；二是完善标准；三是加强队伍建设。',
      category: '社会建设',
      submit: true,
    });
    if (r.status === 200) written.push(r.json.id);
    return r.status;
  };
  const counting = kind === 'postgres' && (await statementsCounted(database.db));
  const pgDb = kind === 'postgres' ? database.db : null;
  await database.pglite?.statementTimes(); // the sign-ins' and the meeting's statements are not a submission's
  const one = await withCpu(pgDb, () => load('proposals submitted, 1 at a time (baseline)', 1, SECONDS, submit));
  if (counting) await printStatements(database.db, one.ms.length);
  await printThreadTimes(database, one.ms.length);
  // What the busy connections wait on while 25 submit (PostgreSQL): the machine's load does not change this picture.
  const waits = new Map<string, number>();
  let sampling = kind === 'postgres';
  const sampler = (async () => {
    while (sampling) {
      for (const w of await query<{ w: string }>(
        database.db,
        sql`select coalesce(wait_event_type || ':' || wait_event, 'running') as w from pg_stat_activity
          where state = 'active' and backend_type = 'client backend' and pid <> pg_backend_pid()`,
      ))
        waits.set(w.w, (waits.get(w.w) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const many = await withCpu(pgDb, () =>
    profiled(`${kind}-25`, () => load('proposals submitted, 25 at a time', 25, SECONDS, submit)),
  );
  sampling = false;
  await sampler;
  await printThreadTimes(database, many.ms.length - (many.errors.get(503) ?? 0));
  if (kind === 'postgres')
    console.log(
      `  active queries sampled while 25 submit: ${[...waits].map(([k, v]) => `${k} ${v}`).join(', ') || 'none (the database was never the one waiting)'}`,
    );
  // 25 members submitting while others sign in and check in to the plenary, each on their own.
  let signer = 0;
  let checker = 0;
  const [mixed, signins, checkins] = await Promise.all([
    load('  proposals, 25 at a time, with the two below', 25, SECONDS, submit),
    load(
      '  sign-ins alongside, 2 at a time',
      2,
      SECONDS,
      async () => (await signIn(base, name(101 + (signer++ % 200)))).status,
    ),
    load('  check-ins alongside, 2 at a time', 2, SECONDS, async () => {
      if (checker >= users.length) return false;
      return (await call(base, 'POST', '/api/meetings/checkin', users[checker++], { token: code.json.token })).status;
    }),
  ]);
  let crowd: Stats | null = null;
  if (kind === 'pglite') crowd = await load('proposals submitted, 200 at a time', 200, SECONDS, submit);

  await app.close();
  await stopSealer();
  await sealer?.sealAudit(database.db, { limit: 1_000_000 });
  const { rows, problems } = await verifier.verifyAudit(database.db);
  const missing = await queryOne<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from unnest(${sql.param(written)}::int[]) as p(id)
      where not exists (select 1 from audit_log a where a.entity = 'proposal' and a.action = 'proposal.create' and a.entity_id = p.id::text)`,
  );
  console.log(
    `audit log: ${rows} rows, ${problems.length ? `${problems.length} PROBLEMS ${JSON.stringify(problems.slice(0, 3))}` : 'intact'}; ` +
      `${written.length} proposals written, ${missing!.n} without their audit row`,
  );
  const ratio = many.ms.length / many.seconds / (one.ms.length / one.seconds);
  console.log(
    `25 concurrent vs 1 at a time: ${ratio.toFixed(2)}× (target ≥ 3×), p95 ${pct(many.ms, 95).toFixed(1)} ms (target < 100 ms)`,
  );
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { kind, one, many, mixed, signins, checkins, crowd };
}

const results = [];
if (pgUrl) results.push(await bench('postgres'));
else console.log('TEST_DATABASE_URL is not set (run under scripts/with-postgres.sh for PostgreSQL): PGlite only');
if (ONLY !== 'postgres') results.push(await bench('pglite'));
if (results.length === 2) {
  const [p, l] = results;
  // Proposals written per second: a 503 is not throughput.
  const tp = (s: Stats) => (s.ms.length - [...s.errors.values()].reduce((a, b) => a + b, 0)) / s.seconds;
  console.log(
    `\nPGlite vs PostgreSQL, proposals at 25: ${(tp(l.many) / tp(p.many)).toFixed(2)}× (target ≥ 0.5×); ` +
      `PGlite at 200: longest request ${Math.max(...l.crowd!.ms).toFixed(0)} ms (target ≤ 2000), 503s ${l.crowd!.errors.get(503) ?? 0}, ` +
      `${tp(l.crowd!).toFixed(1)} proposals written/s`,
  );
}
process.exit(0);
