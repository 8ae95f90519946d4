// Figures across levels and the leaders' dashboard: a committee and the committees directly below it side by side and
// summed, the same days last year, what is overdue now, and monthly trends — figures only, never personal data.
import { sql } from 'drizzle-orm';
import { beijingToday } from '../dates.ts';
import { type Db, query, queryOne } from '../db/client.ts';
import { forbidden, notFound } from '../errors.ts';
import { computeFigures, type FigureValue } from './compute.ts';
import { monthsOf, type Period, parsePeriod, sameDaysLastYear } from './period.ts';
import type { FigureGroup } from './registry.ts';

export interface CommitteeRef {
  id: number;
  name: string;
}

/**
 * The committee a viewer asks figures of: their own, or one below it in the tree (a city's leader drilling into a
 * county). Anything else is 「不存在」, as for any other committee's item.
 */
export async function committeeInTree(db: Db, rootId: number, id: number): Promise<CommitteeRef> {
  const row = await queryOne<CommitteeRef>(
    db,
    sql`with recursive tree as (select id from committees where id = ${rootId}
        union all select c.id from committees c join tree on c.parent_id = tree.id)
      select c.id, c.name from committees c where c.id = ${id} and c.id in (select id from tree)`,
  );
  if (!row) throw notFound('figures.committee', '该政协组织不存在或不在本级之下');
  return row;
}

/** The handling unit a unit account belongs to (from its session); an account without one has no unit figures. */
export async function unitOf(db: Db, committeeId: number, unitId: number | null): Promise<CommitteeRef> {
  const row = unitId
    ? await queryOne<CommitteeRef>(
        db,
        sql`select id, name from handling_units where committee_id = ${committeeId} and id = ${unitId}`,
      )
    : null;
  if (!row) throw forbidden('figures.no_unit', '该账号未关联承办单位，没有本单位统计');
  return row;
}

export async function childCommittees(db: Db, id: number): Promise<CommitteeRef[]> {
  return query<CommitteeRef>(db, sql`select id, name from committees where parent_id = ${id} order by id`);
}

/** Own figures, each lower committee's, and their sum (the lower committees' total, the city's own not included). */
export async function levelFigures(
  db: Db,
  committee: CommitteeRef,
  period: Period,
  groups: FigureGroup[],
  ids?: string[],
) {
  const children = await childCommittees(db, committee.id);
  const own = await computeFigures(db, committee.id, period, groups, ids);
  // Side by side in parallel: PostgreSQL's pool runs them together (PGlite queues them on its one connection).
  const lower: { committee: CommitteeRef; items: FigureValue[] }[] = await Promise.all(
    children.map(async (c) => ({ committee: c, items: await computeFigures(db, c.id, period, groups, ids) })),
  );
  const sum = own.map((f) => {
    const values = lower.map((l) => l.items.find((x) => x.id === f.id)?.value ?? null);
    const known = values.filter((v): v is number => v !== null);
    return {
      id: f.id,
      value: known.length === values.length && known.length ? known.reduce((a, b) => a + b, 0) : null,
    };
  });
  return { committee, own, lower, sum };
}

/** Year to date against the same days last year; a year-kept figure compares whole years (said in its note). */
export async function dashboard(db: Db, committee: CommitteeRef, groups: FigureGroup[], year?: number) {
  const today = beijingToday();
  const y = year ?? Number(today.slice(0, 4));
  const current = Number(today.slice(0, 4)) === y;
  const days = current ? parsePeriod(`${y}-01-01..${today}`) : parsePeriod(String(y));
  const lastDays = sameDaysLastYear(days);
  const whole = parsePeriod(String(y));
  const lastWhole = parsePeriod(String(y - 1));
  const [now, before] = await Promise.all([
    computeFigures(
      db,
      committee.id,
      days,
      groups.filter((g) => g.basis === 'range'),
    ),
    computeFigures(
      db,
      committee.id,
      lastDays,
      groups.filter((g) => g.basis === 'range'),
    ),
  ]);
  const [nowY, beforeY] = await Promise.all([
    computeFigures(
      db,
      committee.id,
      whole,
      groups.filter((g) => g.basis === 'year'),
    ),
    computeFigures(
      db,
      committee.id,
      lastWhole,
      groups.filter((g) => g.basis === 'year'),
    ),
  ]);
  const all = [...nowY, ...now];
  const prev = [...beforeY, ...before];
  const items = all.map((f) => {
    const last = prev.find((p) => p.id === f.id)?.value ?? null;
    return {
      ...f,
      lastYear: last,
      change: f.value !== null && last !== null ? f.value - last : null,
      comparedWith: f.basis === 'year' ? `${y - 1}年全年` : `${lastDays.from}至${lastDays.to}`,
    };
  });
  const overdue = (await Promise.all(groups.filter((g) => g.overdue).map((g) => g.overdue!(db, committee.id)))).flat();
  // The trend: each group that gives months counts them in one query over the year so far (a year-kept group's months
  // add up to its year: heldMonthSql).
  const byGroup = await Promise.all(
    groups.filter((g) => g.months).map((g) => g.months!(db, committee.id, days.from, days.to)),
  );
  const trend = monthsOf(days).map((m) => ({
    month: m.key,
    label: m.label,
    values: Object.fromEntries(
      byGroup.flatMap((g) => g.figures.map((id) => [id, g.months[m.key]?.[id] ?? 0] as [string, number])),
    ),
  }));
  return { committee, year: y, period: { from: days.from, to: days.to }, items, overdue, trend };
}
