// The workflow of one unit's assignment of a proposal (sign → handle → reply → review), as short rows. Its own file so
// that the proposal process (process.ts) and the effects that insert assignments (effects-assigning.ts, which are handed
// this process) import it without an import cycle. Who may act is in policy.ts, what each step writes in
// effects-handling.ts, who sees each step in visibility.ts.
import { sql } from 'drizzle-orm';
import { ROLE_LIST } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';
import { defineProcess, type Process } from '../../platform/workflow/engine.ts';
import * as handling from './effects-handling.ts';
import {
  assistingUnitGuard,
  internalGuard,
  OFFICE,
  ownUnitGuard,
  replyingUnitGuard,
  returnRequestGuard,
  UNIT,
} from './policy.ts';
import { type AssignmentItem, loadAssignmentItem } from './repository.ts';
import { ASSIGNMENT_STATES } from './states.ts';
import { ASSIGNMENT_VISIBILITY } from './visibility.ts';

const keepDue = handling.keepDue;
/** Told when the reply dialog opens; replyToProposal checks the same rule in the transaction. */
const contactFirst = (_actor: Actor, a: AssignmentItem) =>
  a.contactMissing ? '答复前须先与提案人沟通（办前面商）：请先点「记录办前面商」记下面商方式和日期，再答复。' : null;

export const assignmentProcess: Process<AssignmentItem> = defineProcess<AssignmentItem>({
  name: 'proposal-assignment',
  entity: 'proposal_assignment',
  states: ASSIGNMENT_STATES,
  visibility: ASSIGNMENT_VISIBILITY,
  // biome-ignore format: one transition per line, read as a table
  transitions: [
    { from: ['assigned'], action: 'accept', label: '签收', roles: UNIT, guard: ownUnitGuard, to: 'accepted', effect: handling.acceptAssignment, deadline: keepDue },
    { from: ['assigned'], action: 'requestReturn', label: '申请退回', roles: UNIT, guard: returnRequestGuard, to: 'returnRequested', commentRequired: true, effect: handling.requestReturn, deadline: keepDue },
    { from: ['returnRequested'], action: 'approveReturn', label: '同意退回并改交', roles: OFFICE, to: 'returned', effect: (tx, actor, a, d) => handling.approveReturn(tx, actor, a, d, assignmentProcess) },
    { from: ['returnRequested'], action: 'refuseReturn', label: '不同意退回', roles: OFFICE, to: 'accepted', commentRequired: true, effect: handling.refuseReturn, deadline: keepDue },
    { from: ['accepted'], action: 'sendView', label: '提交会办意见', roles: UNIT, guard: assistingUnitGuard, to: 'viewSent', effect: handling.sendAssistingView },
    { from: ['accepted', 'extensionRequested'], action: 'recordContact', label: '记录办前面商', roles: UNIT, guard: replyingUnitGuard, to: (a) => a.state, effect: handling.recordContact, deadline: keepDue },
    { from: ['accepted'], action: 'requestExtension', label: '申请延期', roles: UNIT, guard: replyingUnitGuard, to: 'extensionRequested', commentRequired: true, effect: handling.requestExtension, deadline: keepDue },
    { from: ['extensionRequested'], action: 'approveExtension', label: '同意延期', roles: OFFICE, to: 'accepted', effect: handling.approveExtension, deadline: keepDue },
    { from: ['extensionRequested'], action: 'refuseExtension', label: '不同意延期', roles: OFFICE, to: 'accepted', commentRequired: true, effect: handling.refuseExtension, deadline: keepDue },
    { from: ['accepted', 'extensionRequested'], action: 'reply', label: '答复提案', roles: UNIT, guard: replyingUnitGuard, precondition: contactFirst, to: 'replied', effect: handling.replyToProposal },
    { from: ['replied'], action: 'approveReply', label: '审核通过答复', roles: OFFICE, to: 'done', effect: handling.approveReply },
    { from: ['replied'], action: 'sendBackReply', label: '退回答复重新办理', roles: OFFICE, to: 'accepted', commentRequired: true, effect: handling.sendBackReply, deadline: keepDue },
    { from: ['done'], action: 'rehandle', label: '再办理', roles: ROLE_LIST, guard: internalGuard, to: 'accepted', effect: handling.rehandleAssignment, deadline: keepDue },
  ],
  setState: async (tx, actor, a, to) => {
    await tx.execute(
      sql`update proposal_assignments set state = ${to} where committee_id = ${actor.committeeId} and id = ${a.id}`,
    );
  },
  load: (tx, committeeId, id) => loadAssignmentItem(tx, committeeId, id, true),
  onDeadline: async (tx, committeeId, id, kind, dueAt) => {
    const a = await loadAssignmentItem(tx, committeeId, id, true);
    if (!a) return;
    await handling.assignmentDeadline(tx, committeeId, id, kind, dueAt, a);
  },
});
