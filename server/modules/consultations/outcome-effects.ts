// The effects of the outcome transitions as named functions: each checks its data and writes the module's rows in
// the transaction of the transition (a bad value throws before anything is written).
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { beijingDateOf, beijingToday, isDay } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { accountsWithRoles, notify } from '../../platform/notifications/notifications.ts';
import { scheduleDeadline } from '../../platform/workflow/engine.ts';
import * as E from './outcome-errors.ts';
import type { OutcomeItem, OutcomeUnitItem } from './outcome-repository.ts';
import { unitAccountIds, unitsOfRound } from './outcome-repository.ts';
import { feedbackDue, LEADER_ORGANS, LEVELS, outcomeRules, SUBMIT_TARGETS, TRANSFORMATION } from './outcome-rules.ts';
import type {
  EvaluateData,
  FeedbackData,
  HandOverData,
  InstructionData,
  RateData,
  SubmitData,
} from './outcome-schemas.ts';

const OFFICE_ROLES = ['officeStaff', 'specialCommitteeStaff'];
const link = (id: number) => `/consultations/outcomes/${id}`;

export async function notifyOffice(tx: Db, committeeId: number, title: string, outcomeId: number) {
  await notify(tx, {
    committeeId,
    accountIds: await accountsWithRoles(tx, committeeId, OFFICE_ROLES),
    kind: 'consultationOutcome.office',
    title,
    link: link(outcomeId),
  });
}

export async function notifyLeader(tx: Db, o: OutcomeItem) {
  const ids = o.leaderAccountId ? [o.leaderAccountId] : await accountsWithRoles(tx, o.committeeId, ['leader']);
  await notify(tx, {
    committeeId: o.committeeId,
    accountIds: ids,
    kind: 'consultationOutcome.signOff',
    title: `协商成果待签发：${o.title}`,
    link: link(o.id),
  });
}

export async function recordSignOff(tx: Db, _actor: Actor, o: OutcomeItem) {
  await tx.execute(
    sql`update consultation_outcomes set signed_at = now() where committee_id = ${o.committeeId} and id = ${o.id}`,
  );
  await notifyOffice(tx, o.committeeId, `协商成果已签发，待报送：${o.title}`, o.id);
}

export async function recordSubmission(tx: Db, _actor: Actor, o: OutcomeItem, data: SubmitData) {
  const targets = [...new Set(data.submittedTo ?? [])];
  if (!targets.length || targets.some((t) => !(t in SUBMIT_TARGETS))) throw E.noTarget();
  const day = data.submittedOn;
  if (!day || !isDay(day) || day > beijingToday()) throw E.badSubmittedOn();
  await tx.execute(sql`update consultation_outcomes set submitted_to = ${sql.param(targets)}::text[], submitted_on = ${day}
    where committee_id = ${o.committeeId} and id = ${o.id}`);
}

/** Inserts one row per unit for the round and starts each row's feedback deadline on the unit process. */
export async function handUnits(tx: Db, o: OutcomeItem, round: number, unitIds: number[], dueOn?: string) {
  const { outcomeUnitProcess } = await import('./outcome-unit-process.ts');
  const rules = await outcomeRules(tx, o.committeeId);
  const due = await feedbackDue(tx, o.committeeId, rules, dueOn);
  for (const unitId of unitIds) {
    const row = await queryOne<{ id: number }>(
      tx,
      sql`insert into consultation_outcome_units (committee_id, outcome_id, unit_id, round, due_at)
        values (${o.committeeId}, ${o.id}, ${unitId}, ${round}, ${due.toISOString()}) returning id`,
    );
    await scheduleDeadline(tx, outcomeUnitProcess, o.committeeId, row!.id, 'handed', {
      dueAt: due,
      remindDaysBefore: rules.remindDaysBefore,
    });
  }
  await notify(tx, {
    committeeId: o.committeeId,
    accountIds: await unitAccountIds(tx, o.committeeId, unitIds),
    kind: 'consultationOutcome.handed',
    title: `${round > 1 ? '回头看：' : ''}新交办协商成果，请于 ${beijingDateOf(due)} 前反馈：${o.title}`,
    link: link(o.id),
  });
}

export async function handOver(tx: Db, _actor: Actor, o: OutcomeItem, data: HandOverData) {
  const ids = [...new Set(data.unitIds ?? [])];
  if (!ids.length) throw E.noUnits();
  const found = await query<{ id: number }>(
    tx,
    sql`select id from handling_units where committee_id = ${o.committeeId} and active and id = any(${sql.param(ids)}::int[])`,
  );
  if (found.length !== ids.length) throw E.badUnits();
  if (data.dueOn && (!isDay(data.dueOn) || data.dueOn <= beijingToday())) throw E.badDueOn();
  await tx.execute(
    sql`update consultation_outcomes set handed_at = now() where committee_id = ${o.committeeId} and id = ${o.id}`,
  );
  await handUnits(tx, o, o.round, ids, data.dueOn);
}

export async function recordEvaluation(tx: Db, _actor: Actor, o: OutcomeItem, data: EvaluateData) {
  const kinds = [...new Set(data.transformationKinds ?? [])];
  if (kinds.some((k) => !(k in TRANSFORMATION))) throw E.badTransformation();
  const open = await queryOne<{ n: number }>(
    tx,
    sql`select count(*)::int as n from consultation_outcome_units where committee_id = ${o.committeeId}
      and outcome_id = ${o.id} and round = ${o.round} and state <> 'rated'`,
  );
  if (open!.n > 0) throw E.unitsNotRated();
  await tx.execute(sql`update consultation_outcomes set evaluated_at = now(), transformation_kinds = ${sql.param(kinds)}::text[],
      transformation_text = ${data.transformationText?.trim() ?? ''}, evaluation_text = ${data.evaluationText?.trim() ?? ''}
    where committee_id = ${o.committeeId} and id = ${o.id}`);
}

/** 回头看: a new round handed to the same units as the last one. */
export async function reopenForReview(tx: Db, _actor: Actor, o: OutcomeItem) {
  const units = await unitsOfRound(tx, o.committeeId, o.id, o.round);
  const round = o.round + 1;
  await tx.execute(sql`update consultation_outcomes set round = ${round}, review_due_on = null
    where committee_id = ${o.committeeId} and id = ${o.id}`);
  await handUnits(tx, o, round, units);
}

export async function recordInstruction(tx: Db, actor: Actor, o: OutcomeItem, data: InstructionData) {
  if (!(data.level in LEVELS) || !(data.leaderOrgan in LEADER_ORGANS)) throw E.badInstruction();
  if (data.instructedOn > beijingToday()) throw E.badInstructionDate();
  await tx.execute(sql`insert into consultation_instructions (committee_id, outcome_id, leader_name, leader_organ, level, instructed_on, text, created_by)
    values (${o.committeeId}, ${o.id}, ${data.leaderName.trim()}, ${data.leaderOrgan}, ${data.level}, ${data.instructedOn}, ${data.text.trim()}, ${actor.accountId})`);
}

export async function recordFeedback(tx: Db, actor: Actor, u: OutcomeUnitItem, data: FeedbackData) {
  const takenUp = data.takenUp?.trim();
  if (!takenUp) throw E.noTakenUp();
  await tx.execute(sql`insert into consultation_outcome_feedback (committee_id, outcome_unit_id, outcome_id, round, taken_up, measures, documents, created_by)
    values (${u.committeeId}, ${u.id}, ${u.outcomeId}, ${u.round}, ${takenUp}, ${data.measures?.trim() ?? ''}, ${data.documents?.trim() ?? ''}, ${actor.accountId})
    on conflict (committee_id, outcome_unit_id) do update set taken_up = excluded.taken_up, measures = excluded.measures,
      documents = excluded.documents, created_by = excluded.created_by, created_at = now()`);
  await tx.execute(
    sql`update consultation_outcome_units set fed_back_at = now() where committee_id = ${u.committeeId} and id = ${u.id}`,
  );
  await notifyOffice(tx, u.committeeId, `办理单位已反馈，待评估：${u.title}`, u.outcomeId);
}

export async function recordRating(tx: Db, _actor: Actor, u: OutcomeUnitItem, data: RateData) {
  if (!data.adoption || !['adopted', 'partly', 'notAdopted'].includes(data.adoption)) throw E.badAdoption();
  await tx.execute(sql`update consultation_outcome_units set adoption = ${data.adoption}, adoption_measures = ${data.measures?.trim() ?? ''},
      evaluated_at = now() where committee_id = ${u.committeeId} and id = ${u.id}`);
}
