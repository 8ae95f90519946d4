// Tasks (季度派单): staff create a task and send it to members by rule (the meetings' membersByRule) or by hand; each
// member's copy is an assignment on the engine (process.ts). Lists for staff and for the member, with overdue flags.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { addDays, beijingToday } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { countOf } from '../../platform/db/count.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { allowedActions, fireTransition, listTransitions } from '../../platform/workflow/engine.ts';
import { membersByRule } from '../meetings/service.ts';
import { memberDirectory } from '../org/members-directory.ts';
import { TASK_KINDS } from './labels.ts';
import { ASSIGNEE_ONLY_ACTIONS, canSeeAssignment, isAssignee } from './policy.ts';
import {
  ASSIGNMENT_STATES,
  type AssignmentKeyRow,
  assignmentItem,
  assignmentProcess,
  loadAssignment,
} from './process.ts';
import type { AssignmentAction, InviteInput, TaskInput, TaskQuery } from './schemas.ts';
import { getTaskSettings } from './settings.ts';

const taskNotFound = () => notFound('task.not_found', '任务不存在');
const assignmentNotFound = () => notFound('task.assignment_not_found', '派单不存在');
const OPEN = ['sent', 'accepted', 'swapRequested'];

export async function createTask(db: Db, actor: Actor, b: TaskInput): Promise<{ id: number; sent: number }> {
  return db.transaction(async (tx) => {
    const s = await getTaskSettings(tx, actor.committeeId, Number(b.quarter.slice(0, 4)));
    const dueOn = b.dueOn ?? addDays(beijingToday(), s.dueDays);
    const row = await queryOne<{ id: number }>(
      tx,
      sql`insert into tasks (committee_id, kind, title, description, quarter, due_on, created_by)
        values (${actor.committeeId}, ${b.kind}, ${b.title.trim()}, ${b.description?.trim() ?? ''}, ${b.quarter}, ${dueOn}, ${actor.accountId})
        returning id`,
    );
    const id = row!.id;
    await writeAudit(tx, actor, { action: 'task.create', entity: 'task', entityId: id, after: { ...b, dueOn } });
    const sent = b.send ? await sendTo(tx, actor, id, b.send) : 0;
    return { id, sent };
  });
}

async function sendTo(tx: Db, actor: Actor, taskId: number, send: InviteInput): Promise<number> {
  const ids = await membersByRule(tx, actor.committeeId, send);
  const rows = await query<{ member_id: number }>(
    tx,
    sql`insert into task_assignments (committee_id, task_id, member_id)
      select ${actor.committeeId}, ${taskId}, x from unnest(${sql.param(ids)}::int[]) as x
      on conflict (committee_id, task_id, member_id) do nothing returning member_id`,
  );
  await writeAudit(tx, actor, {
    action: 'task.send',
    entity: 'task',
    entityId: taskId,
    after: { rule: send.rule, memberIds: rows.map((r) => r.member_id) },
  });
  return rows.length;
}

/** Sends an existing task to more members (by rule or by hand); members who have it already are skipped. */
export async function sendTask(db: Db, actor: Actor, taskId: number, send: InviteInput): Promise<number> {
  return db.transaction(async (tx) => {
    const t = await queryOne(
      tx,
      sql`select 1 from tasks where committee_id = ${actor.committeeId} and id = ${taskId} for update`,
    );
    if (!t) throw taskNotFound();
    return sendTo(tx, actor, taskId, send);
  });
}

// Overdue against the Beijing day, not the database server's current_date.
const overdueSql = (today: string) =>
  sql`(a.state in ('sent', 'accepted', 'swapRequested') and t.due_on < ${today}::date)`;

/** A row of assignmentSelect. */
interface AssignmentRow extends AssignmentKeyRow {
  member_name: string;
  description: string;
  due_on: string;
  reason: string | null;
  evidence_type: string | null;
  evidence_id: number | null;
  evidence_note: string | null;
}

function presentAssignment(r: AssignmentRow, today: string) {
  return {
    id: r.id,
    taskId: r.task_id,
    memberId: r.member_id,
    memberName: r.member_name,
    kind: r.kind,
    kindLabel: TASK_KINDS[r.kind as keyof typeof TASK_KINDS],
    title: r.title,
    description: r.description,
    quarter: r.quarter,
    dueOn: r.due_on,
    state: r.state,
    stateLabel: ASSIGNMENT_STATES[r.state] ?? r.state,
    reason: r.reason,
    evidenceType: r.evidence_type,
    evidenceId: r.evidence_id,
    evidenceTitle: r.evidence_note,
    overdue: OPEN.includes(r.state) && r.due_on < today,
  };
}

const assignmentSelect = sql`select a.id, a.task_id, a.member_id, m.name as member_name, t.kind, t.title, t.description, t.quarter,
    t.due_on::text as due_on, a.state, a.reason, a.evidence_type, a.evidence_id, a.evidence_note
  from task_assignments a join tasks t on t.committee_id = a.committee_id and t.id = a.task_id
  join ${memberDirectory} m on m.committee_id = a.committee_id and m.id = a.member_id`;

/** The member's own tasks, open ones first. */
export async function myAssignments(db: Db, actor: Actor) {
  if (!actor.memberId) return { items: [], total: 0 };
  const today = beijingToday();
  const rows = await query<AssignmentRow>(
    db,
    sql`${assignmentSelect} where a.committee_id = ${actor.committeeId} and a.member_id = ${actor.memberId}
      order by (a.state in ('sent', 'accepted', 'swapRequested')) desc, t.due_on, a.id`,
  );
  const items = rows.map((r) => ({
    ...presentAssignment(r, today),
    actions: allowedActions(assignmentProcess, actor, assignmentItem(actor.committeeId, r)),
  }));
  return { items, total: items.length };
}

export async function listTasks(db: Db, actor: Actor, q: TaskQuery, limit: number, offset: number) {
  const c = actor.committeeId;
  const where = sql`t.committee_id = ${c} ${q.quarter ? sql`and t.quarter = ${q.quarter}` : sql``}`;
  const rows = await query<{
    id: number;
    kind: string;
    title: string;
    quarter: string;
    due_on: string;
    sent: number;
    completed: number;
    declined: number;
    overdue: number;
  }>(
    db,
    sql`select t.id, t.kind, t.title, t.quarter, t.due_on::text as due_on,
        count(a.id)::int as sent,
        count(a.id) filter (where a.state = 'completed')::int as completed,
        count(a.id) filter (where a.state in ('declined', 'swapped'))::int as declined,
        count(a.id) filter (where ${overdueSql(beijingToday())})::int as overdue
      from tasks t left join task_assignments a on a.committee_id = t.committee_id and a.task_id = t.id
      where ${where} group by t.committee_id, t.id order by t.due_on desc, t.id desc limit ${limit} offset ${offset}`,
  );
  const total = await countOf(db, sql`select count(*)::int as n from tasks t where ${where}`);
  return {
    items: rows.map(({ due_on, ...r }) => ({
      ...r,
      dueOn: due_on,
      kindLabel: TASK_KINDS[r.kind as keyof typeof TASK_KINDS],
    })),
    total,
  };
}

export async function getTask(db: Db, actor: Actor, id: number) {
  const t = await queryOne<{
    id: number;
    kind: string;
    title: string;
    description: string;
    quarter: string;
    due_on: string;
  }>(
    db,
    sql`select id, kind, title, description, quarter, due_on::text as due_on from tasks where committee_id = ${actor.committeeId} and id = ${id}`,
  );
  if (!t) throw taskNotFound();
  const today = beijingToday();
  const rows = await query<AssignmentRow>(
    db,
    sql`${assignmentSelect} where a.committee_id = ${actor.committeeId} and a.task_id = ${id} order by a.member_id`,
  );
  return {
    id: t.id,
    kind: t.kind,
    kindLabel: TASK_KINDS[t.kind as keyof typeof TASK_KINDS],
    title: t.title,
    description: t.description,
    quarter: t.quarter,
    dueOn: t.due_on,
    assignments: rows.map((r) => ({
      ...presentAssignment(r, today),
      actions: allowedActions(assignmentProcess, actor, assignmentItem(actor.committeeId, r)),
    })),
  };
}

/** One assignment with its history: its member or staff who manage tasks; anyone else gets 404. */
export async function getAssignment(db: Db, actor: Actor, id: number) {
  const r = await queryOne<AssignmentRow>(
    db,
    sql`${assignmentSelect} where a.committee_id = ${actor.committeeId} and a.id = ${id}`,
  );
  if (!r || !canSeeAssignment(actor, { memberId: r.member_id })) throw assignmentNotFound();
  return {
    ...presentAssignment(r, beijingToday()),
    actions: allowedActions(assignmentProcess, actor, assignmentItem(actor.committeeId, r)),
    history: await listTransitions(db, assignmentProcess, actor.committeeId, id, actor),
  };
}

export async function fireAssignmentAction(db: Db, actor: Actor, id: number, b: AssignmentAction): Promise<string> {
  return db.transaction(async (tx) => {
    const a = await loadAssignment(tx, actor.committeeId, id, true);
    if (!a || !canSeeAssignment(actor, a)) throw assignmentNotFound();
    if (!isAssignee(actor, a) && ASSIGNEE_ONLY_ACTIONS.includes(b.action))
      throw forbidden('task.not_own', '只有接受派单的委员本人可以操作');
    const data = b.action === 'complete' ? { evidenceType: b.evidenceType, evidenceId: b.evidenceId } : undefined;
    return fireTransition(tx, assignmentProcess, actor, a, { action: b.action, comment: b.comment, data });
  });
}
