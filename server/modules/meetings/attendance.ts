// Attendance: members reply (attend / leave with a reason), staff decide leave requests and mark attendance, the
// rotating QR code and scan check-in, and the attendance sheet. Every change re-derives the member's duty fact.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { beijingYearOf, iso } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { countOf } from '../../platform/db/count.ts';
import { badRequest, conflict, forbidden } from '../../platform/errors.ts';
import { notifyOffice } from '../../platform/notifications/notify-office.ts';
import { getSetting } from '../../platform/settings/settings.ts';
import { memberDirectory } from '../org/members-directory.ts';
import {
  assertValidToken,
  checkinCodeFor,
  checkinInvalid,
  checkinNotInvited,
  lockCheckinRow,
  parseToken,
  recordScan,
} from './checkin.ts';
import { inviteeNotFound, meetingCancelled, meetingNotFound, meetingNotOpen } from './errors.ts';
import {
  ATTENDANCE_DEFAULTS,
  ATTENDANCE_LABELS,
  ATTENDANCE_SETTING,
  assertCheckinWindow,
  type InviteeReplyRow,
  loadMeeting,
  notifyMembers,
  presentEnoughSql,
  settleAttendance,
} from './service.ts';

export async function replyToMeeting(
  tx: Db,
  actor: Actor,
  id: number,
  b: { reply: 'attend' | 'leave'; reason?: string },
) {
  if (!actor.memberId) throw forbidden('meeting.member_only', '只有委员可以回复会议通知');
  const m = await loadMeeting(tx, actor, id, true);
  if (m.status !== 'planned') throw conflict('meeting.not_open', '会议已结束或已取消，不能再回复');
  const inv = await queryOne<{ reply: string; leave_status: string | null; checked_in_at: string | Date | null }>(
    tx,
    sql`select reply, leave_status, checked_in_at from meeting_invitees where committee_id = ${actor.committeeId} and meeting_id = ${id} and member_id = ${actor.memberId} for update`,
  );
  if (!inv) throw meetingNotFound();
  if (inv.checked_in_at) throw conflict('meeting.checked_in', '您已签到，不能再请假');
  const reason = b.reason?.trim() ?? '';
  if (b.reply === 'leave' && !reason) throw badRequest('meeting.leave_reason', '请填写「请假事由」', 'reason');
  if (b.reply === 'leave') {
    await tx.execute(sql`update meeting_invitees set reply = 'leave', leave_reason = ${reason}, leave_status = 'pending',
        leave_comment = null, leave_decided_by = null, leave_decided_at = null
      where committee_id = ${actor.committeeId} and meeting_id = ${id} and member_id = ${actor.memberId}`);
    await notifyOffice(tx, actor.committeeId, {
      kind: 'meeting.leave_request',
      title: `请假申请：${actor.name}（${m.title}）`,
      body: reason,
      link: `/meetings/${id}`,
    });
  } else {
    await tx.execute(sql`update meeting_invitees set reply = 'attend', leave_reason = null, leave_status = null, leave_comment = null,
        leave_decided_by = null, leave_decided_at = null
      where committee_id = ${actor.committeeId} and meeting_id = ${id} and member_id = ${actor.memberId}`);
  }
  await settleAttendance(tx, actor.committeeId, id, [actor.memberId]);
  await writeAudit(tx, actor, {
    action: `meeting.reply`,
    entity: 'meeting',
    entityId: id,
    before: { reply: inv.reply, leaveStatus: inv.leave_status },
    after: { reply: b.reply, reason: reason || null },
  });
}

export async function decideLeave(
  tx: Db,
  actor: Actor,
  id: number,
  memberId: number,
  b: { approve: boolean; comment?: string },
) {
  const m = await loadMeeting(tx, actor, id, true);
  const inv = await queryOne<{ leave_status: string | null }>(
    tx,
    sql`select leave_status from meeting_invitees where committee_id = ${actor.committeeId} and meeting_id = ${id} and member_id = ${memberId} for update`,
  );
  if (!inv) throw inviteeNotFound();
  if (!inv.leave_status) throw conflict('meeting.no_leave', '该委员没有请假申请');
  const to = b.approve ? 'approved' : 'refused';
  await tx.execute(sql`update meeting_invitees set leave_status = ${to}, leave_comment = ${b.comment?.trim() || null},
      leave_decided_by = ${actor.name}, leave_decided_at = now(), reply = ${b.approve ? 'leave' : 'pending'}
    where committee_id = ${actor.committeeId} and meeting_id = ${id} and member_id = ${memberId}`);
  await settleAttendance(tx, actor.committeeId, id, [memberId]);
  await notifyMembers(tx, actor.committeeId, [memberId], {
    kind: 'meeting.leave_decision',
    title: `${m.title}：请假${b.approve ? '已批准' : '未批准'}`,
    body: b.comment?.trim() || (b.approve ? undefined : '请按时参加会议'),
    link: `/meetings/${id}`,
  });
  await writeAudit(tx, actor, {
    action: b.approve ? 'meeting.leave_approve' : 'meeting.leave_refuse',
    entity: 'meeting',
    entityId: id,
    before: { memberId, leaveStatus: inv.leave_status },
    after: { memberId, leaveStatus: to, comment: b.comment ?? null },
  });
}

export async function markAttendance(
  tx: Db,
  actor: Actor,
  id: number,
  memberId: number,
  b: { present: boolean; minutesPresent?: number | null },
) {
  const m = await loadMeeting(tx, actor, id, true);
  if (m.status === 'cancelled') throw meetingCancelled();
  const duration = Math.round((new Date(m.endsAt).getTime() - new Date(m.startsAt).getTime()) / 60000);
  if (b.minutesPresent != null && b.minutesPresent > duration)
    throw badRequest('meeting.minutes', `「在场时长」不能超过会议时长 ${duration} 分钟`, 'minutesPresent');
  const inv = await queryOne<{
    checked_in_at: string | Date | null;
    checkin_method: string | null;
    minutes_present: number | null;
  }>(
    tx,
    sql`select checked_in_at, checkin_method, minutes_present from meeting_invitees where committee_id = ${actor.committeeId} and meeting_id = ${id} and member_id = ${memberId} for update`,
  );
  if (!inv) throw inviteeNotFound();
  if (b.present) {
    await tx.execute(sql`update meeting_invitees set checked_in_at = coalesce(checked_in_at, now()), checkin_method = coalesce(checkin_method, 'staff'),
        minutes_present = ${b.minutesPresent ?? null}
      where committee_id = ${actor.committeeId} and meeting_id = ${id} and member_id = ${memberId}`);
  } else {
    await tx.execute(sql`update meeting_invitees set checked_in_at = null, checkin_method = null, minutes_present = null
      where committee_id = ${actor.committeeId} and meeting_id = ${id} and member_id = ${memberId}`);
  }
  await settleAttendance(tx, actor.committeeId, id, [memberId]);
  await writeAudit(tx, actor, {
    action: b.present ? 'meeting.mark_present' : 'meeting.undo_checkin',
    entity: 'meeting',
    entityId: id,
    before: { memberId, checkedInAt: iso(inv.checked_in_at), minutesPresent: inv.minutes_present },
    after: { memberId, present: b.present, minutesPresent: b.minutesPresent ?? null },
  });
}

export async function checkinCode(db: Db, actor: Actor, id: number, origin: string) {
  const m = await loadMeeting(db, actor, id);
  if (m.status !== 'planned') throw meetingNotOpen();
  return checkinCodeFor('m', { committeeId: actor.committeeId, id, secret: m.secret, title: m.title }, origin);
}

/** A member checks in with the code scanned at the venue. */
export async function checkinWithToken(tx: Db, actor: Actor, token: string) {
  if (!actor.memberId) throw forbidden('checkin.member_only', '只有委员可以扫码签到');
  const p = parseToken(token);
  if (!p || p.committeeId !== actor.committeeId) throw checkinInvalid();
  if (p.target === 'a') {
    const { checkinActivityWithToken } = await import('../activities/participation.ts');
    return checkinActivityWithToken(tx, actor, p);
  }
  const m = await queryOne<{
    id: number;
    title: string;
    status: string;
    checkin_secret: string;
    starts_at: string | Date;
    ends_at: string | Date;
  }>(
    tx,
    sql`select id, title, status, checkin_secret, starts_at, ends_at from meetings where committee_id = ${actor.committeeId} and id = ${p.id}`,
  );
  if (!m) throw checkinInvalid();
  assertValidToken(p, m.checkin_secret);
  if (m.status !== 'planned') throw meetingNotOpen();
  await assertCheckinWindow(tx, actor.committeeId, m);
  const inv = await lockCheckinRow(tx, 'meeting', actor.committeeId, m.id, actor.memberId);
  if (!inv) throw checkinNotInvited('会议');
  return recordScan(
    tx,
    actor,
    'meeting',
    m,
    inv,
    () => settleAttendance(tx, actor.committeeId, m.id, [actor.memberId!]),
    {
      memberId: actor.memberId,
      method: 'qr',
    },
  );
}

export interface SheetQuery {
  status?: string;
  q?: string;
}

export async function attendanceSheet(db: Db, actor: Actor, id: number, q: SheetQuery, limit: number, offset: number) {
  const m = await loadMeeting(db, actor, id);
  const c = actor.committeeId;
  const year = beijingYearOf(m.startsAt);
  const { minRatio } = await getSetting(db, c, ATTENDANCE_SETTING, year, ATTENDANCE_DEFAULTS);
  const status = sql`case when ${presentEnoughSql(minRatio, 'i', 'mt')} then 'present'
    when i.checked_in_at is not null then 'partial'
    when i.leave_status = 'approved' then 'leave'
    when i.leave_status = 'pending' then 'leavePending'
    when mt.status = 'closed' then 'absent' else 'notArrived' end`;
  const base = sql`from meeting_invitees i join meetings mt on mt.committee_id = i.committee_id and mt.id = i.meeting_id
      join ${memberDirectory} mb on mb.committee_id = i.committee_id and mb.id = i.member_id
      left join sectors s on s.committee_id = mb.committee_id and s.id = mb.sector_id
    where i.committee_id = ${c} and i.meeting_id = ${id}`;
  const filter = sql.join(
    [
      sql`true`,
      q.status ? sql`${status} = ${q.status}` : null,
      q.q ? sql`(mb.name like ${`%${q.q}%`} or mb.code like ${`%${q.q}%`})` : null,
    ].filter((x) => x !== null),
    sql` and `,
  );
  const rows = await query<
    InviteeReplyRow & {
      member_id: number;
      name: string;
      code: string | null;
      sector: string | null;
      standing_member: boolean;
      status: string;
    }
  >(
    db,
    sql`select i.member_id, mb.name, mb.code, s.name as sector, mb.standing_member, i.reply, i.leave_reason, i.leave_status, i.leave_comment,
        i.checked_in_at, i.checkin_method, i.minutes_present, ${status} as status
      ${base} and ${filter} order by mb.code nulls last, mb.id limit ${limit} offset ${offset}`,
  );
  const total = await countOf(db, sql`select count(*)::int as n ${base} and ${filter}`);
  const byStatus = await query<{ status: string; n: number }>(
    db,
    sql`select ${status} as status, count(*)::int as n ${base} group by 1`,
  );
  return {
    total,
    minRatio,
    durationMinutes: Math.round((new Date(m.endsAt).getTime() - new Date(m.startsAt).getTime()) / 60000),
    summary: Object.fromEntries(byStatus.map((b) => [b.status, b.n])) as Record<string, number>,
    items: rows.map((r) => ({
      memberId: r.member_id,
      name: r.name,
      code: r.code,
      sector: r.sector,
      standingMember: r.standing_member,
      reply: r.reply,
      leaveReason: r.leave_reason,
      leaveStatus: r.leave_status,
      leaveComment: r.leave_comment,
      checkedInAt: iso(r.checked_in_at),
      checkinMethod: r.checkin_method,
      minutesPresent: r.minutes_present,
      status: r.status,
      statusLabel: ATTENDANCE_LABELS[r.status],
    })),
    meeting: { id: m.id, title: m.title, kind: m.kind, status: m.status },
  };
}

// ---- speeches (大会发言) ----
