// A proposal's detail page in one statement (issue 18): the proposal row with its names, and every part of the page —
// proposers, merged proposals, suggested units, assignments, contacts, assisting views, replies, ratings, raters, key
// record and events, commendation, files, timeline, the year's rules — as JSON subselects of that row, instead of ~20
// statements in three waves. The visibility condition is in its WHERE: a proposal the reader may not see is no row.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { beijingYearOf } from '../../platform/dates.ts';
import { type Db, queryOne } from '../../platform/db/client.ts';
import { memberDirectory } from '../org/members-directory.ts';
import type { AssignmentItemRow, ProposalItemRow, ProposerRow, RaterRow } from './repository.ts';
import { type ProposalRules, RULES_KEY } from './rules.ts';
import { visibleSql } from './service.ts';

/** A time as the driver reads a main-row column (Date) or as a JSON part gives it (ISO string). */
type Time = Date | string;

/** A proposer of the proposal itself, with the member's sector and work unit, in lead-first, sort order. */
export interface PageProposer {
  memberId: number;
  name: string;
  isLead: boolean;
  cosignStatus: string;
  respondedAt: string | null;
  sort: number;
  sector: string | null;
  workUnit: string | null;
}

/** An assignment to a handling unit with the unit's name; lead first, then split, then assisting. */
export interface PageAssignment extends AssignmentItemRow {
  unitName: string;
  originalDueAt: string;
  acceptedAt: string | null;
  repliedAt: string | null;
  extensionCount: number;
}

/** A unit's reply with its unit's name and the name of its letter file (null: no letter). */
export interface PageReply {
  id: number;
  assignmentId: number;
  unitId: number;
  unitName: string;
  round: number;
  outcomeClass: string;
  originalClass: string;
  text: string;
  letterFileId: number | null;
  letterName: string | null;
  isPublic: boolean;
  reviewState: string;
  reviewComment: string | null;
  createdAt: string;
}

/** A rating (either round) with the rating member's or organisation's name. */
export interface PageRating extends RaterRow {
  id: number;
  round: number;
  rating: string;
  comment: string;
  enteredByStaff: boolean;
  raterName: string | null;
  createdAt: string;
}

/** A step of the proposal's, its assignments' or its commendation's process, as workflow_transitions holds it. */
export interface PageStep {
  id: number;
  process: string;
  entityId: number;
  action: string;
  fromState: string;
  toState: string;
  actorName: string | null;
  comment: string | null;
  data: unknown;
  createdAt: string;
}

/**
 * The proposal's detail page as one row: the proposal's columns (times as Dates), its names, and its parts as arrays
 * of JSON rows (times as ISO strings, dates as 'YYYY-MM-DD'), each in the order the page shows it.
 */
export interface ProposalPage extends ProposalItemRow {
  number: number | null;
  background: string;
  suggestions: string;
  category: string | null;
  year: number | null;
  termId: number | null;
  sessionId: number | null;
  isSessionProposal: boolean;
  isKey: boolean;
  isPublic: boolean;
  mergedIntoId: number | null;
  convertedTo: 'opinion' | 'suggestion' | null;
  rejectGround: string | null;
  assignmentMode: 'lead' | 'split' | null;
  assignmentPlan: unknown;
  outcomeClass: string | null;
  submittedAt: Time | null;
  createdAt: Time;
  updatedAt: Time;
  sessionName: string | null;
  termName: string | null;
  orgName: string | null;
  responsibleName: string | null;
  mergedTitle: string | null;
  mergedNumber: number | null;
  mergedSessionName: string | null;
  /** The opinion report this proposal was converted into, when it was. */
  convertedOpinionId: number | null;
  /** The year's stored rules; null: the defaults. */
  rulesValue: Partial<ProposalRules> | null;
  proposers: PageProposer[];
  /** The proposers of this proposal and of those merged into it, in (proposal, sort, member) order. */
  people: ProposerRow[];
  /** The proposals merged into this one; `names`: their confirmed proposers joined with '、' (null: none). */
  mergedFrom: { id: number; title: string; orgId: number | null; orgName: string | null; names: string | null }[];
  /** The handling units the proposers suggested. */
  units: { id: number; name: string }[];
  assignments: PageAssignment[];
  /** 办前面商 records; `contactDate` 'YYYY-MM-DD'. */
  contacts: {
    id: number;
    assignmentId: number;
    round: number;
    way: string;
    contactDate: string;
    notes: string;
    createdAt: string;
  }[];
  /** Assisting units' views on the lead unit's reply. */
  views: { id: number; assignmentId: number; text: string; createdAt: string }[];
  replies: PageReply[];
  ratings: PageRating[];
  /** Who may rate: the confirmed proposers of this and merged proposals ('m') and their organisations ('o'). */
  raters: { k: 'm' | 'o'; id: number; name: string }[];
  /** The key-proposal record (重点提案), if selected. */
  keyRec: { governmentLeader: string; supervisingLeader: string; note: string; selectedAt: string } | null;
  /** The key proposal's events; `eventDate` 'YYYY-MM-DD'. */
  keyEvents: {
    id: number;
    kind: string;
    eventDate: string;
    text: string;
    createdByName: string | null;
    createdAt: string;
  }[];
  /** The latest year's commendation record, if any. */
  comm: {
    id: number;
    year: number;
    state: string;
    reason: string;
    score: number | null;
    opinion: string | null;
  } | null;
  files: { id: number; name: string; mime: string; size: number }[];
  timeline: PageStep[];
}

/** The proposal's page (ProposalPage), or null when the proposal does not exist or is not visible to `actor`. */
export async function readProposalPage(db: Db, actor: Actor, id: number): Promise<ProposalPage | null> {
  const c = actor.committeeId;
  // mg.ids: this proposal and the proposals merged into it; mg.org_ids: those merged proposals' organisations. Each
  // part below matches them with `= any(…)`, an index condition, where `= p.id or in (select …)` scanned every row of
  // the committee's table (issue 18).
  const commendationId = sql`(select k.id from proposal_commendations k where k.committee_id = p.committee_id
    and k.proposal_id = p.id order by k.year desc limit 1)`;
  const steps = sql`select w.id, w.process, w.entity_id as "entityId", w.action, w.from_state as "fromState",
    w.to_state as "toState", w.actor_name as "actorName", w.comment, w.data, w.created_at as "createdAt"
    from workflow_transitions w where w.committee_id = p.committee_id`;
  return (
    (await queryOne<ProposalPage>(
      db,
      sql`select p.id, p.number, p.title, p.background, p.suggestions, p.category, p.kind, p.state, p.year,
        p.term_id as "termId", p.session_id as "sessionId", p.is_session_proposal as "isSessionProposal",
        p.is_key as "isKey", p.is_public as "isPublic", p.merged_into_id as "mergedIntoId",
        p.converted_to as "convertedTo", p.reject_ground as "rejectGround", p.org_id as "orgId",
        p.assignment_mode as "assignmentMode", p.assignment_plan as "assignmentPlan", p.round,
        p.outcome_class as "outcomeClass", p.rating_due_at as "ratingDueAt", p.submitted_at as "submittedAt",
        p.registered_at as "registeredAt", p.created_at as "createdAt", p.updated_at as "updatedAt",
        s.name as "sessionName", t.name as "termName", o.name as "orgName", o.responsible_name as "responsibleName",
        mi.title as "mergedTitle", mi.number as "mergedNumber", ms.name as "mergedSessionName",
        case when p.converted_to = 'opinion' then (select r.id from opinion_reports r
          where r.committee_id = p.committee_id and r.source_proposal_id = p.id order by r.id limit 1) end as "convertedOpinionId",
        (select st.value from settings st where st.committee_id = p.committee_id and st.key = ${RULES_KEY}
          and st.year <= coalesce(p.year, ${beijingYearOf()}) order by st.year desc limit 1) as "rulesValue",
        coalesce((select json_agg(x order by x."isLead" desc, x.sort, x."memberId") from (
          select pp.member_id as "memberId", m.name, pp.is_lead as "isLead", pp.cosign_status as "cosignStatus",
            pp.responded_at as "respondedAt", pp.sort, sec.name as sector, m.work_unit as "workUnit"
          from proposal_proposers pp join ${memberDirectory} m on m.committee_id = pp.committee_id and m.id = pp.member_id
          left join sectors sec on sec.committee_id = m.committee_id and sec.id = m.sector_id
          where pp.committee_id = p.committee_id and pp.proposal_id = p.id) x), '[]') as proposers,
        coalesce((select json_agg(x order by x."proposalId", x.sort, x."memberId") from (
          select pp.member_id as "memberId", pp.is_lead as "isLead", pp.cosign_status as "cosignStatus",
            pp.proposal_id as "proposalId", pp.sort from proposal_proposers pp
          where pp.committee_id = p.committee_id and pp.proposal_id = any(mg.ids)) x), '[]') as people,
        coalesce((select json_agg(x order by x.id) from (
          select m.id, m.title, m.org_id as "orgId", o.name as "orgName",
            (select string_agg(mm.name, '、' order by pp.is_lead desc, pp.sort) from proposal_proposers pp
              join ${memberDirectory} mm on mm.committee_id = pp.committee_id and mm.id = pp.member_id
              where pp.committee_id = m.committee_id and pp.proposal_id = m.id and pp.cosign_status = 'confirmed') as names
          from proposals m left join organisations o on o.committee_id = m.committee_id and o.id = m.org_id
          where m.committee_id = p.committee_id and m.merged_into_id = p.id) x), '[]') as "mergedFrom",
        coalesce((select json_agg(x order by x.id) from (select u.id, u.name from handling_units u
          where u.committee_id = p.committee_id and u.id = any(p.suggested_unit_ids)) x), '[]') as units,
        coalesce((select json_agg(x order by case x.role when 'lead' then 0 when 'split' then 1 else 2 end, x.id) from (
          select a.id, a.state, a.unit_id as "unitId", u.name as "unitName", a.role, a.round, a.assigned_at as "assignedAt",
            a.due_at as "dueAt", a.original_due_at as "originalDueAt", a.accepted_at as "acceptedAt",
            a.replied_at as "repliedAt", a.extension_count as "extensionCount" from proposal_assignments a
          join handling_units u on u.committee_id = a.committee_id and u.id = a.unit_id
          where a.committee_id = p.committee_id and a.proposal_id = p.id) x), '[]') as assignments,
        coalesce((select json_agg(x order by x.id) from (
          select id, assignment_id as "assignmentId", round, way, contact_date as "contactDate", notes, created_at as "createdAt"
          from proposal_contacts where committee_id = p.committee_id and proposal_id = p.id) x), '[]') as contacts,
        coalesce((select json_agg(x order by x.id) from (
          select id, assignment_id as "assignmentId", text, created_at as "createdAt" from proposal_assisting_views
          where committee_id = p.committee_id and proposal_id = p.id) x), '[]') as views,
        coalesce((select json_agg(x order by x.id) from (
          select r.id, r.assignment_id as "assignmentId", r.unit_id as "unitId", u.name as "unitName", r.round,
            r.outcome_class as "outcomeClass", r.original_class as "originalClass", r.text,
            r.letter_file_id as "letterFileId", f.name as "letterName", r.is_public as "isPublic",
            r.review_state as "reviewState", r.review_comment as "reviewComment", r.created_at as "createdAt"
          from proposal_replies r
          join handling_units u on u.committee_id = r.committee_id and u.id = r.unit_id
          left join files f on f.committee_id = r.committee_id and f.id = r.letter_file_id
          where r.committee_id = p.committee_id and r.proposal_id = p.id) x), '[]') as replies,
        coalesce((select json_agg(x order by x.id) from (
          select r.id, r.round, r.member_id as "memberId", r.org_id as "orgId", r.rating, r.comment,
            r.entered_by_staff as "enteredByStaff", r.created_at as "createdAt", coalesce(m.name, o.name) as "raterName"
          from proposal_ratings r
          left join ${memberDirectory} m on m.committee_id = r.committee_id and m.id = r.member_id
          left join organisations o on o.committee_id = r.committee_id and o.id = r.org_id
          where r.committee_id = p.committee_id and r.proposal_id = p.id) x), '[]') as ratings,
        coalesce((select json_agg(x) from (
          select 'm' as k, mm.id, mm.name from ${memberDirectory} mm where mm.committee_id = p.committee_id and mm.id in (
            select pp.member_id from proposal_proposers pp where pp.committee_id = p.committee_id
              and pp.cosign_status = 'confirmed' and pp.proposal_id = any(mg.ids))
          union all select 'o' as k, og.id, og.name from organisations og where og.committee_id = p.committee_id
            and og.id = any(array_prepend(p.org_id, mg.org_ids))) x), '[]') as raters,
        (select to_json(x) from (select k.government_leader as "governmentLeader", k.supervising_leader as "supervisingLeader",
          k.note, k.selected_at as "selectedAt" from proposal_key_records k
          where k.committee_id = p.committee_id and k.proposal_id = p.id) x) as "keyRec",
        coalesce((select json_agg(x order by x."eventDate", x.id) from (
          select id, kind, event_date as "eventDate", text, created_by_name as "createdByName", created_at as "createdAt"
          from proposal_key_events where committee_id = p.committee_id and proposal_id = p.id) x), '[]') as "keyEvents",
        (select to_json(x) from (select k.id, k.year, k.state, k.reason, k.score, k.opinion from proposal_commendations k
          where k.committee_id = p.committee_id and k.proposal_id = p.id order by k.year desc limit 1) x) as comm,
        coalesce((select json_agg(x order by x.id) from (select id, name, mime, size from files
          where committee_id = p.committee_id and entity = 'proposal' and entity_id = p.id) x), '[]') as files,
        coalesce((select json_agg(x order by x.id) from (
          ${steps} and w.process = 'proposal' and w.entity_id = p.id
          union all ${steps} and w.process = 'proposal-assignment' and w.entity_id = any(mg.assignment_ids)
          union all ${steps} and w.process = 'proposal-commendation' and w.entity_id = ${commendationId}) x), '[]') as timeline
      from proposals p
      left join plenary_sessions s on s.committee_id = p.committee_id and s.id = p.session_id
      left join terms t on t.committee_id = p.committee_id and t.id = p.term_id
      left join organisations o on o.committee_id = p.committee_id and o.id = p.org_id
      left join proposals mi on mi.committee_id = p.committee_id and mi.id = p.merged_into_id
      left join plenary_sessions ms on ms.committee_id = mi.committee_id and ms.id = mi.session_id
      cross join lateral (select array_prepend(p.id, array_agg(m.id)) as ids,
          array_agg(m.org_id) filter (where m.org_id is not null) as org_ids,
          array(select a.id from proposal_assignments a where a.committee_id = p.committee_id and a.proposal_id = p.id) as assignment_ids
        from proposals m where m.committee_id = p.committee_id and m.merged_into_id = p.id) mg
      where p.committee_id = ${c} and p.id = ${id} and ${visibleSql(actor)}`,
    )) ?? null
  );
}
