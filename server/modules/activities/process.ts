// An activity's life as a process on the workflow engine: 进行中 → 结束 or 取消 (the duty facts of its check-ins and
// confirmed outputs revoked); a closed activity can be reopened. The engine checks state and role, writes the timeline
// and the audit row (`activity.close` …), and the same table gives the generated docs/processes/activity.md.

import { sql } from 'drizzle-orm';
import { type Db, query } from '../../platform/db/client.ts';
import { defineProcess } from '../../platform/workflow/engine.ts';
import { revokeDutyFacts } from '../duty/facts.ts';
import { eventLifecycle, statusSetter } from '../meetings/process.ts';
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

export const activityProcess = defineProcess<ActivityItem>(
  eventLifecycle<ActivityItem>({
    name: 'activity',
    noun: '活动',
    organisers: ORGANISERS,
    open: ['open', '进行中'],
    onCancel: (tx, actor, a) => revokeFactsOf(tx, actor.committeeId, a.id),
  }),
);

/**
 * Closes, cancels or reopens an activity through its process. Errors: 404 activity.not_found, 409 workflow.bad_state,
 * 403 workflow.forbidden.
 */
export const setActivityStatus = statusSetter(activityProcess, loadActivity, {
  closed: 'close',
  cancelled: 'cancel',
  open: 'reopen',
});
