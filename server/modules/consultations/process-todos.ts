// 协商待办: the office's suggestions to answer, notices to send, speeches to select and minutes overdue; a member's
// speeches still without their text.
import { sql } from 'drizzle-orm';
import { can } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { type Todo, todoGroups } from '../../platform/todos.ts';

export async function consultationTodos(db: Db, actor: Actor): Promise<Todo[]> {
  const c = actor.committeeId;
  const today = sql`(now() at time zone 'Asia/Shanghai')::date`;
  return todoGroups(db, [
    {
      when: can(actor.roles, 'consultation.manage'),
      query: sql`select
          (select count(*)::int from consultation_topic_suggestions where committee_id = ${c} and state = 'submitted') as "topicsToAnswer",
          (select count(*)::int from consultation_events where committee_id = ${c} and state = 'preparation') as "noticesToSend",
          (select count(*)::int from consultation_speeches s join consultation_events e on e.committee_id = s.committee_id and e.id = s.event_id
            where s.committee_id = ${c} and s.state = 'submitted' and e.state in ('preparation', 'noticed')) as "speechesToSelect",
          (select count(*)::int from consultation_events where committee_id = ${c} and state = 'held' and minutes_due < ${today}) as "minutesOverdue"`,
      entries: [
        ['topicsToAnswer', '待答复的协商议题建议', '/consultations/plans'],
        ['noticesToSend', '待发通知的协商活动', '/consultations/events?state=preparation'],
        ['speechesToSelect', '待遴选的协商发言', '/consultations/events?state=noticed'],
        ['minutesOverdue', '纪要已超期的协商活动', '/consultations/events?state=held'],
      ],
    },
    {
      when: actor.roles.includes('member') && actor.memberId,
      query: sql`select count(*)::int as "speechText" from consultation_speeches s join consultation_events e on e.committee_id = s.committee_id and e.id = s.event_id
          where s.committee_id = ${c} and s.member_id = ${actor.memberId} and s.state = 'signedUp' and e.state in ('preparation', 'noticed')`,
      entries: [['speechText', '已报名、待提交发言稿的协商发言', '/consultations/mine']],
    },
  ]);
}
