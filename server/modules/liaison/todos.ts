// 联系待办: the member's relationships overdue by their frequency; for liaison staff, every overdue relationship.
import { sql } from 'drizzle-orm';
import { can } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';
import { beijingToday } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/client.ts';
import { type Todo, todoGroups } from '../../platform/todos.ts';

const overdue = (today: string) => sql`(coalesce((select max(x.contacted_on) from liaison_contacts x
  where x.committee_id = l.committee_id and x.link_id = l.id), l.created_at::date) + l.frequency_days) < ${today}::date`;

export async function liaisonTodos(db: Db, actor: Actor): Promise<Todo[]> {
  const c = actor.committeeId;
  const today = beijingToday();
  return todoGroups(db, [
    {
      when: actor.memberId,
      query: sql`select count(*)::int as "contactsOverdue" from liaison_links l
          where l.committee_id = ${c} and l.active and l.owner_member_id = ${actor.memberId} and ${overdue(today)}`,
      entries: [['contactsOverdue', '超期未联系的对象', '/liaison/mine']],
    },
    {
      when: can(actor.roles, 'liaison.manage'),
      query: sql`select count(*)::int as "linksOverdue" from liaison_links l where l.committee_id = ${c} and l.active and ${overdue(today)}`,
      entries: [['linksOverdue', '超期未联系的联系关系', '/liaison']],
    },
  ]);
}
