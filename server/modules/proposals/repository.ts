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

/** A proposer as the item reads them: of the proposal itself or of one merged into it (`proposal_id`). */
export interface ProposerRow {
  member_id: number;
  is_lead: boolean;
  cosign_status: string;
  proposal_id: number;
}

/** A rating's rater this round: a member or an organisation. */
export interface RaterRow {
  member_id: number | null;
  org_id: number | null;
}

/** The proposal's own columns an item is made of, named as in the table (the detail page's row has them too). */
export interface ProposalItemRow {
  id: number;
  state: string;
  kind: ProposalItem['kind'];
  org_id: number | null;
  title: string;
  round: number;
  registered_at: Date | string | null;
  rating_due_at: Date | string | null;
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
    ProposalItemRow & { year: number | null; people: ProposerRow[]; merged_orgs: number[]; ratings: RaterRow[] }
  >(
    db,
    sql`select p.id, p.state, p.kind, p.org_id, p.title, p.round, p.registered_at, p.rating_due_at, p.year,
        coalesce((select json_agg(json_build_object('member_id', pp.member_id, 'is_lead', pp.is_lead, 'cosign_status', pp.cosign_status,
            'proposal_id', pp.proposal_id) order by pp.proposal_id, pp.sort, pp.member_id)
          from proposal_proposers pp where pp.committee_id = p.committee_id and (pp.proposal_id = p.id or pp.proposal_id in
            (select m.id from proposals m where m.committee_id = p.committee_id and m.merged_into_id = p.id))), '[]') as people,
        array(select distinct m.org_id from proposals m where m.committee_id = p.committee_id and m.merged_into_id = p.id
          and m.org_id is not null) as merged_orgs,
        coalesce((select json_agg(json_build_object('member_id', r.member_id, 'org_id', r.org_id)) from proposal_ratings r
          where r.committee_id = p.committee_id and r.proposal_id = p.id and r.round = p.round), '[]') as ratings
      from proposals p where p.committee_id = ${committeeId} and p.id = ${id} ${lock ? sql`for update of p` : sql``}`,
  );
  if (!p) return null;
  const rules = await getRules(db, committeeId, p.year ?? beijingYearOf());
  return proposalItemOf(committeeId, p, p.people, p.merged_orgs, p.ratings, rules);
}

/**
 * The engine's item from what was read: `p` the proposal's columns (id, state, kind, org_id, title, round,
 * registered_at, rating_due_at), `people` its own and its merged proposals' proposers in (proposal, sort, member)
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
  const own = people.filter((x) => x.proposal_id === p.id);
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
    answerOrgIds: [...new Set([...(p.org_id ? [p.org_id] : []), ...mergedOrgIds])],
    ratedKeys: ratings.map((r) => (r.member_id ? `m:${r.member_id}` : `o:${r.org_id}`)),
    round: p.round,
    registered: !!p.registered_at,
    assignmentApproval: rules.assignmentApproval,
    ratingDueAt: p.rating_due_at ? new Date(p.rating_due_at) : null,
  };
}

/** An assignment's columns an item is made of, named as in the table (the detail page's rows have them too). */
export interface AssignmentItemRow {
  id: number;
  state: string;
  unit_id: number;
  role: AssignmentItem['role'];
  round: number;
  assigned_at: Date | string;
  due_at: Date | string;
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
  unitId: a.unit_id,
  role: a.role,
  round: a.round,
  assignedAt: new Date(a.assigned_at),
  dueAt: new Date(a.due_at),
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
  const a = await queryOne<AssignmentItemRow & { proposal_id: number; year: number | null }>(
    db,
    sql`select a.id, a.state, a.proposal_id, a.unit_id, a.role, a.round, a.assigned_at, a.due_at, p.year
      from proposal_assignments a join proposals p on p.committee_id = a.committee_id and p.id = a.proposal_id
      where a.committee_id = ${committeeId} and a.id = ${id} ${lock ? sql`for update of a` : sql``}`,
  );
  if (!a) return null;
  const rules = await getRules(db, committeeId, a.year ?? beijingYearOf());
  const returnDeadline = await deadlineAfterDays(
    db,
    committeeId,
    new Date(a.assigned_at),
    rules.returnRequestDays,
    rules.dayUnit,
  );
  const contactMissing =
    rules.contactRequired &&
    !(await queryOne<{ n: number }>(
      db,
      sql`select count(*)::int as n from proposal_contacts where committee_id = ${committeeId} and assignment_id = ${a.id} and round = ${a.round}`,
    ))!.n;
  return assignmentItemOf(committeeId, a.proposal_id, a, rules, returnDeadline, contactMissing);
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
