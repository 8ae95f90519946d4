// A room consultation (议事): a consultation event of the grassroots kind (the consultation module's procedure, meeting,
// check-in and participation facts), the room's topics on it, agreed items (议定事项) each handed to a unit with a
// feedback deadline in working days, the unit's feedback, and the raiser told; results published on the room's page.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { addWorkingDays, beijingToday, iso } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { accountsWithRoles, notify } from '../../platform/notifications/notifications.ts';
import { normaliseText } from '../../platform/text/normalise.ts';
import { EVENT_STATES } from '../consultations/event-process.ts';
import { addParticipants, createEvent } from '../consultations/event-service.ts';
import { unitAccountIds } from '../consultations/outcome-repository.ts';
import { sessionNotFound } from './errors.ts';
import { isUnitAccount, seesAll } from './policy.ts';
import { roomNotFound } from './room-service.ts';
import type { AgreedItemInput, SessionInput } from './schemas.ts';
import { sessionPhotos } from './session-photos.ts';
import { grassrootsSettings, ITEM_STATES, ROOM_EVENT_KIND, SESSION_FORMS, TOPIC_STATES } from './settings.ts';

export const itemNotFound = () => notFound('grassroots.item', '议定事项不存在');
const STAFF = ['officeStaff', 'specialCommitteeStaff', 'committeeAdmin'];

export async function createSession(
  tx: Db,
  actor: Actor,
  roomId: number,
  b: SessionInput,
): Promise<{ id: number; eventId: number }> {
  const room = await queryOne<{ id: number; name: string }>(
    tx,
    sql`select id, name from grassroots_rooms where committee_id = ${actor.committeeId} and id = ${roomId} and active`,
  );
  if (!room) throw roomNotFound();
  const topicIds = [...new Set(b.topicIds)];
  const ok = await query<{ id: number }>(
    tx,
    sql`select id from grassroots_topics where committee_id = ${actor.committeeId} and room_id = ${roomId}
      and state = 'accepted' and id = any(${sql.param(topicIds)}::int[]) for update`,
  );
  if (ok.length !== topicIds.length) throw badRequest('grassroots.topics', '只能安排本议事室已受理的议题', 'topicIds');
  const event = await createEvent(tx, actor, {
    kind: ROOM_EVENT_KIND,
    title: b.title,
    startsAt: b.startsAt,
    endsAt: b.endsAt,
    place: b.place,
  });
  const members = await query<{ member_id: number }>(
    tx,
    sql`select member_id from grassroots_room_members where committee_id = ${actor.committeeId} and room_id = ${roomId}
      union select exec_convener_member_id from grassroots_rooms where committee_id = ${actor.committeeId} and id = ${roomId}
        and exec_convener_member_id is not null`,
  );
  await addParticipants(tx, actor, event.id, {
    rule: 'members',
    memberIds: members.map((m) => m.member_id),
    guests: b.guests ?? [],
  });
  const [row] = await query<{ id: number }>(
    tx,
    sql`insert into grassroots_sessions (committee_id, room_id, event_id, form, created_by)
      values (${actor.committeeId}, ${roomId}, ${event.id}, ${b.form}, ${actor.accountId}) returning id`,
  );
  await tx.execute(sql`update grassroots_topics set state = 'scheduled', session_id = ${row.id}
    where committee_id = ${actor.committeeId} and id = any(${sql.param(topicIds)}::int[])`);
  await writeAudit(tx, actor, {
    action: 'grassroots.session.create',
    entity: 'grassroots_session',
    entityId: row.id,
    after: { roomId, eventId: event.id, form: b.form, topicIds },
  });
  return { id: row.id, eventId: event.id };
}

async function loadSession(db: Db, committeeId: number, id: number, lock = false) {
  const s = await queryOne<{
    id: number;
    room_id: number;
    event_id: number;
    form: string;
    results_published: boolean;
    event_state: string;
    title: string;
    minutes: string | null;
    starts_at: string | Date;
    held_on: string | null;
    room_name: string;
  }>(
    db,
    sql`select s.id, s.room_id, s.event_id, s.form, s.results_published, e.state as event_state, e.title, e.minutes,
        e.starts_at, e.held_on::text as held_on, r.name as room_name
      from grassroots_sessions s join consultation_events e on e.committee_id = s.committee_id and e.id = s.event_id
      join grassroots_rooms r on r.committee_id = s.committee_id and r.id = s.room_id
      where s.committee_id = ${committeeId} and s.id = ${id} ${lock ? sql`for update of s` : sql``}`,
  );
  if (!s) throw sessionNotFound();
  return s;
}

export async function sessionItems(db: Db, committeeId: number, where: ReturnType<typeof sql>) {
  const rows = await query<{
    id: number;
    sessionId: number;
    topicId: number | null;
    content: string;
    unitId: number;
    unitName: string;
    dueOn: string;
    state: string;
    feedback: string | null;
    fedBackAt: string | Date | null;
    roomName: string;
    sessionTitle: string;
  }>(
    db,
    sql`select i.id, i.session_id as "sessionId", i.topic_id as "topicId", i.content, i.unit_id as "unitId", u.name as "unitName",
        i.due_on::text as "dueOn", i.state, i.feedback, i.fed_back_at as "fedBackAt", r.name as "roomName", e.title as "sessionTitle"
      from grassroots_agreed_items i join handling_units u on u.committee_id = i.committee_id and u.id = i.unit_id
      join grassroots_sessions s on s.committee_id = i.committee_id and s.id = i.session_id
      join consultation_events e on e.committee_id = s.committee_id and e.id = s.event_id
      join grassroots_rooms r on r.committee_id = s.committee_id and r.id = s.room_id
      where i.committee_id = ${committeeId} and ${where} order by i.due_on, i.id`,
  );
  const today = beijingToday();
  return rows.map((r) => ({
    ...r,
    stateLabel: ITEM_STATES[r.state],
    overdue: r.state === 'assigned' && r.dueOn < today,
    fedBackAt: iso(r.fedBackAt),
  }));
}

export async function getSession(db: Db, actor: Actor, id: number) {
  const s = await loadSession(db, actor.committeeId, id);
  const topics = await query<{ id: number; title: string; source: string; state: string }>(
    db,
    sql`select id, title, source, state from grassroots_topics where committee_id = ${actor.committeeId} and session_id = ${id} order by id`,
  );
  return {
    id: s.id,
    roomId: s.room_id,
    roomName: s.room_name,
    eventId: s.event_id,
    title: s.title,
    form: s.form,
    formLabel: SESSION_FORMS[s.form],
    eventState: s.event_state,
    eventStateLabel: EVENT_STATES[s.event_state] ?? s.event_state,
    minutes: s.minutes ?? null,
    heldOn: s.held_on ?? null,
    resultsPublished: s.results_published,
    topics: topics.map((t) => ({ ...t, stateLabel: TOPIC_STATES[t.state] })),
    items: await sessionItems(db, actor.committeeId, sql`i.session_id = ${id}`),
    photos: await sessionPhotos(db, actor.committeeId, id),
  };
}

/** A room's session in its list (the web's room page shows these). */
export interface SessionListRow {
  id: number;
  title: string;
  form: string;
  eventState: string;
  heldOn: string | null;
  resultsPublished: boolean;
  itemCount: number;
}

export async function listSessions(db: Db, actor: Actor, roomId: number) {
  return query<SessionListRow>(
    db,
    sql`select s.id, e.title, s.form, e.state as "eventState", e.held_on::text as "heldOn", s.results_published as "resultsPublished",
        (select count(*)::int from grassroots_agreed_items i where i.committee_id = s.committee_id and i.session_id = s.id) as "itemCount"
      from grassroots_sessions s join consultation_events e on e.committee_id = s.committee_id and e.id = s.event_id
      where s.committee_id = ${actor.committeeId} and s.room_id = ${roomId} order by e.starts_at desc, s.id desc`,
  );
}

/** After the event is held, each agreed item goes to a unit with a feedback deadline in working days (the setting). */
export async function addAgreedItem(
  tx: Db,
  actor: Actor,
  sessionId: number,
  b: AgreedItemInput,
): Promise<{ id: number; dueOn: string }> {
  const s = await loadSession(tx, actor.committeeId, sessionId, true);
  if (!['held', 'minuted', 'done'].includes(s.event_state))
    throw conflict('grassroots.not_held', '议事活动举行后才能登记议定事项');
  const unit = await queryOne<{ name: string }>(
    tx,
    sql`select name from handling_units where committee_id = ${actor.committeeId} and id = ${b.unitId} and active`,
  );
  if (!unit) throw badRequest('grassroots.unit', '所选承办单位不存在', 'unitId');
  if (b.topicId) {
    const t = await queryOne(
      tx,
      sql`select 1 from grassroots_topics where committee_id = ${actor.committeeId} and id = ${b.topicId} and session_id = ${sessionId}`,
    );
    if (!t) throw badRequest('grassroots.topic_not_in_session', '所选议题不在本次议事中', 'topicId');
    await tx.execute(
      sql`update grassroots_topics set state = 'concluded' where committee_id = ${actor.committeeId} and id = ${b.topicId}`,
    );
  }
  const days = (await grassrootsSettings(tx, actor.committeeId)).itemFeedbackWorkingDays;
  const dueOn = await addWorkingDays(tx, actor.committeeId, beijingToday(), days);
  const content = normaliseText(b.content);
  const [row] = await query<{ id: number }>(
    tx,
    sql`insert into grassroots_agreed_items (committee_id, session_id, topic_id, content, unit_id, due_on)
      values (${actor.committeeId}, ${sessionId}, ${b.topicId ?? null}, ${content}, ${b.unitId}, ${dueOn}) returning id`,
  );
  await notify(tx, {
    committeeId: actor.committeeId,
    accountIds: await unitAccountIds(tx, actor.committeeId, [b.unitId]),
    kind: 'grassroots.item',
    title: `请于 ${dueOn} 前反馈议定事项办理情况：${content.slice(0, 40)}`,
    link: '/grassroots/items',
  });
  await writeAudit(tx, actor, {
    action: 'grassroots.item.create',
    entity: 'grassroots_agreed_item',
    entityId: row.id,
    after: { sessionId, topicId: b.topicId ?? null, unitId: b.unitId, dueOn, content },
  });
  return { id: row.id, dueOn };
}

/** The unit's feedback; the member or staff who raised the topic is told (a resident reads it on the topic page). */
export async function feedBack(tx: Db, actor: Actor, itemId: number, feedback: string) {
  const i = await queryOne<{
    id: number;
    unit_id: number;
    state: string;
    content: string;
    topic_id: number | null;
    raised_by_account: number | null;
    room_id: number | null;
  }>(
    tx,
    sql`select i.id, i.unit_id, i.state, i.content, i.topic_id, t.raised_by_account, t.room_id
      from grassroots_agreed_items i left join grassroots_topics t on t.committee_id = i.committee_id and t.id = i.topic_id
      where i.committee_id = ${actor.committeeId} and i.id = ${itemId} for update of i`,
  );
  if (!i || i.unit_id !== actor.unitId) throw itemNotFound();
  if (i.state !== 'assigned') throw conflict('grassroots.item_done', '该议定事项已反馈');
  const text = normaliseText(feedback);
  await tx.execute(sql`update grassroots_agreed_items set state = 'fedBack', feedback = ${text}, fed_back_at = now()
    where committee_id = ${actor.committeeId} and id = ${itemId}`);
  const tell = [...(await accountsWithRoles(tx, actor.committeeId, STAFF))];
  if (i.raised_by_account) tell.push(i.raised_by_account);
  await notify(tx, {
    committeeId: actor.committeeId,
    accountIds: tell,
    kind: 'grassroots.item',
    title: `议定事项已反馈：${i.content.slice(0, 40)}`,
    body: text.slice(0, 200),
    link: i.room_id ? `/grassroots/rooms/${i.room_id}` : '/grassroots/items',
  });
  await writeAudit(tx, actor, {
    action: 'grassroots.item.feedback',
    entity: 'grassroots_agreed_item',
    entityId: itemId,
    before: { state: i.state },
    after: { state: 'fedBack', feedback: text },
  });
}

/** Staff close an item whose feedback settled the matter: it counts as resolved in the year figures. */
export async function resolveItem(tx: Db, actor: Actor, itemId: number) {
  const i = await queryOne<{ state: string }>(
    tx,
    sql`select state from grassroots_agreed_items where committee_id = ${actor.committeeId} and id = ${itemId} for update`,
  );
  if (!i) throw itemNotFound();
  if (i.state !== 'fedBack') throw conflict('grassroots.item_not_fed_back', '承办单位反馈后才能办结');
  await tx.execute(sql`update grassroots_agreed_items set state = 'resolved', resolved_at = now()
    where committee_id = ${actor.committeeId} and id = ${itemId}`);
  await writeAudit(tx, actor, {
    action: 'grassroots.item.resolve',
    entity: 'grassroots_agreed_item',
    entityId: itemId,
    before: i,
    after: { state: 'resolved' },
  });
}

export async function publishResults(tx: Db, actor: Actor, sessionId: number, published: boolean) {
  const s = await loadSession(tx, actor.committeeId, sessionId, true);
  if (published && !['held', 'minuted', 'done'].includes(s.event_state))
    throw conflict('grassroots.not_held', '议事活动举行后才能公开结果');
  await tx.execute(sql`update grassroots_sessions set results_published = ${published}
    where committee_id = ${actor.committeeId} and id = ${sessionId}`);
  await writeAudit(tx, actor, {
    action: 'grassroots.session.publish',
    entity: 'grassroots_session',
    entityId: sessionId,
    before: { published: s.results_published },
    after: { published },
  });
}

/** Units see their own items; staff every item. */
export async function listItems(db: Db, actor: Actor, state?: string) {
  if (!actor.unitId && !seesAll(actor)) throw forbidden();
  const mine = isUnitAccount(actor) ? sql`i.unit_id = ${actor.unitId ?? 0}` : sql`true`;
  return sessionItems(db, actor.committeeId, sql`${mine} ${state ? sql`and i.state = ${state}` : sql``}`);
}
