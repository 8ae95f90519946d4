// 会议待办: a member's meeting notices to answer; the office's leave requests and speeches to decide.
import { sql } from 'drizzle-orm';
import { can } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { type Todo, todoGroups } from '../../platform/todos.ts';

export async function meetingTodos(db: Db, actor: Actor): Promise<Todo[]> {
  const c = actor.committeeId;
  return todoGroups(db, [
    {
      when: actor.memberId,
      query: sql`select count(*)::int as "meetingReply" from meeting_invitees i
        join meetings m on m.committee_id = i.committee_id and m.id = i.meeting_id
        where i.committee_id = ${c} and i.member_id = ${actor.memberId} and i.reply = 'pending'
          and m.status = 'planned' and m.starts_at > now()`,
      entries: [['meetingReply', '待回复的会议通知（参加或请假）', '/meetings']],
    },
    {
      when: can(actor.roles, 'meeting.manage'),
      query: sql`select
          (select count(*)::int from meeting_invitees i join meetings m on m.committee_id = i.committee_id and m.id = i.meeting_id
            where i.committee_id = ${c} and i.leave_status = 'pending' and m.status = 'planned') as "leaveRequests",
          (select count(*)::int from speeches where committee_id = ${c} and status = 'submitted') as speeches`,
      entries: [
        ['leaveRequests', '待审批的会议请假', '/meetings'],
        ['speeches', '待遴选的大会发言', '/speeches'],
      ],
    },
  ]);
}
