// Room topics (议题): raised by members, by staff for the township, or by residents through the room's QR code; the
// room's executive convener or staff accept them, or decline with a reason the raiser sees (a notification, or the
// resident's own topic page).
import { type SQL, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { iso } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { notify } from '../../platform/notifications/notifications.ts';
import { normaliseLine, normaliseText } from '../../platform/text/normalise.ts';
import { isStaff } from './policy.ts';
import { convenesRoom, newPublicToken, roomNotFound } from './room-service.ts';
import type { TopicAnswer, TopicFilter, TopicInput } from './schemas.ts';
import { TOPIC_SOURCES, TOPIC_STATES } from './settings.ts';

export const topicNotFound = () => notFound('grassroots.topic_not_found', '议题不存在');

async function activeRoom(tx: Db, committeeId: number, roomId: number) {
  const room = await queryOne<{ id: number; name: string; exec: number | null }>(
    tx,
    sql`select id, name, exec_convener_member_id as exec from grassroots_rooms
      where committee_id = ${committeeId} and id = ${roomId} and active`,
  );
  if (!room) throw roomNotFound();
  return room;
}

/** The executive convener's accounts hear of a new topic in their room. */
async function tellConvener(
  tx: Db,
  committeeId: number,
  room: { id: number; name: string; exec: number | null },
  title: string,
) {
  if (!room.exec) return;
  const accounts = await query<{ id: number }>(
    tx,
    sql`select id from accounts where committee_id = ${committeeId} and member_id = ${room.exec} and not disabled`,
  );
  await notify(tx, {
    committeeId,
    accountIds: accounts.map((a) => a.id),
    kind: 'grassroots.topic',
    title: `${room.name}收到新议题：${title}`,
    link: `/grassroots/rooms/${room.id}`,
  });
}

/** Inserts a topic (`insert` returns its id), tells the room's executive convener and audits the raise with `after`
 *  (which names the topic's title); returns the new topic's id. */
async function insertTopic(
  tx: Db,
  actor: Actor,
  room: { id: number; name: string; exec: number | null },
  insert: SQL,
  after: { title: string } & Record<string, unknown>,
): Promise<number> {
  const [row] = await query<{ id: number }>(tx, insert);
  await tellConvener(tx, actor.committeeId, room, after.title);
  await writeAudit(tx, actor, {
    action: 'grassroots.topic.raise',
    entity: 'grassroots_topic',
    entityId: row.id,
    after,
  });
  return row.id;
}

export async function raiseTopic(tx: Db, actor: Actor, roomId: number, b: TopicInput): Promise<{ id: number }> {
  const room = await activeRoom(tx, actor.committeeId, roomId);
  const source = isStaff(actor) ? (b.source ?? 'township') : actor.memberId ? 'member' : null;
  if (!source) throw forbidden('grassroots.raise', '只有委员和工作人员可以提出议题');
  const title = normaliseLine(b.title);
  const id = await insertTopic(
    tx,
    actor,
    room,
    sql`insert into grassroots_topics (committee_id, room_id, source, title, body, raised_by_account, public_token)
      values (${actor.committeeId}, ${roomId}, ${source}, ${title}, ${normaliseText(b.body ?? '')}, ${actor.accountId}, ${newPublicToken()})
      returning id`,
    { roomId, source, title },
  );
  return { id };
}

/** A resident's topic (码上议), after the phone's one-time code was checked; the token opens the resident's topic page. */
export async function raiseResidentTopic(
  tx: Db,
  actor: Actor,
  roomId: number,
  citizenId: number,
  b: { title: string; body?: string },
): Promise<{ id: number; token: string }> {
  const room = await activeRoom(tx, actor.committeeId, roomId);
  const title = normaliseLine(b.title);
  const token = newPublicToken();
  const id = await insertTopic(
    tx,
    actor,
    room,
    sql`insert into grassroots_topics (committee_id, room_id, source, title, body, citizen_id, public_token)
      values (${actor.committeeId}, ${roomId}, 'resident', ${title}, ${normaliseText(b.body ?? '')}, ${citizenId}, ${token})
      returning id`,
    { roomId, source: 'resident', title, citizenId },
  );
  return { id, token };
}

/** Accept or decline: staff, or the room's executive convener. The raiser is told; a resident reads it on the topic page. */
export async function answerTopic(tx: Db, actor: Actor, id: number, b: TopicAnswer) {
  const t = await queryOne<{
    id: number;
    room_id: number;
    title: string;
    state: string;
    raised_by_account: number | null;
  }>(
    tx,
    sql`select id, room_id, title, state, raised_by_account from grassroots_topics
      where committee_id = ${actor.committeeId} and id = ${id} for update`,
  );
  if (!t) throw topicNotFound();
  if (!isStaff(actor) && !(await convenesRoom(tx, actor, t.room_id)))
    throw forbidden('grassroots.convener', '只有议事室执行召集人或工作人员可以受理议题');
  if (t.state !== 'raised') throw conflict('grassroots.topic_answered', '该议题已处理');
  const reason = normaliseText(b.reason ?? '');
  if (b.action === 'decline' && !reason) throw badRequest('grassroots.reason', '请填写「不予受理理由」', 'reason');
  const state = b.action === 'accept' ? 'accepted' : 'declined';
  await tx.execute(sql`update grassroots_topics set state = ${state}, answer = ${reason || null}, answered_by = ${actor.name},
      answered_at = now() where committee_id = ${actor.committeeId} and id = ${id}`);
  if (t.raised_by_account && t.raised_by_account !== actor.accountId)
    await notify(tx, {
      committeeId: actor.committeeId,
      accountIds: [t.raised_by_account],
      kind: 'grassroots.topic',
      title: state === 'accepted' ? `您提出的议题已受理：${t.title}` : `您提出的议题不予受理：${t.title}`,
      body: reason || undefined,
      link: `/grassroots/rooms/${t.room_id}`,
    });
  await writeAudit(tx, actor, {
    action: `grassroots.topic.${b.action}`,
    entity: 'grassroots_topic',
    entityId: id,
    before: { state: t.state },
    after: { state, reason },
  });
  return { state };
}

/** Members see the topics of rooms they belong to or convene, and those they raised; staff and leaders see all. */
function visible(actor: Actor) {
  if (!actor.roles.every((r) => r === 'member')) return sql`true`;
  return sql`(t.raised_by_account = ${actor.accountId} or exists (select 1 from grassroots_rooms r where r.committee_id = t.committee_id
      and r.id = t.room_id and r.exec_convener_member_id = ${actor.memberId ?? 0})
    or exists (select 1 from grassroots_room_members x where x.committee_id = t.committee_id and x.room_id = t.room_id
      and x.member_id = ${actor.memberId ?? 0}))`;
}

export async function listTopics(db: Db, actor: Actor, q: TopicFilter, limit: number, offset: number) {
  const where = sql`t.committee_id = ${actor.committeeId} and ${visible(actor)}
    ${q.roomId ? sql`and t.room_id = ${q.roomId}` : sql``}
    ${q.state ? sql`and t.state = ${q.state}` : sql``}
    ${q.source ? sql`and t.source = ${q.source}` : sql``}`;
  const rows = await query<{
    id: number;
    roomId: number;
    roomName: string;
    source: string;
    title: string;
    body: string;
    state: string;
    answer: string | null;
    answeredBy: string | null;
    answeredAt: string | Date | null;
    sessionId: number | null;
    createdAt: string | Date;
    raisedBy: string | null;
  }>(
    db,
    sql`select t.id, t.room_id as "roomId", r.name as "roomName", t.source, t.title, t.body, t.state, t.answer,
        t.answered_by as "answeredBy", t.answered_at as "answeredAt", t.session_id as "sessionId", t.created_at as "createdAt",
        a.display_name as "raisedBy"
      from grassroots_topics t join grassroots_rooms r on r.committee_id = t.committee_id and r.id = t.room_id
      left join accounts a on a.committee_id = t.committee_id and a.id = t.raised_by_account
      where ${where} order by t.created_at desc, t.id desc limit ${limit} offset ${offset}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`select count(*)::int as n from grassroots_topics t where ${where}`,
  );
  return {
    items: rows.map((r) => ({
      ...r,
      // A resident is shown as 群众, never by phone: their number is for the code only.
      raisedBy: r.source === 'resident' ? '群众' : (r.raisedBy ?? ''),
      sourceLabel: TOPIC_SOURCES[r.source],
      stateLabel: TOPIC_STATES[r.state],
      createdAt: new Date(r.createdAt).toISOString(),
      answeredAt: iso(r.answeredAt),
    })),
    total: total?.n ?? 0,
  };
}
