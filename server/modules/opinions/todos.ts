// 社情民意待办: the liaison office's screening and compiling queues, a unit's referrals to answer, a submitter's returned
// reports.
import { sql } from 'drizzle-orm';
import { can } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { type Todo, todoGroups } from '../../platform/todos.ts';

export async function opinionTodos(db: Db, actor: Actor): Promise<Todo[]> {
  const c = actor.committeeId;
  return todoGroups(db, [
    {
      when: can(actor.roles, 'opinion.screen'),
      query: sql`select count(*) filter (where state = 'submitted')::int as submitted, count(*) filter (where state = 'accepted')::int as accepted
        from opinion_reports where committee_id = ${c} and state in ('submitted', 'accepted')`,
      entries: [
        ['submitted', '待筛选的社情民意信息', '/opinions/queue?state=submitted'],
        ['accepted', '已采编、待编入期刊的信息', '/opinions/queue?state=accepted'],
      ],
    },
    {
      when: actor.roles.includes('unitUser') && actor.unitId,
      query: sql`select count(*)::int as referred from opinion_referrals
        where committee_id = ${c} and unit_id = ${actor.unitId} and state = 'referred'`,
      entries: [['referred', '转办本单位、待答复的社情民意信息', '/opinions/unit']],
    },
    {
      when: can(actor.roles, 'opinion.submit') && actor.accountId,
      query: sql`select count(*)::int as "opinionReturned" from opinion_reports
        where committee_id = ${c} and submitter_account_id = ${actor.accountId} and state = 'returned'`,
      entries: [['opinionReturned', '退回修改的社情民意信息', '/opinions/mine']],
    },
  ]);
}
