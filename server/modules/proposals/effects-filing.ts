// What happens as a proposal is filed: submitting, co-signing, the organisation's approval, withdrawal and the
// office's return for revision. Each function is a transition's effect, run in the transition's transaction.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { addMonthsClamped, beijingDateOf, beijingYearOf, clockNow } from '../../platform/dates.ts';
import { type Db, queryOne } from '../../platform/db/client.ts';
import { badRequest } from '../../platform/errors.ts';
import { notify } from '../../platform/notifications/notifications.ts';
import { type DutyFactKind, recordDutyFact, revokeDutyFacts } from '../duty/facts.ts';
import { titleRequired } from './errors.ts';
import { memberAccounts, notifyAuthors, notifyOffice, orgAccounts } from './notices.ts';
import { loadProposalText, type ProposalItem } from './repository.ts';
import { getRules } from './rules.ts';

/** A proposal's 立案号 as offices write it: 六届一次会议第0001号. */
export const numberLabel = (sessionName: string | null, n: number | null) =>
  n == null ? '' : `${sessionName ?? ''}第${String(n).padStart(4, '0')}号`;

/** The duty facts a proposal gives its proposers: lead and co-signers of a joint one, "self" otherwise. */
export const proposalFacts = (p: ProposalItem) =>
  p.proposerIds.map((memberId) => ({
    memberId,
    role: (p.kind === 'joint' ? (memberId === p.leadMemberId ? 'lead' : 'cosigner') : 'self') as
      | 'lead'
      | 'cosigner'
      | 'self',
  }));

/** Records duty fact `kind`, dated now, for every proposer of `p` in their role (proposalFacts), with `detail`. */
export async function recordProposalFacts(
  tx: Db,
  p: ProposalItem,
  kind: DutyFactKind,
  detail: Record<string, unknown>,
): Promise<void> {
  for (const f of proposalFacts(p)) {
    await recordDutyFact(tx, {
      committeeId: p.committeeId,
      memberId: f.memberId,
      kind,
      role: f.role,
      sourceType: 'proposal',
      sourceId: p.id,
      occurredOn: clockNow(),
      detail,
    });
  }
}

/** The proposal reaches the office: duty facts for every proposer and a notice to the office. */
async function reachOffice(tx: Db, actor: Actor, p: ProposalItem, proposerIds: number[], kind: ProposalItem['kind']) {
  await recordProposalFacts(tx, { ...p, proposerIds, kind }, 'proposal.filed', { title: p.title });
  await tx.execute(sql`update proposals set kind = ${kind}, submitted_at = coalesce(submitted_at, now()), updated_at = now()
    where committee_id = ${p.committeeId} and id = ${p.id}`);
  await notifyOffice(tx, p.committeeId, `新提案待预审：${p.title}`, `/proposals/${p.id}`, `提交人：${actor.name}`);
}

/** Checks that a proposal is complete enough to submit; drafts may be unfinished. */
async function assertComplete(tx: Db, committeeId: number, id: number) {
  const p = (await loadProposalText(tx, committeeId, id))!;
  const rules = await getRules(tx, committeeId, p.year ?? beijingYearOf());
  if (!p.title.trim()) throw titleRequired();
  if ([...p.title].length > rules.titleMaxLength)
    throw badRequest('proposal.title_too_long', `「案由」不能超过 ${rules.titleMaxLength} 个字符`, 'title');
  if (!p.background.trim()) throw badRequest('proposal.background_required', '「案据」不能为空', 'background');
  if (!p.suggestions.trim()) throw badRequest('proposal.suggestions_required', '「建议」不能为空', 'suggestions');
  if (!p.category || !rules.categories.includes(p.category))
    throw badRequest('proposal.category_required', '请选择「类别」', 'category');
}

async function setFiledPlace(tx: Db, committeeId: number, id: number) {
  const s = await queryOne<{
    id: number;
    term_id: number;
    year: number;
    opens_on: string | null;
    filing_deadline: string | null;
  }>(
    tx,
    sql`select id, term_id, year, to_char(opens_on, 'YYYY-MM-DD') as opens_on, to_char(filing_deadline, 'YYYY-MM-DD') as filing_deadline
      from plenary_sessions where committee_id = ${committeeId} order by is_current desc, year desc, number desc limit 1`,
  );
  // Days compared as Beijing calendar days: the window opens N months before the session opens (clamped to the month
  // end) and closes when the filing deadline's day ends in Beijing.
  const now = clockNow();
  const today = beijingDateOf(now);
  const rules = await getRules(tx, committeeId, beijingYearOf(now));
  const inWindow =
    !!s?.opens_on &&
    !!s?.filing_deadline &&
    today >= addMonthsClamped(s.opens_on, -rules.sessionWindowMonthsBefore) &&
    today <= s.filing_deadline;
  await tx.execute(sql`update proposals set session_id = coalesce(session_id, ${s?.id ?? null}), term_id = coalesce(term_id, ${s?.term_id ?? null}),
      year = coalesce(year, ${s && inWindow ? s.year : beijingYearOf(now)}), is_session_proposal = ${inWindow}
    where committee_id = ${committeeId} and id = ${id} and submitted_at is null`);
}

/** The submit state: the organisation's leader approves a collective draft, invited co-signers confirm, else the office. */
export const submitTarget = (p: ProposalItem) =>
  p.kind === 'collective' && !p.registered && p.state === 'draft'
    ? 'orgApproval'
    : p.pendingCosignerIds.length
      ? 'cosigning'
      : 'submitted';

export async function submitProposal(tx: Db, actor: Actor, p: ProposalItem) {
  await assertComplete(tx, p.committeeId, p.id);
  if (p.kind === 'joint' && p.state === 'draft' && !p.pendingCosignerIds.length && p.proposerIds.length < 2)
    throw badRequest('proposal.cosigners_required', '联名提案请至少邀请一位附议委员', 'cosignerIds');
  if (p.state === 'draft') await setFiledPlace(tx, p.committeeId, p.id);
  if (p.kind === 'collective' && p.state === 'draft') {
    await notify(tx, {
      committeeId: p.committeeId,
      accountIds: await orgAccounts(tx, p.committeeId, p.orgId ? [p.orgId] : [], 'orgLeader'),
      kind: 'proposal',
      title: `集体提案待负责人审批：${p.title}`,
      link: `/proposals/${p.id}`,
    });
  } else if (p.pendingCosignerIds.length) {
    await notify(tx, {
      committeeId: p.committeeId,
      accountIds: await memberAccounts(tx, p.committeeId, p.pendingCosignerIds),
      kind: 'proposal.cosign',
      title: `${actor.name} 邀请您联名提案：${p.title}`,
      body: '请在提案详情中确认附议或谢绝',
      link: `/proposals/${p.id}`,
    });
  } else {
    await reachOffice(tx, actor, p, p.proposerIds, p.kind);
  }
}

/** The state after a co-signer answers: the proposal waits while others are still invited. */
export const afterCosign = (p: ProposalItem) => (p.pendingCosignerIds.length > 1 ? 'cosigning' : 'submitted');

export async function confirmCosign(tx: Db, actor: Actor, p: ProposalItem) {
  await tx.execute(sql`update proposal_proposers set cosign_status = 'confirmed', responded_at = now()
    where committee_id = ${p.committeeId} and proposal_id = ${p.id} and member_id = ${actor.memberId}`);
  if (p.pendingCosignerIds.length === 1) await reachOffice(tx, actor, p, [...p.proposerIds, actor.memberId!], 'joint');
}

export async function declineCosign(tx: Db, actor: Actor, p: ProposalItem) {
  await tx.execute(sql`update proposal_proposers set cosign_status = 'declined', responded_at = now()
    where committee_id = ${p.committeeId} and proposal_id = ${p.id} and member_id = ${actor.memberId}`);
  await notify(tx, {
    committeeId: p.committeeId,
    accountIds: await memberAccounts(tx, p.committeeId, p.leadMemberId ? [p.leadMemberId] : []),
    kind: 'proposal.cosign',
    title: `${actor.name} 谢绝附议：${p.title}`,
    link: `/proposals/${p.id}`,
  });
  // With every co-signer declined the proposal no longer counts as joint.
  if (p.pendingCosignerIds.length === 1)
    await reachOffice(tx, actor, p, p.proposerIds, p.proposerIds.length > 1 ? 'joint' : 'individual');
}

export const approveByOrg = async (tx: Db, actor: Actor, p: ProposalItem) =>
  reachOffice(tx, actor, p, [], 'collective');

export async function withdrawProposal(tx: Db, _actor: Actor, p: ProposalItem) {
  await revokeDutyFacts(tx, p.committeeId, { sourceType: 'proposal', sourceId: p.id });
  await notifyOffice(tx, p.committeeId, `提案已撤回：${p.title}`, `/proposals/${p.id}`);
}

export const returnForRevision = async (tx: Db, _actor: Actor, p: ProposalItem, _d: unknown, comment: string | null) =>
  notifyAuthors(tx, p, `提案被退回修改：${p.title}`, comment ?? undefined);
