// The figure group of a kind of event that members check in to (meetings, activities): how many were held in a range
// of Beijing days and how many check-ins they had, with the months for the charts. Each module gives its tables,
// which status counts as held, and its names and definitions.
// Usage: export const meetingFigureGroup = eventFigureGroup({ module: 'meetings', table: 'meetings', … })

import { type SQL, sql } from 'drizzle-orm';
import { query, queryOne } from '../../platform/db/client.ts';
import { beijingMonthSql, byMonth, type Period, withinDaysSql } from '../../platform/figures/period.ts';
import type { FigureGroup } from '../../platform/figures/registry.ts';

/** A figure's id ('meetings.held'), name and definition as the registry shows them. */
interface FigureText {
  id: string;
  name: string;
  definition: string;
}

export interface EventFigureSpec {
  module: string;
  moduleName: string;
  /** The web list the figures link to, e.g. '/meetings' (the period is added as from/to). */
  path: string;
  sentence: string;
  held: FigureText;
  checkins: FigureText;
  /** The events table and the table of its people (with committee_id, checked_in_at and `key` naming the event). */
  table: string;
  people: string;
  key: string;
  /** The condition on the event's `status` for it to count as held, e.g. sql`status = 'closed'`. */
  counted: SQL;
}

/** The registry's group for one kind of event: `held` (次) and `checkins` (人次) over events starting in the period. */
export function eventFigureGroup(s: EventFigureSpec): FigureGroup {
  const link = (p: Period) => `${s.path}?from=${p.from}&to=${p.to}`;
  const table = sql.raw(s.table);
  const people = sql.raw(s.people);
  const key = sql.raw(s.key);
  return {
    module: s.module,
    moduleName: s.moduleName,
    permission: 'duty.readAll',
    basis: 'range',
    sentence: s.sentence,
    figures: [
      { ...s.held, unit: '次', link },
      { ...s.checkins, unit: '人次', link },
    ],
    compute: async (db, committeeId, p) => {
      const r = await queryOne<{ held: number; checkins: number }>(
        db,
        sql`select count(*)::int as held,
          coalesce(sum((select count(*) from ${people} x where x.committee_id = e.committee_id and x.${key} = e.id
            and x.checked_in_at is not null)), 0)::int as checkins
        from ${table} e where e.committee_id = ${committeeId} and e.${s.counted}
          and e.starts_at >= (${p.from}::date)::timestamp at time zone 'Asia/Shanghai'
          and e.starts_at < (${p.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`,
      );
      return { [s.held.id]: r?.held ?? 0, [s.checkins.id]: r?.checkins ?? 0 };
    },
    months: async (db, committeeId, from, to) =>
      byMonth(
        await query(
          db,
          sql`select ${beijingMonthSql('starts_at')} as month, count(*)::int as held from ${table}
          where committee_id = ${committeeId} and ${s.counted} and ${withinDaysSql('starts_at', from, to)} group by 1`,
        ),
        { held: s.held.id },
      ),
  };
}
