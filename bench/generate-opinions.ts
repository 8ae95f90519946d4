// Bench-scale opinion reports, shared by the benches that need them (bench/opinions.ts, bench/reads.ts): for each
// given committee `perCommittee` reports over five years in every state, with adoptions and instructions, generated with
// generate_series from 2,000 distinct texts whose search tokens come from the app's own segmenter.
import { sql } from 'drizzle-orm';
import { DEFAULT_OPINION_SETTINGS } from '../server/modules/opinions/rules.ts';
import { type Db, query, queryOne } from '../server/platform/db/client.ts';
import { searchTokens } from '../server/platform/search/search.ts';
import { PLACES as ALL_PLACES } from './generate-proposals.ts';
import { secondsSince } from './setup.ts';

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
// The first ten of the proposal generator's places (the texts of the two generators were written with the same ten).
const PLACES = ALL_PLACES.slice(0, 10);
/** The default categories of 社情民意 (the bench writes the texts of a committee that kept them). */
export const CATEGORIES = DEFAULT_OPINION_SETTINGS.categories;

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

/** Loads `perCommittee` reports into each of `committees` (bench/generate-proposals.ts benchCommittees makes them). */
export async function loadOpinions(db: Db, committees: number[], perCommittee: number): Promise<void> {
  const t0 = process.hrtime.bigint();
  await db.execute(
    sql`create table bench_texts (n int primary key, title text, body text, category text, tokens text)`,
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
    if (ci % 20 === 19) console.log(`  … ${ci + 1} committees loaded (${secondsSince(t0).toFixed(0)} s)`);
  }
  for (const ix of indexes) await db.execute(sql.raw(ix.indexdef));
  await db.execute(sql`insert into opinion_adoptions (committee_id, report_id, level, adopted_by, adopted_on)
    select committee_id, id, case when id % 3 = 0 then 'province' else 'city' end, '采用单位', submitted_at::date
    from opinion_reports where state = 'compiled' and id % 8 = 0`);
  await db.execute(sql`insert into opinion_instructions (committee_id, report_id, leader_name, level, instructed_on, text)
    select committee_id, id, '领导', 'city', submitted_at::date, '请研究办理' from opinion_reports where state = 'compiled' and id % 20 = 0`);
  await db.execute(sql`drop table bench_texts`);
  // A live table is vacuumed by autovacuum; after a bulk load do it once so index-only scans can count.
  await db.execute(sql`vacuum analyze`);
  const total = (await queryOne<{ n: number }>(db, sql`select count(*)::int as n from opinion_reports`))!.n;
  console.log(
    `loaded ${total.toLocaleString()} reports over ${committees.length} committees in ${secondsSince(t0).toFixed(1)} s`,
  );
}
