// Meetings: create, invite by rule, replies and leave requests, check-in (QR or staff) with partial attendance, close,
// cancel; speeches. Attendance turns into duty facts (meeting.present / leave / absent) in the same transaction, and
// every change re-derives a member's fact from the attendance row, so an undone check-in or a refused leave corrects it.

import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { beijingYearOf, clockNow, formatBeijingDateTime } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { chinaDateTime } from '../../platform/download.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { attachFiles, listFiles } from '../../platform/files/files.ts';
import { notify } from '../../platform/notifications/notifications.ts';
import { matchSearch, toSearchVector } from '../../platform/search/search.ts';
import { getSetting } from '../../platform/settings/settings.ts';
import { recordDutyFact, revokeDutyFacts } from '../duty/facts.ts';
import {
  assertValidToken,
  checkinInvalid,
  checkinNotInvited,
  makeToken,
  newSecret,
  parseToken,
  qrSvg,
} from './checkin.ts';

export const MEETING_KINDS: Record<string, string> = {
  plenary: '全体会议',
  standing: '常委会议',
  chairsCouncil: '主席会议',
  specialCommittee: '专委会会议',
  sector: '界别会议',
};

export const ATTENDANCE_LABELS: Record<string, string> = {
  present: '出席',
  partial: '部分出席（按缺席计）',
  leave: '请假',
  leavePending: '请假待审批',
  absent: '缺席',
  notArrived: '未签到',
};

export type InviteRule =
  | { rule: 'all' }
  | { rule: 'standing' }
  | { rule: 'specialCommittee'; specialCommitteeId: number }
  | { rule: 'sector'; sectorId: number }
  | { rule: 'members'; memberIds: number[] };

export interface InviteInput {
  rule: 'all' | 'standing' | 'specialCommittee' | 'sector' | 'members';
  specialCommitteeId?: number;
  sectorId?: number;
  memberIds?: number[];
}

export const ATTENDANCE_SETTING = 'meeting.attendance';
/** minRatio: share of the meeting a member must be present; QR check-in is open from checkinOpensMinutesBefore the
 * start until checkinClosesMinutesAfterEnd after the end (a committee setting, per year). */
export const ATTENDANCE_DEFAULTS = { minRatio: 2 / 3, checkinOpensMinutesBefore: 60, checkinClosesMinutesAfterEnd: 0 };

/** Refuses a QR check-in outside the window of a meeting or an activity (the same committee setting), saying when it
 * opens or that it has closed. Times are instants; messages show Beijing time. */
export async function assertCheckinWindow(
  tx: Db,
  committeeId: number,
  m: { starts_at: string | Date; ends_at: string | Date },
  what: '会议' | '活动' = '会议',
) {
  const s = await getSetting(tx, committeeId, ATTENDANCE_SETTING, beijingYearOf(m.starts_at), ATTENDANCE_DEFAULTS);
  const now = clockNow().getTime();
  const opens = new Date(m.starts_at).getTime() - s.checkinOpensMinutesBefore * 60_000;
  const closes = new Date(m.ends_at).getTime() + s.checkinClosesMinutesAfterEnd * 60_000;
  if (now < opens)
    throw conflict(
      'checkin.not_yet',
      `签到尚未开始：${what}于 ${formatBeijingDateTime(m.starts_at)} 开始，可在 ${formatBeijingDateTime(new Date(opens))} 起签到`,
    );
  if (now > closes)
    throw conflict('checkin.closed', `签到已结束：${what}已于 ${formatBeijingDateTime(m.ends_at)} 结束`);
}

/** Members a rule selects (active members of the current term), checked against the committee's own lists. */
export async function membersByRule(tx: Db, committeeId: number, r: InviteInput): Promise<number[]> {
  const c = committeeId;
  let cond = sql`true`;
  if (r.rule === 'standing') cond = sql`m.standing_member`;
  else if (r.rule === 'specialCommittee') {
    if (!r.specialCommitteeId) throw badRequest('meeting.invite', '请选择专委会', 'invite.specialCommitteeId');
    const ok = await queryOne(
      tx,
      sql`select 1 from special_committees where committee_id = ${c} and id = ${r.specialCommitteeId}`,
    );
    if (!ok) throw badRequest('meeting.invite', '所选专委会不存在', 'invite.specialCommitteeId');
    cond = sql`exists (select 1 from member_special_committees s where s.committee_id = m.committee_id and s.member_id = m.id and s.special_committee_id = ${r.specialCommitteeId})`;
  } else if (r.rule === 'sector') {
    if (!r.sectorId) throw badRequest('meeting.invite', '请选择界别', 'invite.sectorId');
    const ok = await queryOne(tx, sql`select 1 from sectors where committee_id = ${c} and id = ${r.sectorId}`);
    if (!ok) throw badRequest('meeting.invite', '所选界别不存在', 'invite.sectorId');
    cond = sql`m.sector_id = ${r.sectorId}`;
  } else if (r.rule === 'members') {
    const ids = [...new Set(r.memberIds ?? [])];
    if (!ids.length) throw badRequest('meeting.invite', '请选择参加的委员', 'invite.memberIds');
    const found = await query<{ id: number }>(
      tx,
      sql`select id from members where committee_id = ${c} and id = any(${sql.param(ids)}::int[]) and status = 'active'`,
    );
    if (found.length !== ids.length) throw badRequest('meeting.invite', '所选委员不存在或已不在任', 'invite.memberIds');
    return found.map((x) => x.id).sort((a, b) => a - b);
  }
  const rows = await query<{ id: number }>(
    tx,
    sql`select m.id from members m join terms t on t.committee_id = m.committee_id and t.id = m.term_id
      where m.committee_id = ${c} and m.status = 'active' and t.is_current and ${cond} order by m.id`,
  );
  return rows.map((x) => x.id);
}

export async function accountsOfMembers(tx: Db, committeeId: number, memberIds: number[]): Promise<number[]> {
  if (!memberIds.length) return [];
  const rows = await query<{ id: number }>(
    tx,
    sql`select id from accounts where committee_id = ${committeeId} and member_id = any(${sql.param(memberIds)}::int[]) and not disabled`,
  );
  return rows.map((r) => r.id);
}

const seesAll = (actor: Actor) => actor.roles.some((r) => r !== 'member');
const canManage = (actor: Actor) =>
  actor.roles.some((r) => r === 'officeStaff' || r === 'specialCommitteeStaff' || r === 'committeeAdmin');

export interface MeetingRow {
  id: number;
  kind: string;
  title: string;
  startsAt: string;
  endsAt: string;
  halfDays: number;
  place: string;
  agenda: string;
  status: string;
  specialCommitteeId: number | null;
  sectorId: number | null;
  secret: string;
}

export async function loadMeeting(db: Db, actor: Actor, id: number, forUpdate = false): Promise<MeetingRow> {
  const m = await queryOne<MeetingRow>(
    db,
    sql`select id, kind, title, starts_at as "startsAt", ends_at as "endsAt", half_days as "halfDays", place, agenda, status,
        special_committee_id as "specialCommitteeId", sector_id as "sectorId", checkin_secret as secret
      from meetings where committee_id = ${actor.committeeId} and id = ${id} ${forUpdate ? sql`for update` : sql``}`,
  );
  if (!m) throw notFound('meeting.not_found', '会议不存在');
  if (!seesAll(actor)) {
    const inv = await queryOne(
      db,
      sql`select 1 from meeting_invitees where committee_id = ${actor.committeeId} and meeting_id = ${id} and member_id = ${actor.memberId ?? 0}`,
    );
    if (!inv) throw notFound('meeting.not_found', '会议不存在');
  }
  return m;
}

const iso = (d: unknown) => (d ? new Date(d as string).toISOString() : null);

/** Re-derives the attendance facts of a meeting (all invitees, or some) from the attendance rows: set-based. */
export async function settleAttendance(tx: Db, committeeId: number, meetingId: number, memberIds?: number[]) {
  const m = await queryOne<{ year: number }>(
    tx,
    sql`select extract(year from (starts_at at time zone 'Asia/Shanghai'))::int as year from meetings where committee_id = ${committeeId} and id = ${meetingId}`,
  );
  if (!m) return;
  const { minRatio } = await getSetting(tx, committeeId, ATTENDANCE_SETTING, m.year, ATTENDANCE_DEFAULTS);
  const only = memberIds ? sql`and i.member_id = any(${sql.param(memberIds)}::int[])` : sql``;
  const desired = sql`select i.member_id,
      case when m.status = 'cancelled' then null
        when i.checked_in_at is not null and (i.minutes_present is null
          or i.minutes_present >= ${minRatio}::float8 * extract(epoch from (m.ends_at - m.starts_at)) / 60) then 'meeting.present'
        when i.checked_in_at is not null then 'meeting.absent'
        when i.leave_status = 'approved' then 'meeting.leave'
        when m.status = 'closed' then 'meeting.absent'
        else null end as want,
      jsonb_build_object('meetingKind', m.kind, 'title', m.title, 'halfDays', m.half_days, 'meetingId', m.id)
        || case when i.minutes_present is not null then jsonb_build_object('minutesPresent', i.minutes_present) else '{}'::jsonb end as detail,
      (m.starts_at at time zone 'Asia/Shanghai')::date as day
    from meeting_invitees i join meetings m on m.committee_id = i.committee_id and m.id = i.meeting_id
    where i.committee_id = ${committeeId} and i.meeting_id = ${meetingId} ${only}`;
  // Facts that no longer hold: another kind than wanted, or a member no longer invited.
  await tx.execute(sql`update duty_facts f set revoked_at = now()
    where f.committee_id = ${committeeId} and f.source_type = 'meeting' and f.source_id = ${meetingId} and f.revoked_at is null
      ${memberIds ? sql`and f.member_id = any(${sql.param(memberIds)}::int[])` : sql``}
      and not exists (select 1 from (${desired}) d where d.member_id = f.member_id and d.want = f.kind)`);
  await tx.execute(sql`insert into duty_facts (committee_id, member_id, year, kind, role, source_type, source_id, occurred_on, detail)
    select ${committeeId}, d.member_id, extract(year from d.day)::int, d.want, 'self', 'meeting', ${meetingId}, d.day, d.detail
    from (${desired}) d where d.want is not null
    on conflict (committee_id, member_id, kind, source_type, source_id) where revoked_at is null do nothing`);
}

/** A meeting's status and the members checked in so far: what another module (consultation) needs to credit participation. */
export async function meetingCheckIns(tx: Db, committeeId: number, meetingId: number) {
  const m = await queryOne<{ status: string }>(
    tx,
    sql`select status from meetings where committee_id = ${committeeId} and id = ${meetingId}`,
  );
  const rows = await query<{ member_id: number }>(
    tx,
    sql`select member_id from meeting_invitees where committee_id = ${committeeId} and meeting_id = ${meetingId}
      and checked_in_at is not null order by member_id`,
  );
  return { status: m?.status ?? null, memberIds: rows.map((r) => r.member_id) };
}

export interface MeetingQuery {
  page?: number;
  pageSize?: number;
  kind?: string;
  status?: string;
  q?: string;
  from?: string;
  to?: string;
  mine?: boolean;
}

export async function listMeetings(db: Db, actor: Actor, q: MeetingQuery, limit: number, offset: number) {
  const c = actor.committeeId;
  const mineOnly = !seesAll(actor) || q.mine;
  const conds = [
    sql`m.committee_id = ${c}`,
    q.kind ? sql`m.kind = ${q.kind}` : null,
    q.status ? sql`m.status = ${q.status}` : null,
    matchSearch(sql`m.search`, q.q),
    q.from ? sql`m.starts_at >= (${q.from}::date)::timestamp at time zone 'Asia/Shanghai'` : null,
    q.to ? sql`m.starts_at < (${q.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'` : null,
    mineOnly ? sql`i.member_id is not null` : null,
  ].filter((x) => x !== null);
  const where = sql.join(conds, sql` and `);
  const join = sql`left join meeting_invitees i on i.committee_id = m.committee_id and i.meeting_id = m.id and i.member_id = ${actor.memberId ?? 0}`;
  const items = await query<any>(
    db,
    sql`select m.id, m.kind, m.title, m.starts_at, m.ends_at, m.place, m.status,
        (select count(*)::int from meeting_invitees x where x.committee_id = m.committee_id and x.meeting_id = m.id) as invited,
        (select count(*)::int from meeting_invitees x where x.committee_id = m.committee_id and x.meeting_id = m.id and x.checked_in_at is not null) as checked_in,
        (select count(*)::int from meeting_invitees x where x.committee_id = m.committee_id and x.meeting_id = m.id and x.leave_status = 'pending') as leave_pending,
        i.reply as my_reply, i.leave_status as my_leave_status, i.checked_in_at as my_checked_in_at
      from meetings m ${join} where ${where} order by m.starts_at desc, m.id desc limit ${limit} offset ${offset}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`select count(*)::int as n from meetings m ${join} where ${where}`,
  );
  return {
    total: total!.n,
    items: items.map((m) => ({
      id: m.id,
      kind: m.kind,
      kindLabel: MEETING_KINDS[m.kind],
      title: m.title,
      startsAt: iso(m.starts_at)!,
      endsAt: iso(m.ends_at)!,
      place: m.place,
      status: m.status,
      invited: m.invited,
      checkedIn: m.checked_in,
      leavePending: m.leave_pending,
      myReply: m.my_reply,
      myLeaveStatus: m.my_leave_status,
      myCheckedInAt: iso(m.my_checked_in_at),
    })),
  };
}

export async function getMeeting(db: Db, actor: Actor, id: number) {
  const m = await loadMeeting(db, actor, id);
  const c = actor.committeeId;
  const counts = await queryOne<any>(
    db,
    sql`select count(*)::int as invited, count(*) filter (where checked_in_at is not null)::int as checked_in,
        count(*) filter (where leave_status = 'approved')::int as on_leave, count(*) filter (where leave_status = 'pending')::int as leave_pending,
        count(*) filter (where reply = 'attend')::int as will_attend
      from meeting_invitees where committee_id = ${c} and meeting_id = ${id}`,
  );
  const mine = actor.memberId
    ? await queryOne<any>(
        db,
        sql`select reply, leave_reason, leave_status, leave_comment, checked_in_at, checkin_method, minutes_present
          from meeting_invitees where committee_id = ${c} and meeting_id = ${id} and member_id = ${actor.memberId}`,
      )
    : null;
  const files = await listFiles(db, c, 'meeting', id);
  return {
    id: m.id,
    kind: m.kind,
    kindLabel: MEETING_KINDS[m.kind],
    title: m.title,
    startsAt: iso(m.startsAt)!,
    endsAt: iso(m.endsAt)!,
    halfDays: m.halfDays,
    place: m.place,
    agenda: m.agenda,
    status: m.status,
    specialCommitteeId: m.specialCommitteeId,
    sectorId: m.sectorId,
    counts: {
      invited: counts.invited,
      checkedIn: counts.checked_in,
      onLeave: counts.on_leave,
      leavePending: counts.leave_pending,
      willAttend: counts.will_attend,
    },
    mine: mine
      ? {
          reply: mine.reply,
          leaveReason: mine.leave_reason,
          leaveStatus: mine.leave_status,
          leaveComment: mine.leave_comment,
          checkedInAt: iso(mine.checked_in_at),
          checkinMethod: mine.checkin_method,
          minutesPresent: mine.minutes_present,
        }
      : null,
    files: files.map((f) => ({ id: f.id, name: f.name, size: f.size })),
    canManage: canManage(actor),
  };
}

export interface MeetingInput {
  kind: string;
  title: string;
  startsAt: string;
  endsAt: string;
  halfDays?: number;
  place: string;
  agenda?: string;
  specialCommitteeId?: number | null;
  sectorId?: number | null;
  fileIds?: number[];
}

async function checkMeetingInput(tx: Db, actor: Actor, b: MeetingInput) {
  if (!b.title.trim()) throw badRequest('meeting.title', '「会议名称」不能为空', 'title');
  if (!b.place.trim()) throw badRequest('meeting.place', '「会议地点」不能为空', 'place');
  if (new Date(b.endsAt) <= new Date(b.startsAt))
    throw badRequest('meeting.time', '「结束时间」应晚于「开始时间」', 'endsAt');
  if (b.specialCommitteeId) {
    const ok = await queryOne(
      tx,
      sql`select 1 from special_committees where committee_id = ${actor.committeeId} and id = ${b.specialCommitteeId}`,
    );
    if (!ok) throw badRequest('meeting.special_committee', '所选专委会不存在', 'specialCommitteeId');
  }
  if (b.sectorId) {
    const ok = await queryOne(
      tx,
      sql`select 1 from sectors where committee_id = ${actor.committeeId} and id = ${b.sectorId}`,
    );
    if (!ok) throw badRequest('meeting.sector', '所选界别不存在', 'sectorId');
  }
}

export async function createMeeting(tx: Db, actor: Actor, b: MeetingInput & { invite: InviteInput }) {
  await checkMeetingInput(tx, actor, b);
  const memberIds = await membersByRule(tx, actor.committeeId, b.invite);
  const [row] = await query<{ id: number }>(
    tx,
    sql`insert into meetings (committee_id, kind, title, starts_at, ends_at, half_days, place, agenda, special_committee_id, sector_id, invite_rule, checkin_secret, created_by, search)
      values (${actor.committeeId}, ${b.kind}, ${b.title.trim()}, ${b.startsAt}, ${b.endsAt}, ${b.halfDays ?? 1}, ${b.place.trim()}, ${b.agenda ?? ''},
        ${b.specialCommitteeId ?? null}, ${b.sectorId ?? null}, ${JSON.stringify(b.invite)}::jsonb, ${newSecret()}, ${actor.accountId}, ${toSearchVector(b.title, b.place, b.agenda)})
      returning id`,
  );
  await addInvitees(tx, actor, row.id, memberIds, b.title, b.startsAt);
  await attachFiles(tx, actor, b.fileIds ?? [], 'meeting', row.id);
  await writeAudit(tx, actor, {
    action: 'meeting.create',
    entity: 'meeting',
    entityId: row.id,
    after: { ...b, invited: memberIds.length },
  });
  return { id: row.id, invited: memberIds.length };
}

async function addInvitees(
  tx: Db,
  actor: Actor,
  meetingId: number,
  memberIds: number[],
  title: string,
  startsAt: string,
) {
  if (!memberIds.length) return [];
  const added = await query<{ member_id: number }>(
    tx,
    sql`insert into meeting_invitees (committee_id, meeting_id, member_id)
      select ${actor.committeeId}, ${meetingId}, x from unnest(${sql.param(memberIds)}::int[]) as x
      on conflict do nothing returning member_id`,
  );
  const when = chinaDateTime(startsAt);
  await notify(tx, {
    committeeId: actor.committeeId,
    accountIds: await accountsOfMembers(
      tx,
      actor.committeeId,
      added.map((a) => a.member_id),
    ),
    kind: 'meeting.invite',
    title: `会议通知：${title}`,
    body: `请于 ${when} 参加会议；如不能参加，请在平台上请假并说明理由。`,
    link: `/meetings/${meetingId}`,
  });
  return added.map((a) => a.member_id);
}

export async function updateMeeting(tx: Db, actor: Actor, id: number, b: MeetingInput) {
  const before = await loadMeeting(tx, actor, id, true);
  if (before.status !== 'planned') throw conflict('meeting.not_editable', '会议已结束或已取消，不能修改');
  await checkMeetingInput(tx, actor, b);
  await tx.execute(sql`update meetings set kind = ${b.kind}, title = ${b.title.trim()}, starts_at = ${b.startsAt}, ends_at = ${b.endsAt},
      half_days = ${b.halfDays ?? before.halfDays}, place = ${b.place.trim()}, agenda = ${b.agenda ?? ''},
      special_committee_id = ${b.specialCommitteeId ?? null}, sector_id = ${b.sectorId ?? null},
      search = ${toSearchVector(b.title, b.place, b.agenda)}, updated_at = now()
    where committee_id = ${actor.committeeId} and id = ${id}`);
  await attachFiles(tx, actor, b.fileIds ?? [], 'meeting', id);
  // The kind or time may have changed what the facts say: re-derive them.
  await tx.execute(
    sql`update duty_facts set revoked_at = now() where committee_id = ${actor.committeeId} and source_type = 'meeting' and source_id = ${id} and revoked_at is null`,
  );
  await settleAttendance(tx, actor.committeeId, id);
  const { secret: _s, ...plainBefore } = before;
  await writeAudit(tx, actor, {
    action: 'meeting.update',
    entity: 'meeting',
    entityId: id,
    before: plainBefore,
    after: b,
  });
}

export async function inviteMore(tx: Db, actor: Actor, id: number, invite: InviteInput) {
  const m = await loadMeeting(tx, actor, id, true);
  if (m.status === 'cancelled') throw conflict('meeting.cancelled', '会议已取消');
  const ids = await membersByRule(tx, actor.committeeId, invite);
  const added = await addInvitees(tx, actor, id, ids, m.title, iso(m.startsAt)!);
  if (m.status === 'closed') await settleAttendance(tx, actor.committeeId, id, added);
  await writeAudit(tx, actor, { action: 'meeting.invite', entity: 'meeting', entityId: id, after: { invite, added } });
  return { added: added.length };
}

export async function removeInvitee(tx: Db, actor: Actor, id: number, memberId: number) {
  await loadMeeting(tx, actor, id, true);
  const gone = await query(
    tx,
    sql`delete from meeting_invitees where committee_id = ${actor.committeeId} and meeting_id = ${id} and member_id = ${memberId} returning member_id`,
  );
  if (!gone.length) throw notFound('meeting.invitee_not_found', '该委员不在参会名单中');
  await revokeDutyFacts(tx, actor.committeeId, { sourceType: 'meeting', sourceId: id, memberId });
  await writeAudit(tx, actor, { action: 'meeting.uninvite', entity: 'meeting', entityId: id, before: { memberId } });
}

export async function replyToMeeting(
  tx: Db,
  actor: Actor,
  id: number,
  b: { reply: 'attend' | 'leave'; reason?: string },
) {
  if (!actor.memberId) throw forbidden('meeting.member_only', '只有委员可以回复会议通知');
  const m = await loadMeeting(tx, actor, id, true);
  if (m.status !== 'planned') throw conflict('meeting.not_open', '会议已结束或已取消，不能再回复');
  const inv = await queryOne<any>(
    tx,
    sql`select reply, leave_status, checked_in_at from meeting_invitees where committee_id = ${actor.committeeId} and meeting_id = ${id} and member_id = ${actor.memberId} for update`,
  );
  if (!inv) throw notFound('meeting.not_found', '会议不存在');
  if (inv.checked_in_at) throw conflict('meeting.checked_in', '您已签到，不能再请假');
  const reason = b.reason?.trim() ?? '';
  if (b.reply === 'leave' && !reason) throw badRequest('meeting.leave_reason', '请填写「请假事由」', 'reason');
  if (b.reply === 'leave') {
    await tx.execute(sql`update meeting_invitees set reply = 'leave', leave_reason = ${reason}, leave_status = 'pending',
        leave_comment = null, leave_decided_by = null, leave_decided_at = null
      where committee_id = ${actor.committeeId} and meeting_id = ${id} and member_id = ${actor.memberId}`);
    const office = await query<{ id: number }>(
      tx,
      sql`select id from accounts where committee_id = ${actor.committeeId} and roles && array['officeStaff']::text[] and not disabled`,
    );
    await notify(tx, {
      committeeId: actor.committeeId,
      accountIds: office.map((o) => o.id),
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
  const inv = await queryOne<any>(
    tx,
    sql`select leave_status from meeting_invitees where committee_id = ${actor.committeeId} and meeting_id = ${id} and member_id = ${memberId} for update`,
  );
  if (!inv) throw notFound('meeting.invitee_not_found', '该委员不在参会名单中');
  if (!inv.leave_status) throw conflict('meeting.no_leave', '该委员没有请假申请');
  const to = b.approve ? 'approved' : 'refused';
  await tx.execute(sql`update meeting_invitees set leave_status = ${to}, leave_comment = ${b.comment?.trim() || null},
      leave_decided_by = ${actor.name}, leave_decided_at = now(), reply = ${b.approve ? 'leave' : 'pending'}
    where committee_id = ${actor.committeeId} and meeting_id = ${id} and member_id = ${memberId}`);
  await settleAttendance(tx, actor.committeeId, id, [memberId]);
  await notify(tx, {
    committeeId: actor.committeeId,
    accountIds: await accountsOfMembers(tx, actor.committeeId, [memberId]),
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
  if (m.status === 'cancelled') throw conflict('meeting.cancelled', '会议已取消');
  const duration = Math.round((new Date(m.endsAt).getTime() - new Date(m.startsAt).getTime()) / 60000);
  if (b.minutesPresent != null && b.minutesPresent > duration)
    throw badRequest('meeting.minutes', `「在场时长」不能超过会议时长 ${duration} 分钟`, 'minutesPresent');
  const inv = await queryOne<any>(
    tx,
    sql`select checked_in_at, checkin_method, minutes_present from meeting_invitees where committee_id = ${actor.committeeId} and meeting_id = ${id} and member_id = ${memberId} for update`,
  );
  if (!inv) throw notFound('meeting.invitee_not_found', '该委员不在参会名单中');
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
  if (m.status !== 'planned') throw conflict('meeting.not_open', '会议已结束或已取消，不能签到');
  const { token, expiresAt } = makeToken('m', actor.committeeId, id, m.secret);
  const url = `${origin}/checkin?token=${encodeURIComponent(token)}`;
  return { token, url, expiresAt, svg: await qrSvg(url), title: m.title };
}

/** A member checks in with the code scanned at the venue. */
export async function checkinWithToken(tx: Db, actor: Actor, token: string) {
  if (!actor.memberId) throw forbidden('checkin.member_only', '只有委员可以扫码签到');
  const p = parseToken(token);
  if (!p || p.committeeId !== actor.committeeId) throw checkinInvalid();
  if (p.target === 'a') {
    const { checkinActivityWithToken } = await import('../activities/service.ts');
    return checkinActivityWithToken(tx, actor, p);
  }
  const m = await queryOne<any>(
    tx,
    sql`select id, title, status, checkin_secret, starts_at, ends_at from meetings where committee_id = ${actor.committeeId} and id = ${p.id}`,
  );
  if (!m) throw checkinInvalid();
  assertValidToken(p, m.checkin_secret);
  if (m.status !== 'planned') throw conflict('meeting.not_open', '会议已结束或已取消，不能签到');
  await assertCheckinWindow(tx, actor.committeeId, m);
  const inv = await queryOne<any>(
    tx,
    sql`select checked_in_at from meeting_invitees where committee_id = ${actor.committeeId} and meeting_id = ${m.id} and member_id = ${actor.memberId} for update`,
  );
  if (!inv) throw checkinNotInvited('会议');
  if (!inv.checked_in_at) {
    await tx.execute(sql`update meeting_invitees set checked_in_at = now(), checkin_method = 'qr'
      where committee_id = ${actor.committeeId} and meeting_id = ${m.id} and member_id = ${actor.memberId}`);
    await settleAttendance(tx, actor.committeeId, m.id, [actor.memberId]);
    await writeAudit(tx, actor, {
      action: 'meeting.checkin',
      entity: 'meeting',
      entityId: m.id,
      after: { memberId: actor.memberId, method: 'qr' },
    });
  }
  const at = inv.checked_in_at ? iso(inv.checked_in_at)! : iso((await queryOne<any>(tx, sql`select now() as t`))!.t)!;
  return {
    target: 'meeting' as const,
    id: m.id,
    title: m.title,
    checkedInAt: at,
    already: !!inv.checked_in_at,
  };
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
  const status = sql`case when i.checked_in_at is not null and (i.minutes_present is null
      or i.minutes_present >= ${minRatio}::float8 * extract(epoch from (mt.ends_at - mt.starts_at)) / 60) then 'present'
    when i.checked_in_at is not null then 'partial'
    when i.leave_status = 'approved' then 'leave'
    when i.leave_status = 'pending' then 'leavePending'
    when mt.status = 'closed' then 'absent' else 'notArrived' end`;
  const base = sql`from meeting_invitees i join meetings mt on mt.committee_id = i.committee_id and mt.id = i.meeting_id
      join members mb on mb.committee_id = i.committee_id and mb.id = i.member_id
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
  const rows = await query<any>(
    db,
    sql`select i.member_id, mb.name, mb.code, s.name as sector, mb.standing_member, i.reply, i.leave_reason, i.leave_status, i.leave_comment,
        i.checked_in_at, i.checkin_method, i.minutes_present, ${status} as status
      ${base} and ${filter} order by mb.code nulls last, mb.id limit ${limit} offset ${offset}`,
  );
  const total = await queryOne<{ n: number }>(db, sql`select count(*)::int as n ${base} and ${filter}`);
  const byStatus = await query<{ status: string; n: number }>(
    db,
    sql`select ${status} as status, count(*)::int as n ${base} group by 1`,
  );
  return {
    total: total!.n,
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

export const SPEECH_STATUS: Record<string, string> = {
  submitted: '已提交',
  selected: '已选用',
  notSelected: '未选用',
  delivered: '已发言',
  withdrawn: '已撤回',
};

export async function listSpeeches(
  db: Db,
  actor: Actor,
  q: { meetingId?: number; status?: string; mode?: string; mine?: boolean },
  limit: number,
  offset: number,
) {
  const c = actor.committeeId;
  const own = !seesAll(actor) || q.mine;
  const where = sql.join(
    [
      sql`s.committee_id = ${c}`,
      own ? sql`s.member_id = ${actor.memberId ?? 0}` : null,
      q.meetingId ? sql`s.meeting_id = ${q.meetingId}` : null,
      q.status ? sql`s.status = ${q.status}` : null,
      q.mode ? sql`s.mode = ${q.mode}` : null,
    ].filter((x) => x !== null),
    sql` and `,
  );
  const rows = await query<any>(
    db,
    sql`select s.id, s.meeting_id, mt.title as meeting_title, s.member_id, mb.name as member_name, s.mode, s.title, s.body, s.status,
        s.decision_comment, s.submitted_at, s.decided_at
      from speeches s join members mb on mb.committee_id = s.committee_id and mb.id = s.member_id
        left join meetings mt on mt.committee_id = s.committee_id and mt.id = s.meeting_id
      where ${where} order by s.submitted_at desc, s.id desc limit ${limit} offset ${offset}`,
  );
  const total = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from speeches s where ${where}`);
  return {
    total: total!.n,
    items: rows.map((r) => ({
      id: r.id,
      meetingId: r.meeting_id,
      meetingTitle: r.meeting_title,
      memberId: r.member_id,
      memberName: r.member_name,
      mode: r.mode,
      title: r.title,
      body: r.body,
      status: r.status,
      statusLabel: SPEECH_STATUS[r.status],
      decisionComment: r.decision_comment,
      submittedAt: iso(r.submitted_at)!,
      decidedAt: iso(r.decided_at),
    })),
  };
}

export async function submitSpeech(
  tx: Db,
  actor: Actor,
  b: { meetingId?: number | null; mode: 'oral' | 'written'; title: string; body: string; fileIds?: number[] },
) {
  if (!actor.memberId) throw forbidden('speech.member_only', '只有委员可以提交发言');
  if (!b.title.trim()) throw badRequest('speech.title', '「发言题目」不能为空', 'title');
  if (!b.body.trim()) throw badRequest('speech.body', '「发言内容」不能为空', 'body');
  if (b.meetingId) {
    const ok = await queryOne(
      tx,
      sql`select 1 from meetings where committee_id = ${actor.committeeId} and id = ${b.meetingId} and status <> 'cancelled'`,
    );
    if (!ok) throw badRequest('speech.meeting', '所选会议不存在', 'meetingId');
  }
  const [row] = await query<{ id: number }>(
    tx,
    sql`insert into speeches (committee_id, meeting_id, member_id, mode, title, body)
      values (${actor.committeeId}, ${b.meetingId ?? null}, ${actor.memberId}, ${b.mode}, ${b.title.trim()}, ${b.body}) returning id`,
  );
  await attachFiles(tx, actor, b.fileIds ?? [], 'speech', row.id);
  await recordDutyFact(tx, {
    committeeId: actor.committeeId,
    memberId: actor.memberId,
    kind: 'speech.submitted',
    sourceType: 'speech',
    sourceId: row.id,
    occurredOn: clockNow(),
    detail: { mode: b.mode, title: b.title.trim() },
  });
  await writeAudit(tx, actor, { action: 'speech.submit', entity: 'speech', entityId: row.id, after: b });
  return { id: row.id };
}

async function loadSpeech(tx: Db, actor: Actor, id: number) {
  const s = await queryOne<any>(
    tx,
    sql`select id, member_id, mode, title, status from speeches where committee_id = ${actor.committeeId} and id = ${id} for update`,
  );
  if (!s || (!seesAll(actor) && s.member_id !== actor.memberId)) throw notFound('speech.not_found', '发言不存在');
  return s;
}

export async function withdrawSpeech(tx: Db, actor: Actor, id: number) {
  const s = await loadSpeech(tx, actor, id);
  if (s.member_id !== actor.memberId) throw forbidden('speech.not_owner', '只能撤回自己的发言');
  if (s.status !== 'submitted') throw conflict('speech.bad_status', '发言已处理，不能撤回');
  await tx.execute(
    sql`update speeches set status = 'withdrawn', decided_at = now() where committee_id = ${actor.committeeId} and id = ${id}`,
  );
  await revokeDutyFacts(tx, actor.committeeId, { sourceType: 'speech', sourceId: id });
  await writeAudit(tx, actor, {
    action: 'speech.withdraw',
    entity: 'speech',
    entityId: id,
    before: { status: s.status },
    after: { status: 'withdrawn' },
  });
}

const SPEECH_MOVES: Record<string, { from: string[]; to: string; label: string }> = {
  select: { from: ['submitted', 'notSelected'], to: 'selected', label: '选用' },
  reject: { from: ['submitted', 'selected'], to: 'notSelected', label: '不选用' },
  deliver: { from: ['selected'], to: 'delivered', label: '确认已发言' },
  undeliver: { from: ['delivered'], to: 'selected', label: '撤销发言确认' },
};

export async function decideSpeech(
  tx: Db,
  actor: Actor,
  id: number,
  b: { action: 'select' | 'reject' | 'deliver' | 'undeliver'; comment?: string },
) {
  const s = await loadSpeech(tx, actor, id);
  const move = SPEECH_MOVES[b.action];
  if (!move.from.includes(s.status))
    throw conflict('speech.bad_status', `发言当前为「${SPEECH_STATUS[s.status]}」，不能${move.label}`);
  await tx.execute(sql`update speeches set status = ${move.to}, decision_comment = ${b.comment?.trim() || null}, decided_at = now()
    where committee_id = ${actor.committeeId} and id = ${id}`);
  if (b.action === 'select' || b.action === 'deliver') {
    await recordDutyFact(tx, {
      committeeId: actor.committeeId,
      memberId: s.member_id,
      kind: b.action === 'select' ? 'speech.selected' : 'speech.delivered',
      sourceType: 'speech',
      sourceId: id,
      occurredOn: clockNow(),
      detail: { mode: s.mode, title: s.title },
    });
  } else {
    const kind = b.action === 'reject' ? 'speech.selected' : 'speech.delivered';
    await revokeDutyFacts(tx, actor.committeeId, { sourceType: 'speech', sourceId: id, kinds: [kind] });
  }
  await notify(tx, {
    committeeId: actor.committeeId,
    accountIds: await accountsOfMembers(tx, actor.committeeId, [s.member_id]),
    kind: 'speech.decision',
    title: `您的发言「${s.title}」：${SPEECH_STATUS[move.to]}`,
    body: b.comment?.trim() || undefined,
    link: '/speeches',
  });
  await writeAudit(tx, actor, {
    action: `speech.${b.action}`,
    entity: 'speech',
    entityId: id,
    before: { status: s.status },
    after: { status: move.to, comment: b.comment ?? null },
  });
}
