// Who may see and do what in learning: staff manage and review; a member studies and writes his own reflections.
import { can } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';

export const isLearningStaff = (actor: Actor) => can(actor.roles, 'learning.manage');
export const isReviewer = (actor: Actor) => can(actor.roles, 'learning.review');

/** Every role but a plain member opens any class; a member the classes they are a student of. */
export const seesAllClasses = (actor: Actor) => actor.roles.some((r) => r !== 'member');

/** A reflection is seen by its author and by reviewers; others get 404 (its existence is not told). */
export const canSeeReflection = (actor: Actor, r: { memberId: number }) =>
  isReviewer(actor) || (actor.memberId != null && actor.memberId === r.memberId);

export function authorGuard(actor: Actor, r: { memberId: number }): string | null {
  return actor.memberId === r.memberId ? null : '只有心得作者本人可以提交';
}
