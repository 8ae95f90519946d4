// The workflow items the proposal processes act on, loaded with everything their guards need (proposers, unit,
// round, rules), and the small reads effects share. SQL only; callers get typed camelCase items.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { beijingYearOf, deadlineAfterDays } from '../../platform/dates.ts';
import { type Db, queryOne } from '../../platform/db/client.ts';
import type { WorkflowItem } from '../../platform/workflow/engine.ts';
import { proposalNotFound } from './errors.ts';
import { getRules, type ProposalRules } from './rules.ts';

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
  /** The committee requires 办前面商 before a reply and none is recorded for this round yet. */
  contactMissing?: boolean;
  internal?: boolean;
}

export interface CommendationItem extends WorkflowItem {
  proposalId: number;
  year: number;
}

/** A proposer as the item reads them: of the proposal itself or of one merged into it (`proposalId`). */
export interface ProposerRow {
  memberId: number;
  isLead: boolean;
  cosignStatus: string;
  proposalId: number;
}

/** A rating's rater this round: a member or an organisation. */
export interface RaterRow {
  memberId: number | null;
  orgId: number | null;
}

/**
 * The proposal's own columns an item is made of, camelCase (the detail page's row has them too); times as the driver
 * reads them (Date) or as JSON gives them (ISO string).
 */
export interface ProposalItemRow {
  id: number;
  state: string;
  kind: ProposalItem['kind'];
  orgId: number | null;
  title: string;
  round: number;
  registeredAt: Date | string | null;
  ratingDueAt: Date | string | null;
}

export async function loadProposalItem(
  db: Db,
  committeeId: number,
  id: number,
  lock = false,
): Promise<ProposalItem | null> {
  // One statement: the row (locked when asked), its proposers and those of proposals merged into it, the
  // organisations of merged collective proposals, and who has rated it this round.
  const p = await queryOne<
    ProposalItemRow & { year: number | null; people: ProposerRow[]; mergedOrgs: number[]; ratings: RaterRow[] }
  >(
    db,
    sql`select p.id, p.state, p.kind, p.org_id as "orgId", p.title, p.round, p.registered_at as "registeredAt",
        p.rating_due_at as "ratingDueAt", p.year,
        coalesce((select json_agg(json_build_object('memberId', pp.member_id, 'isLead', pp.is_lead, 'cosignStatus', pp.cosign_status,
            'proposalId', pp.proposal_id) order by pp.proposal_id, pp.sort, pp.member_id)
          from proposal_proposers pp where pp.committee_id = p.committee_id and (pp.proposal_id = p.id or pp.proposal_id in
            (select m.id from proposals m where m.committee_id = p.committee_id and m.merged_into_id = p.id))), '[]') as people,
        array(select distinct m.org_id from proposals m where m.committee_id = p.committee_id and m.merged_into_id = p.id
          and m.org_id is not null) as "mergedOrgs",
        coalesce((select json_agg(json_build_object('memberId', r.member_id, 'orgId', r.org_id)) from proposal_ratings r
          where r.committee_id = p.committee_id and r.proposal_id = p.id and r.round = p.round), '[]') as ratings
      from proposals p where p.committee_id = ${committeeId} and p.id = ${id} ${lock ? sql`for update of p` : sql``}`,
  );
  if (!p) return null;
  const rules = await getRules(db, committeeId, p.year ?? beijingYearOf());
  return proposalItemOf(committeeId, p, p.people, p.mergedOrgs, p.ratings, rules);
}

/**
 * The engine's item from what was read: `p` the proposal's columns (id, state, kind, orgId, title, round,
 * registeredAt, ratingDueAt), `people` its own and its merged proposals' proposers in (proposal, sort, member)
 * order, `mergedOrgIds` the organisations of its merged proposals, `ratings` this round's raters.
 */
export function proposalItemOf(
  committeeId: number,
  p: ProposalItemRow,
  people: ProposerRow[],
  mergedOrgIds: number[],
  ratings: RaterRow[],
  rules: { assignmentApproval: boolean },
): ProposalItem {
  const own = people.filter((x) => x.proposalId === p.id);
  return {
    id: p.id,
    committeeId,
    state: p.state,
    kind: p.kind,
    orgId: p.orgId,
    title: p.title,
    leadMemberId: own.find((x) => x.isLead)?.memberId ?? null,
    proposerIds: own.filter((x) => x.cosignStatus === 'confirmed').map((x) => x.memberId),
    pendingCosignerIds: own.filter((x) => x.cosignStatus === 'invited').map((x) => x.memberId),
    answerMemberIds: [...new Set(people.filter((x) => x.cosignStatus === 'confirmed').map((x) => x.memberId))],
    answerOrgIds: [...new Set([...(p.orgId ? [p.orgId] : []), ...mergedOrgIds])],
    ratedKeys: ratings.map((r) => (r.memberId ? `m:${r.memberId}` : `o:${r.orgId}`)),
    round: p.round,
    registered: !!p.registeredAt,
    assignmentApproval: rules.assignmentApproval,
    ratingDueAt: p.ratingDueAt ? new Date(p.ratingDueAt) : null,
  };
}

/** An assignment's columns an item is made of, camelCase (the detail page's rows have them too). */
export interface AssignmentItemRow {
  id: number;
  state: string;
  unitId: number;
  role: AssignmentItem['role'];
  round: number;
  assignedAt: Date | string;
  dueAt: Date | string;
}

/**
 * The engine's item of an assignment of proposal `proposalId`: `returnDeadline` is when its return window ends,
 * `contactMissing` whether the rules require 办前面商 and none is recorded for its round.
 */
export const assignmentItemOf = (
  committeeId: number,
  proposalId: number,
  a: AssignmentItemRow,
  rules: Pick<ProposalRules, 'returnRequestDays'>,
  returnDeadline: Date,
  contactMissing: boolean,
): AssignmentItem => ({
  id: a.id,
  committeeId,
  state: a.state,
  proposalId,
  unitId: a.unitId,
  role: a.role,
  round: a.round,
  assignedAt: new Date(a.assignedAt),
  dueAt: new Date(a.dueAt),
  returnWindowDays: rules.returnRequestDays,
  returnDeadline,
  contactMissing,
});

export async function loadAssignmentItem(
  db: Db,
  committeeId: number,
  id: number,
  lock = false,
): Promise<AssignmentItem | null> {
  const a = await queryOne<AssignmentItemRow & { proposalId: number; year: number | null }>(
    db,
    sql`select a.id, a.state, a.proposal_id as "proposalId", a.unit_id as "unitId", a.role, a.round,
        a.assigned_at as "assignedAt", a.due_at as "dueAt", p.year
      from proposal_assignments a join proposals p on p.committee_id = a.committee_id and p.id = a.proposal_id
      where a.committee_id = ${committeeId} and a.id = ${id} ${lock ? sql`for update of a` : sql``}`,
  );
  if (!a) return null;
  const rules = await getRules(db, committeeId, a.year ?? beijingYearOf());
  const returnDeadline = await deadlineAfterDays(
    db,
    committeeId,
    new Date(a.assignedAt),
    rules.returnRequestDays,
    rules.dayUnit,
  );
  const contactMissing =
    rules.contactRequired &&
    !(await queryOne<{ n: number }>(
      db,
      sql`select count(*)::int as n from proposal_contacts where committee_id = ${committeeId} and assignment_id = ${a.id} and round = ${a.round}`,
    ))!.n;
  return assignmentItemOf(committeeId, a.proposalId, a, rules, returnDeadline, contactMissing);
}

export const loadCommendationItem = async (db: Db, committeeId: number, id: number): Promise<CommendationItem | null> =>
  (await queryOne<CommendationItem>(
    db,
    sql`select id, state, proposal_id as "proposalId", year from proposal_commendations where committee_id = ${committeeId} and id = ${id}`,
  )) ?? null;

/** A proposal's state (locked for update when asked); null when the committee has no such proposal. */
export const proposalState = async (db: Db, committeeId: number, id: number, lock = false) =>
  (
    await queryOne<{ state: string }>(
      db,
      sql`select state from proposals where committee_id = ${committeeId} and id = ${id} ${lock ? sql`for update` : sql``}`,
    )
  )?.state ?? null;

/** What a proposal says, as stored: its title, texts, category and year; null when the committee has no such proposal. */
export interface ProposalText {
  title: string;
  background: string;
  suggestions: string;
  category: string | null;
  year: number | null;
}

export const loadProposalText = async (db: Db, committeeId: number, id: number): Promise<ProposalText | null> =>
  (await queryOne<ProposalText>(
    db,
    sql`select title, background, suggestions, category, year from proposals where committee_id = ${committeeId} and id = ${id}`,
  )) ?? null;

/** Whose reply `replyId` is: its proposal, its unit and how far its review is; null when the committee has none. */
export const replyOwner = async (db: Db, committeeId: number, replyId: number) =>
  (await queryOne<{ proposalId: number; unitId: number; reviewState: string }>(
    db,
    sql`select proposal_id as "proposalId", unit_id as "unitId", review_state as "reviewState" from proposal_replies
      where committee_id = ${committeeId} and id = ${replyId}`,
  )) ?? null;

/** The rules of the proposal's year (this year's while it has none). */
export const rulesFor = async (tx: Db, committeeId: number, proposalId: number) => {
  const row = await queryOne<{ year: number | null }>(
    tx,
    sql`select year from proposals where committee_id = ${committeeId} and id = ${proposalId}`,
  );
  return getRules(tx, committeeId, row?.year ?? beijingYearOf());
};

export async function mustLoadProposal(tx: Db, actor: Actor, id: number): Promise<ProposalItem> {
  const p = await loadProposalItem(tx, actor.committeeId, id, true);
  if (!p) throw proposalNotFound();
  return p;
}
