// Who may see and do what on a meeting: the one place the process rows, the services, the routes and the detail
// page's `canManage` ask "is an organiser", "sees every meeting", "wrote this speech".
import type { Role } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';

/** The organisers: the office, the special committees' staff and the committee's administrators. */
export const ORGANISERS: readonly Role[] = ['officeStaff', 'specialCommitteeStaff', 'committeeAdmin'];

/** An organiser: may create, invite, check in, close, cancel and reopen meetings. */
export const isOrganiser = (actor: Actor) => actor.roles.some((r) => ORGANISERS.includes(r));

/** Every role but a plain member sees all meetings and speeches of the committee; a member sees the meetings they are
 *  invited to and their own speeches. */
export const seesAll = (actor: Actor) => actor.roles.some((r) => r !== 'member');

/** The member who wrote the speech (or the report of a meeting they took part in). */
export const isSpeaker = (actor: Actor, s: { memberId: number | null }) =>
  actor.memberId != null && s.memberId === actor.memberId;

/** A speech is seen by everyone who sees all, and by its speaker. */
export const canSeeSpeech = (actor: Actor, s: { memberId: number | null }) => seesAll(actor) || isSpeaker(actor, s);
