// Proposals at province scale on PostgreSQL: 300,000 proposals over 200 committees and five years (1,500 each, every
// state), with proposers, assignments to units (the subject's usual unit most of the time), replies and ratings,
// generated with generate_series from 2,000 distinct texts whose search tokens come from the app's own segmenter.
// Measures through the real app as a signed-in proposal officer (auth included) and prints p50/p95 for: list with
// filters and sort, search for a two- and a four-character word, similar-proposal lookup, unit suggestion, figures;
// before that, a crowd of those officers over HTTP next to a bare replay of the same statements (bench/crowd.ts).
//   scripts/with-postgres.sh npx tsx bench/proposals.ts       (PROPOSALS=… COMMITTEES=… RUNS=… to change the size)
import fs from 'node:fs';
import { crowdPhase } from './crowd.ts';
import { loadProposals, SUBJECTS } from './generate-proposals.ts';
import { officerBench, type TimedCase, timeCases } from './officers.ts';
import { benchDatabaseUrl, dropBenchDatabase } from './setup.ts';

const PROPOSALS = Number(process.env.PROPOSALS ?? 300_000);
const COMMITTEES = Number(process.env.COMMITTEES ?? 200);
const RUNS = Number(process.env.RUNS ?? 200);
const POOL = 6;
benchDatabaseUrl();

async function main() {
  const { database, url, dataDir, app, probe, sessions } = await officerBench(
    'zhengxie_bench_proposals',
    POOL,
    COMMITTEES,
    (db, committees) => loadProposals(db, committees, Math.ceil(PROPOSALS / COMMITTEES)),
    { prefix: 'bench_proposal', displayName: '压测提案委', role: 'proposalStaff' },
  );
  const enc = encodeURIComponent;
  const newTitles = [
    ['关于加快发展社区居家养老服务的建议', '社区养老服务设施不足，建议建设社区养老服务综合体，完善居家养老补贴。'],
    ['关于推进城区垃圾分类回收体系建设的建议', '垃圾分类投放点少，回收体系不完善，建议完善分类收运处理体系。'],
    ['关于缓解中心城区停车难的建议', '停车泊位缺口大，建议挖潜建设公共停车场，推广智慧停车。'],
    ['关于加强青少年心理健康教育的建议', '学生心理问题增多，建议配齐心理教师，建立家校社协同机制。'],
  ];
  const cases: Record<string, TimedCase> = {
    '列表 (第1页+总数)': { method: 'GET', url: () => '/api/proposals?page=1&pageSize=20' },
    '筛选+排序 (状态+类别, 按编号)': {
      method: 'GET',
      url: (i) =>
        `/api/proposals?state=completed&category=${enc(SUBJECTS[i % SUBJECTS.length][1])}&sort=number&order=asc`,
    },
    '筛选+排序 (年度+形式, 按期限)': {
      method: 'GET',
      url: (i) => `/api/proposals?year=${2022 + (i % 5)}&kind=joint&sort=dueAt&order=asc`,
    },
    '工作队列 (已超期)': { method: 'GET', url: () => '/api/proposals?queue=overdue' },
    '检索 1字 (水)': { method: 'GET', url: () => `/api/proposals?q=${enc('水')}` },
    '检索 2字 (养老)': { method: 'GET', url: () => `/api/proposals?q=${enc('养老')}` },
    '检索 4字 (垃圾分类)': { method: 'GET', url: () => `/api/proposals?q=${enc('垃圾分类')}` },
    相似提案: {
      method: 'POST',
      url: () => '/api/proposals/similar',
      body: (i) => ({ title: newTitles[i % 4][0], text: newTitles[i % 4][1] }),
    },
    推荐承办单位: {
      method: 'POST',
      url: () => '/api/proposals/suggest-units',
      body: (i) => ({ title: newTitles[i % 4][0], text: newTitles[i % 4][1] }),
    },
    '统计 (年度)': { method: 'GET', url: (i) => `/api/proposals/figures?year=${2022 + (i % 5)}` },
    办理督办: { method: 'GET', url: () => '/api/proposals/deadlines?days=30' },
    首页待办: { method: 'GET', url: () => '/api/todos' },
  };
  await crowdPhase({
    database,
    dataDir,
    url,
    pool: POOL,
    users: sessions,
    cases: [
      { name: '列表 (第1页+总数)', path: () => '/api/proposals?page=1&pageSize=20' },
      {
        name: '筛选+排序 (年度+形式, 按期限)',
        path: (_u, i) => `/api/proposals?year=${2022 + (i % 5)}&kind=joint&sort=dueAt&order=asc`,
      },
      { name: '检索 2字 (养老)', path: () => `/api/proposals?q=${enc('养老')}` },
      { name: '工作队列 (已超期)', path: () => '/api/proposals?queue=overdue' },
      { name: '统计 (年度)', path: (_u, i) => `/api/proposals/figures?year=${2022 + (i % 5)}` },
    ],
  });
  console.log(
    `\n${RUNS} requests per case, proposal officers of ${probe.length} committees, through the app (auth included):`,
  );
  await timeCases(app, sessions, cases, RUNS, 24);
  const s0 = sessions[0];
  const q2 = await app.inject({
    method: 'GET',
    url: `/api/proposals?q=${enc('养老')}`,
    headers: { cookie: s0.cookie },
  });
  const sim = await app.inject({
    method: 'POST',
    url: '/api/proposals/similar',
    payload: { title: newTitles[0][0], text: newTitles[0][1] },
    headers: { cookie: s0.cookie, 'x-csrf-token': s0.csrf },
  });
  const sug = await app.inject({
    method: 'POST',
    url: '/api/proposals/suggest-units',
    payload: { title: newTitles[0][0], text: newTitles[0][1] },
    headers: { cookie: s0.cookie, 'x-csrf-token': s0.csrf },
  });
  const fig = await app.inject({
    method: 'GET',
    url: '/api/proposals/figures?year=2025',
    headers: { cookie: s0.cookie },
  });
  console.log(
    `\n(check: q=养老 → ${q2.json().total} found; top similar: ${sim.json().items[0]?.title} (${sim.json().items[0]?.score} 分);`,
  );
  console.log(` suggested unit: ${sug.json().items[0]?.name} (expected 市民政局); ${fig.json().sentence})`);
  await app.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (process.env.KEEP) return;
  await dropBenchDatabase('zhengxie_bench_proposals');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
