// Opinion reports at scale on PostgreSQL: one million reports over 200 committees (5,000 each, five years, every
// state), with adoptions and instructions, generated with generate_series from 2,000 distinct texts whose search
// tokens come from the app's own segmenter. Measures the liaison office's list (first page with total), a filtered
// list and Chinese search through the real app (GET /api/opinions as a signed-in liaison officer, auth included) and
// prints p50/p95; before that, a crowd of those officers over HTTP next to a bare replay of the same statements
// (bench/crowd.ts).
//   scripts/with-postgres.sh npx tsx bench/opinions.ts        (REPORTS=… COMMITTEES=… RUNS=… to change the size)
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { query, queryOne } from '../server/platform/db/client.ts';
import { crowdPhase } from './crowd.ts';
import { CATEGORIES, loadOpinions } from './generate-opinions.ts';
import { officerBench, timeCases } from './officers.ts';
import { benchDatabaseUrl, dropBenchDatabase } from './setup.ts';

const REPORTS = Number(process.env.REPORTS ?? 1_000_000);
const COMMITTEES = Number(process.env.COMMITTEES ?? 200);
const RUNS = Number(process.env.RUNS ?? 400);
const POOL = 6;
benchDatabaseUrl();

async function main() {
  // Sign in a liaison officer of 40 committees and call the real routes.
  const { database, url, dataDir, db, app, probe, sessions } = await officerBench(
    'zhengxie_bench_opinions',
    POOL,
    COMMITTEES,
    (db, committees) => loadOpinions(db, committees, Math.ceil(REPORTS / COMMITTEES)),
    { prefix: 'bench_liaison', displayName: '压测联络员', role: 'liaisonStaff' },
  );
  const cookies = sessions.map((s) => s.cookie);
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
  await crowdPhase({
    database,
    dataDir,
    url,
    pool: POOL,
    users: cookies.map((cookie) => ({ cookie })),
    cases: Object.entries(cases).map(([name, make]) => ({ name, path: (_u, i) => make(i) })),
  });
  console.log(
    `\n${RUNS} requests per case, liaison officers of ${probe.length} committees, through the app (GET, auth included):`,
  );
  await timeCases(
    app,
    sessions,
    Object.fromEntries(Object.entries(cases).map(([name, url]) => [name, { method: 'GET' as const, url }])),
    RUNS,
    22,
  );
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
