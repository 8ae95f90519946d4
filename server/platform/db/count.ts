// How many rows a count query counts, for the `total` of list pages.
// Usage: return { total: await countOf(db, sql`select count(*)::int as n from speeches s where ${where}`), items }

import type { SQL } from 'drizzle-orm';
import { type Db, queryOne } from './client.ts';

/** The `n` of a statement of the form `select count(*)::int as n …` (one row; 0 if it answers none). */
export async function countOf(db: Db, q: SQL): Promise<number> {
  const row = await queryOne<{ n: number }>(db, q);
  return row?.n ?? 0;
}
