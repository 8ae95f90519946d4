// Reading consultation events: the list (filters by year, kind, category, state, plan item, proposal; members see those
// they take part in), one event with participants, agenda, speeches, actions and timeline, and the summary other
// modules (outcomes) use.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { beijingYearOf, iso } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { listFiles } from '../../platform/files/files.ts';
import { matchSearch } from '../../platform/search/search.ts';
import { allowedActions, listTransitions } from '../../platform/workflow/engine.ts';
import { getActivity } from '../activities/service.ts';
import * as E from './errors.ts';
import { EVENT_STATES, eventProcess, loadEventItem } from './event-process.ts';
import { seesAll } from './policy.ts';
import { consultationSettings, SUPERVISION_FORMS } from './process-settings.ts';
import { listSpeeches } from './speech-service.ts';

/** For the outcomes (Engineer O's contract): an event's id, title, kind and the day it was held. */
export async function eventSummary(tx: Db, committeeId: number, eventId: number) {
  return queryOne<{ id: number; title: string; kind: string; heldAt: string | null }>(
    tx,
    sql`select id, title, kind, held_on::text as "heldAt" from consultation_events where committee_id = ${committeeId} and id = ${eventId}`,
  );
}

export interface EventQuery {
  year?: number;
  kind?: string;
  category?: 'consultation' | 'supervision';
  state?: string;
  planItemId?: number;
  proposalId?: number;
  q?: string;
  upcoming?: boolean;
}

/** A member sees the events they take part in and those whose notice is out. */
const visibleSql = (actor: Actor) =>
  seesAll(actor)
    ? sql`true`
    : sql`(e.state not in ('preparation', 'cancelled') or exists (select 1 from consultation_participants p
        where p.committee_id = e.committee_id and p.event_id = e.id and p.member_id = ${actor.memberId ?? 0}))`;

/** An event list row as read (dates YYYY-MM-DD, `startsAt` the raw timestamp) with the page's total. */
interface EventListRow {
  id: number;
  category: string;
  kind: string;
  title: string;
  state: string;
  startsAt: string | null;
  place: string;
  heldOn: string | null;
  planItemId: number | null;
  proposalId: number | null;
  noticeDue: string | null;
  minutesDue: string | null;
  specialCommitteeName: string | null;
  participants: number;
  speeches: number;
  mine: boolean;
  total: number;
}

/** One event's own columns as the detail shows them (dates YYYY-MM-DD, timestamps raw). */
interface EventRow {
  id: number;
  category: string;
  kind: string;
  title: string;
  state: string;
  planItemId: number | null;
  planItemTopic: string | null;
  proposalId: number | null;
  specialCommitteeId: number | null;
  specialCommitteeName: string | null;
  counterpartBody: string;
  supervisedBody: string | null;
  supervisionForm: string | null;
  startsAt: string | null;
  endsAt: string | null;
  place: string;
  heldOn: string | null;
  noticeDue: string | null;
  materialsDue: string | null;
  minutesDue: string | null;
  meetingId: number | null;
  agenda: unknown[];
  minutes: string | null;
  agreedPoints: string | null;
  activityIds: number[];
}

export async function listEvents(db: Db, actor: Actor, q: EventQuery, limit: number, offset: number) {
  const year = q.year ?? beijingYearOf();
  const labels = new Map((await consultationSettings(db, actor.committeeId, year)).kinds.map((k) => [k.key, k.label]));
  const search = matchSearch(sql`e.search`, q.q);
  const rows = await query<EventListRow>(
    db,
    sql`select e.id, e.category, e.kind, e.title, e.state, e.starts_at as "startsAt", e.place, e.held_on::text as "heldOn",
        e.plan_item_id as "planItemId", e.proposal_id as "proposalId", e.notice_due::text as "noticeDue",
        e.minutes_due::text as "minutesDue", s.name as "specialCommitteeName",
        (select count(*)::int from consultation_participants p where p.committee_id = e.committee_id and p.event_id = e.id) as participants,
        (select count(*)::int from consultation_speeches x where x.committee_id = e.committee_id and x.event_id = e.id and x.state <> 'withdrawn') as speeches,
        exists (select 1 from consultation_participants p where p.committee_id = e.committee_id and p.event_id = e.id and p.member_id = ${actor.memberId ?? 0}) as mine,
        count(*) over ()::int as total
      from consultation_events e left join special_committees s on s.committee_id = e.committee_id and s.id = e.special_committee_id
      where e.committee_id = ${actor.committeeId} and ${visibleSql(actor)}
        ${q.year ? sql`and extract(year from coalesce(e.held_on::timestamp, e.starts_at at time zone 'Asia/Shanghai'))::int = ${q.year}` : sql``}
        ${q.kind ? sql`and e.kind = ${q.kind}` : sql``}
        ${q.category ? sql`and e.category = ${q.category}` : sql``}
        ${q.state ? sql`and e.state = ${q.state}` : sql``}
        ${q.planItemId ? sql`and e.plan_item_id = ${q.planItemId}` : sql``}
        ${q.proposalId ? sql`and e.proposal_id = ${q.proposalId}` : sql``}
        ${q.upcoming ? sql`and e.state in ('preparation', 'noticed') and e.starts_at >= now() - interval '1 day'` : sql``}
        ${search ? sql`and ${search}` : sql``}
      order by ${q.upcoming ? sql`e.starts_at asc` : sql`coalesce(e.starts_at, e.held_on::timestamptz) desc`}, e.id desc
      limit ${limit} offset ${offset}`,
  );
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map(({ total: _, ...r }) => ({
      ...r,
      kindLabel: labels.get(r.kind) ?? r.kind,
      stateLabel: EVENT_STATES[r.state],
      startsAt: iso(r.startsAt),
    })),
  };
}

/** A row of the event list (GET /api/consultations/events): times ISO 8601, dates YYYY-MM-DD. */
export type EventListItem = Awaited<ReturnType<typeof listEvents>>['items'][number];

export async function getEvent(db: Db, actor: Actor, id: number) {
  const e = await queryOne<EventRow>(
    db,
    sql`select e.id, e.category, e.kind, e.title, e.state, e.plan_item_id as "planItemId", i.topic as "planItemTopic",
        e.proposal_id as "proposalId", e.special_committee_id as "specialCommitteeId", s.name as "specialCommitteeName",
        e.counterpart_body as "counterpartBody", e.supervised_body as "supervisedBody", e.supervision_form as "supervisionForm",
        e.starts_at as "startsAt", e.ends_at as "endsAt", e.place, e.held_on::text as "heldOn", e.notice_due::text as "noticeDue",
        e.materials_due::text as "materialsDue", e.minutes_due::text as "minutesDue", e.meeting_id as "meetingId",
        coalesce(e.agenda, '[]') as agenda, e.minutes, e.agreed_points as "agreedPoints",
        coalesce(e.activity_ids, '{}') as "activityIds"
      from consultation_events e
      left join consultation_plan_items i on i.committee_id = e.committee_id and i.id = e.plan_item_id
      left join special_committees s on s.committee_id = e.committee_id and s.id = e.special_committee_id
      where e.committee_id = ${actor.committeeId} and e.id = ${id} and ${visibleSql(actor)}`,
  );
  if (!e) throw E.eventNotFound();
  const item = (await loadEventItem(db, actor.committeeId, id))!;
  const year = beijingYearOf(e.startsAt ?? undefined);
  const kind = (await consultationSettings(db, actor.committeeId, year)).kinds.find((k) => k.key === e.kind);
  const participants = await query<{
    id: number;
    kind: string;
    memberId: number | null;
    name: string;
    organisation: string | null;
    researchContribution: string | null;
  }>(
    db,
    sql`select id, kind, member_id as "memberId", name, organisation, research_contribution as "researchContribution"
      from consultation_participants
      where committee_id = ${actor.committeeId} and event_id = ${id} order by kind = 'member' desc, id`,
  );
  const activities = [];
  const { activityIds, ...ev } = e;
  for (const a of activityIds) {
    const x = await getActivity(db, actor, a).catch(() => null);
    if (x) activities.push({ id: x.id, title: x.title, kindLabel: x.kindLabel, status: x.status });
  }
  const office = seesAll(actor);
  return {
    ...ev,
    kindLabel: kind?.label ?? e.kind,
    stateLabel: EVENT_STATES[e.state],
    supervisionFormLabel: e.supervisionForm ? SUPERVISION_FORMS[e.supervisionForm] : null,
    startsAt: iso(e.startsAt),
    endsAt: iso(e.endsAt),
    activities,
    participants: participants.filter((p) => office || p.memberId === actor.memberId || p.kind !== 'citizen'),
    isParticipant: participants.some((p) => p.memberId != null && p.memberId === actor.memberId),
    speeches: await listSpeeches(db, actor, id),
    files: (await listFiles(db, actor.committeeId, 'consultationEvent', id)).map((f) => ({
      id: f.id,
      name: f.name,
      size: f.size,
    })),
    actions: allowedActions(eventProcess, actor, item),
    timeline: await listTransitions(db, eventProcess, actor.committeeId, id, actor),
  };
}
