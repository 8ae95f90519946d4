// A proposal as one reader sees it: the fields their role may read, proposers, assignments with replies and ratings,
// key-proposal and commendation state, files, the timeline filtered by each step's audience, and the actions (buttons)
// the engine allows this reader now.
import { sql } from 'drizzle-orm';
import { can } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';
import { beijingYearOf, clockNow, deadlineAfterDaysIn, loadWorkingCalendar } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { listFiles } from '../../platform/files/files.ts';
import { allowedActions, type Process, visibleParts } from '../../platform/workflow/engine.ts';
import { numberLabel } from './effects-filing.ts';
import { isAuthor, isOffice } from './policy.ts';
import { assignmentProcess, commendationProcess, proposalProcess } from './process.ts';
import { type AssignmentItem, loadProposalItem } from './repository.ts';
import { classLabel, getRules } from './rules.ts';
import { assertVisible, iso, isStaff, KEY_EVENT_LABELS, KIND_LABELS, RATING_LABELS, ROLE_LABELS } from './service.ts';
import { ASSIGNMENT_STATES, COMMENDATION_STATES, PROPOSAL_STATES, REGISTERED_STATES } from './states.ts';

// ---------- detail ----------

export async function getProposal(db: Db, actor: Actor, id: number) {
  await assertVisible(db, actor, id);
  const c = actor.committeeId;
  const p = await queryOne<any>(
    db,
    sql`select p.*, s.name as session_name, t.name as term_name, o.name as org_name, o.responsible_name,
        mi.title as merged_title, mi.number as merged_number, ms.name as merged_session_name,
        case when p.converted_to = 'opinion' then (select r.id from opinion_reports r
          where r.committee_id = p.committee_id and r.source_proposal_id = p.id order by r.id limit 1) end as converted_opinion_id
      from proposals p
      left join plenary_sessions s on s.committee_id = p.committee_id and s.id = p.session_id
      left join terms t on t.committee_id = p.committee_id and t.id = p.term_id
      left join organisations o on o.committee_id = p.committee_id and o.id = p.org_id
      left join proposals mi on mi.committee_id = p.committee_id and mi.id = p.merged_into_id
      left join plenary_sessions ms on ms.committee_id = mi.committee_id and ms.id = mi.session_id
      where p.committee_id = ${c} and p.id = ${id}`,
  );
  // The parts of the page are independent reads: they go out together, not one round trip after another (issue 18).
  const [
    rules,
    itemOrNull,
    proposers,
    mergedFrom,
    units,
    assignmentRows,
    contacts,
    views,
    replyRows,
    ratingRows,
    keyRec,
    comm,
    files,
  ] = await Promise.all([
    getRules(db, c, p.year ?? beijingYearOf()),
    loadProposalItem(db, c, id),
    query<any>(
      db,
      sql`select pp.member_id, m.name, pp.is_lead, pp.cosign_status, pp.responded_at, sec.name as sector, m.work_unit
        from proposal_proposers pp join members m on m.committee_id = pp.committee_id and m.id = pp.member_id
        left join sectors sec on sec.committee_id = m.committee_id and sec.id = m.sector_id
        where pp.committee_id = ${c} and pp.proposal_id = ${id} order by pp.is_lead desc, pp.sort, pp.member_id`,
    ),
    query<any>(
      db,
      sql`select m.id, m.title, m.org_id, o.name as org_name,
          (select string_agg(mm.name, '、' order by pp.is_lead desc, pp.sort) from proposal_proposers pp
            join members mm on mm.committee_id = pp.committee_id and mm.id = pp.member_id
            where pp.committee_id = m.committee_id and pp.proposal_id = m.id and pp.cosign_status = 'confirmed') as names
        from proposals m left join organisations o on o.committee_id = m.committee_id and o.id = m.org_id
        where m.committee_id = ${c} and m.merged_into_id = ${id} order by m.id`,
    ),
    query<{ id: number; name: string }>(
      db,
      sql`select id, name from handling_units where committee_id = ${c} and id = any(${sql.param(p.suggested_unit_ids ?? [])}::int[]) order by id`,
    ),
    query<any>(
      db,
      sql`select a.*, u.name as unit_name from proposal_assignments a join handling_units u on u.committee_id = a.committee_id and u.id = a.unit_id
        where a.committee_id = ${c} and a.proposal_id = ${id} order by case a.role when 'lead' then 0 when 'split' then 1 else 2 end, a.id`,
    ),
    query<any>(
      db,
      sql`select id, assignment_id, round, way, contact_date, notes, created_at from proposal_contacts where committee_id = ${c} and proposal_id = ${id} order by id`,
    ),
    query<any>(
      db,
      sql`select id, assignment_id, text, created_at from proposal_assisting_views where committee_id = ${c} and proposal_id = ${id} order by id`,
    ),
    query<any>(
      db,
      sql`select r.*, u.name as unit_name, f.name as letter_name from proposal_replies r
        join handling_units u on u.committee_id = r.committee_id and u.id = r.unit_id
        left join files f on f.committee_id = r.committee_id and f.id = r.letter_file_id
        where r.committee_id = ${c} and r.proposal_id = ${id} order by r.id`,
    ),
    query<any>(
      db,
      sql`select r.*, coalesce(m.name, o.name) as rater_name from proposal_ratings r
        left join members m on m.committee_id = r.committee_id and m.id = r.member_id
        left join organisations o on o.committee_id = r.committee_id and o.id = r.org_id
        where r.committee_id = ${c} and r.proposal_id = ${id} order by r.id`,
    ),
    queryOne<any>(db, sql`select * from proposal_key_records where committee_id = ${c} and proposal_id = ${id}`),
    queryOne<any>(
      db,
      sql`select * from proposal_commendations where committee_id = ${c} and proposal_id = ${id} order by year desc limit 1`,
    ),
    listFiles(db, c, 'proposal', id),
  ]);
  const item = itemOrNull!;
  const staff = isStaff(actor);
  const myUnitRole = assignmentRows.find((a) => a.unit_id === actor.unitId && a.state !== 'returned')?.role;
  const [raterNames, keyEvents] = await Promise.all([
    query<any>(
      db,
      sql`select 'm' as k, id, name from members where committee_id = ${c} and id = any(${sql.param(item.answerMemberIds)}::int[])
        union all select 'o' as k, id, name from organisations where committee_id = ${c} and id = any(${sql.param(item.answerOrgIds)}::int[])`,
    ),
    keyRec
      ? query<any>(
          db,
          sql`select id, kind, event_date, text, created_by_name, created_at from proposal_key_events where committee_id = ${c} and proposal_id = ${id} order by event_date, id`,
        )
      : [],
  ]);

  const seesReply = (r: any) =>
    staff || r.review_state === 'approved' || (actor.unitId != null && actor.unitId === r.unit_id);
  const seesView = (v: any) => {
    const a = assignmentRows.find((x) => x.id === v.assignment_id);
    return staff || (actor.unitId != null && (actor.unitId === a?.unit_id || myUnitRole === 'lead'));
  };

  const calendar = rules.dayUnit === 'workingDays' ? await loadWorkingCalendar(db, c) : null;
  const assignments = assignmentRows.map((a) => {
    const returnDeadline = deadlineAfterDaysIn(
      calendar,
      new Date(a.assigned_at),
      rules.returnRequestDays,
      rules.dayUnit,
    );
    const aItem: AssignmentItem = {
      id: a.id,
      committeeId: c,
      state: a.state,
      proposalId: id,
      unitId: a.unit_id,
      role: a.role,
      round: a.round,
      assignedAt: new Date(a.assigned_at),
      dueAt: new Date(a.due_at),
      returnWindowDays: rules.returnRequestDays,
      returnDeadline,
      contactMissing: rules.contactRequired && !contacts.some((x) => x.assignment_id === a.id && x.round === a.round),
    };
    const open = ['assigned', 'accepted', 'returnRequested', 'extensionRequested'].includes(a.state);
    return {
      id: a.id,
      unitId: a.unit_id,
      unitName: a.unit_name,
      role: a.role,
      roleLabel: ROLE_LABELS[a.role],
      state: a.state,
      stateLabel: ASSIGNMENT_STATES[a.state] ?? a.state,
      round: a.round,
      assignedAt: iso(a.assigned_at)!,
      dueAt: iso(a.due_at)!,
      originalDueAt: iso(a.original_due_at)!,
      acceptedAt: iso(a.accepted_at),
      repliedAt: iso(a.replied_at),
      extensionCount: a.extension_count,
      overdue: open && new Date(a.due_at).getTime() < clockNow().getTime(),
      returnDeadline: returnDeadline.toISOString(),
      actions: p.state === 'handling' ? allowedActions(assignmentProcess, actor, aItem) : [],
      contacts: contacts
        .filter((x) => x.assignment_id === a.id)
        .map((x) => ({
          id: x.id,
          round: x.round,
          way: x.way,
          date: String(iso(x.contact_date)).slice(0, 10),
          notes: x.notes,
        })),
      views: views
        .filter((v) => v.assignment_id === a.id && seesView(v))
        .map((v) => ({ id: v.id, text: v.text, createdAt: iso(v.created_at)! })),
    };
  });
  const timeline = await proposalTimeline(db, actor, id, assignmentRows, comm?.id ?? null);
  return {
    id: p.id,
    number: p.number,
    numberLabel: numberLabel(p.session_name, p.number),
    title: p.title,
    background: p.background,
    suggestions: p.suggestions,
    category: p.category,
    kind: p.kind,
    kindLabel: KIND_LABELS[p.kind],
    state: p.state,
    stateLabel: PROPOSAL_STATES[p.state] ?? p.state,
    year: p.year,
    termId: p.term_id,
    termName: p.term_name,
    sessionId: p.session_id,
    sessionName: p.session_name,
    isSessionProposal: p.is_session_proposal,
    isKey: p.is_key,
    isPublic: p.is_public,
    mergedInto: p.merged_into_id
      ? {
          id: p.merged_into_id,
          title: p.merged_title,
          numberLabel: numberLabel(p.merged_session_name, p.merged_number),
        }
      : null,
    mergedFrom: mergedFrom.map((m) => ({ id: m.id, title: m.title, proposers: m.names ?? m.org_name ?? '' })),
    convertedTo: p.converted_to,
    convertedOpinionId: p.converted_opinion_id,
    rejectGround: p.reject_ground,
    org: p.org_id ? { id: p.org_id, name: p.org_name, responsibleName: p.responsible_name } : null,
    proposers: proposers.map((x) => ({
      memberId: x.member_id,
      name: x.name,
      isLead: x.is_lead,
      cosignStatus: x.cosign_status,
      sector: x.sector,
      workUnit: x.work_unit,
    })),
    suggestedUnits: units,
    assignmentMode: p.assignment_mode,
    assignmentPlan: staff ? p.assignment_plan : null,
    round: p.round,
    outcomeClass: p.outcome_class,
    outcomeLabel: classLabel(rules, p.outcome_class),
    ratingDueAt: iso(p.rating_due_at),
    submittedAt: iso(p.submitted_at),
    registeredAt: iso(p.registered_at),
    createdAt: iso(p.created_at)!,
    updatedAt: iso(p.updated_at)!,
    files: files.map((f) => ({ id: f.id, name: f.name, mime: f.mime, size: f.size })),
    assignments,
    replies: replyRows.filter(seesReply).map((r) => ({
      id: r.id,
      assignmentId: r.assignment_id,
      unitName: r.unit_name,
      round: r.round,
      outcomeClass: r.outcome_class,
      outcomeLabel: classLabel(rules, r.outcome_class),
      originalClass: r.original_class,
      text: r.text,
      letter: r.letter_file_id ? { id: r.letter_file_id, name: r.letter_name } : null,
      isPublic: r.is_public,
      reviewState: r.review_state,
      reviewComment: r.review_comment,
      createdAt: iso(r.created_at)!,
    })),
    ratings: ratingRows.map((r) => ({
      id: r.id,
      round: r.round,
      raterName: r.rater_name,
      rating: r.rating,
      ratingLabel: RATING_LABELS[r.rating],
      comment: r.comment,
      enteredByStaff: r.entered_by_staff,
      createdAt: iso(r.created_at)!,
    })),
    raters: raterNames.map((r) => ({
      memberId: r.k === 'm' ? r.id : null,
      orgId: r.k === 'o' ? r.id : null,
      name: r.name,
      rated: item.ratedKeys.includes(`${r.k}:${r.id}`),
    })),
    key: keyRec
      ? {
          governmentLeader: keyRec.government_leader,
          supervisingLeader: keyRec.supervising_leader,
          note: keyRec.note,
          selectedAt: iso(keyRec.selected_at)!,
          events: keyEvents.map((e) => ({
            id: e.id,
            kind: e.kind,
            kindLabel: KEY_EVENT_LABELS[e.kind],
            date: String(iso(e.event_date)).slice(0, 10),
            text: e.text,
            by: e.created_by_name,
          })),
        }
      : null,
    commendation: comm
      ? {
          id: comm.id,
          year: comm.year,
          state: comm.state,
          stateLabel: COMMENDATION_STATES[comm.state],
          reason: comm.reason,
          score: comm.score,
          opinion: comm.opinion,
          actions: allowedActions(commendationProcess, actor, {
            id: comm.id,
            state: comm.state,
            proposalId: id,
            year: comm.year,
          }),
        }
      : null,
    timeline,
    actions: allowedActions(proposalProcess, actor, item),
    can: {
      edit: ['draft', 'returned'].includes(p.state) && isAuthor(actor, item),
      delete: p.state === 'draft' && isAuthor(actor, item),
      setKey: can(actor.roles, 'proposal.key') && REGISTERED_STATES.includes(p.state),
      commend: can(actor.roles, 'proposal.commend') && REGISTERED_STATES.includes(p.state),
      setPublic: isOffice(actor) && REGISTERED_STATES.includes(p.state),
      exportWord: true,
    },
  };
}

async function proposalTimeline(db: Db, actor: Actor, id: number, assignments: any[], commendationId: number | null) {
  const c = actor.committeeId;
  const aIds = assignments.map((a) => a.id);
  const rows = await query<any>(
    db,
    sql`select id, process, entity_id, action, from_state, to_state, actor_name, comment, data, created_at from workflow_transitions
      where committee_id = ${c} and ((process = 'proposal' and entity_id = ${id})
        or (process = 'proposal-assignment' and entity_id = any(${sql.param(aIds)}::int[]))
        or (process = 'proposal-commendation' and entity_id = ${commendationId ?? 0}))
      order by id`,
  );
  const procs: Record<string, Process<any>> = {
    proposal: proposalProcess,
    'proposal-assignment': assignmentProcess,
    'proposal-commendation': commendationProcess,
  };
  return rows.flatMap((r) => {
    const proc = procs[r.process];
    // Each step's visibleTo decides what this viewer sees: a draft reply or an internal remark is not theirs to read.
    const parts = visibleParts(proc, r.action, actor.roles);
    if (!parts) return [];
    const unit = r.process === 'proposal-assignment' ? assignments.find((a) => a.id === r.entity_id) : null;
    return {
      id: r.id,
      action: r.action,
      label: proc.transitions.find((t) => t.action === r.action)?.label ?? r.action,
      toStateLabel: proc.states[r.to_state] ?? r.to_state,
      unitName: unit ? `${unit.unit_name}（${ROLE_LABELS[unit.role]}）` : null,
      actorName: r.actor_name,
      comment: parts.comment ? r.comment : null,
      data: parts.data ? (r.data ?? null) : null,
      createdAt: iso(r.created_at)!,
    };
  });
}
