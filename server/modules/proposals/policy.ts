// Who is who on a proposal and who may do what: the one place the process guards, the services, the routes and the
// detail page's `can` object ask "is the author", "is the office", "is the assigned unit".
import type { Role } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';
import { clockNow } from '../../platform/dates.ts';
import type { AssignmentItem, ProposalItem } from './repository.ts';

export const AUTHOR: Role[] = ['member', 'orgAccount'];
export const OFFICE: Role[] = ['proposalStaff', 'committeeAdmin'];
export const APPROVERS: Role[] = ['leader', 'committeeAdmin'];
export const UNIT: Role[] = ['unitUser'];
export const COMMEND: Role[] = ['proposalStaff', 'leader', 'committeeAdmin'];
const INTERNAL_REASON = '由系统根据办理进度自动执行';

/** The author: the lead member of an individual or joint proposal, the organisation's account of a collective one. */
export const isAuthor = (actor: Actor, p: Pick<ProposalItem, 'kind' | 'orgId' | 'leadMemberId'>) =>
  p.kind === 'collective'
    ? actor.roles.includes('orgAccount') && actor.orgId != null && actor.orgId === p.orgId
    : actor.roles.includes('member') && actor.memberId != null && actor.memberId === p.leadMemberId;

/** The proposal office: its staff and the committee's administrators. */
export const isOffice = (actor: Actor) => OFFICE.some((r) => actor.roles.includes(r));

/** An account of the unit the assignment went to. */
export const isAssignedUnit = (actor: Actor, a: Pick<AssignmentItem, 'unitId'>) =>
  actor.unitId != null && actor.unitId === a.unitId;

export const authorGuard = (actor: Actor, p: ProposalItem) =>
  isAuthor(actor, p) ? null : p.kind === 'collective' ? '只有提案的党派团体可以操作' : '只有第一提案人可以操作';

export const internalGuard = (_actor: Actor, item: { internal?: boolean }) => (item.internal ? null : INTERNAL_REASON);

export const invitedCosignerGuard = (verb: string) => (actor: Actor, p: ProposalItem) =>
  actor.memberId != null && p.pendingCosignerIds.includes(actor.memberId) ? null : `只有被邀请的附议委员可以${verb}`;

export const orgLeaderGuard = (actor: Actor, p: ProposalItem) =>
  actor.orgId != null && actor.orgId === p.orgId ? null : '只有本党派团体负责人可以审批';

/** A proposer who has not yet rated this round; the office may enter a rating for any proposer still to rate. */
export const raterGuard = (actor: Actor, p: ProposalItem) => {
  const unrated =
    p.answerMemberIds.some((m) => !p.ratedKeys.includes(`m:${m}`)) ||
    p.answerOrgIds.some((o) => !p.ratedKeys.includes(`o:${o}`));
  if (actor.roles.includes('proposalStaff') || actor.roles.includes('committeeAdmin'))
    return unrated ? null : '所有提案人均已评价';
  const key =
    actor.roles.includes('member') && actor.memberId && p.answerMemberIds.includes(actor.memberId)
      ? `m:${actor.memberId}`
      : actor.roles.includes('orgAccount') && actor.orgId && p.answerOrgIds.includes(actor.orgId)
        ? `o:${actor.orgId}`
        : null;
  if (!key) return '只有提案人可以评价';
  return p.ratedKeys.includes(key) ? '您已评价过本轮办理结果' : null;
};

export const ownUnitGuard = (actor: Actor, a: AssignmentItem) =>
  isAssignedUnit(actor, a) ? null : '只有被交办的承办单位可以操作';

export const replyingUnitGuard = (actor: Actor, a: AssignmentItem) =>
  ownUnitGuard(actor, a) ?? (a.role === 'assisting' ? '会办单位向主办单位提交会办意见，不直接答复提案人' : null);

/** The unit may ask to return it only within the return window after assignment. */
export const returnRequestGuard = (actor: Actor, a: AssignmentItem) =>
  ownUnitGuard(actor, a) ??
  (clockNow() > a.returnDeadline ? `已超过交办后 ${a.returnWindowDays} 天的申请退回期限，请签收办理` : null);

export const assistingUnitGuard = (actor: Actor, a: AssignmentItem) =>
  ownUnitGuard(actor, a) ?? (a.role === 'assisting' ? null : '只有会办单位向主办单位提交会办意见');
