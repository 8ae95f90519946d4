// The outcome process as data: draft → leader's sign-off → 报送 → 交办 (units' rounds) → 评估 → 回头看 (a new round)
// or 办结. 批示 are recorded as a transition that keeps the state, so they sit on the timeline. The review date is the
// evaluated state's deadline: when it passes, the system reopens the outcome for a new round.
import { sql } from 'drizzle-orm';
import type { Role } from '../../platform/auth/permissions.ts';
import { type Actor, systemActor } from '../../platform/context.ts';
import { startOfBeijingDay } from '../../platform/dates.ts';
import { type Db, queryOne } from '../../platform/db/client.ts';
import { type DeadlineRule, defineProcess, fireTransition, type Process } from '../../platform/workflow/engine.ts';
import * as fx from './outcome-effects.ts';
import { signOffGuard } from './outcome-policy.ts';
import { loadOutcomeItem, type OutcomeItem } from './outcome-repository.ts';
import { outcomeRules, reviewDay } from './outcome-rules.ts';

export const OUTCOME_STATES: Record<string, string> = {
  draft: '草稿',
  signOff: '待领导签发',
  signed: '已签发待报送',
  submitted: '已报送待交办',
  handling: '办理反馈中',
  evaluated: '已评估',
  closed: '已办结',
};
/** States after 报送: instructions may be recorded, the outcome counts as submitted. */
export const SUBMITTED_STATES = ['submitted', 'handling', 'evaluated', 'closed'];

const OFFICE: Role[] = ['officeStaff', 'specialCommitteeStaff', 'committeeAdmin'];
const LEADER: Role[] = ['leader'];

/** Keeps the 回头看 date when a transition leaves the outcome evaluated (engine cancels pending jobs on each one). */
async function keepReview(tx: Db, actor: Actor, o: OutcomeItem): Promise<DeadlineRule | null> {
  const r = await queryOne<{ state: string; review_due_on: string | null }>(
    tx,
    sql`select state, review_due_on::text from consultation_outcomes where committee_id = ${actor.committeeId} and id = ${o.id}`,
  );
  if (o.state !== 'evaluated' || !r?.review_due_on) return null;
  return { dueAt: startOfBeijingDay(r.review_due_on), remindDaysBefore: [30] };
}

async function scheduleReview(tx: Db, actor: Actor, o: OutcomeItem): Promise<DeadlineRule> {
  const rules = await outcomeRules(tx, o.committeeId);
  const day = reviewDay(rules, new Date());
  await tx.execute(
    sql`update consultation_outcomes set review_due_on = ${day} where committee_id = ${actor.committeeId} and id = ${o.id}`,
  );
  return { dueAt: startOfBeijingDay(day), remindDaysBefore: [30] };
}

export const outcomeProcess: Process<OutcomeItem> = defineProcess<OutcomeItem>({
  name: 'consultation-outcome',
  entity: 'consultation_outcome',
  states: OUTCOME_STATES,
  transitions: [
    {
      action: 'sendForSignOff',
      label: '送领导签发',
      from: ['draft'],
      to: 'signOff',
      roles: OFFICE,
      effect: (tx, _a, o) => fx.notifyLeader(tx, o),
    },
    {
      action: 'signOff',
      label: '签发',
      from: ['signOff'],
      to: 'signed',
      roles: LEADER,
      guard: signOffGuard,
      effect: fx.recordSignOff,
    },
    {
      action: 'returnDraft',
      label: '退回修改',
      from: ['signOff'],
      to: 'draft',
      roles: LEADER,
      guard: signOffGuard,
      commentRequired: true,
      effect: (tx, _a, o) => fx.notifyOffice(tx, o.committeeId, `协商成果被退回修改：${o.title}`, o.id),
    },
    { action: 'submit', label: '报送', from: ['signed'], to: 'submitted', roles: OFFICE, effect: fx.recordSubmission },
    { action: 'handOver', label: '交办', from: ['submitted'], to: 'handling', roles: OFFICE, effect: fx.handOver },
    {
      action: 'evaluate',
      label: '评估',
      from: ['handling'],
      to: 'evaluated',
      roles: OFFICE,
      effect: fx.recordEvaluation,
      deadline: scheduleReview,
    },
    {
      action: 'startReview',
      label: '回头看',
      from: ['evaluated'],
      to: 'handling',
      // The scheduler fires it as the system when the review date comes; the office may start it earlier.
      roles: [...OFFICE, 'sysAdmin'],
      guard: (actor, o) =>
        actor.accountId === null || o.internal || actor.roles.some((r) => OFFICE.includes(r))
          ? null
          : '只有办公室可以启动回头看',
      effect: fx.reopenForReview,
    },
    { action: 'close', label: '办结', from: ['evaluated'], to: 'closed', roles: OFFICE },
    {
      action: 'recordInstruction',
      label: '记录领导批示',
      from: SUBMITTED_STATES,
      to: (o) => o.state,
      roles: OFFICE,
      effect: fx.recordInstruction,
      deadline: keepReview,
    },
  ],
  setState: async (tx, actor, o, to) => {
    await tx.execute(
      sql`update consultation_outcomes set state = ${to}, updated_at = now() where committee_id = ${actor.committeeId} and id = ${o.id}`,
    );
  },
  load: (tx, committeeId, id) => loadOutcomeItem(tx, committeeId, id, true),
  onDeadline: async (tx, committeeId, id, kind) => {
    const o = await loadOutcomeItem(tx, committeeId, id, true);
    if (!o) return;
    if (kind === 'remind') {
      await fx.notifyOffice(tx, committeeId, `协商成果即将回头看：${o.title}`, id);
      return;
    }
    await fireTransition(
      tx,
      outcomeProcess,
      systemActor(committeeId),
      { ...o, internal: true },
      { action: 'startReview' },
    );
  },
});
