// 履职待办: activity outputs and self-reports waiting for staff; a member's returned self-report.
import { sql } from 'drizzle-orm';
import { can } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { type Todo, todoGroups } from '../../platform/todos.ts';

export async function dutyTodos(db: Db, actor: Actor): Promise<Todo[]> {
  const c = actor.committeeId;
  return todoGroups(db, [
    {
      when: can(actor.roles, 'activity.manage'),
      query: sql`select count(*)::int as outputs from activity_outputs where committee_id = ${c} and status = 'submitted'`,
      entries: [['outputs', '待确认的履职活动成果', '/activities']],
    },
    {
      when: can(actor.roles, 'duty.manage'),
      query: sql`select count(*)::int as reports from duty_reports where committee_id = ${c} and status = 'submitted'`,
      entries: [['reports', '待审阅的述职报告', '/duty/reports']],
    },
    {
      when: actor.memberId,
      query: sql`select count(*)::int as "reportReturned" from duty_reports
        where committee_id = ${c} and member_id = ${actor.memberId} and status = 'returned'`,
      entries: [['reportReturned', '退回修改的述职报告', '/duty/my-report']],
    },
  ]);
}
