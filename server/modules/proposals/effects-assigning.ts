// Assigning a registered proposal to its handling units: checking the plan (lead and assisting units, or a split),
// the leader's approval of the plan where the rules ask for it, and creating each unit's assignment with its deadline.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { clockNow, deadlineAfterDays, deadlineMonthsAfter, deadlineOf } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { badRequest } from '../../platform/errors.ts';
import { accountsWithRoles, notify } from '../../platform/notifications/notifications.ts';
import { type Process, scheduleDeadline } from '../../platform/workflow/engine.ts';
import { notifyOffice, notifyUnits } from './notices.ts';
import { type AssignmentItem, type ProposalItem, rulesFor } from './repository.ts';
import { getRules } from './rules.ts';

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

/** The reminders and overdue job of a new assignment due at `dueAt`, by the committee's reminder days (the engine's). */
async function scheduleAssignmentDeadline(
  tx: Db,
  assignment: Process<AssignmentItem>,
  committeeId: number,
  id: number,
  state: string,
  dueAt: Date,
) {
  const rules = await getRules(tx, committeeId);
  await scheduleDeadline(tx, assignment, committeeId, id, state, {
    dueAt,
    remindDaysBefore: rules.remindDaysBefore,
  });
}

/** Inserts one unit's assignment in state `assigned`, due at `dueAt`, and schedules its reminders and overdue job on
 *  `assignment` (the assignment process, handed in by its callers: that process's own effects call this, so importing it
 *  here would make an import cycle). Answers the new assignment's id. */
export async function insertAssignment(
  tx: Db,
  assignment: Process<AssignmentItem>,
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
  await scheduleAssignmentDeadline(tx, assignment, committeeId, row.id, 'assigned', dueAt);
  return row.id;
}

async function createAssignments(tx: Db, assignment: Process<AssignmentItem>, p: ProposalItem, plan: CheckedPlan) {
  const rules = await rulesFor(tx, p.committeeId, p.id);
  const now = clockNow();
  const replyDue = plan.dueAt ? new Date(plan.dueAt) : deadlineMonthsAfter(now, rules.replyMonths);
  const viewDue = await deadlineAfterDays(tx, p.committeeId, now, rules.assistingViewDays, rules.dayUnit);
  for (const u of plan.units) {
    await insertAssignment(
      tx,
      assignment,
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

export const assignTarget = (p: ProposalItem) => (p.assignmentApproval ? 'assignPending' : 'handling');

/** The `assign` effect: checks the plan, then creates the assignments (of `assignment`, the assignment process) or,
 *  when the committee approves plans first, keeps the plan and tells the leaders. */
export async function assignProposal(
  tx: Db,
  _actor: Actor,
  p: ProposalItem,
  data: AssignmentPlan,
  assignment: Process<AssignmentItem>,
) {
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
  } else await createAssignments(tx, assignment, p, plan);
}

/** The `approveAssignment` effect: creates the assignments (of `assignment`) of the plan kept by assignProposal. */
export async function approveAssignmentPlan(
  tx: Db,
  _actor: Actor,
  p: ProposalItem,
  assignment: Process<AssignmentItem>,
) {
  const row = await queryOne<{ assignment_plan: AssignmentPlan }>(
    tx,
    sql`select assignment_plan from proposals where committee_id = ${p.committeeId} and id = ${p.id}`,
  );
  await createAssignments(tx, assignment, p, await checkPlan(tx, p.committeeId, row!.assignment_plan));
}

export async function rejectAssignmentPlan(
  tx: Db,
  _actor: Actor,
  p: ProposalItem,
  _d: unknown,
  comment: string | null,
) {
  await tx.execute(
    sql`update proposals set assignment_plan = null where committee_id = ${p.committeeId} and id = ${p.id}`,
  );
  await notifyOffice(tx, p.committeeId, `交办方案被退回：${p.title}`, `/proposals/${p.id}`, comment ?? undefined);
}
