// 派单待办: a member's tasks waiting for an answer and their overdue ones; for staff, swap requests and overdue tasks.
import { sql } from 'drizzle-orm';
import { can } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';
import { beijingToday } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/client.ts';
import { type Todo, todoGroups } from '../../platform/todos.ts';

export async function taskTodos(db: Db, actor: Actor): Promise<Todo[]> {
  const c = actor.committeeId;
  const today = beijingToday();
  return todoGroups(db, [
    {
      when: actor.memberId,
      query: sql`select count(*) filter (where a.state = 'sent')::int as "taskNew",
            count(*) filter (where a.state in ('sent', 'accepted', 'swapRequested') and t.due_on < ${today}::date)::int as "taskOverdue"
          from task_assignments a join tasks t on t.committee_id = a.committee_id and t.id = a.task_id
          where a.committee_id = ${c} and a.member_id = ${actor.memberId}`,
      entries: [
        ['taskNew', '待接受的派单任务', '/tasks/mine'],
        ['taskOverdue', '已超期的派单任务', '/tasks/mine'],
      ],
    },
    {
      when: can(actor.roles, 'task.manage'),
      query: sql`select count(*) filter (where a.state = 'swapRequested')::int as "taskSwaps",
            count(*) filter (where a.state in ('sent', 'accepted', 'swapRequested') and t.due_on < ${today}::date)::int as "tasksOverdue"
          from task_assignments a join tasks t on t.committee_id = a.committee_id and t.id = a.task_id
          where a.committee_id = ${c}`,
      entries: [
        ['taskSwaps', '委员申请调换的派单', '/tasks'],
        ['tasksOverdue', '超期未完成的派单', '/tasks'],
      ],
    },
  ]);
}
