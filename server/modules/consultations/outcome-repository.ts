// The outcome module's SQL for loading workflow items (locked for update inside a transaction) and the accounts to
// notify. Other modules use the exported functions, never the tables.
import { sql } from 'drizzle-orm';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import type { WorkflowItem } from '../../platform/workflow/engine.ts';
import { loadItem } from '../../platform/workflow/load-item.ts';

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

export const loadOutcomeItem = (db: Db, committeeId: number, id: number, lock = false) =>
  loadItem<OutcomeItem>(
    db,
    'consultation_outcomes',
    ['title', 'kind', 'round', 'leader_account_id'],
    committeeId,
    id,
    lock,
  );

export async function loadOutcomeUnitItem(
  db: Db,
  committeeId: number,
  id: number,
  lock = false,
): Promise<OutcomeUnitItem | null> {
  const r = await queryOne<Omit<OutcomeUnitItem, 'dueAt'> & { dueAt: string }>(
    db,
    sql`select u.id, u.state, u.committee_id as "committeeId", u.outcome_id as "outcomeId", u.unit_id as "unitId", u.round,
        u.due_at as "dueAt", o.title
      from consultation_outcome_units u join consultation_outcomes o on o.committee_id = u.committee_id and o.id = u.outcome_id
      where u.committee_id = ${committeeId} and u.id = ${id} ${lock ? sql`for update of u` : sql``}`,
  );
  return r ? { ...r, dueAt: new Date(r.dueAt) } : null;
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
