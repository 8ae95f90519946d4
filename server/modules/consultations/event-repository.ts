// Reading consultation events: the list (filters by year, kind, category, state, plan item, proposal; members see those
// they take part in), one event with participants, agenda, speeches, actions and timeline, and the summary other
// modules (outcomes) use.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { beijingYearOf } from '../../platform/dates.ts';
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

export async function listEvents(db: Db, actor: Actor, q: EventQuery, limit: number, offset: number) {
  const year = q.year ?? beijingYearOf();
  const labels = new Map((await consultationSettings(db, actor.committeeId, year)).kinds.map((k) => [k.key, k.label]));
  const search = matchSearch(sql`e.search`, q.q);
  const rows = await query<any>(
    db,
    sql`select e.id, e.category, e.kind, e.title, e.state, e.starts_at, e.place, e.held_on::text as held_on, e.plan_item_id, e.proposal_id,
        e.notice_due::text as notice_due, e.minutes_due::text as minutes_due, s.name as special_committee_name,
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
    items: rows.map((r) => ({
      id: r.id,
      category: r.category,
      kind: r.kind,
      kindLabel: labels.get(r.kind) ?? r.kind,
      title: r.title,
      state: r.state,
      stateLabel: EVENT_STATES[r.state],
      startsAt: r.starts_at ? new Date(r.starts_at).toISOString() : null,
      place: r.place,
      heldOn: r.held_on,
      planItemId: r.plan_item_id,
      proposalId: r.proposal_id,
      specialCommitteeName: r.special_committee_name,
      noticeDue: r.notice_due,
      minutesDue: r.minutes_due,
      participants: r.participants,
      speeches: r.speeches,
      mine: r.mine,
    })),
  };
}

export async function getEvent(db: Db, actor: Actor, id: number) {
  const e = await queryOne<any>(
    db,
    sql`select e.*, e.held_on::text as held, e.notice_due::text as nd, e.materials_due::text as md, e.minutes_due::text as mid,
        i.topic as plan_item_topic, s.name as special_committee_name
      from consultation_events e
      left join consultation_plan_items i on i.committee_id = e.committee_id and i.id = e.plan_item_id
      left join special_committees s on s.committee_id = e.committee_id and s.id = e.special_committee_id
      where e.committee_id = ${actor.committeeId} and e.id = ${id} and ${visibleSql(actor)}`,
  );
  if (!e) throw E.eventNotFound();
  const item = (await loadEventItem(db, actor.committeeId, id))!;
  const year = beijingYearOf(e.starts_at ?? undefined);
  const kind = (await consultationSettings(db, actor.committeeId, year)).kinds.find((k) => k.key === e.kind);
  const participants = await query<any>(
    db,
    sql`select id, kind, member_id, name, organisation, research_contribution from consultation_participants
      where committee_id = ${actor.committeeId} and event_id = ${id} order by kind = 'member' desc, id`,
  );
  const activities = [];
  for (const a of e.activity_ids ?? []) {
    const x = await getActivity(db, actor, a).catch(() => null);
    if (x) activities.push({ id: x.id, title: x.title, kindLabel: x.kindLabel, status: x.status });
  }
  const office = seesAll(actor);
  return {
    id: e.id,
    category: e.category,
    kind: e.kind,
    kindLabel: kind?.label ?? e.kind,
    title: e.title,
    state: e.state,
    stateLabel: EVENT_STATES[e.state],
    planItemId: e.plan_item_id,
    planItemTopic: e.plan_item_topic,
    proposalId: e.proposal_id,
    specialCommitteeId: e.special_committee_id,
    specialCommitteeName: e.special_committee_name,
    counterpartBody: e.counterpart_body,
    supervisedBody: e.supervised_body,
    supervisionForm: e.supervision_form,
    supervisionFormLabel: e.supervision_form ? SUPERVISION_FORMS[e.supervision_form] : null,
    startsAt: e.starts_at ? new Date(e.starts_at).toISOString() : null,
    endsAt: e.ends_at ? new Date(e.ends_at).toISOString() : null,
    place: e.place,
    heldOn: e.held,
    noticeDue: e.nd,
    materialsDue: e.md,
    minutesDue: e.mid,
    meetingId: e.meeting_id,
    agenda: e.agenda ?? [],
    minutes: e.minutes,
    agreedPoints: e.agreed_points,
    activities,
    participants: participants
      .filter((p) => office || p.member_id === actor.memberId || p.kind !== 'citizen')
      .map((p) => ({
        id: p.id,
        kind: p.kind,
        memberId: p.member_id,
        name: p.name,
        organisation: p.organisation,
        researchContribution: p.research_contribution,
      })),
    isParticipant: participants.some((p) => p.member_id != null && p.member_id === actor.memberId),
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
