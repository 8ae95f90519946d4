// Who may see and do what in consultation: used by the workflow rows, the services, the routes and the pages' `can`.
import type { Role } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';

export const OFFICE: Role[] = ['officeStaff', 'specialCommitteeStaff', 'committeeAdmin'];
/** Those who record the chairs' council's and the Party committee's decisions on the plan. */
export const APPROVERS: Role[] = ['officeStaff', 'committeeAdmin', 'leader'];
export const SUGGESTERS: Role[] = ['member', 'orgAccount', 'specialCommitteeStaff', 'unitUser'];

export const isOffice = (actor: Actor) => actor.roles.some((r) => OFFICE.includes(r));
export const seesAll = (actor: Actor) =>
  actor.roles.some((r) => r !== 'member' && r !== 'unitUser' && r !== 'orgAccount');
export const canSuggest = (actor: Actor) => actor.roles.some((r) => SUGGESTERS.includes(r));
