// Loading one workflow item of a committee's table: the row's id and state plus the columns a module's process needs,
// camel-cased, optionally locked `for update` inside a transaction. One loader for the many loadXItem functions that
// each wrote the same select-and-map by hand.
// Usage: loadItem<TopicItem>(db, 'archive_topics', ['title'], committeeId, id, lock)
//   → { id, state, committeeId, title } or null when the committee has no such row.
import { sql } from 'drizzle-orm';
import { type Db, queryOne } from '../db/client.ts';
import type { WorkflowItem } from './engine.ts';

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Loads row `id` of `table` (a constant table name of the module, never user input) within `committeeId`.
 * `columns` are snake_case column names (constants); each lands on the item camel-cased (`member_id` → `memberId`).
 * Columns named in `dates` are returned as ISO 8601 strings (UTC). With `lock` the row is locked `for update`.
 * Returns null when no row matches; never throws for a missing row.
 */
export async function loadItem<T extends WorkflowItem & { committeeId: number }>(
  db: Db,
  table: string,
  columns: readonly string[],
  committeeId: number,
  id: number,
  lock: boolean,
  dates: readonly string[] = [],
): Promise<T | null> {
  const r = await queryOne<Record<string, unknown>>(
    db,
    sql`select ${sql.raw(['id', 'state', ...columns].join(', '))} from ${sql.raw(table)}
      where committee_id = ${committeeId} and id = ${id} ${lock ? sql`for update` : sql``}`,
  );
  if (!r) return null;
  const item: Record<string, unknown> = { committeeId };
  for (const [column, value] of Object.entries(r)) {
    item[camel(column)] = dates.includes(column) ? new Date(value as string | Date).toISOString() : value;
  }
  return item as T;
}
