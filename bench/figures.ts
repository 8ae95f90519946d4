// Year figures at city scale on PostgreSQL: the demo city and its districts plus OTHERS committees with PER_YEAR
// proposals a year, meetings, activities and duty facts; times the leader's dashboard and the annual report figures
// through the app, next to the former month-by-month computation as the baseline in the same run; before that, 20
// leaders of the city over HTTP next to a bare replay of the same statements (bench/crowd.ts).
//   scripts/with-postgres.sh npx tsx bench/figures.ts
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { hashPassword } from '../server/platform/auth/passwords.ts';
import { queryOne } from '../server/platform/db/client.ts';
import { computeFigures } from '../server/platform/figures/compute.ts';
import { monthsOf, parsePeriod } from '../server/platform/figures/period.ts';
import { figureGroups } from '../server/platform/figures/registry.ts';
import { crowdPhase, crowdUsers, percentile } from './crowd.ts';
import { benchDatabaseUrl, benchStart, secondsSince } from './setup.ts';

const OTHERS = Number(process.env.OTHERS ?? 39);
const PER_YEAR = Number(process.env.PER_YEAR ?? 1500);
const RUNS = Number(process.env.RUNS ?? 100);
const POOL = 6;
benchDatabaseUrl();
const STATES = [
  'completed',
  'completed',
  'completed',
  'replied',
  'handling',
  'registered',
  'rejected',
  'merged',
  'withdrawn',
  'submitted',
];

/**
 * The insert of closed gatherings into `table` (meetings and activities share these columns): in every committee,
 * `perYear` a year over 2022–2026 of `kind`, titled `title` and a number, held 9:00–12:00 Beijing time at `place`.
 */
const gatherings = (table: 'meetings' | 'activities', kind: string, title: string, place: string, perYear: number) =>
  sql.raw(`insert into ${table} (committee_id, kind, title, starts_at, ends_at, place, status, checkin_secret)
    select c.id, '${kind}', '${title}' || g, make_timestamptz(y, 1 + g % 12, 1 + g % 28, 9, 0, 0, 'Asia/Shanghai'),
      make_timestamptz(y, 1 + g % 12, 1 + g % 28, 12, 0, 0, 'Asia/Shanghai'), '${place}', 'closed', 'x'
    from committees c cross join generate_series(2022, 2026) y cross join generate_series(1, ${perYear}) g`);

async function main() {
  const { database, url, dataDir, db } = await benchStart('zhengxie_bench_figures', POOL);
  const t0 = process.hrtime.bigint();

  const city = (await queryOne<{ id: number }>(
    db,
    sql`insert into committees (name, short_name, level) values ('压测市政协', '压测市政协', 'city') returning id`,
  ))!.id;
  await db.execute(sql`insert into committees (name, short_name, level, parent_id)
    select '压测县政协' || g, '压测县' || g, 'county', ${city} from generate_series(1, 10) g`);
  await db.execute(sql`insert into committees (name, short_name, level)
    select '其他政协' || g, '其他政协' || g, 'county' from generate_series(1, ${OTHERS}) g`);
  await db.execute(
    sql`insert into terms (committee_id, number, name, is_current) select id, 6, '第六届', true from committees`,
  );
  await db.execute(sql`insert into plenary_sessions (committee_id, term_id, number, name, year, opens_on, filing_deadline, is_current)
    select t.committee_id, t.id, s, '六届' || s || '次会议', 2021 + s, make_date(2021 + s, 1, 10), make_date(2021 + s, 1, 14), s = 5
    from terms t cross join generate_series(1, 5) s`);
  await db.execute(sql`insert into members (committee_id, term_id, name)
    select t.committee_id, t.id, '委员' || g from terms t cross join generate_series(1, 100) g order by t.committee_id, g`);
  const states = `(array[${STATES.map((s) => `'${s}'`).join(',')}])`;
  await db.execute(
    sql.raw(`insert into proposals (committee_id, term_id, session_id, year, number, kind, title, background, suggestions,
      category, state, is_session_proposal, is_key, round, outcome_class, submitted_at, created_at, updated_at)
    select s.committee_id, s.term_id, s.id, s.year, g, 'individual', '关于第' || g || '号事项的建议', '背景', '建议', '社会建设',
      ${states}[1 + g % 10], g % 3 = 0, g % 17 = 0, 1,
      case when ${states}[1 + g % 10] in ('completed', 'replied') then (array['A','A','B','C'])[1 + g % 4] end,
      make_timestamptz(s.year, 1 + g % 12, 1 + g % 28, 9, 0, 0, 'Asia/Shanghai'),
      make_timestamptz(s.year, 1 + g % 12, 1 + g % 28, 8, 0, 0, 'Asia/Shanghai'),
      make_timestamptz(s.year, 1 + g % 12, 1 + g % 28, 10, 0, 0, 'Asia/Shanghai')
    from plenary_sessions s cross join generate_series(1, ${PER_YEAR}) g`),
  );
  await db.execute(gatherings('meetings', 'standing', '会议', '会议室', 40));
  await db.execute(sql`insert into meeting_invitees (committee_id, meeting_id, member_id, reply, checked_in_at)
    select m.committee_id, m.id, x.id, 'attend', case when x.id % 4 <> 0 then m.starts_at end
    from meetings m join members x on x.committee_id = m.committee_id and x.id % 5 = m.id % 5`);
  await db.execute(gatherings('activities', 'research', '活动', '现场', 80));
  await db.execute(sql`insert into activity_participants (committee_id, activity_id, member_id, source, checked_in_at)
    select a.committee_id, a.id, x.id, 'invited', case when x.id % 3 <> 0 then a.starts_at end
    from activities a join members x on x.committee_id = a.committee_id and x.id % 10 = a.id % 10`);
  await db.execute(sql`insert into duty_facts (committee_id, member_id, year, kind, source_type, source_id, occurred_on)
    select i.committee_id, i.member_id, extract(year from m.starts_at)::int, 'meeting.present', 'meeting', m.id,
      (m.starts_at at time zone 'Asia/Shanghai')::date
    from meeting_invitees i join meetings m on m.committee_id = i.committee_id and m.id = i.meeting_id where i.checked_in_at is not null`);
  await db.execute(sql`analyze`);
  const n = await queryOne<any>(
    db,
    sql`select (select count(*) from proposals)::int as p, (select count(*) from meeting_invitees)::int as mi,
      (select count(*) from activity_participants)::int as ap, (select count(*) from duty_facts)::int as df`,
  );
  console.log(
    `loaded ${11 + OTHERS} committees: ${n.p.toLocaleString()} proposals, ${n.mi.toLocaleString()} meeting invitations, ${n.ap.toLocaleString()} activity participants, ${n.df.toLocaleString()} duty facts in ${secondsSince(t0).toFixed(1)} s`,
  );

  const hash = await hashPassword('Bench@2026');
  await db.execute(sql`insert into accounts (committee_id, username, display_name, password_hash, roles, must_change_password)
    values (${city}, 'bench_leader', '压测领导', ${hash}, array['leader'], false)`);
  const app = await buildApp({
    database,
    config: loadConfig({ ZHENGXIE_DATA_DIR: dataDir, TRUST_PROXY: 'true' }),
    logger: { level: 'error' },
  });
  await app.ready();
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'bench_leader', password: 'Bench@2026' },
    headers: { 'x-forwarded-for': '10.9.0.1' },
  });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body.slice(0, 300)}`);
  const cookie = String(login.headers['set-cookie']).split(';')[0];
  const cases: Record<string, (i: number) => string> = {
    '驾驶舱 (本年至今+同比+超期+趋势)': () => '/api/figures/dashboard',
    '市及10个县并列汇总 (年度)': (i) => `/api/figures/levels?period=${2022 + (i % 5)}`,
    '年度报告指标 (一个政协)': (i) => `/api/figures?period=${2022 + (i % 5)}`,
  };
  await crowdPhase({
    database,
    dataDir,
    url,
    pool: POOL,
    users: await crowdUsers(db, city, 'leader', 20),
    cases: Object.entries(cases).map(([name, make]) => ({ name, path: (_u, i) => make(i) })),
  });
  console.log(`\n${RUNS} requests per case as the city's leader, through the app (auth included):`);
  for (const [name, url] of Object.entries(cases)) {
    const times: number[] = [];
    for (let i = 0; i < RUNS + 5; i++) {
      const t = process.hrtime.bigint();
      const res = await app.inject({
        method: 'GET',
        url: url(i),
        headers: { cookie, 'x-forwarded-for': `10.${(i >> 8) % 250}.${i % 250}.9` },
      });
      if (res.statusCode !== 200) throw new Error(`${name}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      if (i >= 5) times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    console.log(
      `${name.padEnd(28, '　')} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms`,
    );
  }
  // Baseline in the same run: the trend as the dashboard computed it before (every range group, month by month).
  const rangeGroups = figureGroups().filter((g) => g.basis === 'range');
  const months = monthsOf(parsePeriod('2026'));
  const former: number[] = [];
  const trendNow: number[] = [];
  for (let i = 0; i < Math.min(RUNS, 20); i++) {
    let t = process.hrtime.bigint();
    await Promise.all(months.map((m) => computeFigures(db, city, m, rangeGroups)));
    former.push(Number(process.hrtime.bigint() - t) / 1e6);
    t = process.hrtime.bigint();
    await Promise.all(rangeGroups.filter((g) => g.months).map((g) => g.months!(db, city, '2026-01-01', '2026-12-31')));
    trendNow.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  console.log(
    `trend of 2026, in-process: grouped by month (now) p50 ${percentile(trendNow, 50).toFixed(1)} ms; ` +
      `baseline, every range group month by month (before) p50 ${percentile(former, 50).toFixed(1)} ms`,
  );
  console.log('targets (issue 19): dashboard p95 < 150 ms; the annual report figures of a committee < 500 ms');
  await app.close();
  await database.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
