// A meeting's life as a process on the workflow engine: 未结束 → 结束 (absent invitees become absences) or 取消
// (every duty fact of the meeting revoked, invitees told); a closed meeting can be reopened. The engine checks state and
// role, writes the timeline and the audit row (`meeting.close` …), and the same table gives the generated
// docs/processes/meeting.md.

import { sql } from 'drizzle-orm';
import type { Role } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';
import { type Db, query } from '../../platform/db/client.ts';
import { defineProcess, fireTransition, type Process, type WorkflowItem } from '../../platform/workflow/engine.ts';
import { ORGANISERS } from './policy.ts';
import { loadMeeting, type MeetingRow, notifyMembers, settleAttendance } from './service.ts';

type MeetingItem = MeetingRow & { state: string };

async function tellInviteesOfCancel(tx: Db, actor: Actor, m: MeetingItem) {
  const rows = await query<{ member_id: number }>(
    tx,
    sql`select member_id from meeting_invitees where committee_id = ${actor.committeeId} and meeting_id = ${m.id}`,
  );
  const invitees = rows.map((x) => x.member_id);
  await notifyMembers(tx, actor.committeeId, invitees, {
    kind: 'meeting.cancel',
    title: `会议取消：${m.title}`,
    link: `/meetings/${m.id}`,
  });
}

export const meetingProcess = defineProcess<MeetingItem>(
  eventLifecycle<MeetingItem>({
    name: 'meeting',
    noun: '会议',
    organisers: ORGANISERS,
    open: ['planned', '未结束'],
    onCancel: (tx, actor, m) => tellInviteesOfCancel(tx, actor, m),
    // The facts follow the new status: closing records absences, cancelling revokes all, reopening recomputes.
    afterStatus: (tx, actor, m) => settleAttendance(tx, actor.committeeId, m.id),
  }),
);

/**
 * The life a meeting and an activity share, as a process table: the `open` state (key and label) → 已结束 by
 * 「结束<noun>」 or 已取消 by 「取消<noun>」 (running `onCancel`); a closed one is reopened (「重新开放」); `organisers`
 * only. The status is written to the module's table, then `afterStatus` runs.
 * Usage: `defineProcess(eventLifecycle({ name: 'activity', noun: '活动', organisers, open: ['open', '进行中'], … }))`.
 */
export function eventLifecycle<I extends WorkflowItem & { id: number }>(o: {
  name: 'meeting' | 'activity';
  noun: string;
  /** Who may close, cancel and reopen (the module's policy). */
  organisers: readonly Role[];
  open: [state: string, label: string];
  onCancel: (tx: Db, actor: Actor, item: I) => Promise<void>;
  /** Runs once the row's new status is written (meetings settle their attendance facts). */
  afterStatus?: (tx: Db, actor: Actor, item: I) => Promise<void>;
}): Process<I> {
  // The table holding the status: a fixed name of the two, never input.
  const table = sql.raw(o.name === 'meeting' ? 'meetings' : 'activities');
  const [open, openLabel] = o.open;
  return {
    name: o.name,
    entity: o.name,
    states: { [open]: openLabel, closed: '已结束', cancelled: '已取消' },
    transitions: [
      { action: 'close', label: `结束${o.noun}`, from: [open], to: 'closed', roles: o.organisers },
      {
        action: 'cancel',
        label: `取消${o.noun}`,
        from: [open],
        to: 'cancelled',
        roles: o.organisers,
        effect: (tx, actor, item) => o.onCancel(tx, actor, item),
      },
      { action: 'reopen', label: '重新开放', from: ['closed'], to: open, roles: o.organisers },
    ],
    async setState(tx, actor, item, to) {
      await tx.execute(
        sql`update ${table} set status = ${to}, updated_at = now() where committee_id = ${actor.committeeId} and id = ${item.id}`,
      );
      await o.afterStatus?.(tx, actor, item);
    },
  };
}

/** A function that moves a meeting or an activity to a target state through its process: it loads the row locked
 *  (`load`, which throws its module's 404) and fires the action `actions` names for the target (the routes and the
 *  modules that hold meetings speak in target states). */
export function statusSetter<R extends { id: number; status: string }, To extends string>(
  process: Process<R & { state: string }>,
  load: (tx: Db, actor: Actor, id: number, forUpdate: boolean) => Promise<R>,
  actions: Record<To, string>,
) {
  return async (tx: Db, actor: Actor, id: number, to: To): Promise<void> => {
    const row = await load(tx, actor, id, true);
    await fireTransition(tx, process, actor, { ...row, state: row.status }, { action: actions[to] });
  };
}

/**
 * Closes, cancels or reopens a meeting through its process. Errors: 404 meeting.not_found, 409 workflow.bad_state
 * (「当前状态为「已结束」，不能执行「取消会议」」), 403 workflow.forbidden.
 */
export const setMeetingStatus = statusSetter(meetingProcess, loadMeeting, {
  closed: 'close',
  cancelled: 'cancel',
  planned: 'reopen',
});
