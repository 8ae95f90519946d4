// Who may see and do what in grassroots work (studios, rooms, topics, suggestions, hotline, reception): the one place
// the services and routes ask "is staff", "sees all", "is the studio's leader". Whether an actor convenes a room or
// belongs to a studio needs the database and stays in room-service.ts / studio-service.ts.
import { can } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';

/** The grassroots staff (office, special committees' staff, administrators): manage everything. */
export const isStaff = (actor: Actor) => can(actor.roles, 'grassroots.manage');

/** Staff and leaders see every suggestion and session item of the committee. */
export const seesAll = (actor: Actor) => isStaff(actor) || actor.roles.includes('leader');

/** An account of a unit: sees what was forwarded to its own unit. */
export const isUnitAccount = (actor: Actor) => actor.roles.includes('unitUser');

/** A member with a member record: may take a suggestion up as their own proposal draft. */
export const isMember = (actor: Actor) => actor.memberId != null && actor.roles.includes('member');

/** The member who leads the studio. */
export const isStudioLeader = (actor: Actor, studio: { leader: number | null }) =>
  actor.memberId != null && studio.leader === actor.memberId;
