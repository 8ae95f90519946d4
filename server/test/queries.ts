// Read-only queries that several modules' tests run against the test database to check what the routes wrote, e.g.
//   [m1, m2] = await memberIdsOf(t.database.db, ['member010', 'member011']);
//   expect(await liveFactMemberIds(t.database.db, 'speech', 'consultation_event', id)).toEqual([m1]);
import { sql } from 'drizzle-orm';
import { type Db, query } from '../platform/db/client.ts';

/** The member ids of the given accounts, in the order of their usernames (accounts without a member are left out). */
export async function memberIdsOf(db: Db, usernames: string[]): Promise<number[]> {
  const rows = await query<{ member_id: number }>(
    db,
    sql`select member_id from accounts where username = any(${sql.param(usernames)}::text[]) order by username`,
  );
  return rows.map((r) => r.member_id);
}

/** The member ids of the duty facts of `kind` from one source that are not revoked, ascending. */
export async function liveFactMemberIds(db: Db, kind: string, sourceType: string, sourceId: number): Promise<number[]> {
  const rows = await query<{ member_id: number }>(
    db,
    sql`select member_id from duty_facts where kind = ${kind} and source_type = ${sourceType} and source_id = ${sourceId}
        and revoked_at is null order by member_id`,
  );
  return rows.map((r) => r.member_id);
}
