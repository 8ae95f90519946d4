// The proposers' rating of the answers: opening the rating round when every unit's answer is approved, recording a
// rating (the office may enter one for a proposer), closing the round and reminding those still to rate.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { clockNow, deadlineAfterDays } from '../../platform/dates.ts';
import { type Db, queryOne } from '../../platform/db/client.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { notify } from '../../platform/notifications/notifications.ts';
import type { DeadlineRule } from '../../platform/workflow/engine.ts';
import { memberAccounts, notifyAuthors, orgAccounts } from './notices.ts';
import { type ProposalItem, rulesFor } from './repository.ts';

export interface RatingData {
  rating?: string;
  memberId?: number;
  orgId?: number;
}

/** The rating deadline set when the answers went out stays while ratings come in. */
export const keepRatingDeadline = async (tx: Db, actor: Actor, p: ProposalItem): Promise<DeadlineRule | null> => {
  const row = await queryOne<{ rating_due_at: string | null }>(
    tx,
    sql`select rating_due_at from proposals where committee_id = ${actor.committeeId} and id = ${p.id}`,
  );
  if (!row?.rating_due_at) return null;
  return { dueAt: new Date(row.rating_due_at), remindDaysBefore: [3] };
};

export async function openRating(tx: Db, _actor: Actor, p: ProposalItem) {
  const rules = await rulesFor(tx, p.committeeId, p.id);
  // The proposal's class: the lead unit's; for a split assignment, the best class any unit gave.
  const best = await queryOne<{ outcome_class: string }>(
    tx,
    sql`select r.outcome_class from proposal_replies r
      join proposal_assignments a on a.committee_id = r.committee_id and a.id = r.assignment_id
      where r.committee_id = ${p.committeeId} and r.proposal_id = ${p.id} and r.round = ${p.round} and r.review_state = 'approved'
        and a.role in ('lead', 'split')
      order by array_position(${sql.param(rules.outcomeClasses.map((c) => c.code))}::text[], r.outcome_class) nulls last limit 1`,
  );
  const due = await deadlineAfterDays(tx, p.committeeId, clockNow(), rules.ratingDays, rules.dayUnit);
  await tx.execute(sql`update proposals set outcome_class = ${best?.outcome_class ?? null}, replied_at = now(), rating_due_at = ${due.toISOString()}
    where committee_id = ${p.committeeId} and id = ${p.id}`);
  await notifyAuthors(
    tx,
    p,
    `提案已答复，请评价：${p.title}`,
    `请在 ${rules.ratingDays} 天内对办理结果作出评价（满意 / 基本满意 / 不满意）。`,
  );
}

export async function recordRating(tx: Db, actor: Actor, p: ProposalItem, data: RatingData, comment: string | null) {
  const staff = actor.roles.includes('proposalStaff') || actor.roles.includes('committeeAdmin');
  let memberId: number | null = null;
  let orgId: number | null = null;
  if (staff && (data.memberId || data.orgId)) {
    memberId = data.memberId ?? null;
    orgId = memberId ? null : (data.orgId ?? null);
    const ok = memberId ? p.answerMemberIds.includes(memberId) : !!orgId && p.answerOrgIds.includes(orgId);
    if (!ok) throw badRequest('proposal.rater', '所选委员不是本提案的提案人', 'memberId');
  } else if (staff) {
    throw badRequest('proposal.rater', '请选择代为评价的提案人', 'memberId');
  } else if (actor.roles.includes('member') && actor.memberId && p.answerMemberIds.includes(actor.memberId)) {
    memberId = actor.memberId;
  } else orgId = actor.orgId;
  if (!['satisfied', 'partlySatisfied', 'unsatisfied'].includes(data.rating ?? ''))
    throw badRequest('proposal.rating', '请选择「评价」：满意、基本满意或不满意', 'rating');
  if (data.rating === 'unsatisfied' && !comment)
    throw badRequest('proposal.rating_comment', '选择不满意时请填写「意见」', 'comment');
  if (p.ratedKeys.includes(memberId ? `m:${memberId}` : `o:${orgId}`))
    throw conflict('proposal.rated', '该提案人已评价过本轮办理结果');
  await tx.execute(sql`insert into proposal_ratings (committee_id, proposal_id, round, member_id, org_id, rating, comment, entered_by_staff, entered_by)
    values (${p.committeeId}, ${p.id}, ${p.round}, ${memberId}, ${orgId}, ${data.rating}, ${comment ?? ''}, ${staff}, ${actor.accountId})`);
}

export async function completeProposal(tx: Db, _actor: Actor, p: ProposalItem) {
  await tx.execute(
    sql`update proposals set completed_at = now() where committee_id = ${p.committeeId} and id = ${p.id}`,
  );
}

/** Before the rating deadline: those who have not yet rated this round are reminded. */
export async function remindRaters(tx: Db, committeeId: number, id: number, p: ProposalItem) {
  const unrated = p.answerMemberIds.filter((m) => !p.ratedKeys.includes(`m:${m}`));
  // A collective proposal's organisation rates too: its accounts (and its responsible person) are reminded.
  const unratedOrgs = p.answerOrgIds.filter((o) => !p.ratedKeys.includes(`o:${o}`));
  await notify(tx, {
    committeeId,
    accountIds: [
      ...(await memberAccounts(tx, committeeId, unrated)),
      ...(await orgAccounts(tx, committeeId, unratedOrgs)),
    ],
    kind: 'proposal.remind',
    title: `请尽快评价提案办理结果：${p.title}`,
    link: `/proposals/${id}`,
  });
}
