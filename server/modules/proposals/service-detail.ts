import { can } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';
import { clockNow, deadlineAfterDaysIn, iso, loadWorkingCalendar } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/client.ts';
import { allowedActions, type Process, visibleParts } from '../../platform/workflow/engine.ts';
import {
  type PageAssignment,
  type PageReply,
  type PageStep,
  type ProposalPage,
  readProposalPage,
} from './detail-read.ts';
import { numberLabel } from './effects-filing.ts';
import { proposalNotFound } from './errors.ts';
import { isAuthor, isOffice } from './policy.ts';
import { assignmentProcess, commendationProcess, proposalProcess } from './process.ts';
import { assignmentItemOf, proposalItemOf } from './repository.ts';
import { classLabel, rulesOf } from './rules.ts';
import { isStaff, KEY_EVENT_LABELS, kindAndState, RATING_LABELS, ROLE_LABELS } from './service.ts';
import { ASSIGNMENT_STATES, COMMENDATION_STATES, REGISTERED_STATES } from './states.ts';

// ---------- detail ----------

export async function getProposal(db: Db, actor: Actor, id: number) {
  // One statement for the whole page (detail-read.ts); a proposal the reader may not see reads as none.
  const p = await readProposalPage(db, actor, id);
  if (!p) throw proposalNotFound();
  const c = actor.committeeId;
  const rules = rulesOf(p.rulesValue);
  const { proposers, mergedFrom, units, contacts, views, raters, keyRec, keyEvents, comm, files } = p;
  const assignmentRows = p.assignments;
  const replyRows = p.replies;
  const ratingRows = p.ratings;
  const item = proposalItemOf(
    c,
    p,
    p.people,
    mergedFrom.flatMap((m) => (m.orgId == null ? [] : [m.orgId])),
    ratingRows.filter((r) => r.round === p.round),
    rules,
  );
  const staff = isStaff(actor);
  const myUnitRole = assignmentRows.find((a) => a.unitId === actor.unitId && a.state !== 'returned')?.role;

  const seesReply = (r: PageReply) =>
    staff || r.reviewState === 'approved' || (actor.unitId != null && actor.unitId === r.unitId);
  const seesView = (v: ProposalPage['views'][number]) => {
    const a = assignmentRows.find((x) => x.id === v.assignmentId);
    return staff || (actor.unitId != null && (actor.unitId === a?.unitId || myUnitRole === 'lead'));
  };

  const calendar = rules.dayUnit === 'workingDays' ? await loadWorkingCalendar(db, c) : null;
  const assignments = assignmentRows.map((a) => {
    const returnDeadline = deadlineAfterDaysIn(
      calendar,
      new Date(a.assignedAt),
      rules.returnRequestDays,
      rules.dayUnit,
    );
    const aItem = assignmentItemOf(
      c,
      id,
      a,
      rules,
      returnDeadline,
      rules.contactRequired && !contacts.some((x) => x.assignmentId === a.id && x.round === a.round),
    );
    const open = ['assigned', 'accepted', 'returnRequested', 'extensionRequested'].includes(a.state);
    return {
      id: a.id,
      unitId: a.unitId,
      unitName: a.unitName,
      role: a.role,
      roleLabel: ROLE_LABELS[a.role],
      state: a.state,
      stateLabel: ASSIGNMENT_STATES[a.state] ?? a.state,
      round: a.round,
      assignedAt: iso(a.assignedAt)!,
      dueAt: iso(a.dueAt)!,
      originalDueAt: iso(a.originalDueAt)!,
      acceptedAt: iso(a.acceptedAt),
      repliedAt: iso(a.repliedAt),
      extensionCount: a.extensionCount,
      overdue: open && new Date(a.dueAt).getTime() < clockNow().getTime(),
      returnDeadline: returnDeadline.toISOString(),
      actions: p.state === 'handling' ? allowedActions(assignmentProcess, actor, aItem) : [],
      contacts: contacts
        .filter((x) => x.assignmentId === a.id)
        .map((x) => ({
          id: x.id,
          round: x.round,
          way: x.way,
          date: String(iso(x.contactDate)).slice(0, 10),
          notes: x.notes,
        })),
      views: views
        .filter((v) => v.assignmentId === a.id && seesView(v))
        .map((v) => ({ id: v.id, text: v.text, createdAt: iso(v.createdAt)! })),
    };
  });
  const timeline = proposalTimeline(actor, p.timeline, assignmentRows);
  return {
    id: p.id,
    number: p.number,
    numberLabel: numberLabel(p.sessionName, p.number),
    title: p.title,
    background: p.background,
    suggestions: p.suggestions,
    category: p.category,
    ...kindAndState(p),
    year: p.year,
    termId: p.termId,
    termName: p.termName,
    sessionId: p.sessionId,
    sessionName: p.sessionName,
    isSessionProposal: p.isSessionProposal,
    isKey: p.isKey,
    isPublic: p.isPublic,
    mergedInto: p.mergedIntoId
      ? {
          id: p.mergedIntoId,
          title: p.mergedTitle!,
          numberLabel: numberLabel(p.mergedSessionName, p.mergedNumber),
        }
      : null,
    mergedFrom: mergedFrom.map((m) => ({ id: m.id, title: m.title, proposers: m.names ?? m.orgName ?? '' })),
    convertedTo: p.convertedTo,
    convertedOpinionId: p.convertedOpinionId,
    rejectGround: p.rejectGround,
    org: p.orgId ? { id: p.orgId, name: p.orgName!, responsibleName: p.responsibleName } : null,
    proposers: proposers.map((x) => ({
      memberId: x.memberId,
      name: x.name,
      isLead: x.isLead,
      cosignStatus: x.cosignStatus,
      sector: x.sector,
      workUnit: x.workUnit,
    })),
    suggestedUnits: units,
    assignmentMode: p.assignmentMode,
    assignmentPlan: staff ? p.assignmentPlan : null,
    round: p.round,
    outcomeClass: p.outcomeClass,
    outcomeLabel: classLabel(rules, p.outcomeClass),
    ratingDueAt: iso(p.ratingDueAt),
    submittedAt: iso(p.submittedAt),
    registeredAt: iso(p.registeredAt),
    createdAt: iso(p.createdAt)!,
    updatedAt: iso(p.updatedAt)!,
    files: files.map((f) => ({ id: f.id, name: f.name, mime: f.mime, size: f.size })),
    assignments,
    replies: replyRows.filter(seesReply).map((r) => ({
      id: r.id,
      assignmentId: r.assignmentId,
      unitName: r.unitName,
      round: r.round,
      outcomeClass: r.outcomeClass,
      outcomeLabel: classLabel(rules, r.outcomeClass),
      originalClass: r.originalClass,
      text: r.text,
      letter: r.letterFileId ? { id: r.letterFileId, name: r.letterName! } : null,
      isPublic: r.isPublic,
      reviewState: r.reviewState,
      reviewComment: r.reviewComment,
      createdAt: iso(r.createdAt)!,
    })),
    ratings: ratingRows.map((r) => ({
      id: r.id,
      round: r.round,
      raterName: r.raterName,
      rating: r.rating,
      ratingLabel: RATING_LABELS[r.rating],
      comment: r.comment,
      enteredByStaff: r.enteredByStaff,
      createdAt: iso(r.createdAt)!,
    })),
    raters: raters.map((r) => ({
      memberId: r.k === 'm' ? r.id : null,
      orgId: r.k === 'o' ? r.id : null,
      name: r.name,
      rated: item.ratedKeys.includes(`${r.k}:${r.id}`),
    })),
    key: keyRec
      ? {
          governmentLeader: keyRec.governmentLeader,
          supervisingLeader: keyRec.supervisingLeader,
          note: keyRec.note,
          selectedAt: iso(keyRec.selectedAt)!,
          events: keyEvents.map((e) => ({
            id: e.id,
            kind: e.kind,
            kindLabel: KEY_EVENT_LABELS[e.kind],
            date: String(iso(e.eventDate)).slice(0, 10),
            text: e.text,
            by: e.createdByName,
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
function proposalTimeline(actor: Actor, rows: PageStep[], assignments: PageAssignment[]) {
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
    const unit = r.process === 'proposal-assignment' ? assignments.find((a) => a.id === r.entityId) : null;
    return {
      id: r.id,
      action: r.action,
      label: proc.transitions.find((t) => t.action === r.action)?.label ?? r.action,
      toStateLabel: proc.states[r.toState] ?? r.toState,
      unitName: unit ? `${unit.unitName}（${ROLE_LABELS[unit.role]}）` : null,
      actorName: r.actorName,
      comment: parts.comment ? r.comment : null,
      data: parts.data ? (r.data ?? null) : null,
      createdAt: iso(r.createdAt)!,
    };
  });
}
