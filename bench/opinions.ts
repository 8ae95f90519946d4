// Opinion reports at scale on PostgreSQL: one million reports over 200 committees (5,000 each, five years, every
// state), with adoptions and instructions, generated with generate_series from 2,000 distinct texts whose search
// tokens come from the app's own segmenter. Measures the liaison office's list (first page with total), a filtered
// list and Chinese search through the real app (GET /api/opinions as a signed-in liaison officer, auth included) and
// prints p50/p95.
//   scripts/with-postgres.sh npx tsx bench/opinions.ts        (REPORTS=… COMMITTEES=… RUNS=… to change the size)
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { hashPassword } from '../server/platform/auth/passwords.ts';
import { query, queryOne } from '../server/platform/db/client.ts';
import { searchTokens } from '../server/platform/search/search.ts';
import { benchDatabaseUrl, benchDataDir, dropBenchDatabase, freshPostgres } from './setup.ts';

const REPORTS = Number(process.env.REPORTS ?? 1_000_000);
const COMMITTEES = Number(process.env.COMMITTEES ?? 200);
const RUNS = Number(process.env.RUNS ?? 400);
benchDatabaseUrl();

const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

const SUBJECTS = [
  '老旧小区加装电梯',
  '社区居家养老服务',
  '中小学校门口交通拥堵',
  '农村生活污水治理',
  '城区停车难',
  '基层医疗卫生人才',
  '外卖骑手权益保障',
  '农村集体资产管理',
  '高标准农田建设',
  '县域商业体系建设',
  '预制菜食品安全',
  '小微企业融资难',
  '职业教育产教融合',
  '城市内涝防治',
  '背街小巷环境整治',
  '乡村学校少年宫',
  '社区食堂运营',
  '新能源汽车充电桩',
  '农村饮水安全',
  '非物质文化遗产保护',
  '电信网络诈骗防范',
  '青少年心理健康',
  '婴幼儿托育服务',
  '营商环境优化',
  '古村落保护利用',
  '河湖长制落实',
  '垃圾分类回收',
  '乡村旅游民宿',
  '残疾人就业帮扶',
  '物业服务纠纷',
  '医保异地结算',
  '公共文化场馆开放',
  '山洪地质灾害防治',
  '农产品冷链物流',
  '城市公交线网优化',
  '流动人口子女入学',
  '农村宅基地管理',
  '智慧社区建设',
  '老年人数字鸿沟',
  '中医药传承发展',
];
const ANGLES = ['问题亟待解决', '的几点建议', '存在的短板', '需要政策支持', '群众反映强烈'];
const PLACES = [
  '城区',
  '开发区',
  '东部乡镇',
  '西部山区',
  '老城片区',
  '新区',
  '北部街道',
  '南部农村',
  '工业园区',
  '县城',
];
const CATEGORIES = [
  '经济发展',
  '社会民生',
  '教育科技',
  '医疗卫生',
  '生态环境',
  '城乡建设',
  '社会治理',
  '文化旅游',
  '其他',
];

function texts(): { title: string; body: string; category: string; tokens: string }[] {
  const out = [];
  for (let i = 0; i < 2000; i++) {
    const subject = SUBJECTS[i % SUBJECTS.length];
    const angle = ANGLES[Math.floor(i / SUBJECTS.length) % ANGLES.length];
    const place = PLACES[Math.floor(i / (SUBJECTS.length * ANGLES.length)) % PLACES.length];
    const title = `关于${place}${subject}${angle}`;
    const body = `据调查，${place}${subject}工作中存在投入不足、协调不畅、群众获得感不强等问题（样本${i}）。建议：一是加强统筹，明确牵头部门；二是加大投入，完善配套政策；三是建立长效机制，定期评估成效。`;
    out.push({ title, body, category: CATEGORIES[i % CATEGORIES.length], tokens: searchTokens(title, body, '委员') });
  }
  return out;
}

async function main() {
  const { database } = await freshPostgres('zhengxie_bench_opinions', 6);
  // Secrets before the first write: the audit log's seal needs its key.
  const dataDir = benchDataDir();
  const db = database.db;

  const t0 = process.hrtime.bigint();
  await db.execute(sql`insert into committees (name, short_name, level)
    select '压测政协' || g, '压测政协' || g, case when g % 5 = 0 then 'city' else 'county' end from generate_series(1, ${COMMITTEES}) g`);
  const committees = (await query<{ id: number }>(db, sql`select id from committees order by id`)).map((c) => c.id);
  await db.execute(
    sql`create temporary table bench_texts (n int primary key, title text, body text, category text, tokens text)`,
  );
  const pool = texts();
  for (let i = 0; i < pool.length; i += 200) {
    await db.execute(
      sql`insert into bench_texts values ${sql.join(
        pool.slice(i, i + 200).map((t, j) => sql`(${i + j}, ${t.title}, ${t.body}, ${t.category}, ${t.tokens})`),
        sql`, `,
      )}`,
    );
  }
  // Bulk load without the secondary indexes, then build them (what a data migration would do).
  const indexes = await query<{ indexname: string; indexdef: string }>(
    db,
    sql`select indexname, indexdef from pg_indexes where tablename = 'opinion_reports' and indexname <> 'opinion_reports_pkey'`,
  );
  for (const ix of indexes) await db.execute(sql.raw(`drop index ${ix.indexname}`));
  const perCommittee = Math.ceil(REPORTS / committees.length);
  const states = `(array['draft','submitted','submitted','returned','declined','declined','accepted','accepted','accepted','compiled','compiled','compiled','compiled','compiled','compiled','compiled','compiled','compiled','compiled','compiled'])`;
  const kinds = `(array['member','member','member','member','member','member','informant','informant','org','specialCommittee','lower'])`;
  for (const [ci, c] of committees.entries()) {
    await db.execute(
      sql.raw(`insert into opinion_reports (committee_id, year, state, title, body, char_count, category, source,
        submitter_kind, submitter_account_id, submitter_name, member_ids, origin_committee_name, submitted_at, created_at, search)
      select ${c}, 2022 + (g % 5), ${states}[1 + (g / 3 + g * 7) % 20], t.title, t.body, char_length(t.body), t.category,
        case when ${kinds}[1 + g % 11] = 'lower' then 'lower' else 'direct' end,
        ${kinds}[1 + g % 11], null, '报送人' || (g % 300), case when g % 11 < 6 then array[g % 300 + 1] else '{}' end,
        case when ${kinds}[1 + g % 11] = 'lower' then '下级政协' else null end,
        make_timestamptz(2022 + (g % 5), 1 + (g / 5) % 12, 1 + g % 28, 9, g % 60, 0, 'Asia/Shanghai'),
        make_timestamptz(2022 + (g % 5), 1 + (g / 5) % 12, 1 + g % 28, 8, g % 60, 0, 'Asia/Shanghai'),
        to_tsvector('simple', t.tokens) || 'cm_${c}'::tsvector
      from generate_series(1, ${perCommittee}) g join bench_texts t on t.n = (g * ${31 + ci}) % 2000`),
    );
    if (ci % 20 === 19) console.log(`  … ${ci + 1} committees loaded (${seconds(t0).toFixed(0)} s)`);
  }
  for (const ix of indexes) await db.execute(sql.raw(ix.indexdef));
  await db.execute(sql`insert into opinion_adoptions (committee_id, report_id, level, adopted_by, adopted_on)
    select committee_id, id, case when id % 3 = 0 then 'province' else 'city' end, '采用单位', submitted_at::date
    from opinion_reports where state = 'compiled' and id % 8 = 0`);
  await db.execute(sql`insert into opinion_instructions (committee_id, report_id, leader_name, level, instructed_on, text)
    select committee_id, id, '领导', 'city', submitted_at::date, '请研究办理' from opinion_reports where state = 'compiled' and id % 20 = 0`);
  // A live table is vacuumed by autovacuum; after a bulk load do it once so index-only scans can count.
  await db.execute(sql`vacuum analyze`);
  const total = (await queryOne<{ n: number }>(db, sql`select count(*)::int as n from opinion_reports`))!.n;
  console.log(
    `loaded ${total.toLocaleString()} reports over ${committees.length} committees in ${seconds(t0).toFixed(1)} s`,
  );

  // Sign in a liaison officer of 40 committees and call the real routes.
  const hash = await hashPassword('Bench@2026');
  const probe = committees.filter((_, i) => i % Math.max(1, Math.floor(committees.length / 40)) === 0).slice(0, 40);
  for (const c of probe) {
    await db.execute(sql`insert into accounts (committee_id, username, display_name, password_hash, roles, must_change_password)
      values (${c}, ${`bench_liaison_${c}`}, '压测联络员', ${hash}, array['liaisonStaff'], false)`);
  }
  const app = await buildApp({
    database,
    // Requests name their own client address (X-Forwarded-For) so per-address rate limits do not throttle the bench.
    config: loadConfig({ ZHENGXIE_DATA_DIR: dataDir, TRUST_PROXY: 'true' }),
    logger: { level: 'error' },
  });
  await app.ready();
  const cookies: string[] = [];
  for (const c of probe) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: `bench_liaison_${c}`, password: 'Bench@2026' },
      headers: { 'x-forwarded-for': `10.9.${c % 250}.1` },
    });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
    cookies.push(String(res.headers['set-cookie']).split(';')[0]);
  }
  const words = [
    '电梯',
    '养老服务',
    '停车难',
    '污水治理',
    '托育',
    '充电桩',
    '营商环境',
    '心理健康',
    '冷链物流',
    '宅基地',
  ];
  const cases: Record<string, (i: number) => string> = {
    '列表 (第1页+总数)': () => '/api/opinions?page=1&pageSize=20',
    '列表 (第5页)': () => '/api/opinions?page=5&pageSize=20',
    '筛选 (状态+年度+类别)': (i) =>
      `/api/opinions?state=compiled&year=${2022 + (i % 5)}&category=${encodeURIComponent(CATEGORIES[i % CATEGORIES.length])}`,
    '筛选 (省级采用)': () => '/api/opinions?adoptedLevel=province',
    '中文检索 q': (i) => `/api/opinions?q=${encodeURIComponent(words[i % words.length])}`,
    '中文检索 q + 状态': (i) => `/api/opinions?q=${encodeURIComponent(words[i % words.length])}&state=compiled`,
  };
  console.log(
    `\n${RUNS} requests per case, liaison officers of ${probe.length} committees, through the app (GET, auth included):`,
  );
  const rows: string[] = [];
  for (const [name, make] of Object.entries(cases)) {
    const times: number[] = [];
    for (let i = 0; i < RUNS + 20; i++) {
      const cookie = cookies[i % cookies.length];
      const s = process.hrtime.bigint();
      const res = await app.inject({
        method: 'GET',
        url: make(i),
        headers: {
          cookie,
          'x-forwarded-for': `10.${(i >> 8) % 250}.${i % 250}.${Object.keys(cases).indexOf(name) + 1}`,
        },
      });
      const ms = Number(process.hrtime.bigint() - s) / 1e6;
      if (res.statusCode !== 200) throw new Error(`${name}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      if (i >= 20) times.push(ms); // the first 20 warm the caches
    }
    rows.push(
      `${name.padEnd(22, ' ')} p50 ${pct(times, 50).toFixed(1).padStart(6)} ms   p95 ${pct(times, 95).toFixed(1).padStart(6)} ms`,
    );
    console.log(rows.at(-1));
  }
  const one = await app.inject({
    method: 'GET',
    url: '/api/opinions?q=%E7%94%B5%E6%A2%AF',
    headers: { cookie: cookies[0] },
  });
  if (process.env.EXPLAIN) {
    for (const q of [
      `select count(*) from opinion_reports r where r.committee_id = ${probe[0]} and r.state not in ('draft', 'none')`,
      `select r.id from opinion_reports r where r.committee_id = ${probe[0]} and r.state not in ('draft', 'none') order by r.submitted_at desc, r.id desc limit 20`,
    ]) {
      const plan = await query<any>(db, sql.raw(`explain (analyze, buffers) ${q}`));
      console.log(plan.map((p) => p['QUERY PLAN']).join('\n'));
    }
  }
  const direct = await queryOne<{ n: number; t: string }>(
    db,
    sql`select count(*)::int as n, min(title) as t from opinion_reports where committee_id = ${probe[0]} and state <> 'draft' and title like '%电梯%'`,
  );
  console.log(
    `\n(check: q=电梯 in one committee → ${one.json().total} found by search, ${direct!.n} titles contain 电梯)`,
  );
  await app.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  await dropBenchDatabase('zhengxie_bench_opinions');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
