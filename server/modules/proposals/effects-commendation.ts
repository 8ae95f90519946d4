// The commendation of an excellent proposal: the panel's score and the published commendation with its duty facts.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { badRequest } from '../../platform/errors.ts';
import { recordProposalFacts } from './effects-filing.ts';
import { notifyAuthors } from './notices.ts';
import { type CommendationItem, loadProposalItem } from './repository.ts';

export async function evaluateCommendation(
  tx: Db,
  actor: Actor,
  c: CommendationItem,
  data: { score?: number; opinion?: string },
) {
  if (data.score == null || !Number.isInteger(data.score) || data.score < 0 || data.score > 100)
    throw badRequest('proposal.commend_score', '「评审得分」须为 0–100 的整数', 'score');
  await tx.execute(sql`update proposal_commendations set score = ${data.score}, opinion = ${data.opinion?.trim() ?? ''}
    where committee_id = ${actor.committeeId} and id = ${c.id}`);
}

export async function publishCommendation(tx: Db, actor: Actor, c: CommendationItem) {
  await tx.execute(
    sql`update proposal_commendations set published_at = now() where committee_id = ${actor.committeeId} and id = ${c.id}`,
  );
  const p = (await loadProposalItem(tx, actor.committeeId, c.proposalId))!;
  await recordProposalFacts(tx, p, 'proposal.commended', { title: p.title, year: c.year });
  await notifyAuthors(tx, p, `您的提案被评为优秀提案：${p.title}`);
}
