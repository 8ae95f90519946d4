// 联系待办: the member's relationships overdue by their frequency; for liaison staff, every overdue relationship.
import { sql } from 'drizzle-orm';
import { can } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';
import { beijingToday } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/client.ts';
import { countedTodos, type Todo } from '../../platform/todos.ts';

const overdue = (today: string) => sql`(coalesce((select max(x.contacted_on) from liaison_contacts x
  where x.committee_id = l.committee_id and x.link_id = l.id), l.created_at::date) + l.frequency_days) < ${today}::date`;

export async function liaisonTodos(db: Db, actor: Actor): Promise<Todo[]> {
  const c = actor.committeeId;
  const today = beijingToday();
  const out: Todo[] = [];
  if (actor.memberId) {
    out.push(
      ...(await countedTodos(
        db,
        sql`select count(*)::int as "contactsOverdue" from liaison_links l
          where l.committee_id = ${c} and l.active and l.owner_member_id = ${actor.memberId} and ${overdue(today)}`,
        [['contactsOverdue', '超期未联系的对象', '/liaison/mine']],
      )),
    );
  }
  if (can(actor.roles, 'liaison.manage')) {
    out.push(
      ...(await countedTodos(
        db,
        sql`select count(*)::int as "linksOverdue" from liaison_links l where l.committee_id = ${c} and l.active and ${overdue(today)}`,
        [['linksOverdue', '超期未联系的联系关系', '/liaison']],
      )),
    );
  }
  return out;
}
