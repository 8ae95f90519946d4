// Proposal figures computed from the data for any term, session or year: counts by state, category, filing kind and
// unit; on-time rate; outcome-class shares; satisfaction; the deadline board; and the annual-report sentence.

import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { beijingYearOf } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { unitTimeliness } from '../supervision/service.ts';
import { numberLabel } from './effects-filing.ts';
import { getRules } from './rules.ts';
import { KIND_LABELS, RATING_LABELS } from './service.ts';
import { OFFICE_STATES, OPEN_ASSIGNMENT_STATES, PROPOSAL_STATES, REGISTERED_STATES } from './states.ts';

export interface FigureScope {
  termId?: number;
  sessionId?: number;
  year?: number;
  unitId?: number;
}

const pct = (n: number, d: number) => (d ? Math.round((1000 * n) / d) / 10 : 0);
/** A rate with nothing to measure is no rate at all: null (shown 「—」), never 0%. */
const rate = (n: number, d: number) => (d ? Math.round((1000 * n) / d) / 10 : null);

function scopeSql(c: number, s: FigureScope): SQL {
  const parts: SQL[] = [sql`p.committee_id = ${c}`, sql`p.state = any(${sql.param(OFFICE_STATES)}::text[])`];
  if (s.termId) parts.push(sql`p.term_id = ${s.termId}`);
  if (s.sessionId) parts.push(sql`p.session_id = ${s.sessionId}`);
  if (s.year) parts.push(sql`p.year = ${s.year}`);
  if (s.unitId)
    parts.push(sql`exists (select 1 from proposal_assignments a where a.committee_id = p.committee_id and a.proposal_id = p.id
      and a.unit_id = ${s.unitId} and a.state <> 'returned')`);
  return sql.join(parts, sql` and `);
}

/** The counts of the annual sentence (proposals), `solved`: registered ones answered with a solved outcome class. */
export interface YearTotals {
  received: number;
  registered: number;
  answered: number;
  solved: number;
  key: number;
  session_proposals: number;
}

/** The counts of the annual sentence, one scan: the registry's figures use this alone. */
function yearTotals(db: Db, where: SQL, solvedCodes: string[]) {
  return queryOne<YearTotals>(
    db,
    sql`select count(*) filter (where p.state <> 'withdrawn')::int as received,
          count(*) filter (where p.state = any(${sql.param(REGISTERED_STATES)}::text[]))::int as registered,
          count(*) filter (where p.state in ('replied', 'completed'))::int as answered,
          count(*) filter (where p.state = any(${sql.param(REGISTERED_STATES)}::text[]) and p.outcome_class = any(${sql.param(solvedCodes)}::text[]))::int as solved,
          count(*) filter (where p.is_key)::int as key,
          count(*) filter (where p.is_session_proposal and p.state <> 'withdrawn')::int as session_proposals
        from proposals p where ${where}`,
  );
}

/** Received, registered, answered, solved and key proposals of a year (the figures registry's numbers). */
export async function proposalYearTotals(db: Db, committeeId: number, year: number) {
  const rules = await getRules(db, committeeId, year);
  const solvedCodes = rules.outcomeClasses.filter((x) => x.solved).map((x) => x.code);
  return (await yearTotals(db, scopeSql(committeeId, { year }), solvedCodes))!;
}

export async function proposalFigures(db: Db, actor: Actor, scope: FigureScope) {
  const c = actor.committeeId;
  const where = scopeSql(c, scope);
  const rules = await getRules(db, c, scope.year ?? beijingYearOf());
  const solvedCodes = rules.outcomeClasses.filter((x) => x.solved).map((x) => x.code);
  const [byState, byCategory, byKind, byClass, totals, units, ratings, unrated] = await Promise.all([
    query<{ state: string; n: number }>(
      db,
      sql`select p.state, count(*)::int as n from proposals p where ${where} group by p.state`,
    ),
    query<{ category: string | null; n: number; registered: number }>(
      db,
      sql`select p.category, count(*)::int as n, count(*) filter (where p.state = any(${sql.param(REGISTERED_STATES)}::text[]))::int as registered
        from proposals p where ${where} and p.state <> 'withdrawn' group by p.category order by n desc`,
    ),
    query<{ kind: string; n: number }>(
      db,
      sql`select p.kind, count(*)::int as n from proposals p where ${where} and p.state <> 'withdrawn' group by p.kind`,
    ),
    query<{ outcome_class: string; n: number }>(
      db,
      sql`select p.outcome_class, count(*)::int as n from proposals p where ${where} and p.outcome_class is not null group by p.outcome_class`,
    ),
    yearTotals(db, where, solvedCodes),
    query<{
      unit_id: number;
      name: string;
      assigned: number;
      leading: number;
      assisting: number;
      replied: number;
      due: number;
      on_time: number;
      overdue: number;
      open: number;
    }>(
      db,
      sql`select a.unit_id, u.name, count(*)::int as assigned,
          count(*) filter (where a.role in ('lead', 'split'))::int as leading,
          count(*) filter (where a.role = 'assisting')::int as assisting,
          count(*) filter (where f.answered_at is not null)::int as replied,
          count(*) filter (where f.answered_at is not null or (a.state = any(${sql.param(OPEN_ASSIGNMENT_STATES)}::text[]) and a.due_at < now()))::int as due,
          count(*) filter (where f.answered_at is not null and f.answered_at <= a.due_at)::int as on_time,
          count(*) filter (where a.state = any(${sql.param(OPEN_ASSIGNMENT_STATES)}::text[]) and a.due_at < now())::int as overdue,
          count(*) filter (where a.state = any(${sql.param(OPEN_ASSIGNMENT_STATES)}::text[]))::int as open
        from proposal_assignments a
        join proposals p on p.committee_id = a.committee_id and p.id = a.proposal_id
        join handling_units u on u.committee_id = a.committee_id and u.id = a.unit_id
        -- When the unit really answered: the reply of this round the office accepted (a sent-back token reply does
        -- not count), or an assisting unit's view; not the first reply time.
        cross join lateral (select case when a.role = 'assisting' then a.replied_at
            else (select max(r.created_at) from proposal_replies r where r.committee_id = a.committee_id
              and r.assignment_id = a.id and r.round = a.round and r.review_state = 'approved') end as answered_at) f
        where ${where} and a.state <> 'returned' ${scope.unitId ? sql`and a.unit_id = ${scope.unitId}` : sql``}
        group by a.unit_id, u.name order by assigned desc, a.unit_id`,
    ),
    query<{ rating: string; n: number }>(
      db,
      sql`select r.rating, count(*)::int as n from proposal_ratings r join proposals p on p.committee_id = r.committee_id and p.id = r.proposal_id
        where ${where} and r.round = p.round group by r.rating`,
    ),
    // Who should rate and has not: every confirmed proposer of the proposal and of those merged into it, and every
    // organisation among them (the same raters the proposal's own page lists), for proposals answered in this round.
    queryOne<{ n: number }>(
      db,
      sql`with raters as (
          select p.id, p.round, 'm' as k, pp.member_id as who from proposals p
            join proposals s on s.committee_id = p.committee_id and (s.id = p.id or s.merged_into_id = p.id)
            join proposal_proposers pp on pp.committee_id = s.committee_id and pp.proposal_id = s.id and pp.cosign_status = 'confirmed'
            where ${where} and p.state in ('replied', 'completed')
          union
          select p.id, p.round, 'o', s.org_id from proposals p
            join proposals s on s.committee_id = p.committee_id and (s.id = p.id or s.merged_into_id = p.id)
            where ${where} and p.state in ('replied', 'completed') and s.org_id is not null)
        select count(*)::int as n from raters x where not exists (select 1 from proposal_ratings r
          where r.committee_id = ${c} and r.proposal_id = x.id and r.round = x.round
            and (case when x.k = 'm' then r.member_id else r.org_id end) = x.who)`,
    ),
  ]);
  const unitRatings = await query<{ unit_id: number; rating: string; n: number }>(
    db,
    sql`select a.unit_id, r.rating, count(*)::int as n from proposal_ratings r
      join proposals p on p.committee_id = r.committee_id and p.id = r.proposal_id
      join proposal_assignments a on a.committee_id = p.committee_id and a.proposal_id = p.id and a.role in ('lead', 'split') and a.state = 'done'
      where ${where} and r.round = p.round group by a.unit_id, r.rating`,
  );
  const t = totals!;
  const replied = units.reduce((s, u) => s + u.replied, 0);
  const due = units.reduce((s, u) => s + u.due, 0);
  const onTime = units.reduce((s, u) => s + u.on_time, 0);
  const ratingTotal = ratings.reduce((s, r) => s + r.n, 0);
  const rated = (k: string) => ratings.find((r) => r.rating === k)?.n ?? 0;
  const classed = byClass.reduce((s, r) => s + r.n, 0);
  const sessionName = scope.sessionId
    ? (
        await queryOne<{ name: string }>(
          db,
          sql`select name from plenary_sessions where committee_id = ${c} and id = ${scope.sessionId}`,
        )
      )?.name
    : null;
  const lead = scope.year
    ? `${scope.year}年全年共收到提案`
    : sessionName
      ? `${sessionName}以来共收到提案`
      : scope.termId
        ? '本届以来共收到提案'
        : '共收到提案';
  const allDone = t.registered > 0 && t.answered === t.registered;
  const sentence =
    `${lead}${t.received}件，立案${t.registered}件，` +
    (t.registered === 0
      ? '尚无立案提案'
      : `${allDone ? '全部办理完毕' : `已办理答复${t.answered}件（占${pct(t.answered, t.registered)}%）`}，所提问题已解决或建议得到采纳的提案占${pct(t.solved, t.registered)}%`);
  return {
    sentence,
    totals: {
      received: t.received,
      registered: t.registered,
      answered: t.answered,
      solved: t.solved,
      solvedShare: pct(t.solved, t.registered),
      key: t.key,
      sessionProposals: t.session_proposals,
      merged: byState.find((s) => s.state === 'merged')?.n ?? 0,
      converted: byState.find((s) => s.state === 'converted')?.n ?? 0,
      rejected: byState.find((s) => s.state === 'rejected')?.n ?? 0,
      withdrawn: byState.find((s) => s.state === 'withdrawn')?.n ?? 0,
      registeredShare: pct(t.registered, t.received),
    },
    byState: Object.keys(PROPOSAL_STATES)
      .map((s) => ({ key: s, label: PROPOSAL_STATES[s], count: byState.find((x) => x.state === s)?.n ?? 0 }))
      .filter((x) => x.count > 0),
    byCategory: byCategory.map((x) => ({
      key: x.category ?? '',
      label: x.category ?? '未分类',
      count: x.n,
      registered: x.registered,
    })),
    byKind: byKind.map((x) => ({ key: x.kind, label: KIND_LABELS[x.kind] ?? x.kind, count: x.n })),
    outcome: rules.outcomeClasses.map((oc) => {
      const n = byClass.find((x) => x.outcome_class === oc.code)?.n ?? 0;
      return { key: oc.code, label: `${oc.code} ${oc.label}`, count: n, share: pct(n, classed) };
    }),
    onTime: { replied, due, onTime, rate: rate(onTime, due) },
    satisfaction: {
      ...Object.fromEntries(Object.keys(RATING_LABELS).map((k) => [k, rated(k)])),
      unrated: unrated?.n ?? 0,
      total: ratingTotal,
      satisfiedRate: rate(rated('satisfied') + rated('partlySatisfied'), ratingTotal),
    } as {
      satisfied: number;
      partlySatisfied: number;
      unsatisfied: number;
      unrated: number;
      total: number;
      satisfiedRate: number | null;
    },
    byUnit: units.map((u) => {
      const rs = unitRatings.filter((r) => r.unit_id === u.unit_id);
      const rt = rs.reduce((s, r) => s + r.n, 0);
      const good = rs.filter((r) => r.rating !== 'unsatisfied').reduce((s, r) => s + r.n, 0);
      return {
        unitId: u.unit_id,
        name: u.name,
        assigned: u.assigned,
        leading: u.leading,
        assisting: u.assisting,
        replied: u.replied,
        open: u.open,
        overdue: u.overdue,
        due: u.due,
        onTimeRate: rate(u.on_time, u.due),
        satisfiedRate: rate(good, rt),
        ratings: rt,
      };
    }),
  };
}

/** Everything due soon or overdue, by unit: the office's supervision board. */
export async function deadlineBoard(db: Db, actor: Actor, opts: { days: number; unitId?: number }) {
  const c = actor.committeeId;
  const rows = await query<{
    id: number;
    proposal_id: number;
    unit_id: number;
    role: string;
    state: string;
    due_at: Date | string;
    extension_count: number;
    unit_name: string;
    title: string;
    number: number | null;
    session_name: string | null;
    is_key: boolean;
    days_left: number | string;
  }>(
    db,
    sql`select a.id, a.proposal_id, a.unit_id, a.role, a.state, a.due_at, a.extension_count, u.name as unit_name, p.title, p.number, s.name as session_name,
        p.is_key, extract(epoch from (a.due_at - now())) / 86400 as days_left
      from proposal_assignments a
      join proposals p on p.committee_id = a.committee_id and p.id = a.proposal_id
      join handling_units u on u.committee_id = a.committee_id and u.id = a.unit_id
      left join plenary_sessions s on s.committee_id = p.committee_id and s.id = p.session_id
      where a.committee_id = ${c} and p.state = 'handling' and a.state = any(${sql.param(OPEN_ASSIGNMENT_STATES)}::text[])
        and a.due_at < now() + make_interval(days => ${opts.days})
        ${opts.unitId ? sql`and a.unit_id = ${opts.unitId}` : sql``}
      order by a.due_at, a.id`,
  );
  const items = rows.map((r) => ({
    assignmentId: r.id,
    proposalId: r.proposal_id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    role: r.role,
    state: r.state,
    title: r.title,
    numberLabel: numberLabel(r.session_name, r.number),
    isKey: r.is_key,
    dueAt: new Date(r.due_at).toISOString(),
    daysLeft: Math.floor(Number(r.days_left)),
    overdue: Number(r.days_left) < 0,
    extensionCount: r.extension_count,
  }));
  const byUnit = new Map<number, { unitId: number; name: string; dueSoon: number; overdue: number }>();
  for (const i of items) {
    const u = byUnit.get(i.unitId) ?? { unitId: i.unitId, name: i.unitName, dueSoon: 0, overdue: 0 };
    if (i.overdue) u.overdue++;
    else u.dueSoon++;
    byUnit.set(i.unitId, u);
  }
  return {
    units: [...byUnit.values()].sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon || a.unitId - b.unitId),
    items,
  };
}

/** Units with their handling figures and saved appraisal for a year (民主评议). */
export async function appraisalList(db: Db, actor: Actor, year: number) {
  const c = actor.committeeId;
  const rules = await getRules(db, c, year);
  const figures = await proposalFigures(db, actor, { year });
  const saved = await query<{
    unit_id: number;
    scores: Record<string, number>;
    total: number | string;
    grade: string | null;
    comment: string;
    updated_at: Date | string;
  }>(
    db,
    sql`select unit_id, scores, total, grade, comment, updated_at from proposal_unit_appraisals where committee_id = ${c} and year = ${year}`,
  );
  const units = await query<{ id: number; name: string }>(
    db,
    sql`select id, name from handling_units where committee_id = ${c} and (active or id = any(${sql.param(saved.map((s) => s.unit_id))}::int[])) order by id`,
  );
  // 随手拍 answered on time counts in the appraisal of units too (issue 15), as supervision counts it.
  const snapshots = await unitTimeliness(db, c, `${year}-01-01`, `${year}-12-31`);
  return {
    dimensions: rules.appraisalDimensions,
    grades: rules.appraisalGrades,
    items: units.map((u) => {
      const f = figures.byUnit.find((x) => x.unitId === u.id);
      const s = saved.find((x) => x.unit_id === u.id);
      return {
        unitId: u.id,
        name: u.name,
        assigned: f?.assigned ?? 0,
        replied: f?.replied ?? 0,
        onTimeRate: f?.onTimeRate ?? null,
        satisfiedRate: f?.satisfiedRate ?? null,
        overdue: f?.overdue ?? 0,
        snapshots: (({ dispatched, answered, answeredOnTime, overdue, rate }) => ({
          dispatched,
          answered,
          answeredOnTime,
          overdue,
          rate,
        }))(
          snapshots.find((x) => x.unitId === u.id) ?? {
            dispatched: 0,
            answered: 0,
            answeredOnTime: 0,
            overdue: 0,
            rate: null,
          },
        ),
        scores: (s?.scores ?? null) as Record<string, number> | null,
        total: s ? Number(s.total) : null,
        grade: s?.grade ?? null,
        comment: s?.comment ?? '',
      };
    }),
  };
}
