// Creates a client may retry: the form sends a key of its own (clientKey) with a create, the row keeps it (unique per
// committee), and a second create with the same key answers the first row's id instead of writing again.
// Usage: const seen = b.clientKey && (await idOfClientKey(tx, 'discussions', actor.committeeId, b.clientKey));
//        if (seen) return seen;
import { sql } from 'drizzle-orm';
import { type Db, queryOne } from './client.ts';

/** The id of the row of `table` (a table with committee_id and client_key columns) that committee `committeeId`
 *  created under `clientKey`, or null when there is none yet. */
export async function idOfClientKey(
  db: Db,
  table: string,
  committeeId: number,
  clientKey: string,
): Promise<number | null> {
  const seen = await queryOne<{ id: number }>(
    db,
    sql`select id from ${sql.identifier(table)} where committee_id = ${committeeId} and client_key = ${clientKey}`,
  );
  return seen?.id ?? null;
}
