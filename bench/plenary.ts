// The plenary peak (issue 18), through the real app listening on a port: 800 members of one committee arrive at random
// moments within 2 minutes, each signs in and checks in to today's plenary with the venue screen's current code; 300
// of them submit a proposal at random moments within 5 minutes (from the same start, so the peaks overlap). Prints per
// step the count, errors by status and p50/p95/p99/max; then checks in the database that every check-in and every
// proposal is there exactly once and that the audit log verifies. PGlite always; PostgreSQL when TEST_DATABASE_URL is set.
//   npx tsx bench/plenary.ts                         real pace (2 and 5 minutes)
//   QUICK=1 npx tsx bench/plenary.ts                 smoke run: both windows compressed to 20 s
//   PACE=4 npx tsx bench/plenary.ts                  both windows divided by 4
//   scripts/with-postgres.sh npx tsx bench/plenary.ts   PostgreSQL, then PGlite
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { sealAudit, startAuditSealer } from '../server/platform/audit/seal.ts';
import { verifyAudit } from '../server/platform/audit/verify.ts';
import { type Database, openPglite, query, queryOne } from '../server/platform/db/client.ts';
import { migrate } from '../server/platform/db/migrate.ts';
import { DEMO_PASSWORD, seedDemo } from '../server/seed/demo.ts';
import { percentile } from './crowd.ts';
import { listenBenchApp } from './listen.ts';
import { benchDataDir, dropBenchDatabase, freshPostgres } from './setup.ts';

const MEMBERS = Number(process.env.MEMBERS ?? 800);
const SUBMITTERS = Number(process.env.SUBMITTERS ?? 300);
const PACE = Number(process.env.PACE ?? 1);
const QUICK = process.env.QUICK === '1';
const CHECKIN_WINDOW_S = QUICK ? 20 : 120 / PACE;
const SUBMIT_WINDOW_S = QUICK ? 20 : 300 / PACE;
const PG_NAME = `zhengxie_bench_plenary_${process.pid}`;
const username = (n: number) => `member${String(n).padStart(3, '0')}`;
const TITLE_MARK = '（全会压测 ';

class Step {
  ms: number[] = [];
  errors = new Map<number | string, number>();
  constructor(readonly name: string) {}
  record(ms: number, status: number | string, why?: string) {
    this.ms.push(ms);
    const key = why ? `${status} ${why}` : status;
    if (status !== 200) this.errors.set(key, (this.errors.get(key) ?? 0) + 1);
  }
  line() {
    const r = (n: number) => (Number.isNaN(n) ? '-' : n.toFixed(0)).padStart(6);
    const errs = [...this.errors].map(([k, v]) => `${k}×${v}`).join(' ') || '0';
    return `${this.name.padEnd(10)} n ${String(this.ms.length).padStart(4)}  p50 ${r(percentile(this.ms, 50))}  p95 ${r(percentile(this.ms, 95))}  p99 ${r(percentile(this.ms, 99))}  max ${r(Math.max(...this.ms))} ms  errors ${errs}`;
  }
}

interface User {
  cookie: string;
  csrf: string;
}

async function call(base: string, method: string, url: string, user: User | null, body?: unknown, key?: string) {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (user) {
    headers.cookie = user.cookie;
    headers['x-csrf-token'] = user.csrf;
  }
  if (key) headers['idempotency-key'] = key;
  const res = await fetch(base + url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text.startsWith('{') ? JSON.parse(text) : text };
}

/** Times one call into `step`; a thrown error (connection refused, reset) counts as an error too. */
async function timed<T extends { status: number; json?: any }>(step: Step, f: () => Promise<T>): Promise<T | null> {
  const t = performance.now();
  try {
    const r = await f();
    step.record(performance.now() - t, r.status, typeof r.json === 'object' ? r.json?.error : undefined);
    return r;
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code ?? '';
    step.record(performance.now() - t, `exception ${(e as Error).message.slice(0, 30)} ${cause}`);
    return null;
  }
}

async function signIn(base: string, name: string) {
  const res = await call(base, 'POST', '/api/auth/login', null, { username: name, password: DEMO_PASSWORD });
  const user =
    res.status === 200
      ? { cookie: String(res.headers.get('set-cookie')).split(';')[0], csrf: res.json.csrfToken }
      : null;
  return { status: res.status, json: res.json, user };
}

/** Members member300…memberN of the city committee with accounts sharing member001's password hash (hashed once). */
async function addMembers(database: Database, upTo: number) {
  const city = await queryOne<{ committee_id: number; term_id: number; password_hash: string }>(
    database.db,
    sql`select a.committee_id, m.term_id, a.password_hash from accounts a
      join members m on m.committee_id = a.committee_id and m.id = a.member_id where a.username = 'member001'`,
  );
  const { committee_id: c, term_id: term, password_hash: hash } = city!;
  const have = await query<{ username: string }>(
    database.db,
    sql`select username from accounts where committee_id = ${c}`,
  );
  const existing = new Set(have.map((r) => r.username));
  const wanted = Array.from({ length: upTo }, (_, i) => i + 1).filter((n) => !existing.has(username(n)));
  await database.db.transaction(async (tx) => {
    for (let i = 0; i < wanted.length; i += 200) {
      const chunk = wanted.slice(i, i + 200);
      const ids = await query<{ id: number; code: string }>(
        tx,
        sql`insert into members (committee_id, term_id, code, name, gender)
          values ${sql.join(
            chunk.map((n) => sql`(${c}, ${term}, ${`P${String(n).padStart(4, '0')}`}, ${`压测委员${n}`}, '男')`),
            sql`, `,
          )} returning id, code`,
      );
      await tx.execute(sql`insert into accounts (committee_id, username, display_name, password_hash, roles, member_id, must_change_password)
        values ${sql.join(
          ids.map((m) => {
            const n = Number(m.code.slice(1));
            return sql`(${c}, ${username(n)}, ${`压测委员${n}`}, ${hash}, array['member']::text[], ${m.id}, false)`;
          }),
          sql`, `,
        )}`);
    }
  });
  return c;
}

async function bench(kind: 'postgres' | 'pglite') {
  console.log(
    `\n== ${kind === 'postgres' ? 'PostgreSQL' : 'PGlite (embedded, bounded queue)'}: ${MEMBERS} members check in within ${CHECKIN_WINDOW_S} s, ${SUBMITTERS} submit within ${SUBMIT_WINDOW_S} s ==`,
  );
  const dataDir = benchDataDir();
  let database: Database;
  let env: Record<string, string> = {};
  if (kind === 'postgres') {
    const pg = await freshPostgres(PG_NAME, 20);
    database = pg.database;
    env = { DATABASE_URL: pg.url };
  } else {
    database = await openPglite({ dataDir: path.join(dataDir, 'pgdata') });
    await migrate(database);
  }
  await seedDemo(database.db);
  const committeeId = await addMembers(database, MEMBERS);
  // Every member signs in from the venue's one address (the hall's Wi-Fi behind NAT): no rate limits.
  const { app, base } = await listenBenchApp(database, dataDir, env);
  const stopSealer = startAuditSealer(database.db, 1000, app.log);

  const office = (await signIn(base, 'office_staff')).user!;
  const minute = 60_000;
  const meeting = await call(base, 'POST', '/api/meetings', office, {
    kind: 'plenary',
    title: '政协第六届委员会第二次全体会议',
    startsAt: new Date(Date.now() - 15 * minute).toISOString(),
    endsAt: new Date(Date.now() + 4 * 60 * minute).toISOString(),
    halfDays: 1,
    place: '市政协大礼堂',
    invite: { rule: 'all' },
  });
  if (meeting.status !== 200) throw new Error(`meeting: ${meeting.status} ${JSON.stringify(meeting.json)}`);
  const meetingId: number = meeting.json.id;
  const invited = await queryOne<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from meeting_invitees where committee_id = ${committeeId} and meeting_id = ${meetingId}`,
  );
  console.log(`plenary meeting ${meetingId}: ${invited!.n} members invited`);

  // The venue screen: a new code every 30 s (valid in its window and the next); the bench refreshes it every 10 s.
  let code = (await call(base, 'GET', `/api/meetings/${meetingId}/checkin-code`, office)).json.token as string;
  let screenOn = true;
  const screen = (async () => {
    while (screenOn) {
      await new Promise((r) => setTimeout(r, 10_000));
      const r = await call(base, 'GET', `/api/meetings/${meetingId}/checkin-code`, office).catch(() => null);
      if (r?.status === 200) code = r.json.token;
    }
  })();

  const steps = { signIn: new Step('sign-in'), checkIn: new Step('check-in'), submit: new Step('submit') };
  const rand = mulberry32(18);
  const members = Array.from({ length: MEMBERS }, (_, i) => i + 1);
  const submitters = new Set(shuffle(members, rand).slice(0, SUBMITTERS));
  const written: number[] = [];
  const t0 = performance.now();
  const at = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, t0 + ms - performance.now())));

  await Promise.all(
    members.map(async (n) => {
      const arrives = rand() * CHECKIN_WINDOW_S * 1000;
      const submitsAt = submitters.has(n) ? rand() * SUBMIT_WINDOW_S * 1000 : null;
      await at(arrives);
      const signed = await timed(steps.signIn, () => signIn(base, username(n)));
      const user = signed?.user;
      if (!user) return;
      await timed(steps.checkIn, () => call(base, 'POST', '/api/meetings/checkin', user, { token: code }));
      if (submitsAt == null) return;
      await at(submitsAt);
      const r = await timed(steps.submit, () =>
        call(
          base,
          'POST',
          '/api/proposals',
          user,
          {
            title: `关于加快建设社区嵌入式养老服务设施的提案${TITLE_MARK}${username(n)}）`,
            background: '随着人口老龄化加快，社区居家养老服务需求持续增长，现有设施布局不均、服务供给不足。'.repeat(3),
            suggestions: '一是将养老服务设施纳入社区规划；二是盘活闲置用房；三是完善运营补贴和人才队伍建设。',
            category: '社会建设',
            submit: true,
          },
          `plenary-${username(n)}-1`,
        ),
      );
      if (r?.status === 200) written.push(r.json.id);
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  screenOn = false;
  await screen;
  console.log(`all arrivals done in ${seconds.toFixed(1)} s, load ${os.loadavg()[0].toFixed(1)}`);
  for (const s of Object.values(steps)) console.log(s.line());

  await app.close();
  await stopSealer();
  await sealAudit(database.db, { limit: 1_000_000 });
  const { rows, problems } = await verifyAudit(database.db);
  const checkins = await queryOne<{ rows: number; audited: number; twice: number }>(
    database.db,
    sql`select (select count(*)::int from meeting_invitees where committee_id = ${committeeId} and meeting_id = ${meetingId}
          and checked_in_at is not null) as rows,
        (select count(*)::int from audit_log where committee_id = ${committeeId} and action = 'meeting.checkin'
          and entity_id = ${String(meetingId)}) as audited,
        (select count(*)::int from (select actor_id from audit_log where committee_id = ${committeeId}
          and action = 'meeting.checkin' and entity_id = ${String(meetingId)} group by actor_id having count(*) > 1) d) as twice`,
  );
  const proposals = await queryOne<{ rows: number; authors: number; submitted: number; unaudited: number }>(
    database.db,
    sql`select count(*)::int as rows, count(distinct created_by)::int as authors,
        count(*) filter (where state <> 'draft')::int as submitted,
        count(*) filter (where not exists (select 1 from audit_log a where a.committee_id = p.committee_id
          and a.action = 'proposal.create' and a.entity_id = p.id::text))::int as unaudited
      from proposals p where committee_id = ${committeeId} and title like ${`%${TITLE_MARK}%`}`,
  );
  const c = checkins!;
  const p = proposals!;
  const ok =
    c.rows === MEMBERS &&
    c.audited === MEMBERS &&
    c.twice === 0 &&
    p.rows === SUBMITTERS &&
    p.authors === SUBMITTERS &&
    p.submitted === SUBMITTERS &&
    p.unaudited === 0 &&
    written.length === SUBMITTERS &&
    problems.length === 0;
  console.log(
    `check-ins: ${c.rows}/${MEMBERS} rows, ${c.audited} audit rows, ${c.twice} members audited twice; ` +
      `proposals: ${p.rows}/${SUBMITTERS} rows from ${p.authors} authors, ${p.submitted} submitted, ${p.unaudited} without audit row`,
  );
  console.log(
    `audit log: ${rows} rows, ${problems.length ? `${problems.length} PROBLEMS ${JSON.stringify(problems.slice(0, 3))}` : 'intact'}` +
      ` — ${ok ? 'every write present exactly once' : 'WRITES MISSING OR DOUBLED'}`,
  );
  await database.close();
  if (kind === 'postgres') await dropBenchDatabase(PG_NAME);
  fs.rmSync(dataDir, { recursive: true, force: true });
  return ok && [...Object.values(steps)].every((s) => s.errors.size === 0);
}

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(xs: T[], rand: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

const results: boolean[] = [];
if (process.env.TEST_DATABASE_URL) results.push(await bench('postgres'));
else console.log('TEST_DATABASE_URL is not set (run under scripts/with-postgres.sh for PostgreSQL): PGlite only');
results.push(await bench('pglite'));
process.exit(results.every(Boolean) ? 0 : 1);
