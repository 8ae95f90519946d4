// Creating a record that must be the only one of its key (a volume's number, a year's plan, a period's book list): in
// one transaction the uniqueness probe (`refuseIfFound`), the audited insert (`insertAudited`) and, when given, what
// the create writes next to the record (its children). For the creates that each wrote the same transaction by hand.
// Usage: return insertUnique(db, actor, {
//   probe: sql`select 1 from archive_volumes where committee_id = ${c} and number = ${b.number}`, refuse: E.volumeExists,
//   insert: sql`insert into archive_volumes (…) values (…) returning id`, audit: { action: 'archive.volume.create', … } });
import type { SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { refuseIfFound } from '../db/refuse-if-found.ts';
import type { AuditEntry } from './audit.ts';
import { insertAudited } from './insert-audited.ts';

export interface UniqueInsert {
  /** A `select 1 …` finding a record like the new one. */
  probe: SQL;
  /** The error when `probe` finds one (an AppError naming the conflict). */
  refuse: () => Error;
  /** One `insert … returning id` statement. */
  insert: SQL;
  /** The audit entry, its entityId the new id. */
  audit: Omit<AuditEntry, 'entityId'>;
  /** Writes what belongs with the new record `id` in the same transaction. */
  withRecord?: (tx: Db, id: number) => Promise<void>;
}

/**
 * Runs the probe, the audited insert and `withRecord` in one transaction on `db` and returns the new id (an int4).
 * Errors: `refuse()` when the probe finds a row; database errors propagate; any error rolls everything back.
 */
export async function insertUnique(
  db: Db,
  actor: Parameters<typeof insertAudited>[1],
  w: UniqueInsert,
): Promise<number> {
  return db.transaction(async (tx) => {
    await refuseIfFound(tx, w.probe, w.refuse);
    const id = await insertAudited(tx, actor, w.insert, w.audit);
    await w.withRecord?.(tx, id);
    return id;
  });
}
