// Consultation at province scale on PostgreSQL: 200 committees × 5 years, about 30 events (participants, speeches) and
// 10 outcomes (handling units, feedback, leaders' instructions) per committee-year, inserted in bulk by SQL. Measured
// through the real app listening on a port, as a committee's office staff (auth included): the events list, the
// filtered list, the year figures and the outcomes list — p95 one at a time and at 20 connections (autocannon), each
// next to a baseline measured in the same run (a bare SELECT of the same page through the same pool). Target p95 < 50 ms.
// Then 20 office staff over HTTP at 1 and 50 connections, with each case's cold first request, next to a bare replay of
// the statements the app sent (bench/crowd.ts).
//   scripts/with-postgres.sh npx tsx bench/consultations.ts    (COMMITTEES=… RUNS=… ; BEFORE=1 drops migration 0531's
//   indexes to show the numbers without them)
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { hashPassword } from '../server/platform/auth/passwords.ts';
import { type Db, query, queryOne } from '../server/platform/db/client.ts';
import { crowdPhase, crowdUsers, percentile } from './crowd.ts';
import { benchDatabaseUrl, benchStart, secondsSince } from './setup.ts';

// autocannon ships no types; only its run-and-listen shape is used here.
const autocannon = createRequire(import.meta.url)('autocannon');
const COMMITTEES = Number(process.env.COMMITTEES ?? 200);
const RUNS = Number(process.env.RUNS ?? 200);
const CONNECTIONS = 20;
benchDatabaseUrl();
const KINDS = `(array['thematic','counterpart','sector','standingThematic','legislative','proposalHandling','bimonthly','inspection','supervisoryResearch','supervisoryForum'])`;
const STATES = `(array['done','done','done','minuted','held','noticed','preparation','done','done','cancelled'])`;
const OUTCOME_STATES = `(array['closed','evaluated','evaluated','handling','handling','submitted','signed','draft','closed','evaluated'])`;

async function load(db: Db) {
  const t0 = process.hrtime.bigint();
  await db.execute(sql`insert into committees (name, short_name, level)
    select '压测政协' || g, '压测' || g, 'county' from generate_series(1, ${COMMITTEES}) g`);
  await db.execute(
    sql`insert into terms (committee_id, number, name, is_current) select id, 6, '第六届', true from committees`,
  );
  await db.execute(sql`insert into members (committee_id, term_id, name)
    select t.committee_id, t.id, '委员' || g from terms t cross join generate_series(1, 100) g order by t.committee_id, g`);
  await db.execute(sql`insert into special_committees (committee_id, name, sort)
    select c.id, s || '委员会', g from committees c, unnest(array['提案','经济','人口资源环境','社会法制','文化文史']) with ordinality as x(s, g)
    order by c.id, g`);
  await db.execute(sql`insert into handling_units (committee_id, name)
    select c.id, '承办单位' || g from committees c cross join generate_series(1, 10) g order by c.id, g`);
  // ~30 events a committee-year; a tenth are 民主监督 (the kinds' last three).
  await db.execute(
    sql.raw(`insert into consultation_events (committee_id, category, kind, title, state, special_committee_id, counterpart_body,
      supervised_body, supervision_form, starts_at, ends_at, place, held_on, minutes, agenda)
    select c.id, case when g % 10 >= 7 then 'supervision' else 'consultation' end, ${KINDS}[1 + g % 10],
      '第' || g || '次协商活动（' || y || '）', ${STATES}[1 + (g / 3) % 10],
      (select min(s.id) from special_committees s where s.committee_id = c.id) + g % 5, '市有关部门',
      case when g % 10 >= 7 then '被监督单位' end, case when g % 10 >= 7 then 'inspection' end,
      make_timestamptz(y, 1 + g % 12, 1 + g % 28, 9, 0, 0, 'Asia/Shanghai'),
      make_timestamptz(y, 1 + g % 12, 1 + g % 28, 12, 0, 0, 'Asia/Shanghai'), '会议室',
      case when ${STATES}[1 + (g / 3) % 10] in ('held','minuted','done') then make_date(y, 1 + g % 12, 1 + g % 28) end,
      case when ${STATES}[1 + (g / 3) % 10] in ('minuted','done') then '纪要' end, '[]'::jsonb
    from committees c cross join generate_series(2022, 2026) y cross join generate_series(1, 30) g`),
  );
  await db.execute(sql`insert into consultation_participants (committee_id, event_id, kind, member_id, name)
    select e.committee_id, e.id, 'member', m.id, m.name from consultation_events e
    join members m on m.committee_id = e.committee_id and m.id % 8 = e.id % 8`);
  await db.execute(sql`insert into consultation_participants (committee_id, event_id, kind, name, organisation)
    select e.committee_id, e.id, (array['party','official','expert'])[1 + g % 3], '特邀' || g, '单位' || g
    from consultation_events e cross join generate_series(1, 3) g`);
  await db.execute(sql`insert into consultation_speeches (committee_id, event_id, member_id, title, body, state, position)
    select p.committee_id, p.event_id, p.member_id, '发言' || p.id, '发言稿', (array['delivered','selected','notSelected','submitted'])[1 + p.id % 4], p.id % 4 + 1
    from consultation_participants p where p.member_id is not null and p.member_id % 3 = 0`);
  await db.execute(
    sql.raw(`insert into consultation_outcomes (committee_id, kind, title, body, summary, event_id, special_committee_id, state,
      submitted_on, evaluated_at, transformation_kinds, created_at)
    select e.committee_id, (array['建议案','协商专报','调研报告','监督报告'])[1 + e.id % 4], '关于' || e.title || '的成果', '正文', '摘要',
      e.id, e.special_committee_id, ${OUTCOME_STATES}[1 + e.id % 10],
      case when ${OUTCOME_STATES}[1 + e.id % 10] not in ('draft','signed') then e.held_on + 20 end,
      case when ${OUTCOME_STATES}[1 + e.id % 10] in ('evaluated','closed') then e.starts_at + interval '150 days' end,
      case when e.id % 3 = 0 then array['policy'] else '{}' end, e.starts_at
    from consultation_events e where e.held_on is not null and e.id % 2 = 0`),
  );
  await db.execute(sql`insert into consultation_outcome_units (committee_id, outcome_id, unit_id, state, handed_at, due_at,
      accepted_at, fed_back_at, adoption)
    select o.committee_id, o.id, (select min(h.id) from handling_units h where h.committee_id = o.committee_id) + (o.id + g) % 10,
      case when o.state in ('evaluated','closed') then 'rated' when o.id % 4 = 0 then 'accepted' else 'fedBack' end,
      o.submitted_on + 3, o.submitted_on + 93, o.submitted_on + 5,
      case when o.state in ('evaluated','closed') or o.id % 4 <> 0 then o.submitted_on + 80 + o.id % 20 end,
      case when o.state in ('evaluated','closed') then (array['adopted','partly','notAdopted'])[1 + o.id % 3] end
    from consultation_outcomes o cross join generate_series(1, 2) g where o.state in ('handling','evaluated','closed')`);
  await db.execute(sql`insert into consultation_outcome_feedback (committee_id, outcome_unit_id, outcome_id, round, taken_up, measures)
    select committee_id, id, outcome_id, round, '已采纳相关建议', '出台实施方案' from consultation_outcome_units where fed_back_at is not null`);
  await db.execute(sql`insert into consultation_instructions (committee_id, outcome_id, leader_name, leader_organ, level, instructed_on, text)
    select committee_id, id, '领导', 'party', (array['county','city','province'])[1 + id % 3], submitted_on + 10, '请认真研究'
    from consultation_outcomes where submitted_on is not null and id % 3 = 0`);
  await db.execute(sql`analyze`);
  const n = (await queryOne<any>(
    db,
    sql`select (select count(*) from consultation_events)::int as e, (select count(*) from consultation_participants)::int as p,
      (select count(*) from consultation_speeches)::int as s, (select count(*) from consultation_outcomes)::int as o,
      (select count(*) from consultation_outcome_units)::int as u, (select count(*) from consultation_outcome_feedback)::int as f`,
  ))!;
  console.log(
    `loaded ${COMMITTEES} committees × 5 years: ${n.e.toLocaleString()} events, ${n.p.toLocaleString()} participants, ` +
      `${n.s.toLocaleString()} speeches, ${n.o.toLocaleString()} outcomes, ${n.u.toLocaleString()} unit rows, ` +
      `${n.f.toLocaleString()} feedbacks in ${secondsSince(t0).toFixed(1)} s`,
  );
}

/** p95 of `run` called RUNS times one after another, and at 20 concurrent workers (the baseline's concurrency). */
async function timed(run: (i: number) => Promise<unknown>) {
  const one: number[] = [];
  for (let i = 0; i < RUNS + 5; i++) {
    const t = performance.now();
    await run(i);
    if (i >= 5) one.push(performance.now() - t);
  }
  const many: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < RUNS * 2) {
        const i = next++;
        const t = performance.now();
        await run(i);
        many.push(performance.now() - t);
      }
    }),
  );
  return { one: percentile(one, 95), many: percentile(many, 95) };
}

/** p95 through HTTP: one at a time with fetch, then autocannon at 20 connections over the same URLs. */
async function overHttp(base: string, cookie: string, urls: string[]) {
  const one: number[] = [];
  for (let i = 0; i < RUNS + 5; i++) {
    const t = performance.now();
    const res = await fetch(base + urls[i % urls.length], { headers: { cookie } });
    await res.text();
    if (res.status !== 200) throw new Error(`${urls[i % urls.length]}: ${res.status}`);
    if (i >= 5) one.push(performance.now() - t);
  }
  const many: number[] = [];
  let errors = 0;
  const instance = autocannon({
    url: base,
    connections: CONNECTIONS,
    amount: RUNS * 2,
    headers: { cookie },
    requests: urls.map((path) => ({ method: 'GET', path })),
  });
  instance.on('response', (_c: unknown, status: number, _b: number, ms: number) => {
    many.push(ms);
    if (status !== 200) errors++;
  });
  await instance;
  return { one: percentile(one, 95), many: percentile(many, 95), errors };
}

// PROFILE: each statement one request runs (captured at the pool), re-run under EXPLAIN ANALYZE on its own connection:
// the database's own time, which the machine's load barely changes (the p95s above move with it).
let captured: { text: string; values: unknown[] }[] | null = null;
const poolQuery = pg.Pool.prototype.query;
pg.Pool.prototype.query = function (this: pg.Pool, config: any, values?: any, cb?: any) {
  if (captured) captured.push({ text: typeof config === 'string' ? config : config.text, values: values ?? [] });
  return (poolQuery as any).call(this, config, values, cb);
} as any;

async function profile(base: string, cookie: string, path: string, explainer: pg.Client) {
  captured = [];
  await (await fetch(base + path, { headers: { cookie } })).text();
  const statements = captured.filter((q) => /^\s*(select|with)\b/i.test(q.text));
  captured = null;
  let total = 0;
  let worst = { ms: 0, text: '' };
  for (const q of statements) {
    const r = await explainer.query(`explain (analyze, format json) ${q.text}`, q.values as unknown[]);
    const ms = r.rows[0]['QUERY PLAN'][0]['Execution Time'] as number;
    total += ms;
    if (ms > worst.ms) worst = { ms, text: q.text.replace(/\s+/g, ' ').slice(0, 90) };
  }
  return { statements: statements.length, total, worst };
}

async function main() {
  const { database, url: benchUrl, dataDir, db } = await benchStart('zhengxie_bench_consultations', 10);
  if (process.env.BEFORE) {
    await db.execute(sql`drop index if exists consultation_participants_event`);
    await db.execute(sql`drop index if exists consultation_speeches_event`);
    console.log('BEFORE: without the indexes of migration 0531');
  }
  await load(db);

  const c = (await queryOne<{ id: number }>(
    db,
    sql`select min(id)::int as id from committees where name like '压测%'`,
  ))!.id;
  const hash = await hashPassword('Bench@2026');
  await db.execute(sql`insert into accounts (committee_id, username, display_name, password_hash, roles, must_change_password)
    values (${c}, 'bench_office', '压测办公室', ${hash}, array['officeStaff'], false)`);
  const app = await buildApp({
    database,
    config: loadConfig({
      ZHENGXIE_DATA_DIR: dataDir,
      RATE_LIMIT_PER_MINUTE: '1000000',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
    }),
    logger: { level: 'error' },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench_office', password: 'Bench@2026' }),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookie = String(login.headers.get('set-cookie')).split(';')[0];

  const years = [2022, 2023, 2024, 2025, 2026];
  // The bare page each case reads, through the same pool: its rows and nothing else.
  const bareEvents = (i: number) =>
    query(
      db,
      sql`select * from consultation_events where committee_id = ${c} and held_on between ${`${years[i % 5]}-01-01`} and ${`${years[i % 5]}-12-31`}
        order by starts_at desc limit 20`,
    );
  const bareFiltered = (i: number) =>
    query(
      db,
      sql`select * from consultation_events where committee_id = ${c} and kind = 'thematic' and state = 'done'
        and held_on between ${`${years[i % 5]}-01-01`} and ${`${years[i % 5]}-12-31`} order by starts_at desc limit 20`,
    );
  const bareFigures = (i: number) =>
    query(
      db,
      sql`select kind, count(*) from consultation_events where committee_id = ${c} and held_on between ${`${years[i % 5]}-01-01`} and ${`${years[i % 5]}-12-31`} group by kind`,
    );
  const bareOutcomes = () =>
    query(db, sql`select * from consultation_outcomes where committee_id = ${c} order by id desc limit 20`);
  const cases: [string, string[], (i: number) => Promise<unknown>][] = [
    ['协商活动列表 (年度)', years.map((y) => `/api/consultations/events?year=${y}`), bareEvents],
    [
      '协商活动列表 (年度+类型+状态+关键词)',
      years.map((y) => `/api/consultations/events?year=${y}&kind=thematic&state=done&category=consultation`),
      bareFiltered,
    ],
    ['协商年度数据', years.map((y) => `/api/consultations/figures?year=${y}`), bareFigures],
    ['协商成果年度数据', years.map((y) => `/api/consultation-outcomes/figures?year=${y}`), bareFigures],
    ['协商成果列表', ['/api/consultation-outcomes', '/api/consultation-outcomes?state=handling'], bareOutcomes],
    ['协商成果列表 (超期)', ['/api/consultation-outcomes?overdue=true'], bareOutcomes],
  ];
  console.log(
    `\np95 in ms, ${RUNS} requests one at a time and ${RUNS * 2} at ${CONNECTIONS} connections, as one committee's office (auth included):`,
  );
  console.log(
    `${'case'.padEnd(34)} ${'app 1'.padStart(8)} ${'bare 1'.padStart(8)} ${'app 20'.padStart(8)} ${'bare 20'.padStart(8)}`,
  );
  const explainer = new pg.Client({ connectionString: benchUrl });
  await explainer.connect();
  const misses: string[] = [];
  for (const [name, urls, bare] of cases) {
    const http = await overHttp(base, cookie, urls);
    const b = await timed(bare);
    const f = (n: number) => n.toFixed(1).padStart(8);
    console.log(
      `${name.padEnd(34 - name.replace(/[ -~]/g, '').length)} ${f(http.one)} ${f(b.one)} ${f(http.many)} ${f(b.many)}${http.errors ? `  errors ${http.errors}` : ''}`,
    );
    if (http.one >= 50) misses.push(name);
    if (process.env.PROFILE) {
      const p = await profile(base, cookie, urls[0], explainer);
      console.log(
        `    database: ${p.statements} statements, ${p.total.toFixed(1)} ms in all; slowest ${p.worst.ms.toFixed(1)} ms: ${p.worst.text}`,
      );
    }
  }
  await explainer.end();
  console.log(
    misses.length ? `\nmissed 50 ms one at a time: ${misses.join('、')}` : '\nall cases under 50 ms one at a time',
  );
  await app.close();
  await crowdPhase({
    database,
    dataDir,
    url: benchUrl,
    pool: 10,
    users: await crowdUsers(db, c, 'officeStaff', 20),
    cases: cases.map(([name, urls]) => ({ name, path: (_u, i) => urls[i % urls.length] })),
  });
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

await main();
process.exit(0);
