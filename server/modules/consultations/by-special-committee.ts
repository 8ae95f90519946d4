// A special committee's part of the consultation and supervision plans (items it leads) and the events it organises —
// for its workspace and its monthly report (modules/workspace); dates are Beijing days.
import { sql } from 'drizzle-orm';
import { type Db, query } from '../../platform/db/client.ts';
import { EVENT_STATES } from './event-process.ts';

export interface LedPlanItem {
  id: number;
  planKind: 'consultation' | 'supervision';
  topic: string;
  plannedMonth: number | null;
  planState: string;
}

/** Plan items of the year led by the special committee (协商计划・民主监督计划), in plan order. */
export async function planItemsLedBy(
  db: Db,
  committeeId: number,
  specialCommitteeId: number,
  year: number,
): Promise<LedPlanItem[]> {
  return query<LedPlanItem>(
    db,
    sql`select i.id, p.kind as "planKind", i.topic, i.planned_month as "plannedMonth", p.state as "planState"
      from consultation_plan_items i join consultation_plans p on p.committee_id = i.committee_id and p.id = i.plan_id
      where i.committee_id = ${committeeId} and i.lead_special_committee_id = ${specialCommitteeId}
        and p.year = ${year} and not i.removed
      order by p.kind, i.position, i.id`,
  );
}

export interface OrganisedEvent {
  id: number;
  category: 'consultation' | 'supervision';
  title: string;
  state: string;
  stateLabel: string;
  /** The day it was held, or else the Beijing day it starts. */
  day: string | null;
  memberIds: number[];
}

/** Events of the special committee held (or, not yet held, starting) between the Beijing days from and to inclusive. */
export async function eventsOrganisedBy(
  db: Db,
  committeeId: number,
  specialCommitteeId: number,
  from: string,
  to: string,
): Promise<OrganisedEvent[]> {
  const rows = await query<Omit<OrganisedEvent, 'stateLabel'>>(
    db,
    sql`select e.id, e.category, e.title, e.state,
        to_char(coalesce(e.held_on, (e.starts_at at time zone 'Asia/Shanghai')::date), 'YYYY-MM-DD') as day,
        coalesce((select array_agg(p.member_id order by p.member_id) from consultation_participants p
          where p.committee_id = e.committee_id and p.event_id = e.id and p.member_id is not null), '{}') as "memberIds"
      from consultation_events e
      where e.committee_id = ${committeeId} and e.special_committee_id = ${specialCommitteeId} and e.state <> 'cancelled'
        and coalesce(e.held_on, (e.starts_at at time zone 'Asia/Shanghai')::date) between ${from}::date and ${to}::date
      order by day, e.id`,
  );
  return rows.map((r) => ({ ...r, stateLabel: EVENT_STATES[r.state] ?? r.state }));
}
