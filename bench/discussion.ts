// Online discussion at plenary scale: 2,000 participants × 1,000 statements × 100,000 votes (three planted camps plus
// noise) written straight into the tables, then (1) the opinion map recomputed as the background job does it (read the
// votes, PCA + k-means, store), timed over RUNS runs, and (2) votes cast through the app (routes, sign-in cookie, CSRF,
// schema, transaction, audit) by VOTERS signed-in members at once for SECONDS, each taking the next statement and
// voting on it: p50/p95/p99 of the vote. Targets (issue 14): map < 10 s on 2 cores, vote p95 < 50 ms.
//   npx tsx bench/discussion.ts                       (PGlite)
//   scripts/with-postgres.sh npx tsx bench/discussion.ts   (PostgreSQL; VOTERS=… SECONDS=… RUNS=… PARTICIPANTS=…)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { recomputeMap } from '../server/modules/consultations/discussion-votes.ts';
import { type Database, openPglite, openPostgres, queryOne } from '../server/platform/db/client.ts';
import { migrate } from '../server/platform/db/migrate.ts';
import { initFileStore } from '../server/platform/files/files.ts';
import { signIn } from '../server/platform/inject-client.ts';
import { initAuditKey } from '../server/platform/secrets/audit-key.ts';
import { initFieldCrypto } from '../server/platform/secrets/field-crypto.ts';
import { DEMO_PASSWORD, seedDemo } from '../server/seed/demo.ts';

const PARTICIPANTS = Number(process.env.PARTICIPANTS ?? 2000);
const STATEMENTS = Number(process.env.STATEMENTS ?? 1000);
const VOTES = Number(process.env.VOTES ?? 100_000);
const VOTERS = Number(process.env.VOTERS ?? 100);
const SECONDS = Number(process.env.SECONDS ?? 15);
const RUNS = Number(process.env.RUNS ?? 3);
const pgUrl = process.env.TEST_DATABASE_URL;

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

function lcg(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

async function open(dataDir: string): Promise<{ database: Database; env: Record<string, string> }> {
  if (!pgUrl) return { database: await openPglite({ dataDir: path.join(dataDir, 'pgdata') }), env: {} };
  const name = `zhengxie_bench_discussion_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(pgUrl);
  u.pathname = `/${name}`;
  return { database: await openPostgres(u.toString()), env: { DATABASE_URL: u.toString() } };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhengxie-bench-discussion-'));
initFileStore(dataDir);
initFieldCrypto({ encryptionKey: null, dataDir });
initAuditKey({ auditKey: null, dataDir, create: true });
const { database, env } = await open(dataDir);
const db = database.db;
console.log(
  `== ${pgUrl ? 'PostgreSQL' : 'PGlite'}: ${PARTICIPANTS} participants × ${STATEMENTS} statements × ${VOTES} votes ==`,
);
await migrate(database);
await seedDemo(db);
const config = loadConfig({
  ...env,
  NODE_ENV: 'production',
  ZHENGXIE_DATA_DIR: dataDir,
  RATE_LIMIT_PER_MINUTE: '1000000',
  LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
});
const app = await buildApp({ database, config, logger: { level: 'warn' } });
await app.ready();

const office = await signIn(app, 'office_staff', DEMO_PASSWORD);
const now = Date.now();
const { id } = (
  await office.post('/api/discussions', {
    topic: '全会分组讨论：优化营商环境',
    audience: 'committee',
    opensAt: new Date(now - 86_400_000).toISOString(),
    closesAt: new Date(now + 7 * 86_400_000).toISOString(),
  })
).body as { id: number };
const committeeId = 1;

// Statements by demo members, then votes from synthetic participants (ids above any real account: votes have no
// foreign key to accounts), in three camps that agree with their third of the statements and disagree with the next.
const t0 = Date.now();
const authors = (await database.db.execute(
  sql`select id from accounts where committee_id = 1 and 'member' = any(roles) order by id limit 200`,
)) as any;
const authorIds: number[] = authors.rows.map((r: any) => r.id);
await db.execute(sql`insert into discussion_statements (committee_id, discussion_id, author_account_id, body)
  select ${committeeId}, ${id}, (${sql.param(authorIds)}::int[])[1 + (g % ${authorIds.length})], '观点第' || g || '条：建议进一步优化审批流程'
  from generate_series(1, ${STATEMENTS}) g`);
const sids = (
  (await db.execute(sql`select id from discussion_statements where discussion_id = ${id} order by id`)) as any
).rows.map((r: any) => r.id as number);
const r = lcg(42);
const seen = new Set<string>();
const rows: [number, number, number][] = [];
while (rows.length < VOTES) {
  const p = Math.floor(r() * PARTICIPANTS);
  const s = Math.floor(r() * STATEMENTS);
  const key = `${p}:${s}`;
  if (seen.has(key)) continue;
  seen.add(key);
  const camp = p % 3;
  const third = Math.floor((s * 3) / STATEMENTS);
  let v = third === camp ? 1 : third === (camp + 1) % 3 ? -1 : [1, -1, 0][Math.floor(r() * 3)];
  if (r() < 0.15) v = [1, -1, 0][Math.floor(r() * 3)];
  rows.push([sids[s], 10_000_000 + p, v]);
}
for (let i = 0; i < rows.length; i += 5000) {
  const b = rows.slice(i, i + 5000);
  await db.execute(sql`insert into discussion_votes (committee_id, statement_id, account_id, discussion_id, vote)
    select ${committeeId}, s, a, ${id}, v from unnest(${sql.param(b.map((x) => x[0]))}::int[], ${sql.param(b.map((x) => x[1]))}::int[],
      ${sql.param(b.map((x) => x[2]))}::int[]) as t(s, a, v)`);
}
await db.execute(sql`update discussion_statements s set agree = c.a, disagree = c.d, pass = c.p
  from (select statement_id, count(*) filter (where vote = 1)::int a, count(*) filter (where vote = -1)::int d,
    count(*) filter (where vote = 0)::int p from discussion_votes where discussion_id = ${id} group by statement_id) c
  where s.committee_id = ${committeeId} and s.id = c.statement_id`);
console.log(`data written in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

// (1) The map, as the job computes it.
const mapMs: number[] = [];
let last: Awaited<ReturnType<typeof recomputeMap>> | null = null;
for (let i = 0; i < RUNS; i++) {
  const t = performance.now();
  last = await db.transaction((tx) => recomputeMap(tx, committeeId, id));
  mapMs.push(performance.now() - t);
}
console.log(
  `map recompute: ${mapMs.map((m) => `${(m / 1000).toFixed(2)} s`).join(', ')} (target < 10 s); ` +
    `${last!.clustered} clustered, k = ${last!.k}, groups ${last!.groups.map((g) => g.size).join('/')}, silhouette ${last!.silhouette}, ` +
    `${last!.consensus.length} consensus, ${last!.divisive.length} divisive`,
);

// (2) Votes through the app.
const members = [];
for (let i = 1; i <= VOTERS; i++) members.push(await signIn(app, `member${String(i).padStart(3, '0')}`, DEMO_PASSWORD));
const voteMs: number[] = [];
const errors = new Map<number, number>();
const until = Date.now() + SECONDS * 1000;
await Promise.all(
  members.map(async (c) => {
    while (Date.now() < until) {
      const next = await c.get(`/api/discussions/${id}/next`);
      const sid = next.body.statement?.id;
      if (!sid) return;
      const t = performance.now();
      const res = await c.put(`/api/discussions/${id}/statements/${sid}/vote`, {
        vote: ['agree', 'disagree', 'pass'][sid % 3],
      });
      voteMs.push(performance.now() - t);
      if (res.status !== 200) errors.set(res.status, (errors.get(res.status) ?? 0) + 1);
    }
  }),
);
const f = (n: number) => n.toFixed(1);
console.log(
  `votes through the app, ${VOTERS} at once: ${voteMs.length} in ${SECONDS} s (${(voteMs.length / SECONDS).toFixed(0)}/s), ` +
    `p50 ${f(pct(voteMs, 50))} p95 ${f(pct(voteMs, 95))} p99 ${f(pct(voteMs, 99))} ms (target p95 < 50 ms), errors ${[...errors].join(' ') || 0}`,
);
const check = await queryOne<{ bad: number }>(
  db,
  sql`select count(*)::int as bad from discussion_statements s where s.discussion_id = ${id}
    and s.agree + s.disagree + s.pass <> (select count(*) from discussion_votes v where v.statement_id = s.id)`,
);
console.log(`statements whose counts differ from their votes: ${check!.bad}`);
await app.close();
await database.close();
fs.rmSync(dataDir, { recursive: true, force: true });
