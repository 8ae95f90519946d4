// Who may see and do what in reading groups: used by the session process, the services and the routes.
import { can, type Role } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';

/** Who may act on a reading session at all; the guard narrows members to the session's lead reader. */
export const SESSION_ACTORS: Role[] = ['officeStaff', 'specialCommitteeStaff', 'committeeAdmin', 'member'];

/** The reading staff: manage groups, sessions and handouts. */
export const isStaff = (actor: Actor) => can(actor.roles, 'reading.manage');

/** The member who leads the session. */
export const isLeadReader = (actor: Actor, s: { leadMemberId: number | null }) =>
  actor.memberId != null && actor.memberId === s.leadMemberId;

export const leadOrStaffGuard = (actor: Actor, s: { leadMemberId: number | null }) =>
  isStaff(actor) || isLeadReader(actor, s) ? null : '只有领读人或工作人员可以操作';
