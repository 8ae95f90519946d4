// Proposals filed by a special committee or a sector as collective author (集体提案 by the organisation of the same
// name) — for the workspace and the monthly report (modules/workspace). Drafts are the filer's own and not listed.
import { sql } from 'drizzle-orm';
import { type Db, query } from '../../platform/db/client.ts';
import { PROPOSAL_STATES } from './states.ts';

export interface CollectiveProposal {
  id: number;
  title: string;
  stateLabel: string;
  submittedOn: string;
}

/** Submitted collective proposals of the organisation named `name` (kind specialCommittee or sector) in [from, to] days. */
export async function collectiveProposalsOf(
  db: Db,
  committeeId: number,
  orgKind: 'specialCommittee' | 'sector',
  name: string,
  from: string,
  to: string,
): Promise<CollectiveProposal[]> {
  const rows = await query<{ id: number; title: string; state: string; submittedOn: string }>(
    db,
    sql`select p.id, p.title, p.state, to_char((p.submitted_at at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as "submittedOn"
      from proposals p join organisations o on o.committee_id = p.committee_id and o.id = p.org_id
      where p.committee_id = ${committeeId} and p.kind = 'collective' and o.kind = ${orgKind} and o.name = ${name}
        and p.submitted_at is not null
        and (p.submitted_at at time zone 'Asia/Shanghai')::date between ${from}::date and ${to}::date
      order by p.submitted_at, p.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    stateLabel: PROPOSAL_STATES[r.state] ?? r.state,
    submittedOn: r.submittedOn,
  }));
}
