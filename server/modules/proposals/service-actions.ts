// Firing a proposal's or an assignment's transition: visibility first, then the engine, then what the last step closes.
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { fireTransition } from '../../platform/workflow/engine.ts';
import { proposalNotFound } from './errors.ts';
import { assignmentProcess, checkAllReplied, closeRatingRound, proposalProcess } from './process.ts';
import { loadAssignmentItem, loadProposalItem, proposalState } from './repository.ts';
import { canSeeProposal, type ProposalInput, updateProposal } from './service.ts';
import { PROPOSAL_STATES } from './states.ts';

export interface ActionBody {
  action: string;
  comment?: string;
  ground?: string;
  intoId?: number;
  target?: 'opinion' | 'suggestion';
  mode?: 'lead' | 'split';
  leadUnitId?: number;
  assistingUnitIds?: number[];
  unitIds?: number[];
  dueAt?: string;
  rating?: string;
  memberId?: number;
  orgId?: number;
}

/**
 * Fires a transition of the proposal as the actor and returns the new state. `createdHere`: the actor created it in
 * this transaction, so it is theirs to see without asking. Throws proposalNotFound when the actor may not see it.
 */
export async function fireProposalAction(
  tx: Db,
  actor: Actor,
  id: number,
  body: ActionBody,
  createdHere = false,
): Promise<string> {
  const p = await loadProposalItem(tx, actor.committeeId, id, true);
  if (!p || !(createdHere || (await canSeeProposal(tx, actor, id)))) throw proposalNotFound();
  const { action, comment, ...data } = body;
  let state = await fireTransition(tx, proposalProcess, actor, p, { action, comment, data });
  if (action === 'rate') {
    const after = (await loadProposalItem(tx, actor.committeeId, id, true))!;
    const allRated =
      after.answerMemberIds.every((m) => after.ratedKeys.includes(`m:${m}`)) &&
      after.answerOrgIds.every((o) => after.ratedKeys.includes(`o:${o}`));
    if (allRated) state = await closeRatingRound(tx, actor, after);
  }
  return state;
}

/** Saves the author's revision of a draft or returned proposal and, with `submit`, submits it: its state after. */
export async function reviseProposal(
  tx: Db,
  actor: Actor,
  id: number,
  input: ProposalInput,
  submit = false,
): Promise<string> {
  await updateProposal(tx, actor, id, input);
  return submit
    ? fireProposalAction(tx, actor, id, { action: 'submit' })
    : (await proposalState(tx, actor.committeeId, id))!;
}

export async function fireAssignmentAction(
  tx: Db,
  actor: Actor,
  assignmentId: number,
  body: { action: string; comment?: string } & Record<string, unknown>,
): Promise<string> {
  const a = await loadAssignmentItem(tx, actor.committeeId, assignmentId, true);
  if (!a || !(await canSeeProposal(tx, actor, a.proposalId)))
    throw notFound('proposal.assignment_not_found', '交办记录不存在');
  const { action, comment, ...data } = body;
  if (action === 'rehandle' || !assignmentProcess.transitions.some((t) => t.action === action))
    throw badRequest('workflow.unknown_action', `未知的操作「${action}」`, 'action');
  const proposalNow = (await proposalState(tx, actor.committeeId, a.proposalId, true))!;
  if (proposalNow !== 'handling')
    throw conflict('proposal.not_handling', `提案当前为「${PROPOSAL_STATES[proposalNow]}」，不在办理中`);
  const state = await fireTransition(tx, assignmentProcess, actor, a, { action, comment, data });
  if (action === 'approveReply') await checkAllReplied(tx, actor, actor.committeeId, a.proposalId);
  return state;
}
