// Who sees each step of a proposal's timeline, its comment and its data (the engine's `visibleTo`, kept as one table
// per process). The proposer sees no draft reply, class, letter, assisting view or internal office remark until the
// office releases the reply; what is addressed to the proposer (return reasons, rejection grounds) stays visible.
import type { Role } from '../../platform/auth/permissions.ts';
import type { Visibility } from '../../platform/workflow/engine.ts';

/** Who reads every proposal (proposal.readAll). */
const OFFICE_READERS: Role[] = ['sysAdmin', 'committeeAdmin', 'proposalStaff', 'leader'];
/** The office and the handling units: the inside of handling. */
const HANDLERS: Role[] = [...OFFICE_READERS, 'unitUser'];

const internalRemark: Visibility = { comment: OFFICE_READERS };

export const PROPOSAL_VISIBILITY: Record<string, Visibility> = {
  preApprove: internalRemark,
  register: internalRemark,
  // The proposer sees that it was assigned (and the units in the assignment list), not the office's plan or remark.
  assign: { comment: OFFICE_READERS, data: OFFICE_READERS },
  approveAssignment: internalRemark,
  rejectAssignment: { entry: OFFICE_READERS },
};

export const ASSIGNMENT_VISIBILITY: Record<string, Visibility> = {
  requestReturn: { entry: HANDLERS },
  approveReturn: { comment: HANDLERS, data: HANDLERS },
  refuseReturn: { entry: HANDLERS },
  // An assisting unit's view goes to the lead unit, not to the proposer.
  sendView: { entry: HANDLERS },
  requestExtension: { comment: HANDLERS, data: HANDLERS },
  approveExtension: { comment: HANDLERS },
  refuseExtension: { entry: HANDLERS },
  // A reply is a draft until the office approves it; the released reply is shown in the proposal's replies.
  reply: { entry: HANDLERS },
  approveReply: { comment: HANDLERS },
  sendBackReply: { entry: HANDLERS },
};
