// Who may see and do what on a duty task and its assignments: used by the process rows, the services and the routes.
import { can, type Role } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';

/** The staff who publish tasks and settle assignments. */
export const STAFF: Role[] = ['officeStaff', 'specialCommitteeStaff', 'committeeAdmin'];

/** Staff who manage tasks: see and act on every assignment. */
export const managesTasks = (actor: Actor) => can(actor.roles, 'task.manage');

/** The member the assignment went to. */
export const isAssignee = (actor: Actor, a: { memberId: number }) =>
  actor.memberId != null && actor.memberId === a.memberId;

/** An assignment is seen by its member and by those who manage tasks; anyone else gets 404. */
export const canSeeAssignment = (actor: Actor, a: { memberId: number }) => isAssignee(actor, a) || managesTasks(actor);

/** The actions only the assigned member takes, never staff on their behalf. */
export const ASSIGNEE_ONLY_ACTIONS = ['accept', 'requestSwap', 'decline', 'complete'];

export const assigneeGuard = (actor: Actor, a: { memberId: number }) =>
  isAssignee(actor, a) ? null : '只有接受派单的委员本人可以操作';
