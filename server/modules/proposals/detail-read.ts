// A proposal's detail page in one statement (issue 18): the proposal row with its names, and every part of the page —
// proposers, merged proposals, suggested units, assignments, contacts, assisting views, replies, ratings, raters, key
// record and events, commendation, files, timeline, the year's rules — as JSON subselects of that row, instead of ~20
// statements in three waves. The visibility condition is in its WHERE: a proposal the reader may not see is no row.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { beijingYearOf } from '../../platform/dates.ts';
import { type Db, queryOne } from '../../platform/db/client.ts';
import { memberDirectory } from '../org/members-directory.ts';
import { RULES_KEY } from './rules.ts';
import { visibleSql } from './service.ts';

/**
 * The page's raw parts, or null when the proposal does not exist or is not visible to `actor`. The main row's columns
 * come as the driver reads them (Dates, numbers); the parts are arrays of plain JSON rows (times as ISO strings, dates
 * as 'YYYY-MM-DD'), named as the tables' columns; `rules_value` is the year's stored rules (null: the defaults).
 */
export async function readProposalPage(db: Db, actor: Actor, id: number): Promise<any | null> {
  const c = actor.committeeId;
  // mg.ids: this proposal and the proposals merged into it; mg.org_ids: those merged proposals' organisations. Each
  // part below matches them with `= any(…)`, an index condition, where `= p.id or in (select …)` scanned every row of
  // the committee's table (issue 18).
  const commendationId = sql`(select k.id from proposal_commendations k where k.committee_id = p.committee_id
    and k.proposal_id = p.id order by k.year desc limit 1)`;
  const steps = sql`select w.id, w.process, w.entity_id, w.action, w.from_state, w.to_state, w.actor_name, w.comment, w.data,
    w.created_at from workflow_transitions w where w.committee_id = p.committee_id`;
  return (
    (await queryOne<any>(
      db,
      sql`select p.id, p.number, p.title, p.background, p.suggestions, p.category, p.kind, p.state, p.year, p.term_id,
        p.session_id, p.is_session_proposal, p.is_key, p.is_public, p.merged_into_id, p.converted_to, p.reject_ground,
        p.org_id, p.assignment_mode, p.assignment_plan, p.round, p.outcome_class, p.rating_due_at, p.submitted_at,
        p.registered_at, p.created_at, p.updated_at, s.name as session_name, t.name as term_name, o.name as org_name, o.responsible_name,
        mi.title as merged_title, mi.number as merged_number, ms.name as merged_session_name,
        case when p.converted_to = 'opinion' then (select r.id from opinion_reports r
          where r.committee_id = p.committee_id and r.source_proposal_id = p.id order by r.id limit 1) end as converted_opinion_id,
        (select st.value from settings st where st.committee_id = p.committee_id and st.key = ${RULES_KEY}
          and st.year <= coalesce(p.year, ${beijingYearOf()}) order by st.year desc limit 1) as rules_value,
        coalesce((select json_agg(x order by x.is_lead desc, x.sort, x.member_id) from (
          select pp.member_id, m.name, pp.is_lead, pp.cosign_status, pp.responded_at, pp.sort, sec.name as sector, m.work_unit
          from proposal_proposers pp join ${memberDirectory} m on m.committee_id = pp.committee_id and m.id = pp.member_id
          left join sectors sec on sec.committee_id = m.committee_id and sec.id = m.sector_id
          where pp.committee_id = p.committee_id and pp.proposal_id = p.id) x), '[]') as proposers,
        coalesce((select json_agg(x order by x.proposal_id, x.sort, x.member_id) from (
          select pp.member_id, pp.is_lead, pp.cosign_status, pp.proposal_id, pp.sort from proposal_proposers pp
          where pp.committee_id = p.committee_id and pp.proposal_id = any(mg.ids)) x), '[]') as people,
        coalesce((select json_agg(x order by x.id) from (
          select m.id, m.title, m.org_id, o.name as org_name,
            (select string_agg(mm.name, '、' order by pp.is_lead desc, pp.sort) from proposal_proposers pp
              join ${memberDirectory} mm on mm.committee_id = pp.committee_id and mm.id = pp.member_id
              where pp.committee_id = m.committee_id and pp.proposal_id = m.id and pp.cosign_status = 'confirmed') as names
          from proposals m left join organisations o on o.committee_id = m.committee_id and o.id = m.org_id
          where m.committee_id = p.committee_id and m.merged_into_id = p.id) x), '[]') as merged_from,
        coalesce((select json_agg(x order by x.id) from (select u.id, u.name from handling_units u
          where u.committee_id = p.committee_id and u.id = any(p.suggested_unit_ids)) x), '[]') as units,
        coalesce((select json_agg(x order by case x.role when 'lead' then 0 when 'split' then 1 else 2 end, x.id) from (
          select a.*, u.name as unit_name from proposal_assignments a
          join handling_units u on u.committee_id = a.committee_id and u.id = a.unit_id
          where a.committee_id = p.committee_id and a.proposal_id = p.id) x), '[]') as assignments,
        coalesce((select json_agg(x order by x.id) from (
          select id, assignment_id, round, way, contact_date, notes, created_at from proposal_contacts
          where committee_id = p.committee_id and proposal_id = p.id) x), '[]') as contacts,
        coalesce((select json_agg(x order by x.id) from (
          select id, assignment_id, text, created_at from proposal_assisting_views
          where committee_id = p.committee_id and proposal_id = p.id) x), '[]') as views,
        coalesce((select json_agg(x order by x.id) from (
          select r.*, u.name as unit_name, f.name as letter_name from proposal_replies r
          join handling_units u on u.committee_id = r.committee_id and u.id = r.unit_id
          left join files f on f.committee_id = r.committee_id and f.id = r.letter_file_id
          where r.committee_id = p.committee_id and r.proposal_id = p.id) x), '[]') as replies,
        coalesce((select json_agg(x order by x.id) from (
          select r.*, coalesce(m.name, o.name) as rater_name from proposal_ratings r
          left join ${memberDirectory} m on m.committee_id = r.committee_id and m.id = r.member_id
          left join organisations o on o.committee_id = r.committee_id and o.id = r.org_id
          where r.committee_id = p.committee_id and r.proposal_id = p.id) x), '[]') as ratings,
        coalesce((select json_agg(x) from (
          select 'm' as k, mm.id, mm.name from ${memberDirectory} mm where mm.committee_id = p.committee_id and mm.id in (
            select pp.member_id from proposal_proposers pp where pp.committee_id = p.committee_id
              and pp.cosign_status = 'confirmed' and pp.proposal_id = any(mg.ids))
          union all select 'o' as k, og.id, og.name from organisations og where og.committee_id = p.committee_id
            and og.id = any(array_prepend(p.org_id, mg.org_ids))) x), '[]') as raters,
        (select to_json(k) from proposal_key_records k where k.committee_id = p.committee_id and k.proposal_id = p.id) as key_rec,
        coalesce((select json_agg(x order by x.event_date, x.id) from (
          select id, kind, event_date, text, created_by_name, created_at from proposal_key_events
          where committee_id = p.committee_id and proposal_id = p.id) x), '[]') as key_events,
        (select to_json(k) from proposal_commendations k where k.committee_id = p.committee_id and k.proposal_id = p.id
          order by k.year desc limit 1) as comm,
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
