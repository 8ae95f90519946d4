// Creating a record and its audit row in one step: the insert runs, the audit entry names the new id, the id comes back.
// For the many services whose create ended in the same three statements (insert … returning id, writeAudit, return id).
// Usage (inside the caller's transaction):
//   return insertAudited(tx, actor, sql`insert into archive_topics (…) values (…) returning id`,
//     { action: 'archive.topic.create', entity: 'archive_topic', after: b });
import type { SQL } from 'drizzle-orm';
import { type Db, queryOne } from '../db/client.ts';
import { type AuditEntry, writeAudit } from './audit.ts';

/**
 * Runs `insert` (one `insert … returning id` statement) on `tx`, then writes the audit row `entry` with
 * `entityId` set to the new id, and returns that id (an int4). Call it inside a transaction so the record and its audit
 * row commit together. Database errors (unique or foreign-key violations) propagate unchanged.
 */
export async function insertAudited(
  tx: Db,
  actor: Parameters<typeof writeAudit>[1],
  insert: SQL,
  entry: Omit<AuditEntry, 'entityId'>,
): Promise<number> {
  const row = await queryOne<{ id: number }>(tx, insert);
  await writeAudit(tx, actor, { ...entry, entityId: row!.id });
  return row!.id;
}
