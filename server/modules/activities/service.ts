// Activities: staff create them and invite by rule, or open them for self-registration; members check in (rotating QR
// or staff marking) and submit outputs (reports, suggestions, evidence) that staff confirm or return. A check-in is an
// activity.<kind> duty fact; a confirmed output an activity.output fact; undoing either revokes it.

import { type SQL, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { beijingDateOf, iso } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { countOf } from '../../platform/db/count.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { attachFiles, listFiles } from '../../platform/files/files.ts';
import { toSearchVector } from '../../platform/search/search.ts';
import { recordDutyFact, revokeDutyFacts } from '../duty/facts.ts';
import { newSecret } from '../meetings/checkin.ts';
import { type EventListRow, eventHead, eventListHead, eventListWhere, type MeetingQuery } from '../meetings/list.ts';
import { finishEventCreate, type InviteInput, membersByRule, notifyMembers } from '../meetings/service.ts';
import { activityCancelled, activityNotFound } from './errors.ts';
import { ACTIVITY_LABELS, OUTPUT_LABELS, OUTPUT_STATUS } from './labels.ts';
import { seesAll } from './policy.ts';

export { ACTIVITY_LABELS, OUTPUT_LABELS, OUTPUT_STATUS };

export const shanghaiDay = (d: unknown) => beijingDateOf(d as string);

export interface ActivityRow {
  id: number;
  kind: string;
  title: string;
  startsAt: string;
  endsAt: string;
  place: string;
  description: string;
  registration: string;
  capacity: number | null;
  status: string;
  secret: string;
}

export async function loadActivity(db: Db, actor: Actor, id: number, forUpdate = false): Promise<ActivityRow> {
  const a = await queryOne<ActivityRow>(
    db,
    sql`select id, kind, title, starts_at as "startsAt", ends_at as "endsAt", place, description, registration, capacity, status,
        checkin_secret as secret
      from activities where committee_id = ${actor.committeeId} and id = ${id} ${forUpdate ? sql`for update` : sql``}`,
  );
  if (!a) throw activityNotFound();
  if (!seesAll(actor) && a.registration !== 'open') {
    const p = await queryOne(
      db,
      sql`select 1 from activity_participants where committee_id = ${actor.committeeId} and activity_id = ${id} and member_id = ${actor.memberId ?? 0}`,
    );
    if (!p) throw activityNotFound();
  }
  return a;
}

/** Records or revokes the activity.<kind> fact of one participant from their check-in state. */
export async function settleParticipant(
  tx: Db,
  committeeId: number,
  a: ActivityRow,
  memberId: number,
  present: boolean,
) {
  if (present && a.status !== 'cancelled') {
    await recordDutyFact(tx, {
      committeeId,
      memberId,
      kind: `activity.${a.kind}`,
      sourceType: 'activity',
      sourceId: a.id,
      occurredOn: shanghaiDay(a.startsAt),
      detail: { title: a.title, activityKind: a.kind },
    });
  } else {
    await revokeDutyFacts(tx, committeeId, {
      sourceType: 'activity',
      sourceId: a.id,
      memberId,
      kinds: [`activity.${a.kind}`],
    });
  }
}

/** The list filters, as meetings' list reads them. */
export type ActivityQuery = MeetingQuery;

/** The list's condition on activities `a` left-joined to the actor's participation `p`: a member sees open activities
 *  and those they take part in; `mine` only the latter. Snapshotted in server/sql/activities/. */
export function activityListWhere(actor: Actor, q: ActivityQuery): SQL {
  const member = !seesAll(actor);
  const whose = q.mine
    ? sql`p.member_id is not null`
    : member
      ? sql`(p.member_id is not null or a.registration = 'open')`
      : null;
  return eventListWhere('a', actor, q, whose);
}

export async function listActivities(db: Db, actor: Actor, q: ActivityQuery, limit: number, offset: number) {
  const where = activityListWhere(actor, q);
  const join = sql`left join activity_participants p on p.committee_id = a.committee_id and p.activity_id = a.id and p.member_id = ${actor.memberId ?? 0}`;
  const rows = await query<
    EventListRow & {
      registration: string;
      capacity: number | null;
      participants: number;
      checked_in: number;
      outputs_pending: number;
      joined: boolean;
      my_checked_in_at: string | Date | null;
    }
  >(
    db,
    sql`select a.id, a.kind, a.title, a.starts_at, a.ends_at, a.place, a.registration, a.capacity, a.status,
        (select count(*)::int from activity_participants x where x.committee_id = a.committee_id and x.activity_id = a.id) as participants,
        (select count(*)::int from activity_participants x where x.committee_id = a.committee_id and x.activity_id = a.id and x.checked_in_at is not null) as checked_in,
        (select count(*)::int from activity_outputs o where o.committee_id = a.committee_id and o.activity_id = a.id and o.status = 'submitted') as outputs_pending,
        p.member_id is not null as joined, p.checked_in_at as my_checked_in_at
      from activities a ${join} where ${where} order by a.starts_at desc, a.id desc limit ${limit} offset ${offset}`,
  );
  return {
    total: await countOf(db, sql`select count(*)::int as n from activities a ${join} where ${where}`),
    items: rows.map((a) => ({
      ...eventListHead(a, ACTIVITY_LABELS),
      registration: a.registration,
      capacity: a.capacity,
      status: a.status,
      participants: a.participants,
      checkedIn: a.checked_in,
      outputsPending: a.outputs_pending,
      joined: a.joined,
      myCheckedInAt: iso(a.my_checked_in_at),
    })),
  };
}

export async function getActivity(db: Db, actor: Actor, id: number) {
  const a = await loadActivity(db, actor, id);
  const c = actor.committeeId;
  const counts = await queryOne<{ participants: number; checked_in: number }>(
    db,
    sql`select count(*)::int as participants, count(*) filter (where checked_in_at is not null)::int as checked_in
      from activity_participants where committee_id = ${c} and activity_id = ${id}`,
  );
  const mine = actor.memberId
    ? await queryOne<{ source: string; checked_in_at: string | Date | null; checkin_method: string | null }>(
        db,
        sql`select source, checked_in_at, checkin_method from activity_participants where committee_id = ${c} and activity_id = ${id} and member_id = ${actor.memberId}`,
      )
    : null;
  const files = await listFiles(db, c, 'activity', id);
  return {
    ...eventHead(a, ACTIVITY_LABELS),
    description: a.description,
    registration: a.registration,
    capacity: a.capacity,
    status: a.status,
    participants: counts!.participants,
    checkedIn: counts!.checked_in,
    mine: mine
      ? { source: mine.source, checkedInAt: iso(mine.checked_in_at), checkinMethod: mine.checkin_method }
      : null,
    files: files.map((f) => ({ id: f.id, name: f.name, size: f.size })),
  };
}

export interface ActivityInput {
  kind: string;
  title: string;
  startsAt: string;
  endsAt: string;
  place: string;
  description?: string;
  registration: 'invite' | 'open';
  capacity?: number | null;
  fileIds?: number[];
}

function checkInput(b: ActivityInput) {
  if (!b.title.trim()) throw badRequest('activity.title', '「活动名称」不能为空', 'title');
  if (!b.place.trim()) throw badRequest('activity.place', '「活动地点」不能为空', 'place');
  if (new Date(b.endsAt) <= new Date(b.startsAt))
    throw badRequest('activity.time', '「结束时间」应晚于「开始时间」', 'endsAt');
}

export async function addParticipants(
  tx: Db,
  actor: Actor,
  a: { id: number; title: string },
  memberIds: number[],
  source: 'invited' | 'registered',
) {
  if (!memberIds.length) return [];
  const added = await query<{ member_id: number }>(
    tx,
    sql`insert into activity_participants (committee_id, activity_id, member_id, source)
      select ${actor.committeeId}, ${a.id}, x, ${source} from unnest(${sql.param(memberIds)}::int[]) as x
      on conflict do nothing returning member_id`,
  );
  const addedIds = added.map((x) => x.member_id);
  if (source === 'invited') {
    await notifyMembers(tx, actor.committeeId, addedIds, {
      kind: 'activity.invite',
      title: `活动通知：${a.title}`,
      link: `/activities/${a.id}`,
    });
  }
  return addedIds;
}

export async function createActivity(tx: Db, actor: Actor, b: ActivityInput & { invite?: InviteInput }) {
  checkInput(b);
  const memberIds = b.invite ? await membersByRule(tx, actor.committeeId, b.invite) : [];
  const [row] = await query<{ id: number }>(
    tx,
    sql`insert into activities (committee_id, kind, title, starts_at, ends_at, place, description, registration, capacity, checkin_secret, created_by, search)
      values (${actor.committeeId}, ${b.kind}, ${b.title.trim()}, ${b.startsAt}, ${b.endsAt}, ${b.place.trim()}, ${b.description ?? ''},
        ${b.registration}, ${b.capacity ?? null}, ${newSecret()}, ${actor.accountId}, ${toSearchVector(b.title, b.place, b.description)})
      returning id`,
  );
  await addParticipants(tx, actor, { id: row.id, title: b.title }, memberIds, 'invited');
  return finishEventCreate(tx, actor, 'activity', row.id, b, memberIds.length);
}

export async function updateActivity(tx: Db, actor: Actor, id: number, b: ActivityInput) {
  const before = await loadActivity(tx, actor, id, true);
  if (before.status !== 'open') throw conflict('activity.not_editable', '活动已结束或已取消，不能修改');
  checkInput(b);
  await tx.execute(sql`update activities set kind = ${b.kind}, title = ${b.title.trim()}, starts_at = ${b.startsAt}, ends_at = ${b.endsAt},
      place = ${b.place.trim()}, description = ${b.description ?? ''}, registration = ${b.registration}, capacity = ${b.capacity ?? null},
      search = ${toSearchVector(b.title, b.place, b.description)}, updated_at = now()
    where committee_id = ${actor.committeeId} and id = ${id}`);
  await attachFiles(tx, actor, b.fileIds ?? [], 'activity', id);
  if (before.kind !== b.kind || before.startsAt !== b.startsAt || before.title !== b.title) {
    // The facts carry kind, day and title: re-derive them for everyone checked in.
    const after = await loadActivity(tx, actor, id);
    const present = await query<{ member_id: number }>(
      tx,
      sql`select member_id from activity_participants where committee_id = ${actor.committeeId} and activity_id = ${id} and checked_in_at is not null`,
    );
    await revokeDutyFacts(tx, actor.committeeId, {
      sourceType: 'activity',
      sourceId: id,
      kinds: [`activity.${before.kind}`],
    });
    for (const p of present) await settleParticipant(tx, actor.committeeId, after, p.member_id, true);
  }
  const { secret: _s, ...plain } = before;
  await writeAudit(tx, actor, { action: 'activity.update', entity: 'activity', entityId: id, before: plain, after: b });
}

export async function inviteToActivity(tx: Db, actor: Actor, id: number, invite: InviteInput) {
  const a = await loadActivity(tx, actor, id, true);
  if (a.status === 'cancelled') throw activityCancelled();
  const ids = await membersByRule(tx, actor.committeeId, invite);
  const added = await addParticipants(tx, actor, a, ids, 'invited');
  await writeAudit(tx, actor, {
    action: 'activity.invite',
    entity: 'activity',
    entityId: id,
    after: { invite, added },
  });
  return { added: added.length };
}
