// 协商成果待办: the leader's sign-offs, the office's outcomes to submit, hand over and evaluate and the reviews due in
// 30 days, and a unit's outcomes waiting for its feedback (its inbox beside proposals).
import { sql } from 'drizzle-orm';
import { can } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { type Todo, todoGroups } from '../../platform/todos.ts';

const LIST = '/consultations/outcomes';

export async function outcomeTodos(db: Db, actor: Actor): Promise<Todo[]> {
  const c = actor.committeeId;
  return todoGroups(db, [
    {
      when: can(actor.roles, 'consultationOutcome.signOff'),
      query: sql`select count(*)::int as "outcomeSignOff" from consultation_outcomes where committee_id = ${c} and state = 'signOff'
          and (leader_account_id is null or leader_account_id = ${actor.accountId ?? -1})`,
      entries: [['outcomeSignOff', '待签发的协商成果', `${LIST}?state=signOff`]],
    },
    {
      when: can(actor.roles, 'consultationOutcome.manage'),
      query: sql`select count(*) filter (where state = 'signed')::int as "outcomeSubmit",
            count(*) filter (where state = 'submitted')::int as "outcomeHandOver",
            count(*) filter (where state = 'handling' and exists (select 1 from consultation_outcome_units u where u.committee_id = o.committee_id
              and u.outcome_id = o.id and u.round = o.round and u.state = 'fedBack'))::int as "outcomeEvaluate",
            count(*) filter (where state = 'evaluated' and review_due_on <= (now() at time zone 'Asia/Shanghai')::date + 30)::int as "outcomeReview"
          from consultation_outcomes o where committee_id = ${c}`,
      entries: [
        ['outcomeSubmit', '已签发、待报送的协商成果', `${LIST}?state=signed`],
        ['outcomeHandOver', '已报送、待交办的协商成果', `${LIST}?state=submitted`],
        ['outcomeEvaluate', '单位已反馈、待评估的协商成果', `${LIST}?state=handling`],
        ['outcomeReview', '30 天内到期的回头看', `${LIST}?state=evaluated`],
      ],
    },
    {
      when: actor.roles.includes('unitUser') && actor.unitId,
      query: sql`select count(*)::int as "outcomeFeedback" from consultation_outcome_units
          where committee_id = ${c} and unit_id = ${actor.unitId} and state in ('handed', 'accepted')`,
      entries: [['outcomeFeedback', '交办本单位、待反馈的协商成果', `${LIST}/unit`]],
    },
  ]);
}
