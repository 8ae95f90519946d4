// Who may see and do what on liaison links: used by the services and the routes.
import { can } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';

/** The liaison staff: see and log on every link. */
export const isStaff = (actor: Actor) => can(actor.roles, 'liaison.manage');

/** The member who keeps the link, or the member kept in touch with. */
export const isLinkMember = (actor: Actor, l: { ownerMemberId: number | null; memberId: number | null }) =>
  actor.memberId != null && (l.ownerMemberId === actor.memberId || l.memberId === actor.memberId);
