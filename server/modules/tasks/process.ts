// A member's copy of a task (派单) as a process on the workflow engine: the member accepts, asks to swap (with a reason)
// or declines (with a reason); completes with evidence that is a real record of theirs (checked in the effect); staff
// answer a swap request. Completion records the duty fact task.completed.
import { sql } from 'drizzle-orm';
import { beijingDateOf, clockNow } from '../../platform/dates.ts';
import { type Db, queryOne } from '../../platform/db/client.ts';
import { badRequest } from '../../platform/errors.ts';
import { defineProcess, type Process } from '../../platform/workflow/engine.ts';
import { memberActivity } from '../activities/record-entries.ts';
import { recordDutyFact } from '../duty/facts.ts';
import { memberProposalTitle } from '../proposals/record-entries.ts';
import { assigneeGuard, STAFF } from './policy.ts';
import { getTaskSettings } from './settings.ts';

export const ASSIGNMENT_STATES: Record<string, string> = {
  sent: '待接受',
  accepted: '已接受',
  swapRequested: '申请调换',
  swapped: '已调换',
  declined: '已婉拒',
  completed: '已完成',
};

export interface AssignmentItem {
  id: number;
  state: string;
  committeeId: number;
  taskId: number;
  memberId: number;
  kind: string;
  title: string;
  quarter: string;
}

export interface CompleteData {
  evidenceType?: 'proposal' | 'activity';
  evidenceId?: number;
}

/** Checks the evidence is the member's own record of a kind this task accepts; returns its title. */
async function checkEvidence(tx: Db, a: AssignmentItem, d: CompleteData): Promise<string> {
  const s = await getTaskSettings(tx, a.committeeId, Number(a.quarter.slice(0, 4)));
  const allowed = s.evidenceKinds[a.kind] ?? ['proposal', 'activity'];
  if (!d.evidenceType || !d.evidenceId)
    throw badRequest('task.evidence_required', '请选择完成任务的成果（提案或活动）', 'evidenceId');
  if (!allowed.includes(d.evidenceType))
    throw badRequest(
      'task.evidence_kind',
      `此类任务的成果须是${allowed.map((k) => (k === 'proposal' ? '提案' : '履职活动')).join('或')}`,
      'evidenceType',
    );
  const title =
    d.evidenceType === 'proposal'
      ? await memberProposalTitle(tx, a.committeeId, d.evidenceId, a.memberId)
      : (await memberActivity(tx, a.committeeId, d.evidenceId, a.memberId))?.title;
  if (!title)
    throw badRequest(
      'task.evidence_not_own',
      d.evidenceType === 'proposal' ? '所选提案不存在或不是您提交的提案' : '所选活动不存在或您没有参加（签到）',
      'evidenceId',
    );
  return title;
}

export const assignmentProcess: Process<AssignmentItem> = defineProcess<AssignmentItem>({
  name: 'task-assignment',
  entity: 'task_assignment',
  states: ASSIGNMENT_STATES,
  transitions: [
    { action: 'accept', label: '接受', from: ['sent'], to: 'accepted', roles: ['member'], guard: assigneeGuard },
    {
      action: 'requestSwap',
      label: '申请调换',
      from: ['sent', 'accepted'],
      to: 'swapRequested',
      roles: ['member'],
      guard: assigneeGuard,
      commentRequired: true,
      effect: (tx, actor, a, _d, comment) => setReason(tx, actor.committeeId, a.id, comment),
    },
    {
      action: 'decline',
      label: '婉拒',
      from: ['sent'],
      to: 'declined',
      roles: ['member'],
      guard: assigneeGuard,
      commentRequired: true,
      effect: (tx, actor, a, _d, comment) => setReason(tx, actor.committeeId, a.id, comment),
    },
    {
      action: 'complete',
      label: '提交完成',
      from: ['accepted'],
      to: 'completed',
      roles: ['member'],
      guard: assigneeGuard,
      effect: async (tx, actor, a, d: CompleteData, comment) => {
        const title = await checkEvidence(tx, a, d);
        await tx.execute(sql`update task_assignments set evidence_type = ${d.evidenceType}, evidence_id = ${d.evidenceId},
            evidence_note = ${title}, reason = coalesce(${comment}, reason), completed_at = now()
          where committee_id = ${actor.committeeId} and id = ${a.id}`);
        await recordDutyFact(tx, {
          committeeId: a.committeeId,
          memberId: a.memberId,
          kind: 'task.completed',
          sourceType: 'task_assignment',
          sourceId: a.id,
          occurredOn: beijingDateOf(clockNow()),
          detail: { taskKind: a.kind, title: a.title, evidence: { type: d.evidenceType, id: d.evidenceId } },
        });
      },
    },
    { action: 'approveSwap', label: '同意调换', from: ['swapRequested'], to: 'swapped', roles: STAFF },
    {
      action: 'refuseSwap',
      label: '不同意调换',
      from: ['swapRequested'],
      to: 'accepted',
      roles: STAFF,
      commentRequired: true,
    },
  ],
  setState: async (tx, actor, a, to) => {
    await tx.execute(
      sql`update task_assignments set state = ${to} where committee_id = ${actor.committeeId} and id = ${a.id}`,
    );
  },
  load: (tx, committeeId, id) => loadAssignment(tx, committeeId, id),
});

async function setReason(tx: Db, committeeId: number, id: number, reason: string | null) {
  await tx.execute(
    sql`update task_assignments set reason = ${reason} where committee_id = ${committeeId} and id = ${id}`,
  );
}

export async function loadAssignment(
  tx: Db,
  committeeId: number,
  id: number,
  lock = false,
): Promise<AssignmentItem | null> {
  const r = await queryOne<AssignmentKeyRow>(
    tx,
    sql`select a.id, a.state, a.task_id, a.member_id, t.kind, t.title, t.quarter from task_assignments a
      join tasks t on t.committee_id = a.committee_id and t.id = a.task_id
      where a.committee_id = ${committeeId} and a.id = ${id} ${lock ? sql`for update of a` : sql``}`,
  );
  return r ? assignmentItem(committeeId, r) : null;
}

/** The columns of an assignment and its task the process needs (as selected, snake_case). */
export interface AssignmentKeyRow {
  id: number;
  state: string;
  task_id: number;
  member_id: number;
  kind: string;
  title: string;
  quarter: string;
}

/** The process's item from an assignment row. */
export const assignmentItem = (committeeId: number, r: AssignmentKeyRow): AssignmentItem => ({
  id: r.id,
  state: r.state,
  committeeId,
  taskId: r.task_id,
  memberId: r.member_id,
  kind: r.kind,
  title: r.title,
  quarter: r.quarter,
});
