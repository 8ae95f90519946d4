// Proposals in the member's record (履职档案): the proposals a member filed or co-signed, with state and outcome; and the
// check other modules use when a member cites a proposal as evidence (a task done) — it must be theirs.
import { sql } from 'drizzle-orm';
import { beijingDateOf } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import type { RecordSource } from '../record/registry.ts';
import { PROPOSAL_STATES } from './states.ts';

/** The proposal's title when the member is its lead proposer or a confirmed co-signer and it has been submitted. */
export async function memberProposalTitle(
  db: Db,
  committeeId: number,
  proposalId: number,
  memberId: number,
): Promise<string | null> {
  const r = await queryOne<{ title: string }>(
    db,
    sql`select p.title from proposals p join proposal_proposers pp on pp.committee_id = p.committee_id and pp.proposal_id = p.id
      where p.committee_id = ${committeeId} and p.id = ${proposalId} and pp.member_id = ${memberId}
        and pp.cosign_status = 'confirmed' and p.state <> 'draft'`,
  );
  return r?.title ?? null;
}

export const proposalRecordSource: RecordSource = {
  key: 'proposals',
  label: '提案',
  entries: async (db, c, memberId, from, to) => {
    const rows = await query<{
      id: number;
      title: string;
      state: string;
      outcome_class: string | null;
      is_lead: boolean;
      at: Date | string;
    }>(
      db,
      sql`select p.id, p.title, p.state, p.outcome_class, pp.is_lead, coalesce(p.submitted_at, p.created_at) as at
        from proposals p join proposal_proposers pp on pp.committee_id = p.committee_id and pp.proposal_id = p.id
        where p.committee_id = ${c} and pp.member_id = ${memberId} and pp.cosign_status = 'confirmed' and p.state <> 'draft'
          and coalesce(p.submitted_at, p.created_at) >= ${from}::date - interval '1 day'
        order by at, p.id`,
    );
    return rows
      .map((r) => ({
        date: beijingDateOf(r.at),
        source: 'proposals',
        kind: r.is_lead ? '提交提案' : '联名提案',
        title: r.title,
        detail: [PROPOSAL_STATES[r.state] ?? r.state, r.outcome_class ? `答复类别 ${r.outcome_class}` : '']
          .filter(Boolean)
          .join('，'),
        link: `/proposals/${r.id}`,
      }))
      .filter((e) => e.date >= from && e.date <= to);
  },
};
