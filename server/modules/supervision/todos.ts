// 随手拍待办: staff — new items to triage, overdue and disputed ones; a unit — items to answer (and overdue); a member —
// answers waiting for their confirmation.
import { sql } from 'drizzle-orm';
import { can } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';
import { clockNow } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/client.ts';
import { type Todo, todoGroups } from '../../platform/todos.ts';

export async function supervisionTodos(db: Db, actor: Actor): Promise<Todo[]> {
  const c = actor.committeeId;
  const now = clockNow().toISOString();
  return todoGroups(db, [
    {
      when: can(actor.roles, 'supervision.manage'),
      query: sql`select count(*) filter (where state = 'filed')::int as "snapshotsFiled",
            count(*) filter (where state = 'dispatched' and due_at < ${now})::int as "snapshotsOverdue",
            count(*) filter (where state = 'disputed')::int as "snapshotsDisputed"
          from snapshot_reports where committee_id = ${c}`,
      entries: [
        ['snapshotsFiled', '待审核的随手拍', '/supervision?state=filed'],
        ['snapshotsOverdue', '超期未答复的随手拍', '/supervision?overdue=true'],
        ['snapshotsDisputed', '委员有异议的随手拍', '/supervision?disputed=true'],
      ],
    },
    {
      when: actor.unitId && can(actor.roles, 'supervision.handle'),
      query: sql`select count(*) filter (where state in ('dispatched', 'disputed'))::int as "snapshotsToAnswer",
            count(*) filter (where state = 'dispatched' and due_at < ${now})::int as "snapshotsUnitOverdue"
          from snapshot_reports where committee_id = ${c} and unit_id = ${actor.unitId}`,
      entries: [
        ['snapshotsToAnswer', '待答复的随手拍', '/supervision/unit'],
        ['snapshotsUnitOverdue', '超期未答复的随手拍', '/supervision/unit'],
      ],
    },
    {
      when: actor.memberId,
      query: sql`select count(*)::int as "snapshotsToConfirm" from snapshot_reports
          where committee_id = ${c} and member_id = ${actor.memberId} and state = 'answered'`,
      entries: [['snapshotsToConfirm', '待确认答复的随手拍', '/supervision/mine']],
    },
  ]);
}
