// A consultation event's procedure as data: preparation → notice (a linked meeting carries invitations, leave and
// check-in) → held → minutes → done, or cancelled; the notice, materials and minutes deadlines (working days) are the
// engine's deadline jobs, and holding the event credits participation as duty facts.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { beijingDateOf, iso } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { badRequest } from '../../platform/errors.ts';
import { accountsWithRoles, notify } from '../../platform/notifications/notifications.ts';
import { defineProcess, type WorkflowItem } from '../../platform/workflow/engine.ts';
import { recordDutyFact } from '../duty/facts.ts';
import { setMeetingStatus } from '../meetings/process.ts';
import { createMeeting, meetingCheckIns } from '../meetings/service.ts';
import { deadlineOf, minutesDueAfter } from './event-deadlines.ts';
import { OFFICE } from './policy.ts';

export const EVENT_STATES: Record<string, string> = {
  preparation: '筹备中',
  noticed: '已发通知',
  held: '已举行',
  minuted: '纪要已形成',
  done: '已完成',
  cancelled: '已取消',
};

/** The meetings module's kind a consultation event's meeting is filed under. */
const MEETING_KIND: Record<string, string> = { plenary: 'plenary', standingThematic: 'standing', sector: 'sector' };

export interface EventItem extends WorkflowItem {
  committeeId: number;
  kind: string;
  title: string;
  startsAt: string | null;
  endsAt: string | null;
  place: string;
  specialCommitteeId: number | null;
  meetingId: number | null;
  memberIds: number[];
  guests: number;
}

/** A timestamp as read (raw text) in ISO 8601 UTC, or null. */

export async function loadEventItem(tx: Db, committeeId: number, id: number, lock = false): Promise<EventItem | null> {
  const e = await queryOne<Omit<EventItem, 'memberIds' | 'guests'>>(
    tx,
    sql`select id, state, committee_id as "committeeId", kind, title, starts_at as "startsAt", ends_at as "endsAt", place,
        special_committee_id as "specialCommitteeId", meeting_id as "meetingId" from consultation_events
      where committee_id = ${committeeId} and id = ${id} ${lock ? sql`for update` : sql``}`,
  );
  if (!e) return null;
  const ps = await query<{ member_id: number | null }>(
    tx,
    sql`select member_id from consultation_participants where committee_id = ${committeeId} and event_id = ${id} order by id`,
  );
  return {
    ...e,
    startsAt: iso(e.startsAt),
    endsAt: iso(e.endsAt),
    memberIds: ps.filter((p) => p.member_id != null).map((p) => p.member_id as number),
    guests: ps.filter((p) => p.member_id == null).length,
  };
}

async function sendNotice(tx: Db, actor: Actor, item: EventItem) {
  if (!item.startsAt || !item.endsAt) throw badRequest('consultation.time', '请先确定会议时间', 'startsAt');
  if (item.memberIds.length && !item.meetingId) {
    const { id } = await createMeeting(tx, actor, {
      kind: MEETING_KIND[item.kind] ?? 'specialCommittee',
      title: item.title,
      startsAt: item.startsAt,
      endsAt: item.endsAt,
      place: item.place,
      specialCommitteeId: item.specialCommitteeId,
      invite: { rule: 'members', memberIds: item.memberIds },
    });
    await tx.execute(
      sql`update consultation_events set meeting_id = ${id} where committee_id = ${item.committeeId} and id = ${item.id}`,
    );
  }
}

/** Participation: the members checked in at the linked meeting, or, without one, the members the office listed. */
async function holdEvent(tx: Db, actor: Actor, item: EventItem) {
  let present = item.memberIds;
  if (item.meetingId) {
    const m = await meetingCheckIns(tx, item.committeeId, item.meetingId);
    present = m.memberIds;
    if (m.status === 'planned') await setMeetingStatus(tx, actor, item.meetingId, 'closed');
  }
  const day = await queryOne<{ day: string }>(
    tx,
    sql`update consultation_events set held_on = coalesce((starts_at at time zone 'Asia/Shanghai')::date, (now() at time zone 'Asia/Shanghai')::date)
      where committee_id = ${item.committeeId} and id = ${item.id} returning held_on::text as day`,
  );
  const due = await minutesDueAfter(tx, item.committeeId, day!.day);
  await tx.execute(
    sql`update consultation_events set minutes_due = ${due} where committee_id = ${item.committeeId} and id = ${item.id}`,
  );
  for (const memberId of present)
    await recordDutyFact(tx, {
      committeeId: item.committeeId,
      memberId,
      kind: 'consultation.participated',
      sourceType: 'consultation_event',
      sourceId: item.id,
      occurredOn: day!.day,
      detail: { kind: item.kind, title: item.title },
    });
}

async function cancelEvent(tx: Db, actor: Actor, item: EventItem) {
  if (!item.meetingId) return;
  const m = await meetingCheckIns(tx, item.committeeId, item.meetingId);
  if (m.status === 'planned') await setMeetingStatus(tx, actor, item.meetingId, 'cancelled');
}

const hasParticipants = (_a: Actor, item: EventItem) =>
  item.memberIds.length + item.guests > 0 ? null : '请先确定参加人员';

export const eventProcess = defineProcess<EventItem>({
  name: 'consultationEvent',
  entity: 'consultation_event',
  states: { none: '新建', ...EVENT_STATES },
  transitions: [
    {
      action: 'create',
      label: '开始筹备',
      from: ['none'],
      to: 'preparation',
      roles: OFFICE,
      deadline: (tx, _a, item) => deadlineOf(tx, item, 'notice'),
    },
    {
      action: 'sendNotice',
      label: '发出通知',
      from: ['preparation'],
      to: 'noticed',
      roles: OFFICE,
      guard: hasParticipants,
      effect: (tx, actor, item) => sendNotice(tx, actor, item),
      deadline: (tx, _a, item) => deadlineOf(tx, item, 'materials'),
    },
    {
      action: 'hold',
      label: '会议已举行',
      from: ['noticed'],
      to: 'held',
      roles: OFFICE,
      effect: (tx, actor, item) => holdEvent(tx, actor, item),
      deadline: (tx, _a, item) => deadlineOf(tx, item, 'minutes'),
    },
    {
      action: 'recordMinutes',
      label: '形成纪要',
      from: ['held'],
      to: 'minuted',
      roles: OFFICE,
      effect: async (tx, _a, item, data: { minutes?: string; agreedPoints?: string }) => {
        if (!data.minutes?.trim()) throw badRequest('consultation.minutes', '「纪要」不能为空', 'minutes');
        await tx.execute(sql`update consultation_events set minutes = ${data.minutes.trim()},
          agreed_points = ${data.agreedPoints?.trim() || null}
          where committee_id = ${item.committeeId} and id = ${item.id}`);
      },
    },
    { action: 'complete', label: '办结', from: ['minuted'], to: 'done', roles: OFFICE },
    {
      action: 'cancel',
      label: '取消',
      from: ['preparation', 'noticed'],
      to: 'cancelled',
      roles: OFFICE,
      commentRequired: true,
      effect: (tx, actor, item) => cancelEvent(tx, actor, item),
    },
  ],
  setState: async (tx, _actor, item, to) => {
    await tx.execute(sql`update consultation_events set state = ${to}, updated_at = now()
      where committee_id = ${item.committeeId} and id = ${item.id}`);
  },
  load: (tx, committeeId, id) => loadEventItem(tx, committeeId, id),
  onDeadline: async (tx, committeeId, id, kind, dueAt) => {
    const item = await loadEventItem(tx, committeeId, id);
    if (!item) return;
    const due = beijingDateOf(dueAt);
    const what = { preparation: '发出通知', noticed: '送达会议材料', held: '形成纪要' }[item.state] ?? '办理';
    await notify(tx, {
      committeeId,
      accountIds: await accountsWithRoles(tx, committeeId, OFFICE),
      kind: 'consultation.deadline',
      title: kind === 'remind' ? `请于 ${due} 前${what}：${item.title}` : `已超过${what}期限（${due}）：${item.title}`,
      link: `/consultations/events/${id}`,
    });
  },
});
