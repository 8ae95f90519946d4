// Bench-scale proposals, shared by the benches that need them (bench/proposals.ts, bench/reads.ts): for each given
// committee a term, five plenary sessions, the demo's handling units and 100 members, then `perCommittee` proposals in
// every state with proposers, assignments (the subject's usual unit most of the time), replies and ratings, generated
// with generate_series from 2,000 distinct texts whose search tokens come from the app's own segmenter.
import { sql } from 'drizzle-orm';
import { type Db, query, queryOne } from '../server/platform/db/client.ts';
import { searchTokens } from '../server/platform/search/search.ts';
import { UNITS } from '../server/seed/demo-reference.ts';
import { secondsSince } from './setup.ts';

/** Inserts `n` committees named 压测政协1…n (every fifth a city) and returns their ids. */
export async function benchCommittees(db: Db, n: number): Promise<number[]> {
  const rows = await query<{ id: number }>(
    db,
    sql`insert into committees (name, short_name, level)
      select '压测政协' || g, '压测政协' || g, case when g % 5 = 0 then 'city' else 'county' end from generate_series(1, ${n}) g
      returning id`,
  );
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

// Subject, category, and the unit (index in UNITS) such proposals usually go to.
export const SUBJECTS: [string, string, number][] = [
  ['社区居家养老服务', '社会建设', 6],
  ['老旧小区加装电梯', '社会建设', 12],
  ['中小学课后服务', '社会建设', 1],
  ['城区停车难', '经济建设', 5],
  ['农村生活污水治理', '生态文明建设', 11],
  ['基层医疗卫生人才', '社会建设', 18],
  ['小微企业融资难', '经济建设', 29],
  ['职业教育产教融合', '社会建设', 1],
  ['城市内涝防治', '生态文明建设', 14],
  ['新能源汽车充电桩', '经济建设', 0],
  ['婴幼儿托育服务', '社会建设', 18],
  ['营商环境优化', '经济建设', 0],
  ['垃圾分类回收', '生态文明建设', 25],
  ['乡村旅游民宿', '文化建设', 17],
  ['残疾人就业帮扶', '社会建设', 36],
  ['物业服务纠纷', '社会建设', 12],
  ['医保异地结算', '社会建设', 24],
  ['公共文化场馆开放', '文化建设', 17],
  ['农产品冷链物流', '经济建设', 16],
  ['城市公交线网优化', '经济建设', 13],
  ['流动人口子女入学', '社会建设', 1],
  ['农村宅基地管理', '经济建设', 10],
  ['智慧社区建设', '社会建设', 30],
  ['老年人数字鸿沟', '社会建设', 6],
  ['中医药传承发展', '社会建设', 18],
  ['高标准农田建设', '经济建设', 15],
  ['河湖长制落实', '生态文明建设', 14],
  ['电信网络诈骗防范', '政治建设', 5],
  ['青少年心理健康', '社会建设', 1],
  ['非物质文化遗产保护', '文化建设', 17],
];
const ANGLES = ['的建议', '问题亟待解决的建议', '工作的几点建议', '需要政策支持的建议'];
/** Places the generated texts are about; the opinion generator uses the first ten. */
export const PLACES = [
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
  '中心城区',
  '沿河片区',
  '高新区',
  '东湖街道',
  '西山镇',
  '北关社区',
  '南湖新区',
];
// Per 100 proposals: what a committee's book looks like over five years (54 registered, 14 merged, 18 converted, 14 rejected).
const STATES = [
  ...Array(43).fill('completed'),
  ...Array(4).fill('handling'),
  ...Array(3).fill('replied'),
  ...Array(4).fill('registered'),
  ...Array(14).fill('merged'),
  ...Array(18).fill('converted'),
  ...Array(14).fill('rejected'),
];

function texts() {
  const out = [];
  for (let i = 0; i < 2000; i++) {
    const [subject, category, unit] = SUBJECTS[i % SUBJECTS.length];
    const angle = ANGLES[Math.floor(i / SUBJECTS.length) % ANGLES.length];
    const place = PLACES[Math.floor(i / (SUBJECTS.length * ANGLES.length)) % PLACES.length];
    const title = `关于${place}${subject}${angle}`;
    const background = `据调研，${place}${subject}方面存在投入不足、部门协调不畅、群众获得感不强等问题，第${i}号调研样本显示问题较为集中。`;
    const suggestions = `一是加强统筹，明确${subject}牵头部门；二是加大投入，完善配套政策；三是建立长效机制，定期评估成效。`;
    out.push({
      title,
      background,
      suggestions,
      category,
      unit,
      tokens: searchTokens(title, background, suggestions, '委员'),
    });
  }
  return out;
}

/** Loads `perCommittee` proposals into each of `committees` (made by benchCommittees), with what they need. */
export async function loadProposals(db: Db, committees: number[], perCommittee: number): Promise<void> {
  const t0 = process.hrtime.bigint();
  await db.execute(
    sql`insert into terms (committee_id, number, name, is_current) select id, 6, '第六届', true from committees where id = any(${sql.param(committees)}::int[])`,
  );
  await db.execute(sql`insert into plenary_sessions (committee_id, term_id, number, name, year, opens_on, filing_deadline, is_current)
    select t.committee_id, t.id, s, '六届' || (array['一','二','三','四','五'])[s] || '次会议', 2021 + s,
      make_date(2021 + s, 1, 10), make_date(2021 + s, 1, 14), s = 5
    from terms t cross join generate_series(1, 5) s where t.committee_id = any(${sql.param(committees)}::int[])`);
  await db.execute(sql`insert into handling_units (committee_id, name)
    select c.id, u.name from committees c cross join unnest(${sql.param(UNITS)}::text[]) with ordinality as u(name, n) where c.id = any(${sql.param(committees)}::int[]) order by c.id, u.n`);
  await db.execute(sql`insert into members (committee_id, term_id, name)
    select t.committee_id, t.id, '委员' || g from terms t cross join generate_series(1, 100) g where t.committee_id = any(${sql.param(committees)}::int[]) order by t.committee_id, g`);
  await db.execute(sql`create table bench_base as select c.id as committee_id,
      (select min(id) from handling_units h where h.committee_id = c.id) as unit_base,
      (select min(id) from members m where m.committee_id = c.id) as member_base,
      (select id from terms t where t.committee_id = c.id) as term_id
    from committees c where c.id = any(${sql.param(committees)}::int[])`);
  await db.execute(
    sql`create table bench_sessions as select committee_id, id, year from plenary_sessions where committee_id = any(${sql.param(committees)}::int[])`,
  );
  await db.execute(
    sql`create table bench_texts (n int primary key, title text, background text, suggestions text, category text, unit int, tokens text)`,
  );
  const pool = texts();
  for (let i = 0; i < pool.length; i += 200) {
    await db.execute(
      sql`insert into bench_texts values ${sql.join(
        pool
          .slice(i, i + 200)
          .map(
            (t, j) =>
              sql`(${i + j}, ${t.title}, ${t.background}, ${t.suggestions}, ${t.category}, ${t.unit}, ${t.tokens})`,
          ),
        sql`, `,
      )}`,
    );
  }
  const indexes = await query<{ indexname: string; indexdef: string }>(
    db,
    sql`select indexname, indexdef from pg_indexes where tablename in ('proposals', 'proposal_proposers', 'proposal_assignments', 'proposal_replies', 'proposal_ratings')
      and indexname not like '%_pkey'`,
  );
  for (const ix of indexes) await db.execute(sql.raw(`drop index ${ix.indexname}`));
  const states = `(array[${STATES.map((s) => `'${s}'`).join(',')}])`;
  for (const [ci, c] of committees.entries()) {
    await db.execute(
      sql.raw(`insert into proposals (committee_id, term_id, session_id, year, number, kind, title, background, suggestions,
        category, state, is_session_proposal, is_key, round, outcome_class, submitted_at, registered_at, assigned_at, replied_at, completed_at,
        created_at, updated_at, search)
      select ${c}, b.term_id, s.id, s.year,
        case when st in ('completed','handling','replied','registered') then g end,
        case when g % 10 < 6 then 'individual' else 'joint' end,
        t.title, t.background, t.suggestions, t.category, st, g % 3 = 0, st in ('completed','handling') and g % 17 = 0, 1,
        case when st in ('completed','replied') then (array['A','A','A','B','B','C'])[1 + g % 6] end,
        make_timestamptz(s.year, 1 + (g / 5) % 12, 1 + g % 28, 9, g % 60, 0, 'Asia/Shanghai'),
        case when st in ('completed','handling','replied','registered') then make_timestamptz(s.year, 1 + (g / 5) % 12, 1 + g % 28, 9, g % 60, 0, 'Asia/Shanghai') + interval '10 days' end,
        case when st in ('completed','handling','replied') then make_timestamptz(s.year, 1 + (g / 5) % 12, 1 + g % 28, 9, g % 60, 0, 'Asia/Shanghai') + interval '20 days' end,
        case when st in ('completed','replied') then make_timestamptz(s.year, 1 + (g / 5) % 12, 1 + g % 28, 9, g % 60, 0, 'Asia/Shanghai') + interval '80 days' end,
        case when st = 'completed' then make_timestamptz(s.year, 1 + (g / 5) % 12, 1 + g % 28, 9, g % 60, 0, 'Asia/Shanghai') + interval '100 days' end,
        make_timestamptz(s.year, 1 + (g / 5) % 12, 1 + g % 28, 8, g % 60, 0, 'Asia/Shanghai'),
        make_timestamptz(s.year, 1 + (g / 5) % 12, 1 + g % 28, 10, g % 60, 0, 'Asia/Shanghai') + interval '100 days',
        to_tsvector('simple', t.tokens)
      from generate_series(1, ${perCommittee}) g
      cross join lateral (select ${states}[1 + (g * 37 + g / 100) % 100] as st) x
      join bench_base b on b.committee_id = ${c}
      join bench_sessions s on s.committee_id = ${c} and s.year = 2022 + (g % 5)
      join bench_texts t on t.n = (g * ${31 + ci}) % 2000`),
    );
    if (ci % 20 === 19) console.log(`  … ${ci + 1} committees loaded (${secondsSince(t0).toFixed(0)} s)`);
  }
  await db.execute(sql`update proposals set state = 'handling', replied_at = null, completed_at = null, outcome_class = null
    where state in ('completed', 'replied') and year = 2026 and id % 3 = 0`);
  await db.execute(sql`insert into proposal_proposers (committee_id, proposal_id, member_id, is_lead, cosign_status)
    select p.committee_id, p.id, b.member_base + p.id % 100, true, 'confirmed' from proposals p join bench_base b using (committee_id)`);
  await db.execute(sql`insert into proposal_proposers (committee_id, proposal_id, member_id, is_lead, cosign_status, sort)
    select p.committee_id, p.id, b.member_base + (p.id + 37) % 100, false, 'confirmed', 1 from proposals p join bench_base b using (committee_id)
    where p.kind = 'joint'`);
  // The subject's usual unit for four in five proposals, another unit otherwise.
  await db.execute(sql`insert into proposal_assignments (committee_id, proposal_id, unit_id, role, state, assigned_at, due_at, original_due_at, accepted_at, replied_at, done_at)
    select p.committee_id, p.id, b.unit_base + case when abs(hashint4(p.id)) % 5 = 0 then abs(hashint4(p.id + 1)) % 40 else t.unit end, 'lead',
      case when p.state = 'handling' then 'accepted' else 'done' end,
      p.assigned_at, p.assigned_at + interval '3 months', p.assigned_at + interval '3 months', p.assigned_at + interval '3 days',
      case when p.state = 'handling' then null else p.assigned_at + make_interval(days => 30 + (p.id % 80)) end,
      case when p.state = 'handling' then null else p.assigned_at + interval '60 days' end
    from proposals p join bench_base b using (committee_id) join bench_texts t on t.title = p.title
    where p.state in ('handling', 'replied', 'completed')`);
  await db.execute(sql`update proposal_assignments set due_at = now() + make_interval(days => (id % 60) - 20)
    where state = 'accepted'`);
  await db.execute(sql`insert into proposal_replies (committee_id, assignment_id, proposal_id, unit_id, round, outcome_class, original_class, text, review_state, reviewed_at)
    select a.committee_id, a.id, a.proposal_id, a.unit_id, 1, p.outcome_class, p.outcome_class, '经研究，现答复如下：已将建议纳入年度工作计划。', 'approved', a.done_at
    from proposal_assignments a join proposals p on p.committee_id = a.committee_id and p.id = a.proposal_id where a.state = 'done'`);
  await db.execute(sql`insert into proposal_ratings (committee_id, proposal_id, round, member_id, rating)
    select pp.committee_id, pp.proposal_id, 1, pp.member_id, (array['satisfied','satisfied','satisfied','partlySatisfied','unsatisfied'])[1 + pp.proposal_id % 5]
    from proposal_proposers pp join proposals p on p.committee_id = pp.committee_id and p.id = pp.proposal_id
    where p.state = 'completed' and pp.is_lead`);
  for (const ix of indexes) await db.execute(sql.raw(ix.indexdef));
  await db.execute(sql`drop table bench_base, bench_sessions, bench_texts`);
  await db.execute(sql`analyze`);
  const size = await queryOne<{ ix: string; col: string }>(
    db,
    sql`select pg_size_pretty(pg_relation_size('proposals_search')) as ix,
      pg_size_pretty(sum(pg_column_size(search))::bigint) as col from proposals`,
  );
  console.log(`search index ${size!.ix}, search vectors ${size!.col}`);
  const total = await queryOne<{ n: number; a: number; r: number }>(
    db,
    sql`select (select count(*) from proposals)::int as n, (select count(*) from proposal_assignments)::int as a, (select count(*) from proposal_replies)::int as r`,
  );
  console.log(
    `loaded ${total!.n.toLocaleString()} proposals, ${total!.a.toLocaleString()} assignments, ${total!.r.toLocaleString()} replies over ${committees.length} committees in ${secondsSince(t0).toFixed(1)} s`,
  );
}
