// Who may see and do what in the archive: editors (office, special committee staff) see and work every manuscript;
// a member sees his own submissions and everything published; everyone else with archive.read reads published volumes.
import { can } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';

export const isEditor = (actor: Actor) => can(actor.roles, 'archive.edit');

export const canSeeArticle = (actor: Actor, a: { state: string; memberId: number | null }) =>
  a.state === 'published' || isEditor(actor) || (actor.memberId != null && actor.memberId === a.memberId);

export function authorGuard(actor: Actor, a: { memberId: number | null }): string | null {
  return actor.memberId != null && actor.memberId === a.memberId ? null : '只有稿件作者本人可以补充后重新提交';
}
