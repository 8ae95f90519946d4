// Who may see and do what with outcomes: the office sees all, the leading leader his own and all as a leader, a
// unit only the outcomes handed to it. Used by guards, services and routes.
import { can } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';

export const isOutcomeOffice = (actor: Actor) => can(actor.roles, 'consultationOutcome.manage');
export const seesAllOutcomes = (actor: Actor) => can(actor.roles, 'consultationOutcome.read');
export const isUnit = (actor: Actor) => actor.roles.includes('unitUser') && !!actor.unitId;

export function signOffGuard(actor: Actor, o: { leaderAccountId: number | null }): string | null {
  if (o.leaderAccountId && o.leaderAccountId !== actor.accountId) return '只有牵头领导可以签发本成果';
  return null;
}

export function ownUnitGuard(actor: Actor, u: { unitId: number }): string | null {
  return actor.unitId === u.unitId ? null : '只有被交办的单位可以办理';
}
