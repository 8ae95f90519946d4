// Proposals the office flagged public, for the committee's public site: the title, who proposed it (the lead member's
// name, or the organisation of a collective proposal) and the approved replies also flagged public — never anyone's
// phone, id number or account.
import { sql } from 'drizzle-orm';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { memberDirectory } from '../org/members-directory.ts';
import { REGISTERED_STATES } from './states.ts';

export interface PublicProposal {
  id: number;
  title: string;
  proposer: string;
  number: number | null;
  year: number | null;
  replies: { unitName: string; text: string }[];
}

export async function publicProposals(
  db: Db,
  committeeId: number,
  limit: number,
  offset: number,
): Promise<{ items: PublicProposal[]; total: number }> {
  const where = sql`p.committee_id = ${committeeId} and p.is_public and p.state = any(${sql.param([...REGISTERED_STATES])}::text[])`;
  const rows = await query<{ id: number; title: string; number: number | null; year: number | null; proposer: string }>(
    db,
    sql`select p.id, p.title, p.number, p.year,
        coalesce(o.name, (select m.name from proposal_proposers pp join ${memberDirectory} m on m.committee_id = pp.committee_id and m.id = pp.member_id
          where pp.committee_id = p.committee_id and pp.proposal_id = p.id and pp.is_lead limit 1), '') as proposer
      from proposals p left join organisations o on o.committee_id = p.committee_id and o.id = p.org_id and p.kind = 'collective'
      where ${where} order by p.year desc nulls last, p.number desc nulls last, p.id desc limit ${limit} offset ${offset}`,
  );
  const total = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from proposals p where ${where}`);
  const ids = rows.map((r) => r.id);
  const replies = ids.length
    ? await query<{ proposalId: number; unitName: string; text: string }>(
        db,
        sql`select r.proposal_id as "proposalId", u.name as "unitName", r.text from proposal_replies r
          join handling_units u on u.committee_id = r.committee_id and u.id = r.unit_id
          where r.committee_id = ${committeeId} and r.proposal_id = any(${sql.param(ids)}::int[])
            and r.is_public and r.review_state = 'approved' order by r.round, r.id`,
      )
    : [];
  return {
    total: total!.n,
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      proposer: r.proposer,
      number: r.number,
      year: r.year,
      replies: replies.filter((x) => x.proposalId === r.id).map(({ unitName, text }) => ({ unitName, text })),
    })),
  };
}
