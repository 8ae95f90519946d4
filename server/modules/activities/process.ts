// An activity's life as a process on the workflow engine: 进行中 → 结束 or 取消 (the duty facts of its check-ins and
// confirmed outputs revoked); a closed activity can be reopened. The engine checks state and role, writes the timeline
// and the audit row (`activity.close` …), and the same table gives the generated docs/processes/activity.md.

import { sql } from 'drizzle-orm';
import { type Db, query } from '../../platform/db/client.ts';
import { defineProcess } from '../../platform/workflow/engine.ts';
import { revokeDutyFacts } from '../duty/facts.ts';
import { statusSetter } from '../meetings/process.ts';
import { ORGANISERS } from './policy.ts';
import { type ActivityRow, loadActivity } from './service.ts';

type ActivityItem = ActivityRow & { state: string };

/** A cancelled activity counts for nobody: its check-ins and its confirmed outputs lose their facts. */
async function revokeFactsOf(tx: Db, committeeId: number, id: number) {
  await revokeDutyFacts(tx, committeeId, { sourceType: 'activity', sourceId: id });
  const outputs = await query<{ id: number }>(
    tx,
    sql`select id from activity_outputs where committee_id = ${committeeId} and activity_id = ${id}`,
  );
  for (const o of outputs) await revokeDutyFacts(tx, committeeId, { sourceType: 'activityOutput', sourceId: o.id });
}

export const activityProcess = defineProcess<ActivityItem>({
  name: 'activity',
  entity: 'activity',
  states: { open: '进行中', closed: '已结束', cancelled: '已取消' },
  transitions: [
    { action: 'close', label: '结束活动', from: ['open'], to: 'closed', roles: ORGANISERS },
    {
      action: 'cancel',
      label: '取消活动',
      from: ['open'],
      to: 'cancelled',
      roles: ORGANISERS,
      effect: (tx, actor, a) => revokeFactsOf(tx, actor.committeeId, a.id),
    },
    { action: 'reopen', label: '重新开放', from: ['closed'], to: 'open', roles: ORGANISERS },
  ],
  async setState(tx, actor, a, to) {
    await tx.execute(
      sql`update activities set status = ${to}, updated_at = now() where committee_id = ${actor.committeeId} and id = ${a.id}`,
    );
  },
});

/**
 * Closes, cancels or reopens an activity through its process. Errors: 404 activity.not_found, 409 workflow.bad_state,
 * 403 workflow.forbidden.
 */
export const setActivityStatus = statusSetter(activityProcess, loadActivity, {
  closed: 'close',
  cancelled: 'cancel',
  open: 'reopen',
});
