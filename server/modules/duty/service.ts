// Duty scores as staff read them: tables by sector, special committee and group, group summaries and the quarterly
// bulletin. Consequences, self-reports and commendations live in consequences.ts, reports.ts, commendations.ts.

import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { beijingYearOf } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { countOf } from '../../platform/db/count.ts';
import { memberNotFound } from '../org/errors.ts';
import { memberById, memberDirectory } from '../org/members-directory.ts';
import { memberBodyConds } from '../org/members-query.ts';
import { currentVersion, type RuleVersion } from './rule-versions.ts';
import { FACT_KINDS, GRADE_LABELS } from './rules.ts';
import { ensureScores, scoreSql } from './scoring.ts';

/** The current year in Beijing. */
export const thisYear = () => beijingYearOf();

/** The leading columns of a member's yearly duty record (consequence, report) in a staff list. */
export interface MemberYearRow {
  id: number;
  member_id: number;
  name: string;
  code: string | null;
  year: number;
}

export async function memberExists(db: Db, committeeId: number, memberId: number) {
  const m = await memberById(db, committeeId, memberId);
  if (!m) throw memberNotFound();
  return m;
}

export interface ScoreQuery {
  year: number;
  sectorId?: number;
  specialCommitteeId?: number;
  groupId?: number;
  grade?: string;
  belowPass?: boolean;
  missingChecklist?: boolean;
  q?: string;
  sort?: 'code' | 'totalAsc' | 'totalDesc';
}

function scoreFilter(c: number, q: ScoreQuery, v: RuleVersion): SQL {
  return sql.join(
    [
      sql`s.committee_id = ${c} and s.year = ${q.year}`,
      q.sectorId ? sql`m.sector_id = ${q.sectorId}` : null,
      ...memberBodyConds(q),
      q.grade ? sql`s.grade = ${q.grade}` : null,
      q.belowPass ? sql`s.total < ${v.rules.passMark}` : null,
      q.missingChecklist ? sql`cardinality(s.checklist_missing) > 0` : null,
      q.q ? sql`(m.name like ${`%${q.q}%`} or m.code like ${`%${q.q}%`})` : null,
    ].filter((x) => x !== null),
    sql` and `,
  );
}

export async function listScores(db: Db, actor: Actor, q: ScoreQuery, limit: number, offset: number) {
  const c = actor.committeeId;
  await ensureScores(db, c, q.year);
  const v = await currentVersion(db, c, q.year);
  const where = scoreFilter(c, q, v);
  const order =
    q.sort === 'totalAsc'
      ? sql`s.total, m.code nulls last, m.id`
      : q.sort === 'totalDesc'
        ? sql`s.total desc, m.code nulls last, m.id`
        : sql`m.code nulls last, m.id`;
  const from = sql`from duty_scores s join ${memberDirectory} m on m.committee_id = s.committee_id and m.id = s.member_id
    left join sectors sc on sc.committee_id = m.committee_id and sc.id = m.sector_id`;
  const rows = await query<{
    member_id: number;
    name: string;
    code: string | null;
    sector: string | null;
    standing_member: boolean;
    total: string | number;
    grade: string;
    components: Record<string, string | number> | null;
    checklist_done: number;
    checklist_total: number;
    checklist_missing: string[];
    special_committees: string | null;
  }>(
    db,
    sql`select s.member_id, m.name, m.code, sc.name as sector, m.standing_member, s.total, s.grade, s.components,
        s.checklist_done, s.checklist_total, s.checklist_missing,
        (select string_agg(spc.name, '、' order by spc.sort) from member_special_committees x join special_committees spc
          on spc.committee_id = x.committee_id and spc.id = x.special_committee_id where x.committee_id = m.committee_id and x.member_id = m.id) as special_committees
      ${from} where ${where} order by ${order} limit ${limit} offset ${offset}`,
  );
  const labels = Object.fromEntries(v.rules.checklist.map((k) => [k.key, k.label]));
  return {
    total: await countOf(db, sql`select count(*)::int as n ${from} where ${where}`),
    ...scaleOf(v),
    items: rows.map((r) => ({
      memberId: r.member_id,
      name: r.name,
      code: r.code,
      sector: r.sector,
      specialCommittees: r.special_committees,
      standingMember: r.standing_member,
      total: Number(r.total),
      grade: r.grade,
      gradeLabel: v.rules.grades.find((g) => g.key === r.grade)?.label ?? GRADE_LABELS[r.grade] ?? r.grade,
      components: Object.fromEntries(
        v.rules.categories.map((k) => [k.key, Number(r.components?.[k.key] ?? 0)]),
      ) as Record<string, number>,
      checklistDone: r.checklist_done,
      checklistTotal: r.checklist_total,
      checklistMissing: (r.checklist_missing as string[]).map((k) => labels[k] ?? k),
    })),
  };
}

/** The rule version a score table was computed under, its pass mark and its categories (key, name, cap), which both
 *  the member table and the group summary answer with. */
function scaleOf(v: RuleVersion) {
  return {
    version: { id: v.id, version: v.version, year: v.year, name: v.name },
    passMark: v.rules.passMark,
    categories: v.rules.categories.map((k) => ({ key: k.key, name: k.name, cap: k.cap })),
  };
}

export async function groupSummary(db: Db, actor: Actor, year: number, by: 'sector' | 'specialCommittee' | 'group') {
  const c = actor.committeeId;
  await ensureScores(db, c, year);
  const v = await currentVersion(db, c, year);
  const groupJoin =
    by === 'sector'
      ? sql`join sectors g on g.committee_id = m.committee_id and g.id = m.sector_id`
      : by === 'specialCommittee'
        ? sql`join member_special_committees x on x.committee_id = m.committee_id and x.member_id = m.id
            join special_committees g on g.committee_id = x.committee_id and g.id = x.special_committee_id`
        : sql`join member_group_links x on x.committee_id = m.committee_id and x.member_id = m.id
            join member_groups g on g.committee_id = x.committee_id and g.id = x.group_id`;
  const comps = v.rules.categories.map(
    (k) => sql`round(avg(coalesce((s.components ->> ${k.key})::numeric, 0)), 2)::float8`,
  );
  const rows = await query<{
    id: number;
    name: string;
    members: number;
    average: number;
    median: number;
    below_pass: number;
    missing_checklist: number;
    components: string | number[];
  }>(
    db,
    sql`select g.id, g.name, count(*)::int as members, round(avg(s.total), 2)::float8 as average,
        (percentile_cont(0.5) within group (order by s.total))::float8 as median,
        count(*) filter (where s.total < ${v.rules.passMark})::int as below_pass,
        count(*) filter (where cardinality(s.checklist_missing) > 0)::int as missing_checklist,
        array[${sql.join(comps, sql`, `)}] as components
      from duty_scores s join ${memberDirectory} m on m.committee_id = s.committee_id and m.id = s.member_id ${groupJoin}
      where s.committee_id = ${c} and s.year = ${year}
      group by g.id, g.name order by g.name`,
  );
  return {
    ...scaleOf(v),
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      members: r.members,
      average: Number(r.average),
      median: Math.round(Number(r.median) * 100) / 100,
      belowPass: r.below_pass,
      missingChecklist: r.missing_checklist,
      components: Object.fromEntries(v.rules.categories.map((k, i) => [k.key, Number(r.components[i])])) as Record<
        string,
        number
      >,
    })),
  };
}

/** Scores as they stood at the end of a quarter (facts that occurred by then), for the quarterly bulletin. */
export async function bulletinData(db: Db, actor: Actor, year: number, quarter: number) {
  const c = actor.committeeId;
  const v = await currentVersion(db, c, year);
  const until = `${year}-${String(quarter * 3).padStart(2, '0')}-${quarter === 1 || quarter === 4 ? '31' : '30'}`;
  const rows = await query<{
    member_id: number;
    name: string;
    code: string | null;
    sector: string | null;
    sort: number | null;
    total: string | number;
    grade: string;
    components: Record<string, string | number> | null;
    missing: string[];
  }>(
    db,
    sql`select s.member_id, m.name, m.code, sc.name as sector, sc.sort, s.total, s.grade, s.components, s.missing
      from (${scoreSql(c, year, v, { until })}) s join ${memberDirectory} m on m.committee_id = ${c} and m.id = s.member_id
        left join sectors sc on sc.committee_id = m.committee_id and sc.id = m.sector_id
      order by sc.sort nulls last, m.code nulls last, m.id`,
  );
  const counts = await query<{ kind: string; n: number }>(
    db,
    sql`select kind, count(*)::int as n from duty_facts where committee_id = ${c} and year = ${year} and revoked_at is null
      and occurred_on <= ${until}::date group by kind order by kind`,
  );
  const committee = await queryOne<{ name: string }>(db, sql`select name from committees where id = ${c}`);
  const grades = v.rules.grades.map((g) => ({
    key: g.key,
    label: g.label,
    count: rows.filter((r) => r.grade === g.key).length,
  }));
  const totals = rows.map((r) => Number(r.total)).sort((a, b) => a - b);
  const median = totals.length
    ? totals.length % 2
      ? totals[(totals.length - 1) / 2]
      : (totals[totals.length / 2 - 1] + totals[totals.length / 2]) / 2
    : 0;
  return {
    committee: committee!.name,
    year,
    quarter,
    until,
    version: v,
    members: rows.map((r) => ({
      name: r.name,
      code: r.code,
      sector: r.sector,
      total: Number(r.total),
      grade: v.rules.grades.find((g) => g.key === r.grade)?.label ?? r.grade,
      components: v.rules.categories.map((k) => Number(r.components?.[k.key] ?? 0)),
      missing: (r.missing as string[]).length,
    })),
    facts: counts.map((x) => ({ label: FACT_KINDS[x.kind] ?? x.kind, n: x.n })),
    grades,
    average: totals.length ? Math.round((totals.reduce((s, x) => s + x, 0) / totals.length) * 100) / 100 : 0,
    median: Math.round(median * 100) / 100,
    belowPass: totals.filter((t) => t < v.rules.passMark).length,
  };
}
