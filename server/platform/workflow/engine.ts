// The workflow engine: a process is data (states, transitions with roles, guard, effect, deadline); one function fires
// a transition — checking state, role and guard — stores it with actor, time and comment, audits it and keeps deadline
// jobs in step. The same table tells the UI which actions the current user may take.

import { sql } from 'drizzle-orm';
import { writeAudit } from '../audit/audit.ts';
import { entityLabel, registerActionLabels } from '../audit/labels.ts';
import type { Role } from '../auth/permissions.ts';
import type { Actor } from '../context.ts';
import { reminderAt } from '../dates.ts';
import { type Db, query } from '../db/client.ts';
import { AppError, badRequest, forbidden } from '../errors.ts';
import { cancelJobsStatement, registerJobHandler, scheduleJob } from '../jobs/jobs.ts';

export interface WorkflowItem {
  id: number;
  state: string;
}

export interface DeadlineRule {
  /** When the work of the new state is due. */
  dueAt: Date;
  /** Reminders this many days before dueAt. */
  remindDaysBefore: number[];
}

/**
 * Who sees a stored transition on a timeline: 'all' (whoever may open the item) or the roles listed. Decided per
 * transition in the process definition, not per page, so a draft or an internal remark cannot leak through a new view.
 */
export type Audience = 'all' | readonly Role[];

export interface Visibility {
  /** Who sees that the step happened at all (default 'all'); a viewer outside it gets no entry. */
  entry?: Audience;
  /** Who sees its comment (default: the entry's audience); others get the entry with comment null. */
  comment?: Audience;
  /** Who sees its data (default: the entry's audience); others get the entry with data null. */
  data?: Audience;
}

export interface Transition<I extends WorkflowItem, D = any> {
  action: string;
  /** The button text. */
  label: string;
  from: readonly string[];
  to: string | ((item: I, data: D) => string);
  roles: readonly Role[];
  /** Returns a Chinese reason when this actor may not fire it on this item, else null. */
  guard?: (actor: Actor, item: I) => string | null;
  commentRequired?: boolean;
  /**
   * A prior step this action needs (办前面商 before a reply): a Chinese sentence naming it, else null. Unlike a guard
   * the button stays — its dialog says what to do first, when it opens, before anyone writes (issue 12). The effect
   * still checks the same rule inside the transaction; this only tells the user early.
   */
  precondition?: (actor: Actor, item: I) => string | null;
  /** Work done in the same transaction after the checks, before the state changes. */
  effect?: (tx: Db, actor: Actor, item: I, data: D, comment: string | null) => Promise<void>;
  /** A deadline for the new state; pending deadline jobs of the item are cancelled on every transition. */
  deadline?: (tx: Db, actor: Actor, item: I, data: D) => Promise<DeadlineRule | null>;
  /** Who sees the step, its comment and its data on the timeline (default: everyone who may open the item). */
  visibleTo?: Visibility;
}

export interface Process<I extends WorkflowItem> {
  name: string;
  entity: string;
  states: Record<string, string>;
  transitions: Transition<I>[];
  /** Timeline visibility by action, for processes that keep it in a table of its own (a transition's visibleTo wins). */
  visibility?: Record<string, Visibility>;
  /** Writes the new state (and whatever else the module keeps on the row). */
  setState: (tx: Db, actor: Actor, item: I, to: string) => Promise<void>;
  /** Called by the scheduler when a deadline comes near ('remind') or passes ('overdue') while the item is still in that state. */
  onDeadline?: (
    tx: Db,
    committeeId: number,
    entityId: number,
    kind: 'remind' | 'overdue',
    dueAt: Date,
  ) => Promise<void>;
  /** Loads the item (for deadline jobs). */
  load?: (tx: Db, committeeId: number, id: number) => Promise<I | null>;
}

const processes = new Map<string, Process<any>>();

export function defineProcess<I extends WorkflowItem>(p: Process<I>): Process<I> {
  processes.set(p.name, p);
  // The audit log names a transition as 对象·动作 from the process's own Chinese label (no second list to forget).
  registerActionLabels(
    Object.fromEntries(p.transitions.map((t) => [`${p.name}.${t.action}`, `${entityLabel(p.entity)}·${t.label}`])),
  );
  return p;
}

export interface FireOptions<D> {
  action: string;
  comment?: string | null;
  data?: D;
}

/** Fires one transition on an item already read (and locked, `for update`) inside the transaction. */
export async function fireTransition<I extends WorkflowItem, D = any>(
  tx: Db,
  process: Process<I>,
  actor: Actor,
  item: I,
  opts: FireOptions<D>,
): Promise<string> {
  const t = process.transitions.find((x) => x.action === opts.action);
  if (!t) throw badRequest('workflow.unknown_action', `未知的操作「${opts.action}」`);
  if (!t.from.includes(item.state)) {
    throw new AppError(
      409,
      'workflow.bad_state',
      `当前状态为「${process.states[item.state] ?? item.state}」，不能执行「${t.label}」`,
    );
  }
  if (!actor.roles.some((r) => t.roles.includes(r)))
    throw forbidden('workflow.forbidden', `没有权限执行「${t.label}」`);
  const reason = t.guard?.(actor, item);
  if (reason) throw forbidden('workflow.guard', reason);
  const comment = opts.comment?.trim() || null;
  if (t.commentRequired && !comment)
    throw badRequest('workflow.comment_required', `请填写「${t.label}」的理由或意见`, 'comment');
  const data = (opts.data ?? {}) as D;
  const to = typeof t.to === 'function' ? t.to(item, data) : t.to;
  if (t.effect) await t.effect(tx, actor, item, data, comment);
  await process.setState(tx, actor, item, to);
  // The item's pending deadline jobs are cancelled in the same statement (a deadline of the new state is set below).
  await tx.execute(sql`with cancelled as (${cancelJobsStatement(actor.committeeId, `wf:${process.name}:${item.id}:`)})
    insert into workflow_transitions (committee_id, process, entity_id, action, from_state, to_state, actor_id, actor_name, comment, data)
    values (${actor.committeeId}, ${process.name}, ${item.id}, ${t.action}, ${item.state}, ${to}, ${actor.accountId}, ${actor.name}, ${comment},
      ${opts.data === undefined ? null : JSON.stringify(opts.data)}::jsonb)`);
  await writeAudit(tx, actor, {
    action: `${process.name}.${t.action}`,
    entity: process.entity,
    entityId: item.id,
    before: { state: item.state },
    after: { state: to, comment, data: opts.data ?? null },
  });
  const deadline = t.deadline ? await t.deadline(tx, actor, item, data) : null;
  if (deadline) await scheduleDeadline(tx, process, actor.committeeId, item.id, to, deadline);
  return to;
}

/** Schedules the reminders and the overdue job of an item's deadline in a state. fireTransition calls it; a module
 * calls it itself for items that are born in a waiting state (a unit's row created by another item's transition). */
export async function scheduleDeadline(
  tx: Db,
  process: Process<any>,
  committeeId: number,
  entityId: number,
  state: string,
  deadline: DeadlineRule,
): Promise<void> {
  const prefix = `wf:${process.name}:${entityId}:`;
  const payload = { process: process.name, entityId, state, dueAt: deadline.dueAt.toISOString() };
  for (const days of deadline.remindDaysBefore) {
    const runAt = reminderAt(deadline.dueAt, days);
    await scheduleJob(tx, {
      committeeId,
      kind: 'workflow.remind',
      runAt,
      payload,
      dedupeKey: `${prefix}remind:${days}`,
    });
  }
  await scheduleJob(tx, {
    committeeId,
    kind: 'workflow.overdue',
    runAt: deadline.dueAt,
    payload,
    dedupeKey: `${prefix}overdue`,
  });
}

export interface AllowedAction {
  action: string;
  label: string;
  commentRequired: boolean;
  /** Present when a prior step is missing: what to do first (the dialog shows it instead of the fields). */
  precondition?: string;
}

/** The actions this actor may take on this item now: what the UI shows as buttons. */
export function allowedActions<I extends WorkflowItem>(process: Process<I>, actor: Actor, item: I): AllowedAction[] {
  return process.transitions
    .filter(
      (t) => t.from.includes(item.state) && actor.roles.some((r) => t.roles.includes(r)) && !t.guard?.(actor, item),
    )
    .map((t) => {
      const precondition = t.precondition?.(actor, item);
      return {
        action: t.action,
        label: t.label,
        commentRequired: !!t.commentRequired,
        ...(precondition ? { precondition } : {}),
      };
    });
}

export interface TimelineEntry {
  id: number;
  action: string;
  label: string;
  fromState: string;
  toState: string;
  toStateLabel: string;
  actorName: string | null;
  comment: string | null;
  data: unknown;
  createdAt: string;
}

const sees = (audience: Audience | undefined, roles: readonly Role[]) =>
  !audience || audience === 'all' || roles.some((r) => audience.includes(r));

/** What a viewer with these roles sees of one stored transition: null when the whole entry is hidden from them. */
export function visibleParts(
  process: Pick<Process<any>, 'transitions' | 'visibility'>,
  action: string,
  roles: readonly Role[],
): { comment: boolean; data: boolean } | null {
  const v = process.transitions.find((t) => t.action === action)?.visibleTo ?? process.visibility?.[action] ?? {};
  if (!sees(v.entry, roles)) return null;
  return { comment: sees(v.comment ?? v.entry, roles), data: sees(v.data ?? v.entry, roles) };
}

/** The item's timeline as this viewer may see it (each transition's `visibleTo`). */
export async function listTransitions(
  db: Db,
  process: Process<any>,
  committeeId: number,
  entityId: number,
  viewer: { roles: readonly Role[] },
): Promise<TimelineEntry[]> {
  const rows = await query<{
    id: number;
    action: string;
    from_state: string;
    to_state: string;
    actor_name: string | null;
    comment: string | null;
    data: unknown;
    created_at: string | Date;
  }>(
    db,
    sql`select id, action, from_state, to_state, actor_name, comment, data, created_at from workflow_transitions
      where committee_id = ${committeeId} and process = ${process.name} and entity_id = ${entityId} order by id`,
  );
  return rows.flatMap((r) => {
    const parts = visibleParts(process, r.action, viewer.roles);
    if (!parts) return [];
    return [
      {
        id: r.id,
        action: r.action,
        label: process.transitions.find((t) => t.action === r.action)?.label ?? r.action,
        fromState: r.from_state,
        toState: r.to_state,
        toStateLabel: process.states[r.to_state] ?? r.to_state,
        actorName: r.actor_name,
        comment: parts.comment ? r.comment : null,
        data: parts.data ? r.data : null,
        createdAt: new Date(r.created_at).toISOString(),
      },
    ];
  });
}

async function runDeadline(tx: Db, committeeId: number, payload: any, kind: 'remind' | 'overdue') {
  const process = processes.get(payload.process);
  if (!process?.onDeadline || !process.load) return;
  const item = await process.load(tx, committeeId, payload.entityId);
  // The item moved on: the deadline no longer applies.
  if (!item || item.state !== payload.state) return;
  await process.onDeadline(tx, committeeId, payload.entityId, kind, new Date(payload.dueAt));
}

registerJobHandler('workflow.remind', (tx, job) => runDeadline(tx, job.committee_id, job.payload, 'remind'));
registerJobHandler('workflow.overdue', (tx, job) => runDeadline(tx, job.committee_id, job.payload, 'overdue'));

/** Every process defined so far (modules define theirs when imported): for the generated process tables in docs/. */
export const listProcesses = (): Process<any>[] => [...processes.values()];
