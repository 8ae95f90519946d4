// Meetings: create, invite by rule, replies and leave requests, check-in (QR or staff) with partial attendance, close,
// cancel; speeches. Attendance turns into duty facts (meeting.present / leave / absent) in the same transaction, and
// every change re-derives a member's fact from the attendance row, so an undone check-in or a refused leave corrects it.

import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { beijingYearOf, clockNow, formatBeijingDateTime, iso } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { chinaDateTime } from '../../platform/download.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { attachFiles } from '../../platform/files/files.ts';
import { type NewNotification, notify } from '../../platform/notifications/notifications.ts';
import { toSearchVector } from '../../platform/search/search.ts';
import { getSetting } from '../../platform/settings/settings.ts';
import { revokeDutyFacts, settleSourceFacts } from '../duty/facts.ts';
import { foundMemberIds, memberDirectory } from '../org/members-directory.ts';
import { newSecret } from './checkin.ts';
import { inviteeNotFound, meetingCancelled, meetingNotFound } from './errors.ts';
import { seesAll } from './policy.ts';

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
    const found = await foundMemberIds(tx, c, ids, { activeOnly: true });
    if (found.length !== ids.length) throw badRequest('meeting.invite', '所选委员不存在或已不在任', 'invite.memberIds');
    return found;
  }
  const rows = await query<{ id: number }>(
    tx,
    sql`select m.id from ${memberDirectory} m join terms t on t.committee_id = m.committee_id and t.id = m.term_id
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

/** Tells members (by member id) something through their enabled accounts: one notification each, sent when the
 *  transaction commits; members without an account are passed over. */
export async function notifyMembers(
  tx: Db,
  committeeId: number,
  memberIds: number[],
  message: Omit<NewNotification, 'committeeId' | 'accountIds'>,
): Promise<void> {
  await notify(tx, { committeeId, accountIds: await accountsOfMembers(tx, committeeId, memberIds), ...message });
}

/** An invitee's reply, leave and check-in columns of meeting_invitees (as selected, snake_case). */
export interface InviteeReplyRow {
  reply: string;
  leave_reason: string | null;
  leave_status: string | null;
  leave_comment: string | null;
  checked_in_at: string | Date | null;
  checkin_method: string | null;
  minutes_present: number | null;
}

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
  if (!m) throw meetingNotFound();
  if (!seesAll(actor)) {
    const inv = await queryOne(
      db,
      sql`select 1 from meeting_invitees where committee_id = ${actor.committeeId} and meeting_id = ${id} and member_id = ${actor.memberId ?? 0}`,
    );
    if (!inv) throw meetingNotFound();
  }
  return m;
}

/**
 * Whether invitee `i` of meeting `m` (SQL aliases) was present long enough: checked in, and either no minutes recorded
 * or at least minRatio × the meeting's length in whole minutes (rounded, as the attendance sheet shows it and
 * markAttendance checks it), so a length stored a millisecond over 180 minutes is 180. One rule for facts and sheet.
 */
export const presentEnoughSql = (minRatio: number, i: string, m: string) =>
  sql`${sql.raw(i)}.checked_in_at is not null and (${sql.raw(i)}.minutes_present is null
    or ${sql.raw(i)}.minutes_present >= ${minRatio}::float8 * round(extract(epoch from (${sql.raw(m)}.ends_at - ${sql.raw(m)}.starts_at)) / 60))`;

/** Settles again every meeting of the committee's (Beijing) year that is not cancelled, e.g. under a new ratio. */
export async function settleYearAttendance(tx: Db, committeeId: number, year: number) {
  const meetings = await query<{ id: number }>(
    tx,
    sql`select id from meetings where committee_id = ${committeeId} and status <> 'cancelled'
      and extract(year from (starts_at at time zone 'Asia/Shanghai'))::int = ${year}`,
  );
  for (const m of meetings) await settleAttendance(tx, committeeId, m.id);
}

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
        when ${presentEnoughSql(minRatio, 'i', 'm')} then 'meeting.present'
        when i.checked_in_at is not null then 'meeting.absent'
        when i.leave_status = 'approved' then 'meeting.leave'
        when m.status = 'closed' then 'meeting.absent'
        else null end as want,
      jsonb_build_object('meetingKind', m.kind, 'title', m.title, 'halfDays', m.half_days, 'meetingId', m.id)
        || case when i.minutes_present is not null then jsonb_build_object('minutesPresent', i.minutes_present) else '{}'::jsonb end as detail,
      (m.starts_at at time zone 'Asia/Shanghai')::date as day
    from meeting_invitees i join meetings m on m.committee_id = i.committee_id and m.id = i.meeting_id
    where i.committee_id = ${committeeId} and i.meeting_id = ${meetingId} ${only}`;
  await settleSourceFacts(tx, committeeId, { sourceType: 'meeting', sourceId: meetingId, memberIds }, desired);
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
  return finishEventCreate(tx, actor, 'meeting', row.id, b, memberIds.length);
}

/**
 * The end of creating a meeting or an activity (`entity`, its new row `id`, `invited` members asked): links the files
 * the input names (the creator's own uploads), writes the audit row `<entity>.create` with the input and the number
 * invited, and answers `{ id, invited }`. Usage: `return finishEventCreate(tx, actor, 'activity', row.id, b, n);`
 */
export async function finishEventCreate(
  tx: Db,
  actor: Actor,
  entity: 'meeting' | 'activity',
  id: number,
  b: { fileIds?: number[] },
  invited: number,
) {
  await attachFiles(tx, actor, b.fileIds ?? [], entity, id);
  await writeAudit(tx, actor, { action: `${entity}.create`, entity, entityId: id, after: { ...b, invited } });
  return { id, invited };
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
  const addedIds = added.map((a) => a.member_id);
  const when = chinaDateTime(startsAt);
  await notifyMembers(tx, actor.committeeId, addedIds, {
    kind: 'meeting.invite',
    title: `会议通知：${title}`,
    body: `请于 ${when} 参加会议；如不能参加，请在平台上请假并说明理由。`,
    link: `/meetings/${meetingId}`,
  });
  return addedIds;
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
  await revokeDutyFacts(tx, actor.committeeId, { sourceType: 'meeting', sourceId: id });
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
  if (m.status === 'cancelled') throw meetingCancelled();
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
  if (!gone.length) throw inviteeNotFound();
  await revokeDutyFacts(tx, actor.committeeId, { sourceType: 'meeting', sourceId: id, memberId });
  await writeAudit(tx, actor, { action: 'meeting.uninvite', entity: 'meeting', entityId: id, before: { memberId } });
}
