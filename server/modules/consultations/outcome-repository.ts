// The outcome module's SQL for loading workflow items (locked for update inside a transaction) and the accounts to
// notify. Other modules use the exported functions, never the tables.
import { sql } from 'drizzle-orm';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import type { WorkflowItem } from '../../platform/workflow/engine.ts';

export interface OutcomeItem extends WorkflowItem {
  committeeId: number;
  title: string;
  kind: string;
  round: number;
  leaderAccountId: number | null;
  /** Set by the system when it fires a transition itself (回头看 reopening). */
  internal?: boolean;
}

export interface OutcomeUnitItem extends WorkflowItem {
  committeeId: number;
  outcomeId: number;
  unitId: number;
  round: number;
  dueAt: Date;
  title: string;
}

export async function loadOutcomeItem(
  db: Db,
  committeeId: number,
  id: number,
  lock = false,
): Promise<OutcomeItem | null> {
  const r = await queryOne<any>(
    db,
    sql`select id, state, title, kind, round, leader_account_id from consultation_outcomes
      where committee_id = ${committeeId} and id = ${id} ${lock ? sql`for update` : sql``}`,
  );
  if (!r) return null;
  return {
    id: r.id,
    state: r.state,
    committeeId,
    title: r.title,
    kind: r.kind,
    round: r.round,
    leaderAccountId: r.leader_account_id,
  };
}

export async function loadOutcomeUnitItem(
  db: Db,
  committeeId: number,
  id: number,
  lock = false,
): Promise<OutcomeUnitItem | null> {
  const r = await queryOne<any>(
    db,
    sql`select u.id, u.state, u.outcome_id, u.unit_id, u.round, u.due_at, o.title
      from consultation_outcome_units u join consultation_outcomes o on o.committee_id = u.committee_id and o.id = u.outcome_id
      where u.committee_id = ${committeeId} and u.id = ${id} ${lock ? sql`for update of u` : sql``}`,
  );
  if (!r) return null;
  return {
    id: r.id,
    state: r.state,
    committeeId,
    outcomeId: r.outcome_id,
    unitId: r.unit_id,
    round: r.round,
    dueAt: new Date(r.due_at),
    title: r.title,
  };
}

export async function unitAccountIds(db: Db, committeeId: number, unitIds: number[]): Promise<number[]> {
  if (!unitIds.length) return [];
  const rows = await query<{ id: number }>(
    db,
    sql`select id from accounts where committee_id = ${committeeId} and unit_id = any(${sql.param(unitIds)}::int[]) and not disabled`,
  );
  return rows.map((r) => r.id);
}

/** The units handed the outcome in a round (回头看 hands the same units again). */
export async function unitsOfRound(db: Db, committeeId: number, outcomeId: number, round: number): Promise<number[]> {
  const rows = await query<{ unit_id: number }>(
    db,
    sql`select unit_id from consultation_outcome_units where committee_id = ${committeeId} and outcome_id = ${outcomeId}
      and round = ${round} order by unit_id`,
  );
  return rows.map((r) => r.unit_id);
}
