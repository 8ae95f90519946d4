// Taking part in an activity: self-registration for open ones, staff marking, the rotating QR code and scan check-in
// (walk-ins to an open activity are registered on the spot), and the participant sheet.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { iso } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { countOf } from '../../platform/db/count.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import {
  assertValidToken,
  checkinCodeFor,
  checkinInvalid,
  checkinNotInvited,
  lockCheckinRow,
  type ParsedToken,
  recordScan,
} from '../meetings/checkin.ts';
import { assertCheckinWindow } from '../meetings/service.ts';
import { memberDirectory } from '../org/members-directory.ts';
import { activityCancelled, activityNotOpen } from './errors.ts';
import { seesAll } from './policy.ts';
import { type ActivityRow, addParticipants, loadActivity, settleParticipant } from './service.ts';

export async function register(tx: Db, actor: Actor, id: number, join: boolean) {
  if (!actor.memberId) throw forbidden('activity.member_only', '只有委员可以报名');
  const a = await loadActivity(tx, actor, id, true);
  if (a.status !== 'open') throw conflict('activity.not_open', '活动已结束或已取消');
  const mine = await queryOne<{ source: string; checked_in_at: string | Date | null }>(
    tx,
    sql`select source, checked_in_at from activity_participants where committee_id = ${actor.committeeId} and activity_id = ${id} and member_id = ${actor.memberId}`,
  );
  if (join) {
    if (a.registration !== 'open') throw forbidden('activity.invite_only', '本活动只接受邀请，不能自行报名');
    if (mine) throw conflict('activity.already', '您已报名本活动');
    if (a.capacity) {
      const n = await queryOne<{ n: number }>(
        tx,
        sql`select count(*)::int as n from activity_participants where committee_id = ${actor.committeeId} and activity_id = ${id}`,
      );
      if (n!.n >= a.capacity) throw conflict('activity.full', '报名人数已满');
    }
    await addParticipants(tx, actor, a, [actor.memberId], 'registered');
  } else {
    if (!mine) throw conflict('activity.not_joined', '您未报名本活动');
    if (mine.checked_in_at) throw conflict('activity.checked_in', '您已签到，不能取消报名');
    await tx.execute(
      sql`delete from activity_participants where committee_id = ${actor.committeeId} and activity_id = ${id} and member_id = ${actor.memberId}`,
    );
  }
  await writeAudit(tx, actor, {
    action: join ? 'activity.register' : 'activity.unregister',
    entity: 'activity',
    entityId: id,
    after: { memberId: actor.memberId },
  });
}

export async function markActivityAttendance(tx: Db, actor: Actor, id: number, memberId: number, present: boolean) {
  const a = await loadActivity(tx, actor, id, true);
  if (a.status === 'cancelled') throw activityCancelled();
  const p = await queryOne<{ checked_in_at: string | Date | null }>(
    tx,
    sql`select checked_in_at from activity_participants where committee_id = ${actor.committeeId} and activity_id = ${id} and member_id = ${memberId} for update`,
  );
  if (!p) throw notFound('activity.participant_not_found', '该委员不在活动名单中');
  await tx.execute(sql`update activity_participants set
      checked_in_at = ${present ? sql`coalesce(checked_in_at, now())` : sql`null`},
      checkin_method = ${present ? sql`coalesce(checkin_method, 'staff')` : sql`null`}
    where committee_id = ${actor.committeeId} and activity_id = ${id} and member_id = ${memberId}`);
  await settleParticipant(tx, actor.committeeId, a, memberId, present);
  await writeAudit(tx, actor, {
    action: present ? 'activity.mark_present' : 'activity.undo_checkin',
    entity: 'activity',
    entityId: id,
    before: { memberId, checkedInAt: iso(p.checked_in_at) },
    after: { memberId, present },
  });
}

export async function activityCheckinCode(db: Db, actor: Actor, id: number, origin: string) {
  const a = await loadActivity(db, actor, id);
  if (a.status !== 'open') throw activityNotOpen();
  return checkinCodeFor('a', { committeeId: actor.committeeId, id, secret: a.secret, title: a.title }, origin);
}

/** Scan check-in to an activity: an open activity takes walk-in members too (they are registered on the spot). */
export async function checkinActivityWithToken(tx: Db, actor: Actor, p: ParsedToken) {
  const a = await queryOne<ActivityRow>(
    tx,
    sql`select id, kind, title, starts_at as "startsAt", ends_at as "endsAt", place, description, registration, capacity, status, checkin_secret as secret
      from activities where committee_id = ${actor.committeeId} and id = ${p.id}`,
  );
  if (!a) throw checkinInvalid();
  assertValidToken(p, a.secret);
  if (a.status !== 'open') throw activityNotOpen();
  await assertCheckinWindow(tx, actor.committeeId, { starts_at: a.startsAt, ends_at: a.endsAt }, '活动');
  const memberId = actor.memberId!;
  let part = await lockCheckinRow(tx, 'activity', actor.committeeId, a.id, memberId);
  if (!part) {
    if (a.registration !== 'open') throw checkinNotInvited('活动');
    await addParticipants(tx, actor, a, [memberId], 'registered');
    part = { checked_in_at: null };
  }
  return recordScan(tx, actor, 'activity', a, part, () => settleParticipant(tx, actor.committeeId, a, memberId, true), {
    memberId,
  });
}

export async function participantSheet(
  db: Db,
  actor: Actor,
  id: number,
  q: { q?: string; checkedIn?: boolean },
  limit: number,
  offset: number,
) {
  const a = await loadActivity(db, actor, id);
  const base = sql`from activity_participants p join ${memberDirectory} mb on mb.committee_id = p.committee_id and mb.id = p.member_id
      left join sectors s on s.committee_id = mb.committee_id and s.id = mb.sector_id
    where p.committee_id = ${actor.committeeId} and p.activity_id = ${id}
      ${q.q ? sql`and (mb.name like ${`%${q.q}%`} or mb.code like ${`%${q.q}%`})` : sql``}
      ${q.checkedIn === undefined ? sql`` : q.checkedIn ? sql`and p.checked_in_at is not null` : sql`and p.checked_in_at is null`}`;
  const rows = await query<{
    member_id: number;
    name: string;
    code: string | null;
    sector: string | null;
    source: string;
    checked_in_at: string | Date | null;
    checkin_method: string | null;
    outputs: number;
  }>(
    db,
    sql`select p.member_id, mb.name, mb.code, s.name as sector, p.source, p.checked_in_at, p.checkin_method,
        (select count(*)::int from activity_outputs o where o.committee_id = p.committee_id and o.activity_id = p.activity_id and o.member_id = p.member_id) as outputs
      ${base} order by mb.code nulls last, mb.id limit ${limit} offset ${offset}`,
  );
  const total = await countOf(db, sql`select count(*)::int as n ${base}`);
  return {
    activity: { id: a.id, title: a.title, kind: a.kind, status: a.status },
    total,
    items: rows.map((r) => ({
      memberId: r.member_id,
      name: r.name,
      code: r.code,
      sector: r.sector,
      source: r.source,
      checkedInAt: iso(r.checked_in_at),
      checkinMethod: r.checkin_method,
      outputs: r.outputs,
    })),
  };
}

// ---- outputs ----

/** Files attached to an activity: staff of the committee see them all; a member those of open activities and of the
 *  ones they take part in (platform/files asks this before serving a file). */
export async function mayReadActivityFiles(db: Db, actor: Actor, id: number): Promise<boolean> {
  if (seesAll(actor))
    return !!(await queryOne(
      db,
      sql`select 1 from activities where committee_id = ${actor.committeeId} and id = ${id}`,
    ));
  return !!(await queryOne(
    db,
    sql`select 1 from activities a where a.committee_id = ${actor.committeeId} and a.id = ${id} and (a.registration = 'open'
      or exists (select 1 from activity_participants p where p.committee_id = a.committee_id and p.activity_id = a.id and p.member_id = ${actor.memberId ?? 0}))`,
  ));
}
