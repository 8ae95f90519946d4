// Turning duty facts into points. Two paths that must always agree (a test checks it):
//  - scoreSql: set-based SQL over every member of a committee-year at once (re-scoring after a rule change, staff
//    tables, bulletins);
//  - explainMember: one member's facts, line by line (fact → rule item → points, caps applied), for 我的履职.
// Both use the same rule-matching CASE expression, generated from the rule version (values as parameters only).
import { type SQL, sql } from 'drizzle-orm';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { memberDirectory } from '../org/members-directory.ts';
import { currentVersion, type RuleVersion } from './rule-versions.ts';
import { DETAIL_FIELDS, FACT_KINDS, GRADE_LABELS, ROLE_LABELS, type RuleItem } from './rules.ts';

/** The CASE expression giving the index of the first rule item a fact matches (null when no item counts it). */
export function matchExpr(items: RuleItem[], f: SQL = sql.raw('f')): SQL {
  if (!items.length) return sql`null::int`;
  const whens = items.map((it, i) => {
    const conds: SQL[] = [sql`${f}.kind = any(${sql.param(it.kinds)}::text[])`];
    if (it.roles?.length) conds.push(sql`${f}.role = any(${sql.param(it.roles)}::text[])`);
    for (const [k, v] of Object.entries(it.detail ?? {})) conds.push(sql`${f}.detail ->> ${k} = ${v}`);
    return sql`when ${sql.join(conds, sql` and `)} then ${sql.raw(String(i))}`;
  });
  return sql`(case ${sql.join(whens, sql` `)} end)`;
}

export interface ScoreOptions {
  /** Only these members. */
  memberIds?: number[];
  /** Facts as they stood at this moment (created by then, not yet revoked): reproduces an earlier score. */
  asOf?: string;
  /** Only facts that occurred on or before this date (quarterly bulletins). */
  until?: string;
}

const liveFacts = (o: ScoreOptions, f = sql.raw('f')) =>
  o.asOf
    ? sql`${f}.created_at <= ${o.asOf}::timestamptz and (${f}.revoked_at is null or ${f}.revoked_at > ${o.asOf}::timestamptz)`
    : sql`${f}.revoked_at is null`;

const BIG = 1e9;

/** Set-based scoring of a committee-year: one row per member (member_id, total, grade, components, done, missing). */
export function scoreSql(committeeId: number, year: number, v: RuleVersion, o: ScoreOptions = {}): SQL {
  const r = v.rules;
  const memberFilter = (col: SQL) => (o.memberIds ? sql`and ${col} = any(${sql.param(o.memberIds)}::int[])` : sql``);
  const checklist = r.checklist.length
    ? sql`(values ${sql.join(
        r.checklist.map((k) => sql`(${k.key}, ${sql.param(k.kinds)}::text[], ${k.min}::int)`),
        sql`, `,
      )}) as ck(key, kinds, min)`
    : sql`(select null::text as key, null::text[] as kinds, 0 as min where false) as ck`;
  const grade = sql`(case ${sql.join(
    r.grades.slice(0, -1).map((g) => sql`when t.total >= ${g.min}::numeric then ${g.key}`),
    sql` `,
  )} else ${r.grades[r.grades.length - 1].key} end)`;
  // The half-day count is read (from jsonb) only for facts an item multiplies by it, not for every fact.
  const halfDayItems = r.items.flatMap((it, i) => (it.multiplyBy === 'halfDays' ? [i] : []));
  return sql`with f as (
      select x.member_id, x.kind, x.ord, count(*)::int as n,
        ${
          halfDayItems.length
            ? sql`sum(case when x.ord = any(${sql.param(halfDayItems)}::int[]) then coalesce((x.detail ->> 'halfDays')::int, 1) else 0 end)::int`
            : sql`0`
        } as half_days
      from (
        select f.member_id, f.kind, f.detail, ${matchExpr(r.items)} as ord
        from duty_facts f
        where f.committee_id = ${committeeId} and f.year = ${year} and ${liveFacts(o)}
          ${o.until ? sql`and f.occurred_on <= ${o.until}::date` : sql``} ${memberFilter(sql`f.member_id`)}
      ) x
      group by 1, 2, 3
    ), per_item as (
      select f.member_id, i.category,
        i.points::numeric * (case when i.multiply_by = 'halfDays' then sum(f.half_days) else greatest(sum(f.n) - i.skip_first, 0) end) as pts
      from f join duty_rule_items i on i.committee_id = ${committeeId} and i.version_id = ${v.id} and i.ord = f.ord
      group by f.member_id, i.category, i.ord, i.points, i.multiply_by, i.skip_first
    ), capped as (
      select p.member_id, p.category,
        least(greatest(sum(p.pts), coalesce(min(c.floor)::numeric, ${-BIG}::numeric)), coalesce(min(c.cap)::numeric, ${BIG}::numeric)) as pts
      from per_item p join duty_rule_categories c on c.committee_id = ${committeeId} and c.version_id = ${v.id} and c.key = p.category
      group by p.member_id, p.category
    ), sums as (
      select member_id, sum(pts) as s, jsonb_object_agg(category, pts) as comp from capped group by member_id
    ), done as (
      select x.member_id, array_agg(x.key order by x.key) as keys from (
        select f.member_id, ck.key from f join ${checklist} on f.kind = any(ck.kinds)
        group by f.member_id, ck.key, ck.min having sum(f.n) >= ck.min
      ) x group by x.member_id
    ), t as (
      select m.id as member_id,
        round(least(greatest(${r.base}::numeric + coalesce(s.s, 0), 0), ${r.maxTotal ?? BIG}::numeric), 2) as total,
        coalesce(s.comp, '{}'::jsonb) as components, coalesce(d.keys, '{}'::text[]) as done
      from ${memberDirectory} m join terms tm on tm.committee_id = m.committee_id and tm.id = m.term_id
        left join sums s on s.member_id = m.id left join done d on d.member_id = m.id
      where m.committee_id = ${committeeId}
        and coalesce(extract(year from tm.start_date)::int, 0) <= ${year}
        and ${year} <= coalesce(extract(year from tm.end_date)::int, 9999) ${memberFilter(sql`m.id`)}
    )
    select t.member_id, t.total, ${grade} as grade, t.components, t.done,
      array(select k from unnest(${sql.param(r.checklist.map((k) => k.key))}::text[]) as k where k <> all(t.done)) as missing
    from t`;
}

/** Recomputes and stores scores (all members, or some) with the version in force; one statement, no per-member loop. */
export async function rescore(tx: Db, committeeId: number, year: number, memberIds?: number[]): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(7301, ${committeeId})`);
  // One big aggregation: let it hash in memory instead of spilling to disk.
  await tx.execute(sql`set local work_mem = '128MB'`);
  const v = await currentVersion(tx, committeeId, year);
  const total = v.rules.checklist.length;
  if (memberIds) {
    await tx.execute(sql`delete from duty_scores where committee_id = ${committeeId} and year = ${year}
      and member_id = any(${sql.param(memberIds)}::int[])`);
  } else {
    await tx.execute(sql`delete from duty_scores where committee_id = ${committeeId} and year = ${year}`);
  }
  const rows = await query<{ n: number }>(
    tx,
    sql`with ins as (
      insert into duty_scores (committee_id, year, member_id, version_id, total, grade, components, checklist_done, checklist_total, checklist_missing, computed_at)
      select ${committeeId}, ${year}, s.member_id, ${v.id}, s.total, s.grade, s.components, cardinality(s.done), ${total}, s.missing, now()
      from (${scoreSql(committeeId, year, v, { memberIds })}) s
      returning 1
    ) select count(*)::int as n from ins`,
  );
  if (memberIds) {
    await tx.execute(sql`delete from duty_dirty where committee_id = ${committeeId} and year = ${year}
      and member_id = any(${sql.param(memberIds)}::int[])`);
  } else {
    await tx.execute(sql`delete from duty_dirty where committee_id = ${committeeId} and year = ${year}`);
  }
  await tx.execute(sql`insert into duty_year_stats (committee_id, year, members, median, computed_at)
    select ${committeeId}, ${year}, count(*)::int, round((percentile_cont(0.5) within group (order by total))::numeric, 2), now()
    from duty_scores where committee_id = ${committeeId} and year = ${year}
    on conflict (committee_id, year) do update set members = excluded.members, median = excluded.median, computed_at = excluded.computed_at`);
  return rows[0].n;
}

/** Brings stored scores up to date: a full re-score when the version changed, else only members with changed facts. */
export async function ensureScores(db: Db, committeeId: number, year: number): Promise<void> {
  const v = await currentVersion(db, committeeId, year);
  const state = await queryOne<{ stale: boolean; any: boolean; dirty: number[] }>(
    db,
    sql`select exists(select 1 from duty_scores where committee_id = ${committeeId} and year = ${year} and version_id <> ${v.id}) as stale,
      exists(select 1 from duty_scores where committee_id = ${committeeId} and year = ${year}) as any,
      array(select member_id from duty_dirty where committee_id = ${committeeId} and year = ${year} order by member_id limit 5001) as dirty`,
  );
  if (state!.stale || !state!.any || state!.dirty.length > 5000) {
    await db.transaction((tx) => rescore(tx, committeeId, year));
  } else if (state!.dirty.length) {
    await db.transaction((tx) => rescore(tx, committeeId, year, state!.dirty));
  }
}

export interface ExplainLine {
  factId: number;
  kind: string;
  kindLabel: string;
  role: string;
  roleLabel: string;
  occurredOn: string;
  sourceType: string;
  sourceId: number;
  title: string | null;
  detailText: string;
  rule: string | null;
  category: string | null;
  points: number;
  note: string | null;
}

export interface Explanation {
  year: number;
  version: { id: number; version: number; year: number; name: string };
  base: number;
  maxTotal: number | null;
  passMark: number;
  total: number;
  grade: string;
  gradeLabel: string;
  categories: { key: string; name: string; cap: number | null; floor: number | null; raw: number; points: number }[];
  lines: ExplainLine[];
  checklist: { key: string; label: string; min: number; count: number; done: boolean }[];
  notes: string[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function detailText(detail: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, f] of Object.entries(DETAIL_FIELDS)) {
    const v = detail[k];
    if (typeof v === 'string' && f.values[v]) parts.push(f.values[v]);
  }
  if (typeof detail.halfDays === 'number') parts.push(`会期 ${detail.halfDays} 个半天`);
  if (typeof detail.minutesPresent === 'number') parts.push(`在场 ${detail.minutesPresent} 分钟`);
  // 正负面清单 occurrences carry the evidence staff recorded: a deduction is shown to the member with its grounds.
  if (typeof detail.evidence === 'string' && detail.evidence) parts.push(`事实与依据：${detail.evidence}`);
  return parts.join('，');
}

/** One member's year line by line: every fact, the rule that gave it points (or why none), caps, total and grade. */
export async function explainMember(
  db: Db,
  committeeId: number,
  memberId: number,
  year: number,
  v: RuleVersion,
  o: ScoreOptions = {},
): Promise<Explanation> {
  const r = v.rules;
  const facts = await query<{
    id: number;
    kind: string;
    role: string;
    detail: Record<string, unknown> | null;
    occurred_on: string;
    source_type: string;
    source_id: number;
    ord: number | null;
  }>(
    db,
    sql`select f.id, f.kind, f.role, f.detail, f.occurred_on::text as occurred_on, f.source_type, f.source_id, ${matchExpr(r.items)} as ord
      from duty_facts f
      where f.committee_id = ${committeeId} and f.member_id = ${memberId} and f.year = ${year} and ${liveFacts(o)}
        ${o.until ? sql`and f.occurred_on <= ${o.until}::date` : sql``}
      order by f.occurred_on, f.id`,
  );
  const seen = new Map<number, number>();
  const raw = new Map<string, number>();
  const lines: ExplainLine[] = facts.map((f) => {
    const ord = f.ord;
    const item = ord === null || ord === undefined ? null : r.items[ord];
    let points = 0;
    let note: string | null = null;
    if (item && ord !== null) {
      const nth = (seen.get(ord) ?? 0) + 1;
      seen.set(ord, nth);
      if (item.multiplyBy === 'halfDays') {
        const units = typeof f.detail?.halfDays === 'number' ? f.detail.halfDays : 1;
        points = round2(item.points * units);
        note = `${units} 个半天 × ${item.points} 分`;
      } else if (nth <= (item.skipFirst ?? 0)) {
        note = `前 ${item.skipFirst} 项为基本要求，不计分`;
      } else points = item.points;
      raw.set(item.category, round2((raw.get(item.category) ?? 0) + points));
    } else note = '本年度积分规则未对此项计分';
    return {
      factId: f.id,
      kind: f.kind,
      kindLabel: FACT_KINDS[f.kind] ?? f.kind,
      role: f.role,
      roleLabel: ROLE_LABELS[f.role] ?? f.role,
      occurredOn: f.occurred_on,
      sourceType: f.source_type,
      sourceId: f.source_id,
      title: typeof f.detail?.title === 'string' ? f.detail.title : null,
      detailText: detailText(f.detail ?? {}),
      rule: item?.label ?? null,
      category: item?.category ?? null,
      points,
      note,
    };
  });
  const notes: string[] = [];
  const categories = r.categories.map((c) => {
    const sum = raw.get(c.key) ?? 0;
    let pts = sum;
    if (c.floor !== null && pts < c.floor) {
      pts = c.floor;
      notes.push(`「${c.name}」合计 ${sum} 分，低于下限，按 ${c.floor} 分计`);
    }
    if (c.cap !== null && pts > c.cap) {
      pts = c.cap;
      notes.push(`「${c.name}」合计 ${sum} 分，超过上限，按 ${c.cap} 分计`);
    }
    return { key: c.key, name: c.name, cap: c.cap, floor: c.floor, raw: sum, points: round2(pts) };
  });
  let total = round2(r.base + categories.reduce((s, c) => s + c.points, 0));
  if (r.maxTotal !== null && total > r.maxTotal) {
    notes.push(`总分 ${total} 分，超过上限，按 ${r.maxTotal} 分计`);
    total = r.maxTotal;
  }
  if (total < 0) {
    notes.push(`总分 ${total} 分，按 0 分计`);
    total = 0;
  }
  const g = r.grades.find((x, i) => i === r.grades.length - 1 || total >= x.min)!;
  const counts = new Map<string, number>();
  for (const f of facts) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  const checklist = r.checklist.map((k) => {
    const count = k.kinds.reduce((s, kind) => s + (counts.get(kind) ?? 0), 0);
    return { key: k.key, label: k.label, min: k.min, count, done: count >= k.min };
  });
  return {
    year,
    version: { id: v.id, version: v.version, year: v.year, name: v.name },
    base: r.base,
    maxTotal: r.maxTotal,
    passMark: r.passMark,
    total,
    grade: g.key,
    gradeLabel: g.label || GRADE_LABELS[g.key],
    categories,
    lines,
    checklist,
    notes,
  };
}

/** The committee's median score of a year, as of the last re-score (null before any). */
export async function committeeMedian(db: Db, committeeId: number, year: number): Promise<number | null> {
  const row = await queryOne<{ median: number | null }>(
    db,
    sql`select median::float8 as median from duty_year_stats where committee_id = ${committeeId} and year = ${year}`,
  );
  return row?.median === null || row?.median === undefined ? null : round2(Number(row.median));
}

/** Each scored member's stored total for the year (numeric, as the driver gives it: number or text). */
export async function yearTotals(db: Db, committeeId: number, year: number) {
  return query<{ member_id: number; total: number }>(
    db,
    sql`select member_id, total from duty_scores where committee_id = ${committeeId} and year = ${year}`,
  );
}

/** Whether any score is stored for the committee's year (a first visit scores everyone first). */
export async function hasScores(db: Db, committeeId: number, year: number): Promise<boolean> {
  return !!(await queryOne(
    db,
    sql`select 1 from duty_scores where committee_id = ${committeeId} and year = ${year} limit 1`,
  ));
}
