// Duty scoring at scale on PostgreSQL: 60,000 members and 10,000,000 duty facts in one committee-year (far more facts
// per member than any real committee has), generated with generate_series. Measures the full set-based re-score and
// one member's duty page (GET /api/duty/members/:id through the real app: explanation line by line + median), one at
// a time and as a crowd of 20 staff over HTTP next to a bare replay of the same statements (bench/crowd.ts).
//   scripts/with-postgres.sh npx tsx bench/duty.ts            (MEMBERS=… FACTS=… PAGES=… to change the size)
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { PRESETS } from '../server/modules/duty/rule-presets.ts';
import { saveRuleVersion } from '../server/modules/duty/rule-versions.ts';
import { rescore } from '../server/modules/duty/scoring.ts';
import { hashPassword } from '../server/platform/auth/passwords.ts';
import { systemActor } from '../server/platform/context.ts';
import { queryOne } from '../server/platform/db/client.ts';
import { crowdPhase, crowdUsers, percentile } from './crowd.ts';
import { benchDatabaseUrl, benchStart, secondsSince } from './setup.ts';

const MEMBERS = Number(process.env.MEMBERS ?? 60_000);
const FACTS = Number(process.env.FACTS ?? 10_000_000);
const PAGES = Number(process.env.PAGES ?? 300);
const YEAR = 2026;
benchDatabaseUrl();

async function main() {
  const { database, url: benchUrl, dataDir, db } = await benchStart('zhengxie_bench', 4);

  let t0 = process.hrtime.bigint();
  const c = (await queryOne<{ id: number }>(
    db,
    sql`insert into committees (name, short_name, level) values ('压测省政协', '压测省政协', 'province') returning id`,
  ))!.id;
  const term = (await queryOne<{ id: number }>(
    db,
    sql`insert into terms (committee_id, number, name, start_date, end_date, is_current) values (${c}, 13, '第十三届', '2023-01-10', '2028-01-09', true) returning id`,
  ))!.id;
  await db.execute(
    sql`insert into sectors (committee_id, name, sort) select ${c}, '界别' || g, g from generate_series(1, 34) g`,
  );
  await db.execute(sql`insert into members (committee_id, term_id, code, name, sector_id, standing_member)
    select ${c}, ${term}, lpad(g::text, 6, '0'), '委员' || g,
      (select min(id) from sectors where committee_id = ${c}) + g % 34, g % 6 = 0
    from generate_series(1, ${MEMBERS}::int) g`);
  const firstMember = (await queryOne<{ id: number }>(
    db,
    sql`select min(id) as id from members where committee_id = ${c}`,
  ))!.id;
  // Load without the trigger and the secondary indexes, then put them back (what a bulk import would do).
  await db.execute(sql`alter table duty_facts disable trigger duty_facts_dirty`);
  await db.execute(sql`drop index duty_facts_unique`);
  await db.execute(sql`drop index duty_facts_source`);
  await db.execute(sql`drop index duty_facts_member_year`);
  const kinds = [
    'meeting.present',
    'meeting.present',
    'meeting.leave',
    'meeting.absent',
    'activity.research',
    'activity.inspection',
    'activity.training',
    'activity.goodDeed',
    'activity.grassroots',
    'activity.introduction',
    'activity.output',
    'speech.submitted',
    'speech.delivered',
    'proposal.filed',
    'proposal.registered',
    'proposal.key',
    'proposal.commended',
    'opinion.submitted',
    'opinion.compiled',
    'opinion.adopted',
  ];
  const chunk = 1_000_000;
  for (let start = 0; start < FACTS; start += chunk) {
    const end = Math.min(FACTS, start + chunk) - 1;
    await db.execute(sql`insert into duty_facts (committee_id, member_id, year, kind, role, source_type, source_id, occurred_on, detail)
      select ${c}, (${firstMember}::int + (g::bigint * 7919) % ${MEMBERS}::int)::int, ${YEAR}::int, k.kind,
        (array['self', 'self', 'lead', 'cosigner'])[1 + g % 4], 'bench', g,
        date '2026-01-01' + (g % 330),
        case when k.kind like 'meeting.%' then jsonb_build_object('meetingKind', (array['plenary', 'standing', 'chairsCouncil', 'specialCommittee', 'sector'])[1 + (g / 20) % 5], 'halfDays', 1 + g % 3, 'title', '会议 ' || g)
          when k.kind like 'speech.%' then jsonb_build_object('mode', (array['oral', 'written'])[1 + g % 2], 'title', '发言 ' || g)
          when k.kind = 'opinion.adopted' then jsonb_build_object('level', (array['county', 'city', 'province'])[1 + g % 3])
          else jsonb_build_object('title', '事项 ' || g) end
      from generate_series(${start}::int, ${end}::int) g
        cross join lateral (select (${sql.param(kinds)}::text[])[1 + g % ${kinds.length}::int] as kind) k`);
    process.stdout.write(`\r  facts loaded: ${end + 1}`);
  }
  process.stdout.write('\n');
  const loadSeconds = secondsSince(t0);
  t0 = process.hrtime.bigint();
  await db.execute(
    sql`create index duty_facts_member_year on duty_facts (committee_id, member_id, year) where revoked_at is null`,
  );
  await db.execute(
    sql`create unique index duty_facts_unique on duty_facts (committee_id, member_id, kind, source_type, source_id) where revoked_at is null`,
  );
  await db.execute(sql`create index duty_facts_source on duty_facts (committee_id, source_type, source_id)`);
  await db.execute(sql`alter table duty_facts enable trigger duty_facts_dirty`);
  await db.execute(sql`vacuum analyze duty_facts`);
  await db.execute(sql`vacuum analyze members`);
  const indexSeconds = secondsSince(t0);

  const actor = systemActor(c, '压测');
  await db.transaction((tx) => saveRuleVersion(tx, actor, YEAR, PRESETS.hundred.rules, '百分制'));
  const rescoreTimes: number[] = [];
  for (const [i, preset] of (['hundred', 'base120', 'accumulate'] as const).entries()) {
    if (i > 0) await db.transaction((tx) => saveRuleVersion(tx, actor, YEAR, PRESETS[preset].rules, preset));
    t0 = process.hrtime.bigint();
    const n = await db.transaction((tx) => rescore(tx, c, YEAR));
    rescoreTimes.push(secondsSince(t0));
    console.log(`  full re-score (${PRESETS[preset].title}): ${n} members in ${rescoreTimes.at(-1)!.toFixed(2)} s`);
  }

  // One member's page through the real app, as staff (GET /api/duty/members/:id).
  const app = await buildApp({
    database,
    config: loadConfig({ ZHENGXIE_DATA_DIR: dataDir, DATABASE_URL: benchUrl }),
  });
  await app.ready();
  await db.execute(sql`insert into accounts (committee_id, username, display_name, password_hash, roles, must_change_password)
    values (${c}, 'bench_admin', '压测管理员', ${await hashPassword('Bench@2026')}, array['committeeAdmin'], false)`);
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'bench_admin', password: 'Bench@2026' },
  });
  if (login.statusCode !== 200) throw new Error(`bench login: ${login.statusCode} ${login.body}`);
  const cookie = String(login.headers['set-cookie']).split(';')[0];
  const times: number[] = [];
  let lines = 0;
  for (let i = 0; i < PAGES + 20; i++) {
    const id = firstMember + ((i * 104729) % MEMBERS);
    const s = process.hrtime.bigint();
    const res = await app.inject({ method: 'GET', url: `/api/duty/members/${id}?year=${YEAR}`, headers: { cookie } });
    const ms = Number(process.hrtime.bigint() - s) / 1e6;
    if (res.statusCode !== 200) throw new Error(`member page ${id}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    if (i >= 20) {
      times.push(ms);
      lines += res.json().explanation.lines.length;
    }
  }
  await app.close();
  await crowdPhase({
    database,
    dataDir,
    url: benchUrl,
    pool: 4,
    users: await crowdUsers(db, c, 'committeeAdmin', 20),
    cases: [
      {
        name: '委员履职页 (逐条说明+中位数)',
        path: (_u, i) => `/api/duty/members/${firstMember + ((i * 104729) % MEMBERS)}?year=${YEAR}`,
      },
    ],
  });
  fs.rmSync(dataDir, { recursive: true, force: true });
  const size = await queryOne<{ facts: string; rel: string }>(
    db,
    sql`select (select count(*) from duty_facts)::text as facts, pg_size_pretty(pg_total_relation_size('duty_facts')) as rel`,
  );
  console.log('');
  console.log(`duty bench — PostgreSQL, ${MEMBERS} members, ${size!.facts} facts (${size!.rel}) in ${YEAR}`);
  console.log(`  load ${loadSeconds.toFixed(1)} s, indexes ${indexSeconds.toFixed(1)} s`);
  console.log(
    `  full re-score: ${rescoreTimes.map((t) => `${t.toFixed(2)} s`).join(' / ')} (百分制 / 120 分制 / 累计积分制; target < 30 s)`,
  );
  console.log(
    `  member page (GET /api/duty/members/:id, ~${Math.round(lines / times.length)} facts each): p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms over ${times.length} members (target < 50 ms)`,
  );
  await database.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
