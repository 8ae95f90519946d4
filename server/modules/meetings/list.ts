// Meeting lists and the detail: members see the meetings they are invited to, staff all; the detail carries the
// reader's own reply and what staff need (invitee counts, files).
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { iso } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { countOf } from '../../platform/db/count.ts';
import { listFiles } from '../../platform/files/files.ts';
import { matchSearch } from '../../platform/search/search.ts';
import { isOrganiser, seesAll } from './policy.ts';
import { type InviteeReplyRow, loadMeeting, MEETING_KINDS } from './service.ts';

/** The list filters of meetings, and of activities (ActivityQuery). */
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

/** The list filters meetings (alias m) and activities (alias a) share: kind, status, words, a Beijing date range. */
export function eventFilters(t: SQL, q: { kind?: string; status?: string; q?: string; from?: string; to?: string }) {
  return [
    q.kind ? sql`${t}.kind = ${q.kind}` : null,
    q.status ? sql`${t}.status = ${q.status}` : null,
    matchSearch(sql`${t}.search`, q.q),
    q.from ? sql`${t}.starts_at >= (${q.from}::date)::timestamp at time zone 'Asia/Shanghai'` : null,
    q.to ? sql`${t}.starts_at < (${q.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'` : null,
  ];
}

/** The list condition of meetings (alias `m`) or activities (alias `a`): the actor's committee, the shared filters
 *  (eventFilters) and `whose` — the reader's own rows only, or null for all. */
export function eventListWhere(alias: 'a' | 'm', actor: Actor, q: MeetingQuery, whose: SQL | null): SQL {
  const t = sql.raw(alias);
  const conds = [sql`${t}.committee_id = ${actor.committeeId}`, ...eventFilters(t, q), whose].filter((x) => x !== null);
  return sql.join(conds, sql` and `);
}

/** The columns a meeting or an activity list row starts with (as selected, snake_case). */
export interface EventListRow {
  id: number;
  kind: string;
  title: string;
  starts_at: string | Date;
  ends_at: string | Date;
  place: string;
  status: string;
}

/** The head of a meeting or an activity, in its list and its detail: id, kind with its label (from `kindLabels`),
 *  title, start and end (ISO strings), place. */
export const eventHead = (
  e: { id: number; kind: string; title: string; startsAt: string | Date; endsAt: string | Date; place: string },
  kindLabels: Record<string, string>,
) => ({
  id: e.id,
  kind: e.kind,
  kindLabel: kindLabels[e.kind],
  title: e.title,
  startsAt: iso(e.startsAt)!,
  endsAt: iso(e.endsAt)!,
  place: e.place,
});

/** `eventHead` of a list row as selected (snake_case). */
export const eventListHead = (r: EventListRow, kindLabels: Record<string, string>) =>
  eventHead({ ...r, startsAt: r.starts_at, endsAt: r.ends_at }, kindLabels);

/** The list's condition on meetings `m` left-joined to the actor's invitation `i`: a member (or `mine`) sees only the
 *  meetings they are invited to. Snapshotted in server/sql/meetings/. */
export function meetingListWhere(actor: Actor, q: MeetingQuery): SQL {
  const mineOnly = !seesAll(actor) || q.mine;
  return eventListWhere('m', actor, q, mineOnly ? sql`i.member_id is not null` : null);
}

export async function listMeetings(db: Db, actor: Actor, q: MeetingQuery, limit: number, offset: number) {
  const where = meetingListWhere(actor, q);
  const join = sql`left join meeting_invitees i on i.committee_id = m.committee_id and i.meeting_id = m.id and i.member_id = ${actor.memberId ?? 0}`;
  const items = await query<
    EventListRow & {
      invited: number;
      checked_in: number;
      leave_pending: number;
      my_reply: string | null;
      my_leave_status: string | null;
      my_checked_in_at: string | Date | null;
    }
  >(
    db,
    sql`select m.id, m.kind, m.title, m.starts_at, m.ends_at, m.place, m.status,
        (select count(*)::int from meeting_invitees x where x.committee_id = m.committee_id and x.meeting_id = m.id) as invited,
        (select count(*)::int from meeting_invitees x where x.committee_id = m.committee_id and x.meeting_id = m.id and x.checked_in_at is not null) as checked_in,
        (select count(*)::int from meeting_invitees x where x.committee_id = m.committee_id and x.meeting_id = m.id and x.leave_status = 'pending') as leave_pending,
        i.reply as my_reply, i.leave_status as my_leave_status, i.checked_in_at as my_checked_in_at
      from meetings m ${join} where ${where} order by m.starts_at desc, m.id desc limit ${limit} offset ${offset}`,
  );
  return {
    total: await countOf(db, sql`select count(*)::int as n from meetings m ${join} where ${where}`),
    items: items.map((m) => ({
      ...eventListHead(m, MEETING_KINDS),
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
  const counts = await queryOne<{
    invited: number;
    checked_in: number;
    on_leave: number;
    leave_pending: number;
    will_attend: number;
  }>(
    db,
    sql`select count(*)::int as invited, count(*) filter (where checked_in_at is not null)::int as checked_in,
        count(*) filter (where leave_status = 'approved')::int as on_leave, count(*) filter (where leave_status = 'pending')::int as leave_pending,
        count(*) filter (where reply = 'attend')::int as will_attend
      from meeting_invitees where committee_id = ${c} and meeting_id = ${id}`,
  );
  const mine = actor.memberId
    ? await queryOne<InviteeReplyRow>(
        db,
        sql`select reply, leave_reason, leave_status, leave_comment, checked_in_at, checkin_method, minutes_present
          from meeting_invitees where committee_id = ${c} and meeting_id = ${id} and member_id = ${actor.memberId}`,
      )
    : null;
  const files = await listFiles(db, c, 'meeting', id);
  return {
    ...eventHead(m, MEETING_KINDS),
    halfDays: m.halfDays,
    agenda: m.agenda,
    status: m.status,
    specialCommitteeId: m.specialCommitteeId,
    sectorId: m.sectorId,
    counts: {
      invited: counts!.invited,
      checkedIn: counts!.checked_in,
      onLeave: counts!.on_leave,
      leavePending: counts!.leave_pending,
      willAttend: counts!.will_attend,
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
    canManage: isOrganiser(actor),
  };
}

/** Files attached to a meeting: staff of the committee see them all; a member those of meetings they are invited to
 *  (platform/files asks this before serving a file). */
export async function mayReadMeetingFiles(db: Db, actor: Actor, id: number): Promise<boolean> {
  if (seesAll(actor))
    return !!(await queryOne(db, sql`select 1 from meetings where committee_id = ${actor.committeeId} and id = ${id}`));
  return !!(await queryOne(
    db,
    sql`select 1 from meeting_invitees where committee_id = ${actor.committeeId} and meeting_id = ${id} and member_id = ${actor.memberId ?? 0}`,
  ));
}
