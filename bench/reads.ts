// Reads under a crowd over HTTP, next to a bare baseline (issue 18): the proposal list (office and member), the opinion
// list, the home's to-dos and a proposal's detail page, at demo scale (seedDemo) and at bench scale (1,500 proposals and
// 5,000 opinion reports per committee). Each case runs through the real app listening on a port under autocannon at 1
// and 50 connections with the cookies of many distinct users, and through a bare Fastify + pg server on a pool of the
// same size running one equivalent SELECT (same page, same count, no auth); prints req/s, p50/p95/p99, errors, the
// ratio app/bare and the cold first request, with the targets beside them.
//   scripts/with-postgres.sh npx tsx bench/reads.ts     (SECONDS=… per run, COMMITTEES=…, SCALES=demo,bench, POOL=…,
//   CASE=待办 for one case, PROFILE=/tmp/p for a CPU profile of each app run)
import fs from 'node:fs';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { createSession } from '../server/platform/auth/session.ts';
import { type Db, query } from '../server/platform/db/client.ts';
import { seedDemoActivity } from '../server/seed/activity.ts';
import { seedDemo } from '../server/seed/demo.ts';
import { hammer } from './crowd.ts';
import { loadOpinions } from './generate-opinions.ts';
import { benchCommittees, loadProposals } from './generate-proposals.ts';
import { profiled } from './profile.ts';
import { benchStart, dropBenchDatabase } from './setup.ts';

const SECONDS = Number(process.env.SECONDS ?? 5);
const COMMITTEES = Number(process.env.COMMITTEES ?? 4);
const POOL = Number(process.env.POOL ?? 10);
const SCALES = (process.env.SCALES ?? 'demo,bench').split(',');
/** CASE=<part of a case's name>: only the matching cases run (PROFILE=<prefix> profiles each app run, bench/profile.ts). */
const ONLY_CASE = process.env.CASE;
const CONNECTIONS = [1, 50];
const TARGET_RATIO = 0.5;
const TARGET_P99 = 100;

/** One signed-in user of a case: the cookie and what the bare query needs to read the same page. */
interface Caller {
  cookie: string;
  committeeId: number;
  memberId: number | null;
  proposalId: number | null;
}
interface Case {
  name: string;
  callers: Caller[];
  app: (c: Caller) => string;
  bare: (c: Caller) => string;
}

/** The bare server: Fastify and a pg pool of the app's size, one SELECT a route, no session, no schema. */
async function bareServer(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: POOL });
  const server = Fastify();
  const page = async (text: string, values: unknown[]) => {
    const rows = (await pool.query(text, values)).rows;
    return { items: rows, total: rows[0]?.total ?? 0 };
  };
  server.get('/proposals', async (r: any) =>
    page(
      `select p.id, p.number, p.title, p.kind, p.state, p.category, p.year, p.updated_at, count(*) over()::int as total
      from proposals p where p.committee_id = $1 and p.state <> 'draft' order by p.updated_at desc, p.id desc limit 20`,
      [Number(r.query.c)],
    ),
  );
  server.get('/my-proposals', async (r: any) =>
    page(
      `select p.id, p.number, p.title, p.kind, p.state, p.category, p.year, p.updated_at, count(*) over()::int as total
      from proposals p where p.committee_id = $1 and exists (select 1 from proposal_proposers pp
        where pp.committee_id = p.committee_id and pp.proposal_id = p.id and pp.member_id = $2)
      order by p.updated_at desc, p.id desc limit 20`,
      [Number(r.query.c), Number(r.query.m)],
    ),
  );
  server.get('/opinions', async (r: any) =>
    page(
      `select r.id, r.title, r.category, r.state, r.year, r.submitter_name, r.submitted_at, count(*) over()::int as total
      from opinion_reports r where r.committee_id = $1 and r.state not in ('draft', 'none')
      order by r.submitted_at desc, r.id desc limit 20`,
      [Number(r.query.c)],
    ),
  );
  server.get('/todos', async (r: any) => {
    const rows = await pool.query(
      `select count(*) filter (where pp.cosign_status = 'invited' and p.state = 'cosigning')::int as cosign,
        count(*) filter (where pp.is_lead and p.state = 'returned')::int as returned,
        count(*) filter (where pp.is_lead and p.state = 'draft')::int as drafts,
        count(*) filter (where pp.is_lead and p.state = 'replied')::int as rating
      from proposal_proposers pp join proposals p on p.committee_id = pp.committee_id and p.id = pp.proposal_id
      where pp.committee_id = $1 and pp.member_id = $2`,
      [Number(r.query.c), Number(r.query.m)],
    );
    return rows.rows;
  });
  server.get('/proposal', async (r: any) => {
    const rows = await pool.query(
      `select p.*, (select json_agg(pp) from proposal_proposers pp where pp.committee_id = p.committee_id and pp.proposal_id = p.id) as proposers,
        (select json_agg(a) from proposal_assignments a where a.committee_id = p.committee_id and a.proposal_id = p.id) as assignments
      from proposals p where p.committee_id = $1 and p.id = $2`,
      [Number(r.query.c), Number(r.query.id)],
    );
    return rows.rows[0];
  });
  await server.listen({ port: 0, host: '127.0.0.1' });
  return {
    base: `http://127.0.0.1:${(server.server.address() as { port: number }).port}`,
    close: async () => {
      await server.close();
      await pool.end();
    },
  };
}

async function first(base: string, c: Caller, path: string): Promise<{ ms: number; total: unknown }> {
  const t = performance.now();
  const res = await fetch(base + path, { headers: { cookie: c.cookie } });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${text.slice(0, 200)}`);
  const json = JSON.parse(text);
  return { ms: performance.now() - t, total: Array.isArray(json) ? json.length : (json?.total ?? '-') };
}

/** Sessions straight in the database (no argon2 per user): `perCommittee` of each role in every committee. */
async function callers(db: Db, perCommittee: number) {
  const committees = (
    await query<{ id: number }>(db, sql`select distinct committee_id as id from proposals order by 1`)
  ).map((r) => r.id);
  const out = { office: [] as Caller[], liaison: [] as Caller[], member: [] as Caller[] };
  for (const c of committees) {
    const proposals = (
      await query<{ id: number }>(
        db,
        sql`select id from proposals where committee_id = ${c} and state not in ('draft', 'withdrawn') order by id limit 200`,
      )
    ).map((r) => r.id);
    for (const [role, list] of [
      ['proposalStaff', out.office],
      ['liaisonStaff', out.liaison],
    ] as const) {
      const ids = await query<{ id: number }>(
        db,
        sql`insert into accounts (committee_id, username, display_name, password_hash, roles, must_change_password)
          select ${c}, ${`bench_${role}_${c}_`} || g, '压测' || g, 'x', array[${role}], false from generate_series(1, ${perCommittee}) g
          returning id`,
      );
      for (const [i, a] of ids.entries()) {
        const { token } = await createSession(db, c, a.id, '127.0.0.1', 'bench');
        list.push({
          cookie: `zx_session=${token}`,
          committeeId: c,
          memberId: null,
          proposalId: proposals.length ? proposals[(i * 7) % proposals.length] : null,
        });
      }
    }
    // Members who have proposals: their accounts if they have one, else a new one.
    const members = await query<{ id: number; account: number | null }>(
      db,
      sql`select m.id, (select a.id from accounts a where a.committee_id = m.committee_id and a.member_id = m.id limit 1) as account
        from members m where m.committee_id = ${c}
          and exists (select 1 from proposal_proposers pp where pp.committee_id = m.committee_id and pp.member_id = m.id)
        order by m.id limit ${perCommittee * 5}`,
    );
    for (const m of members) {
      const account =
        m.account ??
        (
          await query<{ id: number }>(
            db,
            sql`insert into accounts (committee_id, username, display_name, password_hash, roles, member_id, must_change_password)
              values (${c}, ${`bench_member_${c}_${m.id}`}, '压测委员', 'x', array['member'], ${m.id}, false) returning id`,
          )
        )[0].id;
      const { token } = await createSession(db, c, account, '127.0.0.1', 'bench');
      out.member.push({ cookie: `zx_session=${token}`, committeeId: c, memberId: m.id, proposalId: null });
    }
  }
  out.office = out.office.filter((c) => c.proposalId);
  return out;
}

const f1 = (n: number) => (Number.isNaN(n) ? '-' : n.toFixed(1));

async function scale(kind: 'demo' | 'bench') {
  const name = `zhengxie_bench_reads_${kind}`;
  const { database, url, dataDir, db } = await benchStart(name, POOL);
  const t0 = performance.now();
  if (kind === 'demo') await seedDemo(db);
  else {
    const committees = await benchCommittees(db, COMMITTEES);
    await loadProposals(db, committees, 1500);
    await loadOpinions(db, committees, 5000);
  }
  const makeApp = () =>
    buildApp({
      database,
      config: loadConfig({
        NODE_ENV: 'production',
        ZHENGXIE_DATA_DIR: dataDir,
        RATE_LIMIT_PER_MINUTE: '1000000',
        LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
      }),
      logger: { level: 'error' },
    });
  // The demo's year of work (proposals, opinions, meetings…) goes through the app itself, as on a first start; then a
  // fresh app, so that the first request measured is a cold one.
  if (kind === 'demo') {
    const seeding = await makeApp();
    await seedDemoActivity(seeding);
    await seeding.close();
  }
  const app = await makeApp();
  await db.execute(sql`vacuum analyze`);
  const who = await callers(db, kind === 'demo' ? 10 : 5);
  console.log(
    `\n== ${kind === 'demo' ? 'demo scale (seedDemo)' : `bench scale (${COMMITTEES} committees × 1,500 proposals, 5,000 opinion reports)`}: ` +
      `loaded in ${((performance.now() - t0) / 1000).toFixed(0)} s; ${who.office.length} office, ${who.liaison.length} liaison, ${who.member.length} member sessions ==`,
  );
  const cases: Case[] = [
    {
      name: '提案列表 (提案委)',
      callers: who.office,
      app: () => '/api/proposals?page=1&pageSize=20',
      bare: (c) => `/proposals?c=${c.committeeId}`,
    },
    {
      name: '提案列表 (委员)',
      callers: who.member,
      app: () => '/api/proposals?page=1&pageSize=20',
      bare: (c) => `/my-proposals?c=${c.committeeId}&m=${c.memberId}`,
    },
    {
      name: '社情民意列表',
      callers: who.liaison,
      app: () => '/api/opinions?page=1&pageSize=20',
      bare: (c) => `/opinions?c=${c.committeeId}`,
    },
    {
      name: '首页待办 (委员)',
      callers: who.member,
      app: () => '/api/todos',
      bare: (c) => `/todos?c=${c.committeeId}&m=${c.memberId}`,
    },
    {
      name: '提案详情',
      callers: who.office,
      app: (c) => `/api/proposals/${c.proposalId}`,
      bare: (c) => `/proposal?c=${c.committeeId}&id=${c.proposalId}`,
    },
  ];
  await app.listen({ port: 0, host: '127.0.0.1' });
  const appBase = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const bare = await bareServer(url);
  // Cold: each case's first request on a process that has served nothing yet (and the bare server's, likewise).
  const cold = [];
  for (const c of cases) {
    const a = await first(appBase, c.callers[0], c.app(c.callers[0]));
    const b = await first(bare.base, c.callers[0], c.bare(c.callers[0]));
    cold.push({ app: a, bare: b });
  }
  console.log(
    `${'case'.padEnd(16)} conn ${'app req/s'.padStart(9)} ${'bare req/s'.padStart(10)} ${'ratio'.padStart(6)}  ` +
      `app p50/p95/p99 ms        bare p50/p95/p99 ms   errors  load`,
  );
  const summary: { name: string; conn: number; ratio: number; p99: number }[] = [];
  for (const [i, c] of cases.entries()) {
    if (ONLY_CASE && !c.name.includes(ONLY_CASE)) continue;
    for (const conn of CONNECTIONS) {
      const a = await profiled(`reads-${conn}`, () => hammer(appBase, c.callers, c.app, conn, SECONDS));
      const b = await hammer(bare.base, c.callers, c.bare, conn, SECONDS);
      const ratio = a.rps / b.rps;
      summary.push({ name: c.name, conn, ratio, p99: a.p99 });
      const label = c.name.padEnd(16 - c.name.replace(/[ -~]/g, '').length);
      console.log(
        `${label} ${String(conn).padStart(4)} ${a.rps.toFixed(0).padStart(9)} ${b.rps.toFixed(0).padStart(10)} ${ratio.toFixed(2).padStart(5)}×  ` +
          `${`${f1(a.p50)}/${f1(a.p95)}/${f1(a.p99)}`.padEnd(22)}  ${`${f1(b.p50)}/${f1(b.p95)}/${f1(b.p99)}`.padEnd(20)} ` +
          `${String(a.errors + b.errors).padStart(6)}  ${os.loadavg()[0].toFixed(1)}`,
      );
    }
    console.log(
      `${''.padEnd(16)} cold first request: app ${cold[i].app.ms.toFixed(1)} ms, bare ${cold[i].bare.ms.toFixed(1)} ms ` +
        `(totals: app ${cold[i].app.total}, bare ${cold[i].bare.total})`,
    );
  }
  const misses = summary.filter(
    (s) => s.ratio < TARGET_RATIO || (kind === 'bench' && s.conn === 50 && s.p99 >= TARGET_P99),
  );
  console.log(
    `targets: ratio ≥ ${TARGET_RATIO}× at 1 and 50 connections; p99 at 50 < ${TARGET_P99} ms at bench scale → ` +
      (misses.length
        ? `missed: ${misses.map((m) => `${m.name}@${m.conn} (${m.ratio.toFixed(2)}×, p99 ${f1(m.p99)})`).join('、')}`
        : 'all met'),
  );
  await bare.close();
  await app.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (!process.env.KEEP) await dropBenchDatabase(name);
}

for (const s of SCALES) await scale(s as 'demo' | 'bench');
process.exit(0);
