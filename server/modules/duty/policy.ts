// Who may see what of duty performance: the one place the routes and the file check ask "reads everyone's duty",
// "reads their own". Writing (rules, lists, consequences, reports) is gated by the permission table at the route.
import { can } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';

/** Staff and leaders who read every member's scores, records and reports. */
export const readsAll = (actor: Actor) => can(actor.roles, 'duty.readAll');

/** A member reading their own duty: needs the permission and a member record. */
export const readsOwn = (actor: Actor): actor is Actor & { memberId: number } =>
  actor.memberId != null && actor.memberId !== 0 && can(actor.roles, 'duty.readOwn');

/** Sees the year's positive and negative lists: whoever reads all or their own. */
export const seesLists = (actor: Actor) => readsAll(actor) || can(actor.roles, 'duty.readOwn');
