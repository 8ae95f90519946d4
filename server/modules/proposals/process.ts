// The proposal workflows as short rows: the proposal itself (filing → review → assignment → reply → rating) and the
// commendation of a proposal; each unit's assignment is in assignment-process.ts (re-exported here). Who may act is in
// policy.ts, what each step writes in the effects-*.ts files, who sees each step in visibility.ts.
import { sql } from 'drizzle-orm';
import { ROLE_LIST } from '../../platform/auth/permissions.ts';
import { type Actor, systemActor } from '../../platform/context.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { defineProcess, fireTransition, type Process } from '../../platform/workflow/engine.ts';
import { assignmentProcess } from './assignment-process.ts';
import * as assigning from './effects-assigning.ts';
import * as commendation from './effects-commendation.ts';
import * as filing from './effects-filing.ts';
import * as rating from './effects-rating.ts';
import * as review from './effects-review.ts';
import {
  APPROVERS,
  AUTHOR,
  authorGuard,
  COMMEND,
  internalGuard,
  invitedCosignerGuard,
  OFFICE,
  orgLeaderGuard,
  raterGuard,
} from './policy.ts';
import {
  type CommendationItem,
  loadAssignmentItem,
  loadCommendationItem,
  loadProposalItem,
  type ProposalItem,
  rulesFor,
} from './repository.ts';
import { COMMENDATION_STATES, PROPOSAL_STATES } from './states.ts';
import { PROPOSAL_VISIBILITY } from './visibility.ts';

/** Re-exported for the callers that import every proposal process from here. */
export { assignmentProcess };

const keepRating = rating.keepRatingDeadline;
const RATERS = ['member', 'orgAccount', 'proposalStaff', 'committeeAdmin'] as const;

export const proposalProcess: Process<ProposalItem> = defineProcess<ProposalItem>({
  name: 'proposal',
  entity: 'proposal',
  states: PROPOSAL_STATES,
  visibility: PROPOSAL_VISIBILITY,
  // biome-ignore format: one transition per line, read as a table
  transitions: [
    { from: ['draft', 'returned'], action: 'submit', label: '提交', roles: AUTHOR, guard: authorGuard, to: filing.submitTarget, effect: filing.submitProposal },
    { from: ['cosigning'], action: 'cosignConfirm', label: '确认附议', roles: ['member'], guard: invitedCosignerGuard('确认'), to: filing.afterCosign, effect: filing.confirmCosign },
    { from: ['cosigning'], action: 'cosignDecline', label: '谢绝附议', roles: ['member'], guard: invitedCosignerGuard('谢绝'), to: filing.afterCosign, effect: filing.declineCosign },
    { from: ['orgApproval'], action: 'orgApprove', label: '负责人审批同意', roles: ['orgLeader'], guard: orgLeaderGuard, to: 'submitted', effect: filing.approveByOrg },
    { from: ['orgApproval'], action: 'orgSendBack', label: '负责人退回', roles: ['orgLeader'], guard: orgLeaderGuard, to: 'draft', commentRequired: true },
    { from: ['cosigning', 'orgApproval', 'submitted', 'reviewing', 'returned'], action: 'withdraw', label: '撤案', roles: AUTHOR, guard: authorGuard, to: 'withdrawn', effect: filing.withdrawProposal },
    { from: ['submitted', 'reviewing'], action: 'returnForRevision', label: '退回修改', roles: OFFICE, to: 'returned', commentRequired: true, effect: filing.returnForRevision },
    { from: ['submitted'], action: 'preApprove', label: '预审通过', roles: OFFICE, to: 'reviewing' },
    { from: ['reviewing'], action: 'register', label: '立案', roles: OFFICE, to: 'registered', effect: review.registerProposal },
    { from: ['reviewing'], action: 'reject', label: '不予立案', roles: OFFICE, to: 'rejected', commentRequired: true, effect: review.rejectProposal },
    { from: ['reviewing', 'registered'], action: 'merge', label: '并案', roles: OFFICE, to: 'merged', effect: review.mergeProposal },
    { from: ['reviewing'], action: 'convert', label: '转为意见建议或社情民意', roles: OFFICE, to: 'converted', effect: review.convertProposal },
    { from: ['registered'], action: 'assign', label: '交办', roles: OFFICE, to: assigning.assignTarget, effect: (tx, actor, p, d) => assigning.assignProposal(tx, actor, p, d, assignmentProcess) },
    { from: ['assignPending'], action: 'approveAssignment', label: '同意交办方案', roles: APPROVERS, to: 'handling', effect: (tx, actor, p) => assigning.approveAssignmentPlan(tx, actor, p, assignmentProcess) },
    { from: ['assignPending'], action: 'rejectAssignment', label: '退回交办方案', roles: APPROVERS, to: 'registered', commentRequired: true, effect: assigning.rejectAssignmentPlan },
    { from: ['handling'], action: 'allReplied', label: '答复审核完毕', roles: ROLE_LIST, guard: internalGuard, to: 'replied', effect: rating.openRating, deadline: keepRating },
    { from: ['replied'], action: 'rate', label: '评价办理结果', roles: RATERS, guard: raterGuard, to: 'replied', effect: rating.recordRating, deadline: keepRating },
    { from: ['replied'], action: 'rehandle', label: '不满意，再办理', roles: ROLE_LIST, guard: internalGuard, to: 'handling', effect: rehandleProposal },
    { from: ['replied'], action: 'closeRating', label: '评价结束，办理完毕', roles: ROLE_LIST, guard: internalGuard, to: 'completed', effect: rating.completeProposal },
  ],
  setState: async (tx, actor, p, to) => {
    await tx.execute(
      sql`update proposals set state = ${to}, updated_at = now() where committee_id = ${actor.committeeId} and id = ${p.id}`,
    );
  },
  load: (tx, committeeId, id) => loadProposalItem(tx, committeeId, id, true),
  onDeadline: async (tx, committeeId, id, kind) => {
    const p = await loadProposalItem(tx, committeeId, id, true);
    if (p?.state !== 'replied') return;
    if (kind === 'remind') return rating.remindRaters(tx, committeeId, id, p);
    await closeRatingRound(tx, systemActor(committeeId), p);
  },
});

export const commendationProcess: Process<CommendationItem> = defineProcess<CommendationItem>({
  name: 'proposal-commendation',
  entity: 'proposal_commendation',
  states: COMMENDATION_STATES,
  // biome-ignore format: one transition per line, read as a table
  transitions: [
    { from: ['none', 'dropped'], action: 'nominate', label: '推荐为优秀提案', roles: COMMEND, to: 'nominated' },
    { from: ['nominated'], action: 'evaluate', label: '评审', roles: COMMEND, to: 'evaluated', effect: commendation.evaluateCommendation },
    { from: ['evaluated'], action: 'publish', label: '公布表彰', roles: COMMEND, to: 'published', effect: commendation.publishCommendation },
    { from: ['nominated', 'evaluated'], action: 'drop', label: '不予表彰', roles: COMMEND, to: 'dropped', commentRequired: true },
  ],
  setState: async (tx, actor, c, to) => {
    await tx.execute(
      sql`update proposal_commendations set state = ${to} where committee_id = ${actor.committeeId} and id = ${c.id}`,
    );
  },
  load: loadCommendationItem,
});

// ---------- steps that fire other transitions (kept beside the processes they fire) ----------

/** An unsatisfied proposer sends every lead or split unit's answered assignment round again. */
async function rehandleProposal(tx: Db, actor: Actor, p: ProposalItem) {
  const rules = await rulesFor(tx, p.committeeId, p.id);
  await tx.execute(sql`update proposals set round = round + 1, rating_due_at = null, outcome_class = null
    where committee_id = ${p.committeeId} and id = ${p.id}`);
  const again = await query<{ id: number; unit_id: number }>(
    tx,
    sql`select id, unit_id from proposal_assignments where committee_id = ${p.committeeId} and proposal_id = ${p.id}
      and role in ('lead', 'split') and state = 'done' order by id`,
  );
  for (const a of again) {
    const item = (await loadAssignmentItem(tx, p.committeeId, a.id, true))!;
    await fireTransition(
      tx,
      assignmentProcess,
      actor,
      { ...item, internal: true },
      {
        action: 'rehandle',
        comment: '提案人不满意，进入再办理',
        data: { days: rules.rehandleDays },
      },
    );
  }
}

/** After a rating (or when the rating window closes): any unsatisfied rating starts another round while rounds remain. */
export async function closeRatingRound(tx: Db, actor: Actor, p: ProposalItem): Promise<string> {
  const rules = await rulesFor(tx, p.committeeId, p.id);
  const unhappy = await queryOne<{ n: number }>(
    tx,
    sql`select count(*)::int as n from proposal_ratings where committee_id = ${p.committeeId} and proposal_id = ${p.id}
      and round = ${p.round} and rating = 'unsatisfied'`,
  );
  const action = unhappy!.n > 0 && p.round < rules.maxRounds ? 'rehandle' : 'closeRating';
  return fireTransition(tx, proposalProcess, actor, { ...p, internal: true }, { action });
}

/** When every replying unit's answer has been approved, the proposal moves on to its proposers' rating. */
export async function checkAllReplied(tx: Db, actor: Actor, committeeId: number, proposalId: number): Promise<void> {
  const left = await queryOne<{ open: number; done: number }>(
    tx,
    sql`select count(*) filter (where state not in ('done', 'returned'))::int as open, count(*) filter (where state = 'done')::int as done
      from proposal_assignments where committee_id = ${committeeId} and proposal_id = ${proposalId} and role in ('lead', 'split')`,
  );
  if (left!.open > 0 || left!.done === 0) return;
  const p = (await loadProposalItem(tx, committeeId, proposalId, true))!;
  if (p.state !== 'handling') return;
  await fireTransition(tx, proposalProcess, actor, { ...p, internal: true }, { action: 'allReplied' });
}
