// One handling unit's proposal figures of a year (its home page): assigned, replied, replied on time, overdue, and the
// proposers' ratings of the proposals it led — the same definitions as the office's per-unit table (proposalFigures).
import { sql } from 'drizzle-orm';
import { clockNow } from '../../platform/dates.ts';
import { type Db, queryOne } from '../../platform/db/client.ts';
import { OFFICE_STATES, OPEN_ASSIGNMENT_STATES } from './states.ts';

export interface UnitProposalTotals {
  assigned: number;
  replied: number;
  on_time: number;
  overdue: number;
  satisfied: number;
  partly: number;
  unsatisfied: number;
}

export async function unitProposalTotals(
  db: Db,
  committeeId: number,
  unitId: number,
  year: number,
): Promise<UnitProposalTotals> {
  const now = clockNow().toISOString();
  const row = await queryOne<UnitProposalTotals>(
    db,
    sql`with a as (
        select a.id, a.role, a.state, a.due_at, a.proposal_id, p.round as p_round,
          -- When the unit really answered: the accepted reply of this round (an assisting unit: its view).
          case when a.role = 'assisting' then a.replied_at
            else (select max(r.created_at) from proposal_replies r where r.committee_id = a.committee_id
              and r.assignment_id = a.id and r.round = a.round and r.review_state = 'approved') end as answered_at
        from proposal_assignments a join proposals p on p.committee_id = a.committee_id and p.id = a.proposal_id
        where a.committee_id = ${committeeId} and a.unit_id = ${unitId} and a.state <> 'returned' and p.year = ${year}
          and p.state = any(${sql.param(OFFICE_STATES)}::text[]))
      select count(*)::int as assigned,
        count(*) filter (where answered_at is not null)::int as replied,
        count(*) filter (where answered_at is not null and answered_at <= due_at)::int as on_time,
        count(*) filter (where state = any(${sql.param(OPEN_ASSIGNMENT_STATES)}::text[]) and due_at < ${now})::int as overdue,
        (select count(*) filter (where r.rating = 'satisfied')::int from a join proposal_ratings r
          on r.committee_id = ${committeeId} and r.proposal_id = a.proposal_id and r.round = a.p_round
          where a.role in ('lead', 'split') and a.state = 'done') as satisfied,
        (select count(*) filter (where r.rating = 'partlySatisfied')::int from a join proposal_ratings r
          on r.committee_id = ${committeeId} and r.proposal_id = a.proposal_id and r.round = a.p_round
          where a.role in ('lead', 'split') and a.state = 'done') as partly,
        (select count(*) filter (where r.rating = 'unsatisfied')::int from a join proposal_ratings r
          on r.committee_id = ${committeeId} and r.proposal_id = a.proposal_id and r.round = a.p_round
          where a.role in ('lead', 'split') and a.state = 'done') as unsatisfied
      from a`,
  );
  return row!;
}
