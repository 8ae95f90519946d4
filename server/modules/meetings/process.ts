// A meeting's life as a process on the workflow engine: 未结束 → 结束 (absent invitees become absences) or 取消
// (every duty fact of the meeting revoked, invitees told); a closed meeting can be reopened. The engine checks state and
// role, writes the timeline and the audit row (`meeting.close` …), and the same table gives the generated
// docs/processes/meeting.md.

import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { type Db, query } from '../../platform/db/client.ts';
import { defineProcess, fireTransition, type Process } from '../../platform/workflow/engine.ts';
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

export const meetingProcess = defineProcess<MeetingItem>({
  name: 'meeting',
  entity: 'meeting',
  states: { planned: '未结束', closed: '已结束', cancelled: '已取消' },
  transitions: [
    { action: 'close', label: '结束会议', from: ['planned'], to: 'closed', roles: ORGANISERS },
    {
      action: 'cancel',
      label: '取消会议',
      from: ['planned'],
      to: 'cancelled',
      roles: ORGANISERS,
      effect: (tx, actor, m) => tellInviteesOfCancel(tx, actor, m),
    },
    { action: 'reopen', label: '重新开放', from: ['closed'], to: 'planned', roles: ORGANISERS },
  ],
  // The facts follow the new status: closing records absences, cancelling revokes all, reopening recomputes.
  async setState(tx, actor, m, to) {
    await tx.execute(
      sql`update meetings set status = ${to}, updated_at = now() where committee_id = ${actor.committeeId} and id = ${m.id}`,
    );
    await settleAttendance(tx, actor.committeeId, m.id);
  },
});

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
