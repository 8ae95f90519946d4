// Outcome commands and reads: create and edit a draft (idempotent create), fire an action on the outcome or on one
// unit's row, publish, list and show. The committee comes from the actor; a unit sees only its own outcomes.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { idOfClientKey } from '../../platform/db/client-key.ts';
import { attachFiles } from '../../platform/files/files.ts';
import { allowedActions, fireTransition, listTransitions } from '../../platform/workflow/engine.ts';
import * as E from './outcome-errors.ts';
import { isUnit, seesAllOutcomes } from './outcome-policy.ts';
import { OUTCOME_STATES, outcomeProcess, SUBMITTED_STATES } from './outcome-process.ts';
import { loadOutcomeItem, loadOutcomeUnitItem } from './outcome-repository.ts';
import { ADOPTION, LEVELS, outcomeRules } from './outcome-rules.ts';
import type { ActionBody, OutcomeCreate, OutcomeDetail, OutcomeUnitOut, OutcomeUpdate } from './outcome-schemas.ts';
import { OPEN_UNIT_STATES, OUTCOME_UNIT_STATES, outcomeUnitProcess } from './outcome-unit-process.ts';

async function checkRefs(tx: Db, actor: Actor, b: OutcomeUpdate) {
  const rules = await outcomeRules(tx, actor.committeeId);
  if (!rules.kinds.includes(b.kind)) throw E.badKind();
  if (b.leaderAccountId) {
    const l = await queryOne(
      tx,
      sql`select 1 from accounts where committee_id = ${actor.committeeId} and id = ${b.leaderAccountId} and 'leader' = any(roles) and not disabled`,
    );
    if (!l) throw E.badLeader();
  }
  if (b.specialCommitteeId) {
    const s = await queryOne(
      tx,
      sql`select 1 from special_committees where committee_id = ${actor.committeeId} and id = ${b.specialCommitteeId}`,
    );
    if (!s) throw E.badSpecialCommittee();
  }
}

export async function createOutcome(db: Db, actor: Actor, b: OutcomeCreate): Promise<number> {
  return db.transaction(async (tx) => {
    const seen = b.clientKey && (await idOfClientKey(tx, 'consultation_outcomes', actor.committeeId, b.clientKey));
    if (seen) return seen;
    await checkRefs(tx, actor, b);
    const row = await queryOne<{ id: number }>(
      tx,
      sql`insert into consultation_outcomes (committee_id, kind, title, body, summary, event_id, plan_item_id, special_committee_id, leader_account_id, client_key, created_by)
        values (${actor.committeeId}, ${b.kind}, ${b.title.trim()}, ${b.body.trim()}, ${b.summary?.trim() ?? ''}, ${b.eventId ?? null}, ${b.planItemId ?? null},
          ${b.specialCommitteeId ?? null}, ${b.leaderAccountId ?? null}, ${b.clientKey ?? null}, ${actor.accountId}) returning id`,
    );
    await attachFiles(tx, actor, b.fileIds ?? [], 'consultation_outcome', row!.id);
    await writeAudit(tx, actor, {
      action: 'consultation_outcome.create',
      entity: 'consultation_outcome',
      entityId: row!.id,
      before: null,
      after: b,
    });
    return row!.id;
  });
}

export async function updateOutcome(db: Db, actor: Actor, id: number, b: OutcomeUpdate): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await queryOne<{ kind: string; title: string; body: string; summary: string; state: string }>(
      tx,
      sql`select kind, title, body, summary, state from consultation_outcomes where committee_id = ${actor.committeeId} and id = ${id} for update`,
    );
    if (!before) throw E.outcomeNotFound();
    if (before.state !== 'draft') throw E.notEditable();
    await checkRefs(tx, actor, b);
    await tx.execute(sql`update consultation_outcomes set kind = ${b.kind}, title = ${b.title.trim()}, body = ${b.body.trim()}, summary = ${b.summary?.trim() ?? ''},
        event_id = ${b.eventId ?? null}, plan_item_id = ${b.planItemId ?? null}, special_committee_id = ${b.specialCommitteeId ?? null},
        leader_account_id = ${b.leaderAccountId ?? null}, updated_at = now()
      where committee_id = ${actor.committeeId} and id = ${id}`);
    await attachFiles(tx, actor, b.fileIds ?? [], 'consultation_outcome', id);
    await writeAudit(tx, actor, {
      action: 'consultation_outcome.update',
      entity: 'consultation_outcome',
      entityId: id,
      before,
      after: b,
    });
  });
}

export async function setPublic(db: Db, actor: Actor, id: number, isPublic: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    const o = await loadOutcomeItem(tx, actor.committeeId, id, true);
    if (!o) throw E.outcomeNotFound();
    if (isPublic && !SUBMITTED_STATES.includes(o.state)) throw E.notPublishable();
    await tx.execute(
      sql`update consultation_outcomes set is_public = ${isPublic} where committee_id = ${actor.committeeId} and id = ${id}`,
    );
    await writeAudit(tx, actor, {
      action: 'consultation_outcome.publish',
      entity: 'consultation_outcome',
      entityId: id,
      before: null,
      after: { isPublic },
    });
  });
}

/** Whether the actor may open this outcome: staff and leaders all, a unit those handed to it. */
async function canSee(db: Db, actor: Actor, id: number): Promise<boolean> {
  if (seesAllOutcomes(actor)) return true;
  if (!isUnit(actor)) return false;
  const r = await queryOne(
    db,
    sql`select 1 from consultation_outcome_units where committee_id = ${actor.committeeId} and outcome_id = ${id} and unit_id = ${actor.unitId}`,
  );
  return !!r;
}

export async function fireOutcomeAction(db: Db, actor: Actor, id: number, b: ActionBody): Promise<void> {
  await db.transaction(async (tx) => {
    const o = await loadOutcomeItem(tx, actor.committeeId, id, true);
    if (!o || !(await canSee(tx, actor, id))) throw E.outcomeNotFound();
    await fireTransition(tx, outcomeProcess, actor, o, { action: b.action, comment: b.comment, data: b.data });
  });
}

export async function fireUnitAction(
  db: Db,
  actor: Actor,
  outcomeId: number,
  unitRowId: number,
  b: ActionBody,
): Promise<void> {
  await db.transaction(async (tx) => {
    const u = await loadOutcomeUnitItem(tx, actor.committeeId, unitRowId, true);
    if (!u || u.outcomeId !== outcomeId || !(await canSee(tx, actor, outcomeId))) throw E.outcomeUnitNotFound();
    if (isUnit(actor) && !seesAllOutcomes(actor) && u.unitId !== actor.unitId) throw E.outcomeUnitNotFound();
    await fireTransition(tx, outcomeUnitProcess, actor, u, { action: b.action, comment: b.comment, data: b.data });
  });
}

/** An outcome's own columns as the detail shows them (dates YYYY-MM-DD). */
type OutcomeRow = Omit<OutcomeDetail, 'stateLabel' | 'units' | 'instructions' | 'actions' | 'timeline'>;
/** A unit's row of an outcome with its feedback (timestamps raw). */
type UnitRow = Omit<OutcomeUnitOut, 'stateLabel' | 'overdue' | 'onTime' | 'adoptionLabel' | 'actions'> & {
  overdueAt: string | null;
};

export async function outcomeDetail(db: Db, actor: Actor, id: number): Promise<OutcomeDetail> {
  if (!(await canSee(db, actor, id))) throw E.outcomeNotFound();
  const o = await queryOne<OutcomeRow>(
    db,
    sql`select o.id, o.kind, o.title, o.body, o.summary, o.event_id as "eventId", o.plan_item_id as "planItemId",
        o.special_committee_id as "specialCommitteeId", o.leader_account_id as "leaderAccountId", a.display_name as "leaderName",
        o.state, o.round, coalesce(o.submitted_to, '{}') as "submittedTo", o.submitted_on::text as "submittedOn",
        coalesce(o.transformation_kinds, '{}') as "transformationKinds", o.transformation_text as "transformationText",
        o.evaluation_text as "evaluationText", o.review_due_on::text as "reviewDueOn", o.is_public as "isPublic"
      from consultation_outcomes o left join accounts a on a.committee_id = o.committee_id and a.id = o.leader_account_id
      where o.committee_id = ${actor.committeeId} and o.id = ${id}`,
  );
  if (!o) throw E.outcomeNotFound();
  const ownOnly = !seesAllOutcomes(actor);
  const units = await query<UnitRow>(
    db,
    sql`select u.id, u.unit_id as "unitId", h.name as "unitName", u.round, u.state, u.due_at as "dueAt", u.overdue_at as "overdueAt",
        u.fed_back_at as "fedBackAt", f.taken_up as "takenUp", f.measures, f.documents, u.adoption,
        u.adoption_measures as "adoptionMeasures"
      from consultation_outcome_units u
      join handling_units h on h.committee_id = u.committee_id and h.id = u.unit_id
      left join consultation_outcome_feedback f on f.committee_id = u.committee_id and f.outcome_unit_id = u.id
      where u.committee_id = ${actor.committeeId} and u.outcome_id = ${id} ${ownOnly ? sql`and u.unit_id = ${actor.unitId}` : sql``}
      order by u.round desc, u.id`,
  );
  const instructions = await query<Omit<OutcomeDetail['instructions'][number], 'levelLabel'>>(
    db,
    sql`select id, leader_name as "leaderName", leader_organ as "leaderOrgan", level, instructed_on::text as "instructedOn", text
      from consultation_instructions
      where committee_id = ${actor.committeeId} and outcome_id = ${id} order by instructed_on, id`,
  );
  const item = {
    id,
    state: o.state,
    committeeId: actor.committeeId,
    title: o.title,
    kind: o.kind,
    round: o.round,
    leaderAccountId: o.leaderAccountId,
  };
  const timeline = await listTransitions(db, outcomeProcess, actor.committeeId, id, actor);
  return {
    ...o,
    stateLabel: OUTCOME_STATES[o.state] ?? o.state,
    units: units.map(({ overdueAt, ...u }) => {
      const due = new Date(u.dueAt);
      const fed = u.fedBackAt ? new Date(u.fedBackAt) : null;
      const unitItem = {
        id: u.id,
        state: u.state,
        committeeId: actor.committeeId,
        outcomeId: id,
        unitId: u.unitId,
        round: u.round,
        dueAt: due,
        title: o.title,
      };
      return {
        ...u,
        stateLabel: OUTCOME_UNIT_STATES[u.state] ?? u.state,
        dueAt: due.toISOString(),
        overdue: OPEN_UNIT_STATES.includes(u.state) && (!!overdueAt || due.getTime() < Date.now()),
        fedBackAt: fed?.toISOString() ?? null,
        onTime: fed ? fed <= due : null,
        adoptionLabel: u.adoption ? ADOPTION[u.adoption as keyof typeof ADOPTION] : null,
        actions: u.round === o.round ? allowedActions(outcomeUnitProcess, actor, unitItem) : [],
      };
    }),
    instructions: instructions.map((i) => ({ ...i, levelLabel: LEVELS[i.level as keyof typeof LEVELS] })),
    actions: allowedActions(outcomeProcess, actor, item),
    timeline: timeline.map((t) => ({
      id: t.id,
      label: t.label,
      toStateLabel: t.toStateLabel,
      actorName: t.actorName,
      comment: t.comment,
      createdAt: t.createdAt,
    })),
  };
}

/** Appends a text under a heading to a draft outcome (an online discussion's summary), audited in the caller's tx. */
export async function appendToOutcome(tx: Db, actor: Actor, id: number, heading: string, text: string): Promise<void> {
  const o = await queryOne<{ body: string; state: string }>(
    tx,
    sql`select body, state from consultation_outcomes where committee_id = ${actor.committeeId} and id = ${id} for update`,
  );
  if (!o) throw E.outcomeNotFound();
  if (o.state !== 'draft') throw E.notEditable();
  const body = `${o.body.trim()}\n\n${heading}\n${text.trim()}`.trim();
  await tx.execute(sql`update consultation_outcomes set body = ${body}, updated_at = now()
    where committee_id = ${actor.committeeId} and id = ${id}`);
  await writeAudit(tx, actor, {
    action: 'consultation_outcome.append',
    entity: 'consultation_outcome',
    entityId: id,
    before: { body: o.body },
    after: { body },
  });
}
