// The uniqueness check a create or change makes before it writes: "is there already a row like this one?" — one query
// and, when it finds a row, the caller's own error (an AppError naming the field or the conflict).
// Usage: await refuseIfFound(tx, sql`select 1 from archive_volumes where committee_id = ${c} and number = ${n}`, E.volumeExists);
import type { SQL } from 'drizzle-orm';
import { type Db, queryOne } from './client.ts';

/**
 * Runs `probe` (a `select 1 …` statement) on `db` and throws `refuse()` when it returns a row; resolves to nothing
 * otherwise. Run it in the transaction that then writes, so the check and the write see the same data.
 */
export async function refuseIfFound(db: Db, probe: SQL, refuse: () => Error): Promise<void> {
  if (await queryOne(db, probe)) throw refuse();
}
