// Consultation events: create (from a plan item, unplanned, or a handling consultation from a key proposal's page),
// edit while in preparation, participants (members by rule or by hand, and guests by name), research contributions,
// the procedure's actions, and reading a list or one event with its agenda, speeches and timeline.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { beijingDateOf, beijingToday, beijingYearOf } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { badRequest } from '../../platform/errors.ts';
import { toSearchVector } from '../../platform/search/search.ts';
import { fireTransition } from '../../platform/workflow/engine.ts';
import { getActivity } from '../activities/service.ts';
import { recordDutyFact, revokeDutyFacts } from '../duty/facts.ts';
import { inviteMore, membersByRule } from '../meetings/service.ts';
import { memberDirectory } from '../org/members-directory.ts';
import { keyProposalSummary } from '../proposals/service-office.ts';
import * as E from './errors.ts';
import { dueDaysBefore } from './event-deadlines.ts';
import { eventProcess, loadEventItem } from './event-process.ts';
import { consultationSettings } from './process-settings.ts';
import type { EventAction, EventInput, ParticipantInput } from './schemas.ts';

async function checkEvent(tx: Db, actor: Actor, b: EventInput) {
  const kinds = (await consultationSettings(tx, actor.committeeId, beijingYearOf(b.startsAt))).kinds;
  const kind = kinds.find((k) => k.key === b.kind);
  if (!kind) throw E.badKind();
  if (new Date(b.endsAt) <= new Date(b.startsAt))
    throw badRequest('consultation.time', '「结束时间」应晚于「开始时间」', 'endsAt');
  if (b.specialCommitteeId) {
    const ok = await queryOne(
      tx,
      sql`select 1 from special_committees where committee_id = ${actor.committeeId} and id = ${b.specialCommitteeId}`,
    );
    if (!ok) throw E.badSpecialCommittee();
  }
  if (b.planItemId) {
    const ok = await queryOne(
      tx,
      sql`select 1 from consultation_plan_items i join consultation_plans p on p.committee_id = i.committee_id and p.id = i.plan_id
        where i.committee_id = ${actor.committeeId} and i.id = ${b.planItemId} and not i.removed and p.state = 'published'`,
    );
    if (!ok) throw badRequest('consultation.plan_item', '所选计划项目不存在或计划尚未发布', 'planItemId');
  }
  if (b.proposalId) {
    const p = await keyProposalSummary(tx, actor.committeeId, b.proposalId);
    if (!p?.isKey) throw badRequest('consultation.proposal', '只有重点提案可以发起提案办理协商', 'proposalId');
    if (b.kind !== 'proposalHandling')
      throw badRequest('consultation.kind', '由提案发起的协商应为提案办理协商', 'kind');
  }
  // Research and inspection activities are checked through the activities module (each must exist in this committee).
  for (const activityId of new Set(b.activityIds ?? []))
    await getActivity(tx, actor, activityId).catch(() => {
      throw badRequest('consultation.activities', '所选调研视察活动不存在', 'activityIds');
    });
  if (kind.category === 'supervision') {
    if (!b.supervisedBody?.trim()) throw E.required('监督对象', 'supervisedBody');
    if (!b.supervisionForm) throw E.required('监督形式', 'supervisionForm');
  }
  return kind;
}

export async function createEvent(tx: Db, actor: Actor, b: EventInput): Promise<{ id: number }> {
  const kind = await checkEvent(tx, actor, b);
  const due = await dueDaysBefore(tx, actor.committeeId, beijingDateOf(b.startsAt));
  const [row] = await query<{ id: number }>(
    tx,
    sql`insert into consultation_events (committee_id, category, kind, title, plan_item_id, proposal_id, special_committee_id, counterpart_body,
        supervised_body, supervision_form, starts_at, ends_at, place, agenda, activity_ids, notice_due, materials_due, created_by, search)
      values (${actor.committeeId}, ${kind.category}, ${b.kind}, ${b.title.trim()}, ${b.planItemId ?? null}, ${b.proposalId ?? null},
        ${b.specialCommitteeId ?? null}, ${b.counterpartBody?.trim() ?? ''}, ${b.supervisedBody?.trim() || null}, ${b.supervisionForm ?? null},
        ${b.startsAt}, ${b.endsAt}, ${b.place.trim()}, ${JSON.stringify(b.agenda ?? [])}::jsonb,
        ${sql.param(b.activityIds ?? [])}::int[], ${due.noticeDue}, ${due.materialsDue}, ${actor.accountId},
        ${toSearchVector(b.title, b.counterpartBody, b.supervisedBody)})
      returning id`,
  );
  const item = await loadEventItem(tx, actor.committeeId, row.id);
  await fireTransition(tx, eventProcess, actor, { ...item!, state: 'none' }, { action: 'create', data: b });
  return row;
}

export async function updateEvent(tx: Db, actor: Actor, id: number, b: EventInput) {
  // The whole row, as the audit's before image.
  const before = await queryOne<{ state: string }>(
    tx,
    sql`select * from consultation_events where committee_id = ${actor.committeeId} and id = ${id} for update`,
  );
  if (!before) throw E.eventNotFound();
  if (!['preparation', 'noticed'].includes(before.state)) throw E.eventNotEditable();
  const kind = await checkEvent(tx, actor, b);
  const due = await dueDaysBefore(tx, actor.committeeId, beijingDateOf(b.startsAt));
  await tx.execute(sql`update consultation_events set category = ${kind.category}, kind = ${b.kind}, title = ${b.title.trim()},
      plan_item_id = ${b.planItemId ?? null}, proposal_id = ${b.proposalId ?? null}, special_committee_id = ${b.specialCommitteeId ?? null},
      counterpart_body = ${b.counterpartBody?.trim() ?? ''}, supervised_body = ${b.supervisedBody?.trim() || null},
      supervision_form = ${b.supervisionForm ?? null}, starts_at = ${b.startsAt}, ends_at = ${b.endsAt}, place = ${b.place.trim()},
      agenda = ${JSON.stringify(b.agenda ?? [])}::jsonb, activity_ids = ${sql.param(b.activityIds ?? [])}::int[],
      notice_due = ${due.noticeDue}, materials_due = ${due.materialsDue}, updated_at = now(),
      search = ${toSearchVector(b.title, b.counterpartBody, b.supervisedBody)}
    where committee_id = ${actor.committeeId} and id = ${id}`);
  await writeAudit(tx, actor, {
    action: 'consultation.event.update',
    entity: 'consultation_event',
    entityId: id,
    before,
    after: b,
  });
}

export async function addParticipants(tx: Db, actor: Actor, id: number, b: ParticipantInput) {
  const item = await loadEventItem(tx, actor.committeeId, id, true);
  if (!item) throw E.eventNotFound();
  if (!['preparation', 'noticed'].includes(item.state)) throw E.eventNotEditable();
  const memberIds = b.rule ? await membersByRule(tx, actor.committeeId, { ...b, rule: b.rule }) : [];
  const added = await query<{ member_id: number }>(
    tx,
    sql`insert into consultation_participants (committee_id, event_id, kind, member_id, name)
      select ${actor.committeeId}, ${id}, 'member', m.id, m.name from ${memberDirectory} m
      where m.committee_id = ${actor.committeeId} and m.id = any(${sql.param(memberIds)}::int[])
      on conflict (committee_id, event_id, member_id) where member_id is not null do nothing returning member_id`,
  );
  for (const g of b.guests ?? [])
    await tx.execute(sql`insert into consultation_participants (committee_id, event_id, kind, name, organisation)
      values (${actor.committeeId}, ${id}, ${g.kind}, ${g.name.trim()}, ${g.organisation?.trim() ?? ''})`);
  // Once the notice is out, the linked meeting invites the newcomers too.
  if (item.meetingId && added.length)
    await inviteMore(tx, actor, item.meetingId, { rule: 'members', memberIds: added.map((a) => a.member_id) });
  await writeAudit(tx, actor, {
    action: 'consultation.event.participants',
    entity: 'consultation_event',
    entityId: id,
    after: { members: added.length, guests: b.guests?.length ?? 0 },
  });
  return { members: added.length, guests: b.guests?.length ?? 0 };
}

export async function removeParticipant(tx: Db, actor: Actor, eventId: number, participantId: number) {
  const item = await loadEventItem(tx, actor.committeeId, eventId, true);
  if (!item) throw E.eventNotFound();
  if (item.state !== 'preparation') throw E.eventNotEditable();
  const gone = await query(
    tx,
    sql`delete from consultation_participants where committee_id = ${actor.committeeId} and event_id = ${eventId} and id = ${participantId} returning name`,
  );
  if (!gone.length) throw badRequest('consultation.participant', '参加人员不存在', 'participantId');
  await writeAudit(tx, actor, {
    action: 'consultation.event.participant.remove',
    entity: 'consultation_event',
    entityId: eventId,
    before: gone[0],
  });
}

/** The office credits (or withdraws) a participating member's research for the event: a duty fact of its own. */
export async function setResearchContribution(
  tx: Db,
  actor: Actor,
  eventId: number,
  participantId: number,
  on: boolean,
) {
  const p = await queryOne<{ member_id: number | null; title: string; kind: string; held_on: string | null }>(
    tx,
    sql`select p.member_id, e.title, e.kind, coalesce(e.held_on, (e.starts_at at time zone 'Asia/Shanghai')::date)::text as held_on
      from consultation_participants p join consultation_events e on e.committee_id = p.committee_id and e.id = p.event_id
      where p.committee_id = ${actor.committeeId} and p.event_id = ${eventId} and p.id = ${participantId}`,
  );
  if (!p?.member_id) throw badRequest('consultation.participant', '只有参加的委员可以记录调研成果', 'participantId');
  await tx.execute(sql`update consultation_participants set research_contribution = ${on}
    where committee_id = ${actor.committeeId} and id = ${participantId}`);
  if (on)
    await recordDutyFact(tx, {
      committeeId: actor.committeeId,
      memberId: p.member_id,
      kind: 'consultation.research',
      sourceType: 'consultation_event',
      sourceId: eventId,
      occurredOn: p.held_on ?? beijingToday(),
      detail: { kind: p.kind, title: p.title },
    });
  else
    await revokeDutyFacts(tx, actor.committeeId, {
      sourceType: 'consultation_event',
      sourceId: eventId,
      kinds: ['consultation.research'],
      memberId: p.member_id,
    });
  await writeAudit(tx, actor, {
    action: 'consultation.event.research',
    entity: 'consultation_event',
    entityId: eventId,
    after: { participantId, on },
  });
}

export async function fireEventAction(tx: Db, actor: Actor, id: number, b: EventAction): Promise<string> {
  const item = await loadEventItem(tx, actor.committeeId, id, true);
  if (!item) throw E.eventNotFound();
  return fireTransition(tx, eventProcess, actor, item, {
    action: b.action,
    comment: b.comment,
    data: { minutes: b.minutes, agreedPoints: b.agreedPoints },
  });
}
