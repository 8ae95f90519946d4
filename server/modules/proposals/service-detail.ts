import { can } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';
import { clockNow, deadlineAfterDaysIn, loadWorkingCalendar } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/client.ts';
import { allowedActions, type Process, visibleParts } from '../../platform/workflow/engine.ts';
import { readProposalPage } from './detail-read.ts';
import { numberLabel } from './effects-filing.ts';
import { proposalNotFound } from './errors.ts';
import { isAuthor, isOffice } from './policy.ts';
import { assignmentProcess, commendationProcess, proposalProcess } from './process.ts';
import { assignmentItemOf, proposalItemOf } from './repository.ts';
import { classLabel, rulesOf } from './rules.ts';
import { iso, isStaff, KEY_EVENT_LABELS, KIND_LABELS, RATING_LABELS, ROLE_LABELS } from './service.ts';
import { ASSIGNMENT_STATES, COMMENDATION_STATES, PROPOSAL_STATES, REGISTERED_STATES } from './states.ts';

// ---------- detail ----------

export async function getProposal(db: Db, actor: Actor, id: number) {
  // One statement for the whole page (detail-read.ts); a proposal the reader may not see reads as none.
  const p = await readProposalPage(db, actor, id);
  if (!p) throw proposalNotFound();
  const c = actor.committeeId;
  const rules = rulesOf(p.rules_value);
  const proposers: any[] = p.proposers;
  const mergedFrom: any[] = p.merged_from;
  const units: { id: number; name: string }[] = p.units;
  const assignmentRows: any[] = p.assignments;
  const contacts: any[] = p.contacts;
  const views: any[] = p.views;
  const replyRows: any[] = p.replies;
  const ratingRows: any[] = p.ratings;
  const raterNames: any[] = p.raters;
  const keyRec = p.key_rec;
  const keyEvents: any[] = p.key_events;
  const comm = p.comm;
  const files: any[] = p.files;
  const item = proposalItemOf(
    c,
    p,
    p.people,
    mergedFrom.flatMap((m) => (m.org_id == null ? [] : [m.org_id])),
    ratingRows.filter((r) => r.round === p.round),
    rules,
  );
  const staff = isStaff(actor);
  const myUnitRole = assignmentRows.find((a) => a.unit_id === actor.unitId && a.state !== 'returned')?.role;

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
    const aItem = assignmentItemOf(
      c,
      id,
      a,
      rules,
      returnDeadline,
      rules.contactRequired && !contacts.some((x) => x.assignment_id === a.id && x.round === a.round),
    );
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
  const timeline = proposalTimeline(actor, p.timeline, assignmentRows);
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

/** The timeline's steps (workflow_transitions rows of the proposal, its assignments and its commendation), each as this reader may see it. */
function proposalTimeline(actor: Actor, rows: any[], assignments: any[]) {
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
