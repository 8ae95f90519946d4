// 履职待办: activity outputs and self-reports waiting for staff; a member's returned self-report.
import { sql } from 'drizzle-orm';
import { can } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { countedTodos, type Todo } from '../../platform/todos.ts';

export async function dutyTodos(db: Db, actor: Actor): Promise<Todo[]> {
  const c = actor.committeeId;
  const out: Todo[] = [];
  if (can(actor.roles, 'activity.manage')) {
    out.push(
      ...(await countedTodos(
        db,
        sql`select count(*)::int as outputs from activity_outputs where committee_id = ${c} and status = 'submitted'`,
        [['outputs', '待确认的履职活动成果', '/activities']],
      )),
    );
  }
  if (can(actor.roles, 'duty.manage')) {
    out.push(
      ...(await countedTodos(
        db,
        sql`select count(*)::int as reports from duty_reports where committee_id = ${c} and status = 'submitted'`,
        [['reports', '待审阅的述职报告', '/duty/reports']],
      )),
    );
  }
  if (actor.memberId) {
    out.push(
      ...(await countedTodos(
        db,
        sql`select count(*)::int as "reportReturned" from duty_reports
        where committee_id = ${c} and member_id = ${actor.memberId} and status = 'returned'`,
        [['reportReturned', '退回修改的述职报告', '/duty/my-report']],
      )),
    );
  }
  return out;
}
