// Who may see and do what on an activity: used by the process rows, the services, the routes and the file checks.
import type { Role } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';

/** The organisers: the office, the special committees' staff and the committee's administrators. */
export const ORGANISERS: readonly Role[] = ['officeStaff', 'specialCommitteeStaff', 'committeeAdmin'];

/** Every role but a plain member sees all activities and outputs; a member sees open activities, those they take part
 *  in and their own outputs. */
export const seesAll = (actor: Actor) => actor.roles.some((r) => r !== 'member');

/** The member who submitted the output. */
export const isSubmitter = (actor: Actor, o: { memberId: number | null }) =>
  actor.memberId != null && o.memberId === actor.memberId;

/** An output is seen by everyone who sees all, and by its submitter. */
export const canSeeOutput = (actor: Actor, o: { memberId: number | null }) => seesAll(actor) || isSubmitter(actor, o);
