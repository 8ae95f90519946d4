// The proposal workflows as data: the proposal itself (filing → review → assignment → reply → rating), each unit's
// assignment (sign → handle → reply → review) and the commendation of a proposal. Guards see a loaded item that
// carries everything they need (proposers, unit, round); effects write the module's rows in the same transaction.
import { sql } from 'drizzle-orm';
import { ROLE_LIST, type Role } from '../../platform/auth/permissions.ts';
import { type Actor, systemActor } from '../../platform/context.ts';
import {
  addMonthsClamped,
  beijingDateOf,
  beijingYearOf,
  clockNow,
  deadlineAfterDays,
  deadlineMonthsAfter,
  deadlineOf,
  formatBeijingDate,
  reminderAt,
} from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { attachFiles } from '../../platform/files/files.ts';
import { scheduleJob } from '../../platform/jobs/jobs.ts';
import { accountsWithRoles, notify } from '../../platform/notifications/notifications.ts';
import {
  type DeadlineRule,
  defineProcess,
  fireTransition,
  type Process,
  type WorkflowItem,
} from '../../platform/workflow/engine.ts';
import { recordDutyFact, revokeDutyFacts } from '../duty/facts.ts';
import { createOpinionFromProposal } from '../opinions/convert.ts';
import { getRules, type ProposalRules } from './rules.ts';
import { ASSIGNMENT_VISIBILITY, PROPOSAL_VISIBILITY } from './visibility.ts';

export const PROPOSAL_STATES: Record<string, string> = {
  draft: '草稿',
  cosigning: '待附议',
  orgApproval: '待负责人审批',
  submitted: '待预审',
  returned: '退回修改',
  reviewing: '待审查',
  withdrawn: '已撤案',
  registered: '已立案待交办',
  assignPending: '交办待审批',
  rejected: '不予立案',
  merged: '已并案',
  converted: '已转交',
  handling: '办理中',
  replied: '已答复待评价',
  completed: '办理完毕',
};

export const ASSIGNMENT_STATES: Record<string, string> = {
  assigned: '待签收',
  accepted: '办理中',
  returnRequested: '申请退回',
  returned: '已退回',
  extensionRequested: '申请延期',
  replied: '答复待审核',
  done: '已答复',
  viewSent: '已提交会办意见',
};

export const COMMENDATION_STATES: Record<string, string> = {
  none: '未推荐',
  nominated: '已推荐',
  evaluated: '已评审',
  published: '已表彰',
  dropped: '未入选',
};

/** States in which a unit still owes work (the deadline board counts these). */
export const OPEN_ASSIGNMENT_STATES = ['assigned', 'accepted', 'returnRequested', 'extensionRequested'];
/** States the proposal office sees in its lists: everything that has reached the office. */
export const OFFICE_STATES = Object.keys(PROPOSAL_STATES).filter(
  (s) => !['draft', 'cosigning', 'orgApproval'].includes(s),
);
/** States of a registered proposal (counted as 立案). */
export const REGISTERED_STATES = ['registered', 'assignPending', 'handling', 'replied', 'completed'];

const AUTHOR: Role[] = ['member', 'orgAccount'];
const OFFICE: Role[] = ['proposalStaff', 'committeeAdmin'];
const APPROVERS: Role[] = ['leader', 'committeeAdmin'];
const UNIT: Role[] = ['unitUser'];
const INTERNAL_REASON = '由系统根据办理进度自动执行';

export interface ProposalItem extends WorkflowItem {
  committeeId: number;
  kind: 'individual' | 'joint' | 'collective';
  orgId: number | null;
  title: string;
  leadMemberId: number | null;
  /** Lead and confirmed co-signers. */
  proposerIds: number[];
  pendingCosignerIds: number[];
  /** Who is answered and may rate: proposers, confirmed co-signers, and the proposers of proposals merged into this one. */
  answerMemberIds: number[];
  answerOrgIds: number[];
  ratedKeys: string[];
  round: number;
  registered: boolean;
  assignmentApproval: boolean;
  ratingDueAt: Date | null;
  /** Set only when the platform fires a transition itself; such transitions are never offered as buttons. */
  internal?: boolean;
}

export interface AssignmentItem extends WorkflowItem {
  committeeId: number;
  proposalId: number;
  unitId: number;
  role: 'lead' | 'assisting' | 'split';
  round: number;
  assignedAt: Date;
  dueAt: Date;
  returnWindowDays: number;
  /** When the unit may no longer ask to return it: the end of the Beijing day returnWindowDays after assignment. */
  returnDeadline: Date;
  internal?: boolean;
}

export interface CommendationItem extends WorkflowItem {
  proposalId: number;
  year: number;
}

// ---------- loading ----------

export async function loadProposalItem(
  db: Db,
  committeeId: number,
  id: number,
  lock = false,
): Promise<ProposalItem | null> {
  const p = await queryOne<any>(
    db,
    sql`select id, state, kind, org_id, title, round, registered_at, rating_due_at, year from proposals
      where committee_id = ${committeeId} and id = ${id} ${lock ? sql`for update` : sql``}`,
  );
  if (!p) return null;
  const people = await query<{ member_id: number; is_lead: boolean; cosign_status: string; proposal_id: number }>(
    db,
    sql`select pp.member_id, pp.is_lead, pp.cosign_status, pp.proposal_id from proposal_proposers pp
      where pp.committee_id = ${committeeId} and (pp.proposal_id = ${id} or pp.proposal_id in
        (select m.id from proposals m where m.committee_id = ${committeeId} and m.merged_into_id = ${id}))
      order by pp.proposal_id, pp.sort, pp.member_id`,
  );
  const own = people.filter((x) => x.proposal_id === id);
  const mergedOrgs = await query<{ org_id: number }>(
    db,
    sql`select distinct org_id from proposals where committee_id = ${committeeId} and merged_into_id = ${id} and org_id is not null`,
  );
  const ratings = await query<{ member_id: number | null; org_id: number | null }>(
    db,
    sql`select member_id, org_id from proposal_ratings where committee_id = ${committeeId} and proposal_id = ${id} and round = ${p.round}`,
  );
  const rules = await getRules(db, committeeId, p.year ?? beijingYearOf());
  return {
    id: p.id,
    committeeId,
    state: p.state,
    kind: p.kind,
    orgId: p.org_id,
    title: p.title,
    leadMemberId: own.find((x) => x.is_lead)?.member_id ?? null,
    proposerIds: own.filter((x) => x.cosign_status === 'confirmed').map((x) => x.member_id),
    pendingCosignerIds: own.filter((x) => x.cosign_status === 'invited').map((x) => x.member_id),
    answerMemberIds: [...new Set(people.filter((x) => x.cosign_status === 'confirmed').map((x) => x.member_id))],
    answerOrgIds: [...new Set([...(p.org_id ? [p.org_id] : []), ...mergedOrgs.map((o) => o.org_id)])],
    ratedKeys: ratings.map((r) => (r.member_id ? `m:${r.member_id}` : `o:${r.org_id}`)),
    round: p.round,
    registered: !!p.registered_at,
    assignmentApproval: rules.assignmentApproval,
    ratingDueAt: p.rating_due_at ? new Date(p.rating_due_at) : null,
  };
}

export async function loadAssignmentItem(
  db: Db,
  committeeId: number,
  id: number,
  lock = false,
): Promise<AssignmentItem | null> {
  const a = await queryOne<any>(
    db,
    sql`select a.id, a.state, a.proposal_id, a.unit_id, a.role, a.round, a.assigned_at, a.due_at, p.year
      from proposal_assignments a join proposals p on p.committee_id = a.committee_id and p.id = a.proposal_id
      where a.committee_id = ${committeeId} and a.id = ${id} ${lock ? sql`for update of a` : sql``}`,
  );
  if (!a) return null;
  const rules = await getRules(db, committeeId, a.year ?? beijingYearOf());
  return {
    id: a.id,
    committeeId,
    state: a.state,
    proposalId: a.proposal_id,
    unitId: a.unit_id,
    role: a.role,
    round: a.round,
    assignedAt: new Date(a.assigned_at),
    dueAt: new Date(a.due_at),
    returnWindowDays: rules.returnRequestDays,
    returnDeadline: await deadlineAfterDays(
      db,
      committeeId,
      new Date(a.assigned_at),
      rules.returnRequestDays,
      rules.dayUnit,
    ),
  };
}

async function loadCommendationItem(db: Db, committeeId: number, id: number): Promise<CommendationItem | null> {
  const c = await queryOne<any>(
    db,
    sql`select id, state, proposal_id, year from proposal_commendations where committee_id = ${committeeId} and id = ${id}`,
  );
  return c ? { id: c.id, state: c.state, proposalId: c.proposal_id, year: c.year } : null;
}

// ---------- helpers ----------

const isAuthor = (actor: Actor, p: ProposalItem) =>
  p.kind === 'collective'
    ? actor.roles.includes('orgAccount') && actor.orgId != null && actor.orgId === p.orgId
    : actor.roles.includes('member') && actor.memberId != null && actor.memberId === p.leadMemberId;

const authorGuard = (actor: Actor, p: ProposalItem) =>
  isAuthor(actor, p) ? null : p.kind === 'collective' ? '只有提案的党派团体可以操作' : '只有第一提案人可以操作';

const internalGuard = (_actor: Actor, item: { internal?: boolean }) => (item.internal ? null : INTERNAL_REASON);

const ownUnitGuard = (actor: Actor, a: AssignmentItem) =>
  actor.unitId != null && actor.unitId === a.unitId ? null : '只有被交办的承办单位可以操作';

const replyingUnitGuard = (actor: Actor, a: AssignmentItem) =>
  ownUnitGuard(actor, a) ?? (a.role === 'assisting' ? '会办单位向主办单位提交会办意见，不直接答复提案人' : null);

async function memberAccounts(tx: Db, committeeId: number, memberIds: number[]): Promise<number[]> {
  if (!memberIds.length) return [];
  const rows = await query<{ id: number }>(
    tx,
    sql`select id from accounts where committee_id = ${committeeId} and member_id = any(${sql.param(memberIds)}::int[]) and not disabled`,
  );
  return rows.map((r) => r.id);
}

async function orgAccounts(tx: Db, committeeId: number, orgIds: number[], role?: Role): Promise<number[]> {
  if (!orgIds.length) return [];
  const rows = await query<{ id: number }>(
    tx,
    sql`select id from accounts where committee_id = ${committeeId} and org_id = any(${sql.param(orgIds)}::int[]) and not disabled
      ${role ? sql`and ${role} = any(roles)` : sql``}`,
  );
  return rows.map((r) => r.id);
}

export async function unitAccounts(tx: Db, committeeId: number, unitIds: number[]): Promise<number[]> {
  if (!unitIds.length) return [];
  const rows = await query<{ id: number }>(
    tx,
    sql`select id from accounts where committee_id = ${committeeId} and unit_id = any(${sql.param(unitIds)}::int[]) and not disabled`,
  );
  return rows.map((r) => r.id);
}

async function notifyAuthors(tx: Db, p: ProposalItem, title: string, body?: string) {
  const accountIds = [
    ...(await memberAccounts(tx, p.committeeId, p.answerMemberIds.length ? p.answerMemberIds : p.proposerIds)),
    ...(await orgAccounts(tx, p.committeeId, p.answerOrgIds)),
  ];
  await notify(tx, {
    committeeId: p.committeeId,
    accountIds,
    kind: 'proposal',
    title,
    body,
    link: `/proposals/${p.id}`,
  });
}

async function notifyOffice(tx: Db, committeeId: number, title: string, link: string, body?: string) {
  await notify(tx, {
    committeeId,
    accountIds: await accountsWithRoles(tx, committeeId, ['proposalStaff']),
    kind: 'proposal',
    title,
    body,
    link,
  });
}

async function notifyUnits(tx: Db, committeeId: number, unitIds: number[], title: string, link: string, body?: string) {
  await notify(tx, {
    committeeId,
    accountIds: await unitAccounts(tx, committeeId, unitIds),
    kind: 'proposal',
    title,
    body,
    link,
  });
}

const rulesFor = async (tx: Db, committeeId: number, proposalId: number) => {
  const row = await queryOne<{ year: number | null }>(
    tx,
    sql`select year from proposals where committee_id = ${committeeId} and id = ${proposalId}`,
  );
  return getRules(tx, committeeId, row?.year ?? beijingYearOf());
};

/** A proposal's 立案号 as offices write it: 六届一次会议第0001号. */
export const numberLabel = (sessionName: string | null, n: number | null) =>
  n == null ? '' : `${sessionName ?? ''}第${String(n).padStart(4, '0')}号`;

const proposalFacts = (p: ProposalItem) =>
  p.proposerIds.map((memberId) => ({
    memberId,
    role: (p.kind === 'joint' ? (memberId === p.leadMemberId ? 'lead' : 'cosigner') : 'self') as
      | 'lead'
      | 'cosigner'
      | 'self',
  }));

/** The proposal reaches the office: duty facts for every proposer and a notice to the office. */
async function reachOffice(tx: Db, actor: Actor, p: ProposalItem, proposerIds: number[], kind: ProposalItem['kind']) {
  for (const f of proposalFacts({ ...p, proposerIds, kind })) {
    await recordDutyFact(tx, {
      committeeId: p.committeeId,
      memberId: f.memberId,
      kind: 'proposal.filed',
      role: f.role,
      sourceType: 'proposal',
      sourceId: p.id,
      occurredOn: clockNow(),
      detail: { title: p.title },
    });
  }
  await tx.execute(sql`update proposals set kind = ${kind}, submitted_at = coalesce(submitted_at, now()), updated_at = now()
    where committee_id = ${p.committeeId} and id = ${p.id}`);
  await notifyOffice(tx, p.committeeId, `新提案待预审：${p.title}`, `/proposals/${p.id}`, `提交人：${actor.name}`);
}

/** Checks that a proposal is complete enough to submit; drafts may be unfinished. */
async function assertComplete(tx: Db, committeeId: number, id: number) {
  const p = await queryOne<any>(
    tx,
    sql`select title, background, suggestions, category, kind from proposals where committee_id = ${committeeId} and id = ${id}`,
  );
  const rules = await rulesFor(tx, committeeId, id);
  if (!p.title.trim()) throw badRequest('proposal.title_required', '「案由」不能为空', 'title');
  if ([...p.title].length > rules.titleMaxLength)
    throw badRequest('proposal.title_too_long', `「案由」不能超过 ${rules.titleMaxLength} 个字符`, 'title');
  if (!p.background.trim()) throw badRequest('proposal.background_required', '「案据」不能为空', 'background');
  if (!p.suggestions.trim()) throw badRequest('proposal.suggestions_required', '「建议」不能为空', 'suggestions');
  if (!p.category || !rules.categories.includes(p.category))
    throw badRequest('proposal.category_required', '请选择「类别」', 'category');
}

async function setFiledPlace(tx: Db, committeeId: number, id: number) {
  const s = await queryOne<any>(
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

// ---------- the proposal process ----------

const keepRatingDeadline = async (tx: Db, actor: Actor, p: ProposalItem): Promise<DeadlineRule | null> => {
  const row = await queryOne<{ rating_due_at: string | null }>(
    tx,
    sql`select rating_due_at from proposals where committee_id = ${actor.committeeId} and id = ${p.id}`,
  );
  if (!row?.rating_due_at) return null;
  return { dueAt: new Date(row.rating_due_at), remindDaysBefore: [3] };
};

export const proposalProcess: Process<ProposalItem> = defineProcess<ProposalItem>({
  name: 'proposal',
  entity: 'proposal',
  states: PROPOSAL_STATES,
  visibility: PROPOSAL_VISIBILITY,
  transitions: [
    {
      action: 'submit',
      label: '提交',
      from: ['draft', 'returned'],
      to: (p) =>
        p.kind === 'collective' && !p.registered && p.state === 'draft'
          ? 'orgApproval'
          : p.pendingCosignerIds.length
            ? 'cosigning'
            : 'submitted',
      roles: AUTHOR,
      guard: authorGuard,
      effect: async (tx, actor, p) => {
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
      },
    },
    {
      action: 'cosignConfirm',
      label: '确认附议',
      from: ['cosigning'],
      to: (p) => (p.pendingCosignerIds.length > 1 ? 'cosigning' : 'submitted'),
      roles: ['member'],
      guard: (actor, p) =>
        actor.memberId != null && p.pendingCosignerIds.includes(actor.memberId) ? null : '只有被邀请的附议委员可以确认',
      effect: async (tx, actor, p) => {
        await tx.execute(sql`update proposal_proposers set cosign_status = 'confirmed', responded_at = now()
          where committee_id = ${p.committeeId} and proposal_id = ${p.id} and member_id = ${actor.memberId}`);
        if (p.pendingCosignerIds.length === 1)
          await reachOffice(tx, actor, p, [...p.proposerIds, actor.memberId!], 'joint');
      },
    },
    {
      action: 'cosignDecline',
      label: '谢绝附议',
      from: ['cosigning'],
      to: (p) => (p.pendingCosignerIds.length > 1 ? 'cosigning' : 'submitted'),
      roles: ['member'],
      guard: (actor, p) =>
        actor.memberId != null && p.pendingCosignerIds.includes(actor.memberId) ? null : '只有被邀请的附议委员可以谢绝',
      effect: async (tx, actor, p) => {
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
      },
    },
    {
      action: 'orgApprove',
      label: '负责人审批同意',
      from: ['orgApproval'],
      to: 'submitted',
      roles: ['orgLeader'],
      guard: (actor, p) => (actor.orgId != null && actor.orgId === p.orgId ? null : '只有本党派团体负责人可以审批'),
      effect: async (tx, actor, p) => reachOffice(tx, actor, p, [], 'collective'),
    },
    {
      action: 'orgSendBack',
      label: '负责人退回',
      from: ['orgApproval'],
      to: 'draft',
      roles: ['orgLeader'],
      commentRequired: true,
      guard: (actor, p) => (actor.orgId != null && actor.orgId === p.orgId ? null : '只有本党派团体负责人可以审批'),
    },
    {
      action: 'withdraw',
      label: '撤案',
      from: ['cosigning', 'orgApproval', 'submitted', 'reviewing', 'returned'],
      to: 'withdrawn',
      roles: AUTHOR,
      guard: authorGuard,
      effect: async (tx, _actor, p) => {
        await revokeDutyFacts(tx, p.committeeId, { sourceType: 'proposal', sourceId: p.id });
        await notifyOffice(tx, p.committeeId, `提案已撤回：${p.title}`, `/proposals/${p.id}`);
      },
    },
    {
      action: 'returnForRevision',
      label: '退回修改',
      from: ['submitted', 'reviewing'],
      to: 'returned',
      roles: OFFICE,
      commentRequired: true,
      effect: async (tx, _actor, p, _d, comment) =>
        notifyAuthors(tx, p, `提案被退回修改：${p.title}`, comment ?? undefined),
    },
    { action: 'preApprove', label: '预审通过', from: ['submitted'], to: 'reviewing', roles: OFFICE },
    {
      action: 'register',
      label: '立案',
      from: ['reviewing'],
      to: 'registered',
      roles: OFFICE,
      effect: async (tx, _actor, p) => {
        const row = await queryOne<any>(
          tx,
          sql`select p.term_id, p.session_id, s.name as session_name from proposals p
            left join plenary_sessions s on s.committee_id = p.committee_id and s.id = p.session_id
            where p.committee_id = ${p.committeeId} and p.id = ${p.id}`,
        );
        if (!row?.term_id || !row.session_id)
          throw conflict('proposal.no_session', '尚未设置届次和会议，无法编立案号，请先在组织管理中设置当前会议');
        const [{ last_number }] = await query<{ last_number: number }>(
          tx,
          sql`insert into proposal_counters (committee_id, term_id, session_id, last_number) values (${p.committeeId}, ${row.term_id}, ${row.session_id}, 1)
            on conflict (committee_id, term_id, session_id) do update set last_number = proposal_counters.last_number + 1
            returning last_number`,
        );
        await tx.execute(sql`update proposals set number = ${last_number}, registered_at = now()
          where committee_id = ${p.committeeId} and id = ${p.id}`);
        for (const f of proposalFacts(p)) {
          await recordDutyFact(tx, {
            committeeId: p.committeeId,
            memberId: f.memberId,
            kind: 'proposal.registered',
            role: f.role,
            sourceType: 'proposal',
            sourceId: p.id,
            occurredOn: clockNow(),
            detail: { title: p.title, number: numberLabel(row.session_name, last_number) },
          });
        }
        await notifyAuthors(tx, p, `提案已立案（${numberLabel(row.session_name, last_number)}）：${p.title}`);
      },
    },
    {
      action: 'reject',
      label: '不予立案',
      from: ['reviewing'],
      to: 'rejected',
      roles: OFFICE,
      commentRequired: true,
      effect: async (tx, _actor, p, data: { ground?: string }, comment) => {
        const rules = await rulesFor(tx, p.committeeId, p.id);
        if (!data.ground || !rules.rejectionGrounds.includes(data.ground))
          throw badRequest('proposal.ground_required', '请选择「不予立案理由」', 'ground');
        await tx.execute(sql`update proposals set reject_ground = ${data.ground}
          where committee_id = ${p.committeeId} and id = ${p.id}`);
        await notifyAuthors(tx, p, `提案不予立案：${p.title}`, `理由：${data.ground}。${comment ?? ''}`);
      },
    },
    {
      action: 'merge',
      label: '并案',
      from: ['reviewing', 'registered'],
      to: 'merged',
      roles: OFFICE,
      effect: async (tx, _actor, p, data: { intoId?: number }) => {
        if (!data.intoId || data.intoId === p.id)
          throw badRequest('proposal.merge_target', '请选择要并入的另一件提案', 'intoId');
        const target = await queryOne<any>(
          tx,
          sql`select id, state, title from proposals where committee_id = ${p.committeeId} and id = ${data.intoId} for update`,
        );
        if (!target) throw badRequest('proposal.merge_target', '要并入的提案不存在', 'intoId');
        if (!['reviewing', 'registered', 'assignPending', 'handling'].includes(target.state))
          throw badRequest(
            'proposal.merge_target',
            `要并入的提案当前为「${PROPOSAL_STATES[target.state]}」，只能并入待审查、已立案或办理中的提案`,
            'intoId',
          );
        await tx.execute(sql`update proposals set merged_into_id = ${target.id}
          where committee_id = ${p.committeeId} and (id = ${p.id} or merged_into_id = ${p.id})`);
        if (p.registered)
          await revokeDutyFacts(tx, p.committeeId, {
            sourceType: 'proposal',
            sourceId: p.id,
            kinds: ['proposal.registered'],
          });
        await notifyAuthors(
          tx,
          p,
          `提案已并案：${p.title}`,
          `并入提案「${target.title}」一并办理，办理结果将同样答复您。`,
        );
      },
    },
    {
      action: 'convert',
      label: '转为意见建议或社情民意',
      from: ['reviewing'],
      to: 'converted',
      roles: OFFICE,
      effect: async (tx, actor, p, data: { target?: string }, comment) => {
        if (data.target !== 'opinion' && data.target !== 'suggestion')
          throw badRequest('proposal.convert_target', '请选择转为「意见建议」或「社情民意信息」', 'target');
        await tx.execute(sql`update proposals set converted_to = ${data.target}
          where committee_id = ${p.committeeId} and id = ${p.id}`);
        if (data.target === 'opinion') {
          // It enters the liaison office's screening queue in the same transaction, with the proposers as its members.
          const text = await queryOne<{ background: string; suggestions: string; category: string | null }>(
            tx,
            sql`select background, suggestions, category from proposals where committee_id = ${p.committeeId} and id = ${p.id}`,
          );
          await createOpinionFromProposal(tx, actor, {
            proposalId: p.id,
            title: p.title,
            text:
              [text!.background.trim(), text!.suggestions.trim() && `建议：${text!.suggestions.trim()}`]
                .filter(Boolean)
                .join('\n\n') || p.title,
            memberIds: p.proposerIds,
            category: text!.category ?? undefined,
          });
        }
        await notifyAuthors(
          tx,
          p,
          `提案已转为${data.target === 'opinion' ? '社情民意信息' : '意见建议'}：${p.title}`,
          comment ?? undefined,
        );
      },
    },
    {
      action: 'assign',
      label: '交办',
      from: ['registered'],
      to: (p) => (p.assignmentApproval ? 'assignPending' : 'handling'),
      roles: OFFICE,
      effect: async (tx, actor, p, data: AssignmentPlan) => {
        const plan = await checkPlan(tx, p.committeeId, data);
        if (p.assignmentApproval) {
          const raw: AssignmentPlan = {
            mode: data.mode,
            leadUnitId: data.leadUnitId,
            assistingUnitIds: data.assistingUnitIds,
            unitIds: data.unitIds,
            dueAt: data.dueAt,
          };
          await tx.execute(sql`update proposals set assignment_plan = ${JSON.stringify(raw)}::jsonb, assignment_mode = ${plan.mode}
            where committee_id = ${p.committeeId} and id = ${p.id}`);
          await notify(tx, {
            committeeId: p.committeeId,
            accountIds: await accountsWithRoles(tx, p.committeeId, ['leader']),
            kind: 'proposal',
            title: `交办方案待审批：${p.title}`,
            link: `/proposals/${p.id}`,
          });
        } else await createAssignments(tx, actor, p, plan);
      },
    },
    {
      action: 'approveAssignment',
      label: '同意交办方案',
      from: ['assignPending'],
      to: 'handling',
      roles: APPROVERS,
      effect: async (tx, actor, p) => {
        const row = await queryOne<{ assignment_plan: AssignmentPlan }>(
          tx,
          sql`select assignment_plan from proposals where committee_id = ${p.committeeId} and id = ${p.id}`,
        );
        await createAssignments(tx, actor, p, await checkPlan(tx, p.committeeId, row!.assignment_plan));
      },
    },
    {
      action: 'rejectAssignment',
      label: '退回交办方案',
      from: ['assignPending'],
      to: 'registered',
      roles: APPROVERS,
      commentRequired: true,
      effect: async (tx, _actor, p, _d, comment) => {
        await tx.execute(
          sql`update proposals set assignment_plan = null where committee_id = ${p.committeeId} and id = ${p.id}`,
        );
        await notifyOffice(tx, p.committeeId, `交办方案被退回：${p.title}`, `/proposals/${p.id}`, comment ?? undefined);
      },
    },
    {
      action: 'allReplied',
      label: '答复审核完毕',
      from: ['handling'],
      to: 'replied',
      roles: ROLE_LIST,
      guard: internalGuard,
      effect: async (tx, _actor, p) => {
        const rules = await rulesFor(tx, p.committeeId, p.id);
        // The proposal's class: the lead unit's; for a split assignment, the best class any unit gave.
        const best = await queryOne<{ outcome_class: string }>(
          tx,
          sql`select r.outcome_class from proposal_replies r
            join proposal_assignments a on a.committee_id = r.committee_id and a.id = r.assignment_id
            where r.committee_id = ${p.committeeId} and r.proposal_id = ${p.id} and r.round = ${p.round} and r.review_state = 'approved'
              and a.role in ('lead', 'split')
            order by array_position(${sql.param(rules.outcomeClasses.map((c) => c.code))}::text[], r.outcome_class) nulls last limit 1`,
        );
        const due = await deadlineAfterDays(tx, p.committeeId, clockNow(), rules.ratingDays, rules.dayUnit);
        await tx.execute(sql`update proposals set outcome_class = ${best?.outcome_class ?? null}, replied_at = now(), rating_due_at = ${due.toISOString()}
          where committee_id = ${p.committeeId} and id = ${p.id}`);
        await notifyAuthors(
          tx,
          p,
          `提案已答复，请评价：${p.title}`,
          `请在 ${rules.ratingDays} 天内对办理结果作出评价（满意 / 基本满意 / 不满意）。`,
        );
      },
      deadline: async (tx, actor, p) => keepRatingDeadline(tx, actor, p),
    },
    {
      action: 'rate',
      label: '评价办理结果',
      from: ['replied'],
      to: 'replied',
      roles: ['member', 'orgAccount', 'proposalStaff', 'committeeAdmin'],
      guard: (actor, p) => {
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
      },
      effect: async (tx, actor, p, data: RatingData, comment) => {
        const staff = actor.roles.includes('proposalStaff') || actor.roles.includes('committeeAdmin');
        let memberId: number | null = null;
        let orgId: number | null = null;
        if (staff && (data.memberId || data.orgId)) {
          memberId = data.memberId ?? null;
          orgId = memberId ? null : (data.orgId ?? null);
          const ok = memberId ? p.answerMemberIds.includes(memberId) : !!orgId && p.answerOrgIds.includes(orgId);
          if (!ok) throw badRequest('proposal.rater', '所选委员不是本提案的提案人', 'memberId');
        } else if (staff) {
          throw badRequest('proposal.rater', '请选择代为评价的提案人', 'memberId');
        } else if (actor.roles.includes('member') && actor.memberId && p.answerMemberIds.includes(actor.memberId)) {
          memberId = actor.memberId;
        } else orgId = actor.orgId;
        if (!['satisfied', 'partlySatisfied', 'unsatisfied'].includes(data.rating ?? ''))
          throw badRequest('proposal.rating', '请选择「评价」：满意、基本满意或不满意', 'rating');
        if (data.rating === 'unsatisfied' && !comment)
          throw badRequest('proposal.rating_comment', '选择不满意时请填写「意见」', 'comment');
        if (p.ratedKeys.includes(memberId ? `m:${memberId}` : `o:${orgId}`))
          throw conflict('proposal.rated', '该提案人已评价过本轮办理结果');
        await tx.execute(sql`insert into proposal_ratings (committee_id, proposal_id, round, member_id, org_id, rating, comment, entered_by_staff, entered_by)
          values (${p.committeeId}, ${p.id}, ${p.round}, ${memberId}, ${orgId}, ${data.rating}, ${comment ?? ''}, ${staff}, ${actor.accountId})`);
      },
      deadline: async (tx, actor, p) => keepRatingDeadline(tx, actor, p),
    },
    {
      action: 'rehandle',
      label: '不满意，再办理',
      from: ['replied'],
      to: 'handling',
      roles: ROLE_LIST,
      guard: internalGuard,
      effect: async (tx, actor, p) => {
        const rules = await rulesFor(tx, p.committeeId, p.id);
        await tx.execute(sql`update proposals set round = round + 1, rating_due_at = null, outcome_class = null
          where committee_id = ${p.committeeId} and id = ${p.id}`);
        const again = await query<{ id: number; unit_id: number }>(
          tx,
          sql`select id, unit_id from proposal_assignments where committee_id = ${p.committeeId} and proposal_id = ${p.id}
            and role in ('lead', 'split') and state = 'done' order by id`,
        );
        for (const a of again) {
          const item = (await loadAssignmentItem(tx, p.committeeId, a.id, true))!;
          await fireTransition(
            tx,
            assignmentProcess,
            actor,
            { ...item, internal: true },
            {
              action: 'rehandle',
              comment: '提案人不满意，进入再办理',
              data: { days: rules.rehandleDays },
            },
          );
        }
      },
    },
    {
      action: 'closeRating',
      label: '评价结束，办理完毕',
      from: ['replied'],
      to: 'completed',
      roles: ROLE_LIST,
      guard: internalGuard,
      effect: async (tx, _actor, p) => {
        await tx.execute(
          sql`update proposals set completed_at = now() where committee_id = ${p.committeeId} and id = ${p.id}`,
        );
      },
    },
  ],
  setState: async (tx, actor, p, to) => {
    await tx.execute(
      sql`update proposals set state = ${to}, updated_at = now() where committee_id = ${actor.committeeId} and id = ${p.id}`,
    );
  },
  load: (tx, committeeId, id) => loadProposalItem(tx, committeeId, id, true),
  onDeadline: async (tx, committeeId, id, kind) => {
    const p = await loadProposalItem(tx, committeeId, id, true);
    if (p?.state !== 'replied') return;
    if (kind === 'remind') {
      const unrated = p.answerMemberIds.filter((m) => !p.ratedKeys.includes(`m:${m}`));
      // A collective proposal's organisation rates too: its accounts (and its responsible person) are reminded.
      const unratedOrgs = p.answerOrgIds.filter((o) => !p.ratedKeys.includes(`o:${o}`));
      await notify(tx, {
        committeeId,
        accountIds: [
          ...(await memberAccounts(tx, committeeId, unrated)),
          ...(await orgAccounts(tx, committeeId, unratedOrgs)),
        ],
        kind: 'proposal.remind',
        title: `请尽快评价提案办理结果：${p.title}`,
        link: `/proposals/${id}`,
      });
      return;
    }
    await closeRatingRound(tx, systemActor(committeeId), p);
  },
});

export interface RatingData {
  rating?: string;
  memberId?: number;
  orgId?: number;
}

/** After a rating (or when the rating window closes): any unsatisfied rating starts another round while rounds remain. */
export async function closeRatingRound(tx: Db, actor: Actor, p: ProposalItem): Promise<string> {
  const rules = await rulesFor(tx, p.committeeId, p.id);
  const unhappy = await queryOne<{ n: number }>(
    tx,
    sql`select count(*)::int as n from proposal_ratings where committee_id = ${p.committeeId} and proposal_id = ${p.id}
      and round = ${p.round} and rating = 'unsatisfied'`,
  );
  const action = unhappy!.n > 0 && p.round < rules.maxRounds ? 'rehandle' : 'closeRating';
  return fireTransition(tx, proposalProcess, actor, { ...p, internal: true }, { action });
}

// ---------- assignment ----------

export interface AssignmentPlan {
  mode?: 'lead' | 'split';
  leadUnitId?: number;
  assistingUnitIds?: number[];
  unitIds?: number[];
  /** ISO date; default: the rules' reply months from now. */
  dueAt?: string;
}

interface CheckedPlan {
  mode: 'lead' | 'split';
  units: { unitId: number; role: 'lead' | 'assisting' | 'split' }[];
  dueAt: string | null;
}

async function checkPlan(tx: Db, committeeId: number, data: AssignmentPlan | null): Promise<CheckedPlan> {
  if (!data || (data.mode !== 'lead' && data.mode !== 'split'))
    throw badRequest('proposal.assign_mode', '请选择「交办方式」：主办会办或分办', 'mode');
  let units: CheckedPlan['units'];
  if (data.mode === 'lead') {
    if (!data.leadUnitId) throw badRequest('proposal.assign_lead', '请选择「主办单位」', 'leadUnitId');
    const assisting = [...new Set(data.assistingUnitIds ?? [])];
    if (assisting.includes(data.leadUnitId))
      throw badRequest('proposal.assign_assisting', '「会办单位」不能与主办单位相同', 'assistingUnitIds');
    units = [
      { unitId: data.leadUnitId, role: 'lead' },
      ...assisting.map((u) => ({ unitId: u, role: 'assisting' as const })),
    ];
  } else {
    const ids = [...new Set(data.unitIds ?? [])];
    if (ids.length < 2) throw badRequest('proposal.assign_split', '分办请至少选择两个「承办单位」', 'unitIds');
    units = ids.map((u) => ({ unitId: u, role: 'split' as const }));
  }
  const ids = units.map((u) => u.unitId);
  const found = await query<{ id: number }>(
    tx,
    sql`select id from handling_units where committee_id = ${committeeId} and active and id = any(${sql.param(ids)}::int[])`,
  );
  if (found.length !== ids.length)
    throw badRequest(
      'proposal.assign_unit',
      '所选承办单位不存在或已停用',
      data.mode === 'lead' ? 'leadUnitId' : 'unitIds',
    );
  let dueAt: string | null = null;
  if (data.dueAt) {
    // A date-only dueAt (the web form's) means the end of that day in Beijing.
    const d = deadlineOf(data.dueAt);
    if (!d || d.getTime() < clockNow().getTime())
      throw badRequest('proposal.assign_due', '「办理期限」须为今天以后的日期', 'dueAt');
    dueAt = d.toISOString();
  }
  return { mode: data.mode, units, dueAt };
}

async function scheduleAssignmentDeadline(tx: Db, committeeId: number, id: number, state: string, dueAt: Date) {
  const rules = await getRules(tx, committeeId);
  const payload = { process: 'proposal-assignment', entityId: id, state, dueAt: dueAt.toISOString() };
  const prefix = `wf:proposal-assignment:${id}:`;
  for (const days of rules.remindDaysBefore) {
    const runAt = reminderAt(dueAt, days);
    await scheduleJob(tx, {
      committeeId,
      kind: 'workflow.remind',
      runAt,
      payload,
      dedupeKey: `${prefix}remind:${days}`,
    });
  }
  await scheduleJob(tx, {
    committeeId,
    kind: 'workflow.overdue',
    runAt: dueAt,
    payload,
    dedupeKey: `${prefix}overdue`,
  });
}

async function insertAssignment(
  tx: Db,
  committeeId: number,
  proposalId: number,
  unitId: number,
  role: 'lead' | 'assisting' | 'split',
  dueAt: Date,
  round: number,
): Promise<number> {
  const [row] = await query<{ id: number }>(
    tx,
    sql`insert into proposal_assignments (committee_id, proposal_id, unit_id, role, round, due_at, original_due_at)
      values (${committeeId}, ${proposalId}, ${unitId}, ${role}, ${round}, ${dueAt.toISOString()}, ${dueAt.toISOString()}) returning id`,
  );
  await scheduleAssignmentDeadline(tx, committeeId, row.id, 'assigned', dueAt);
  return row.id;
}

async function createAssignments(tx: Db, _actor: Actor, p: ProposalItem, plan: CheckedPlan) {
  const rules = await rulesFor(tx, p.committeeId, p.id);
  const now = clockNow();
  const replyDue = plan.dueAt ? new Date(plan.dueAt) : deadlineMonthsAfter(now, rules.replyMonths);
  const viewDue = await deadlineAfterDays(tx, p.committeeId, now, rules.assistingViewDays, rules.dayUnit);
  for (const u of plan.units) {
    await insertAssignment(
      tx,
      p.committeeId,
      p.id,
      u.unitId,
      u.role,
      u.role === 'assisting' && viewDue < replyDue ? viewDue : replyDue,
      p.round,
    );
  }
  await tx.execute(sql`update proposals set assignment_mode = ${plan.mode}, assignment_plan = ${JSON.stringify(plan)}::jsonb, assigned_at = now()
    where committee_id = ${p.committeeId} and id = ${p.id}`);
  for (const u of plan.units) {
    await notifyUnits(
      tx,
      p.committeeId,
      [u.unitId],
      `新交办提案（${u.role === 'lead' ? '主办' : u.role === 'assisting' ? '会办' : '分办'}）：${p.title}`,
      `/proposals/${p.id}`,
      `请在 ${rules.returnRequestDays} 天内签收或申请退回。`,
    );
  }
}

/** When every replying unit's answer has been approved, the proposal moves on to its proposers' rating. */
export async function checkAllReplied(tx: Db, actor: Actor, committeeId: number, proposalId: number): Promise<void> {
  const left = await queryOne<{ open: number; done: number }>(
    tx,
    sql`select count(*) filter (where state not in ('done', 'returned'))::int as open, count(*) filter (where state = 'done')::int as done
      from proposal_assignments where committee_id = ${committeeId} and proposal_id = ${proposalId} and role in ('lead', 'split')`,
  );
  if (left!.open > 0 || left!.done === 0) return;
  const p = (await loadProposalItem(tx, committeeId, proposalId, true))!;
  if (p.state !== 'handling') return;
  await fireTransition(tx, proposalProcess, actor, { ...p, internal: true }, { action: 'allReplied' });
}

const keepDue = async (tx: Db, actor: Actor, a: AssignmentItem): Promise<DeadlineRule> => {
  const row = await queryOne<{ due_at: string }>(
    tx,
    sql`select due_at from proposal_assignments where committee_id = ${actor.committeeId} and id = ${a.id}`,
  );
  const rules = await getRules(tx, actor.committeeId);
  return { dueAt: new Date(row!.due_at), remindDaysBefore: rules.remindDaysBefore };
};

export interface AssignmentData {
  newUnitId?: number;
  way?: string;
  date?: string;
  notes?: string;
  text?: string;
  outcomeClass?: string;
  letterFileId?: number;
  isPublic?: boolean;
  days?: number;
}

export const assignmentProcess: Process<AssignmentItem> = defineProcess<AssignmentItem>({
  name: 'proposal-assignment',
  entity: 'proposal_assignment',
  states: ASSIGNMENT_STATES,
  visibility: ASSIGNMENT_VISIBILITY,
  transitions: [
    {
      action: 'accept',
      label: '签收',
      from: ['assigned'],
      to: 'accepted',
      roles: UNIT,
      guard: ownUnitGuard,
      effect: async (tx, _actor, a) => {
        await tx.execute(
          sql`update proposal_assignments set accepted_at = now() where committee_id = ${a.committeeId} and id = ${a.id}`,
        );
      },
      deadline: (tx, actor, a) => keepDue(tx, actor, a),
    },
    {
      action: 'requestReturn',
      label: '申请退回',
      from: ['assigned'],
      to: 'returnRequested',
      roles: UNIT,
      commentRequired: true,
      guard: (actor, a) =>
        ownUnitGuard(actor, a) ??
        (clockNow() > a.returnDeadline ? `已超过交办后 ${a.returnWindowDays} 天的申请退回期限，请签收办理` : null),
      effect: async (tx, actor, a, _d, comment) => {
        await notifyOffice(
          tx,
          a.committeeId,
          `承办单位申请退回提案：${actor.name}`,
          `/proposals/${a.proposalId}`,
          comment ?? undefined,
        );
      },
      deadline: (tx, actor, a) => keepDue(tx, actor, a),
    },
    {
      action: 'approveReturn',
      label: '同意退回并改交',
      from: ['returnRequested'],
      to: 'returned',
      roles: OFFICE,
      effect: async (tx, _actor, a, data: AssignmentData) => {
        if (!data.newUnitId) {
          if (a.role !== 'assisting') throw badRequest('proposal.new_unit', '请选择改交的「承办单位」', 'newUnitId');
          return;
        }
        const unit = await queryOne<{ id: number }>(
          tx,
          sql`select id from handling_units where committee_id = ${a.committeeId} and id = ${data.newUnitId} and active`,
        );
        if (!unit) throw badRequest('proposal.new_unit', '所选承办单位不存在或已停用', 'newUnitId');
        const dup = await queryOne<{ id: number }>(
          tx,
          sql`select id from proposal_assignments where committee_id = ${a.committeeId} and proposal_id = ${a.proposalId}
            and unit_id = ${data.newUnitId} and state <> 'returned'`,
        );
        if (dup) throw badRequest('proposal.new_unit', '该单位已在办理本提案，请选择其他单位', 'newUnitId');
        const rules = await rulesFor(tx, a.committeeId, a.proposalId);
        const due =
          a.role === 'assisting'
            ? await deadlineAfterDays(tx, a.committeeId, clockNow(), rules.assistingViewDays, rules.dayUnit)
            : deadlineMonthsAfter(clockNow(), rules.replyMonths);
        const newId = await insertAssignment(tx, a.committeeId, a.proposalId, data.newUnitId, a.role, due, a.round);
        await tx.execute(
          sql`update proposal_assignments set replaced_by_id = ${newId} where committee_id = ${a.committeeId} and id = ${a.id}`,
        );
        await notifyUnits(tx, a.committeeId, [data.newUnitId], '新交办提案（改交）', `/proposals/${a.proposalId}`);
      },
    },
    {
      action: 'refuseReturn',
      label: '不同意退回',
      from: ['returnRequested'],
      to: 'accepted',
      roles: OFFICE,
      commentRequired: true,
      effect: async (tx, _actor, a, _d, comment) => {
        await tx.execute(
          sql`update proposal_assignments set accepted_at = coalesce(accepted_at, now()) where committee_id = ${a.committeeId} and id = ${a.id}`,
        );
        await notifyUnits(
          tx,
          a.committeeId,
          [a.unitId],
          '退回申请未获同意，请继续办理',
          `/proposals/${a.proposalId}`,
          comment ?? undefined,
        );
      },
      deadline: (tx, actor, a) => keepDue(tx, actor, a),
    },
    {
      action: 'sendView',
      label: '提交会办意见',
      from: ['accepted'],
      to: 'viewSent',
      roles: UNIT,
      guard: (actor, a) =>
        ownUnitGuard(actor, a) ?? (a.role === 'assisting' ? null : '只有会办单位向主办单位提交会办意见'),
      effect: async (tx, actor, a, data: AssignmentData) => {
        const text = data.text?.trim();
        if (!text) throw badRequest('proposal.view_text', '请填写「会办意见」', 'text');
        await tx.execute(sql`insert into proposal_assisting_views (committee_id, assignment_id, proposal_id, text, created_by)
          values (${a.committeeId}, ${a.id}, ${a.proposalId}, ${text}, ${actor.accountId})`);
        await tx.execute(
          sql`update proposal_assignments set replied_at = now(), done_at = now() where committee_id = ${a.committeeId} and id = ${a.id}`,
        );
        const leads = await query<{ unit_id: number }>(
          tx,
          sql`select unit_id from proposal_assignments where committee_id = ${a.committeeId} and proposal_id = ${a.proposalId}
            and role = 'lead' and state <> 'returned'`,
        );
        await notifyUnits(
          tx,
          a.committeeId,
          leads.map((l) => l.unit_id),
          `会办单位提交了会办意见：${actor.name}`,
          `/proposals/${a.proposalId}`,
        );
      },
    },
    {
      action: 'recordContact',
      label: '记录办前面商',
      from: ['accepted', 'extensionRequested'],
      to: (a) => a.state,
      roles: UNIT,
      guard: replyingUnitGuard,
      effect: async (tx, actor, a, data: AssignmentData) => {
        const way = data.way?.trim();
        if (!way) throw badRequest('proposal.contact_way', '请填写「面商方式」', 'way');
        if (!data.date || Number.isNaN(new Date(data.date).getTime()))
          throw badRequest('proposal.contact_date', '请填写「面商日期」', 'date');
        if (new Date(data.date).getTime() > Date.now() + 86_400_000)
          throw badRequest('proposal.contact_date', '「面商日期」不能晚于今天', 'date');
        await tx.execute(sql`insert into proposal_contacts (committee_id, assignment_id, proposal_id, round, way, contact_date, notes, created_by)
          values (${a.committeeId}, ${a.id}, ${a.proposalId}, ${a.round}, ${way}, ${data.date.slice(0, 10)}, ${data.notes?.trim() ?? ''}, ${actor.accountId})`);
      },
      deadline: (tx, actor, a) => keepDue(tx, actor, a),
    },
    {
      action: 'requestExtension',
      label: '申请延期',
      from: ['accepted'],
      to: 'extensionRequested',
      roles: UNIT,
      commentRequired: true,
      guard: replyingUnitGuard,
      effect: async (tx, actor, a, _d, comment) => {
        await notifyOffice(
          tx,
          a.committeeId,
          `承办单位申请延期：${actor.name}`,
          `/proposals/${a.proposalId}`,
          comment ?? undefined,
        );
      },
      deadline: (tx, actor, a) => keepDue(tx, actor, a),
    },
    {
      action: 'approveExtension',
      label: '同意延期',
      from: ['extensionRequested'],
      to: 'accepted',
      roles: OFFICE,
      effect: async (tx, _actor, a) => {
        const rules = await rulesFor(tx, a.committeeId, a.proposalId);
        const due = deadlineMonthsAfter(a.dueAt, rules.extensionMonths);
        await tx.execute(sql`update proposal_assignments set due_at = ${due.toISOString()}, extension_count = extension_count + 1, overdue_at = null
          where committee_id = ${a.committeeId} and id = ${a.id}`);
        await notifyUnits(
          tx,
          a.committeeId,
          [a.unitId],
          `延期申请已同意，新的办理期限为 ${formatBeijingDate(due)}`,
          `/proposals/${a.proposalId}`,
        );
      },
      deadline: (tx, actor, a) => keepDue(tx, actor, a),
    },
    {
      action: 'refuseExtension',
      label: '不同意延期',
      from: ['extensionRequested'],
      to: 'accepted',
      roles: OFFICE,
      commentRequired: true,
      effect: async (tx, _actor, a, _d, comment) =>
        notifyUnits(
          tx,
          a.committeeId,
          [a.unitId],
          '延期申请未获同意，请按期答复',
          `/proposals/${a.proposalId}`,
          comment ?? undefined,
        ),
      deadline: (tx, actor, a) => keepDue(tx, actor, a),
    },
    {
      action: 'reply',
      label: '答复提案',
      from: ['accepted', 'extensionRequested'],
      to: 'replied',
      roles: UNIT,
      guard: replyingUnitGuard,
      effect: async (tx, actor, a, data: AssignmentData) => {
        const rules = await rulesFor(tx, a.committeeId, a.proposalId);
        if (!data.outcomeClass || !rules.outcomeClasses.some((c) => c.code === data.outcomeClass))
          throw badRequest('proposal.outcome_class', '请选择「办理结果」类别', 'outcomeClass');
        const text = data.text?.trim();
        if (!text) throw badRequest('proposal.reply_text', '请填写「答复内容」', 'text');
        if (rules.contactRequired) {
          const c = await queryOne<{ n: number }>(
            tx,
            sql`select count(*)::int as n from proposal_contacts where committee_id = ${a.committeeId} and assignment_id = ${a.id} and round = ${a.round}`,
          );
          if (!c!.n)
            throw conflict('proposal.contact_required', '答复前请先与提案人沟通（办前面商），并记录面商方式和日期');
        }
        const [reply] = await query<{ id: number }>(
          tx,
          sql`insert into proposal_replies (committee_id, assignment_id, proposal_id, unit_id, round, outcome_class, original_class, text, letter_file_id, is_public, created_by)
            values (${a.committeeId}, ${a.id}, ${a.proposalId}, ${a.unitId}, ${a.round}, ${data.outcomeClass}, ${data.outcomeClass}, ${text},
              ${data.letterFileId ?? null}, ${!!data.isPublic}, ${actor.accountId}) returning id`,
        );
        if (data.letterFileId) await attachFiles(tx, actor, [data.letterFileId], 'proposal_reply', reply.id);
        await tx.execute(
          sql`update proposal_assignments set replied_at = coalesce(replied_at, now()) where committee_id = ${a.committeeId} and id = ${a.id}`,
        );
        await notifyOffice(tx, a.committeeId, `承办单位已答复，待审核：${actor.name}`, `/proposals/${a.proposalId}`);
      },
    },
    {
      action: 'approveReply',
      label: '审核通过答复',
      from: ['replied'],
      to: 'done',
      roles: OFFICE,
      effect: async (tx, _actor, a, data: AssignmentData) => {
        const rules = await rulesFor(tx, a.committeeId, a.proposalId);
        if (data.outcomeClass && !rules.outcomeClasses.some((c) => c.code === data.outcomeClass))
          throw badRequest('proposal.outcome_class', '「办理结果」类别不正确', 'outcomeClass');
        await tx.execute(sql`update proposal_replies set review_state = 'approved', reviewed_at = now(),
            outcome_class = coalesce(${data.outcomeClass ?? null}, outcome_class)
          where committee_id = ${a.committeeId} and assignment_id = ${a.id} and round = ${a.round} and review_state = 'pending'`);
        await tx.execute(
          sql`update proposal_assignments set done_at = now() where committee_id = ${a.committeeId} and id = ${a.id}`,
        );
      },
    },
    {
      action: 'sendBackReply',
      label: '退回答复重新办理',
      from: ['replied'],
      to: 'accepted',
      roles: OFFICE,
      commentRequired: true,
      effect: async (tx, _actor, a, _d, comment) => {
        await tx.execute(sql`update proposal_replies set review_state = 'sentBack', reviewed_at = now(), review_comment = ${comment}
          where committee_id = ${a.committeeId} and assignment_id = ${a.id} and round = ${a.round} and review_state = 'pending'`);
        await notifyUnits(
          tx,
          a.committeeId,
          [a.unitId],
          '答复被退回，请修改后重新答复',
          `/proposals/${a.proposalId}`,
          comment ?? undefined,
        );
      },
      deadline: (tx, actor, a) => keepDue(tx, actor, a),
    },
    {
      action: 'rehandle',
      label: '再办理',
      from: ['done'],
      to: 'accepted',
      roles: ROLE_LIST,
      guard: internalGuard,
      effect: async (tx, _actor, a, data: AssignmentData) => {
        const rules = await rulesFor(tx, a.committeeId, a.proposalId);
        const due = await deadlineAfterDays(
          tx,
          a.committeeId,
          clockNow(),
          data.days ?? rules.rehandleDays,
          rules.dayUnit,
        );
        await tx.execute(sql`update proposal_assignments set round = round + 1, due_at = ${due.toISOString()}, done_at = null, replied_at = null, overdue_at = null
          where committee_id = ${a.committeeId} and id = ${a.id}`);
        await notifyUnits(
          tx,
          a.committeeId,
          [a.unitId],
          `提案人对答复不满意，请再办理（期限 ${formatBeijingDate(due)}）`,
          `/proposals/${a.proposalId}`,
        );
      },
      deadline: (tx, actor, a) => keepDue(tx, actor, a),
    },
  ],
  setState: async (tx, actor, a, to) => {
    await tx.execute(
      sql`update proposal_assignments set state = ${to} where committee_id = ${actor.committeeId} and id = ${a.id}`,
    );
  },
  load: (tx, committeeId, id) => loadAssignmentItem(tx, committeeId, id, true),
  onDeadline: async (tx, committeeId, id, kind, dueAt) => {
    const a = await loadAssignmentItem(tx, committeeId, id, true);
    if (!a) return;
    const p = await queryOne<{ title: string }>(
      tx,
      sql`select title from proposals where committee_id = ${committeeId} and id = ${a.proposalId}`,
    );
    const day = formatBeijingDate(dueAt);
    if (kind === 'remind') {
      await notify(tx, {
        committeeId,
        accountIds: await unitAccounts(tx, committeeId, [a.unitId]),
        kind: 'proposal.remind',
        title: `提案办理即将到期（${day}）：${p!.title}`,
        link: `/proposals/${a.proposalId}`,
      });
      return;
    }
    await tx.execute(
      sql`update proposal_assignments set overdue_at = now() where committee_id = ${committeeId} and id = ${id}`,
    );
    await notify(tx, {
      committeeId,
      accountIds: [
        ...(await unitAccounts(tx, committeeId, [a.unitId])),
        ...(await accountsWithRoles(tx, committeeId, ['proposalStaff', 'leader'])),
      ],
      kind: 'proposal.overdue',
      title: `提案办理已超期（期限 ${day}）：${p!.title}`,
      link: `/proposals/${a.proposalId}`,
    });
  },
});

// ---------- commendation ----------

const COMMEND: Role[] = ['proposalStaff', 'leader', 'committeeAdmin'];

export const commendationProcess: Process<CommendationItem> = defineProcess<CommendationItem>({
  name: 'proposal-commendation',
  entity: 'proposal_commendation',
  states: COMMENDATION_STATES,
  transitions: [
    { action: 'nominate', label: '推荐为优秀提案', from: ['none', 'dropped'], to: 'nominated', roles: COMMEND },
    {
      action: 'evaluate',
      label: '评审',
      from: ['nominated'],
      to: 'evaluated',
      roles: COMMEND,
      effect: async (tx, actor, c, data: { score?: number; opinion?: string }) => {
        if (data.score == null || !Number.isInteger(data.score) || data.score < 0 || data.score > 100)
          throw badRequest('proposal.commend_score', '「评审得分」须为 0–100 的整数', 'score');
        await tx.execute(sql`update proposal_commendations set score = ${data.score}, opinion = ${data.opinion?.trim() ?? ''}
          where committee_id = ${actor.committeeId} and id = ${c.id}`);
      },
    },
    {
      action: 'publish',
      label: '公布表彰',
      from: ['evaluated'],
      to: 'published',
      roles: COMMEND,
      effect: async (tx, actor, c) => {
        await tx.execute(
          sql`update proposal_commendations set published_at = now() where committee_id = ${actor.committeeId} and id = ${c.id}`,
        );
        const p = (await loadProposalItem(tx, actor.committeeId, c.proposalId))!;
        for (const f of proposalFacts(p)) {
          await recordDutyFact(tx, {
            committeeId: actor.committeeId,
            memberId: f.memberId,
            kind: 'proposal.commended',
            role: f.role,
            sourceType: 'proposal',
            sourceId: p.id,
            occurredOn: clockNow(),
            detail: { title: p.title, year: c.year },
          });
        }
        await notifyAuthors(tx, p, `您的提案被评为优秀提案：${p.title}`);
      },
    },
    {
      action: 'drop',
      label: '不予表彰',
      from: ['nominated', 'evaluated'],
      to: 'dropped',
      roles: COMMEND,
      commentRequired: true,
    },
  ],
  setState: async (tx, actor, c, to) => {
    await tx.execute(
      sql`update proposal_commendations set state = ${to} where committee_id = ${actor.committeeId} and id = ${c.id}`,
    );
  },
  load: loadCommendationItem,
});

export async function mustLoadProposal(tx: Db, actor: Actor, id: number): Promise<ProposalItem> {
  const p = await loadProposalItem(tx, actor.committeeId, id, true);
  if (!p) throw notFound('proposal.not_found', '提案不存在');
  return p;
}

export type { ProposalRules };
