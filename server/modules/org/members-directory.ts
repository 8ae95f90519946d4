// The members as other modules may read them (decision 0029): the only way a file outside org/ reaches the `members`
// table. Joins inside a larger statement use the SQL fragments; a lone look-up uses the functions. Personal data
// (phone, id number, birth date, ethnicity, party…) are not in the directory: org/members-service.ts owns those.
import { type SQL, sql } from 'drizzle-orm';
import { type Db, query, queryOne } from '../../platform/db/client.ts';

/**
 * The member directory as a derived table, to join under an alias of the caller's choosing:
 * `join ${memberDirectory} m on m.committee_id = x.committee_id and m.id = x.member_id`.
 * Columns: committee_id int, id int, code text|null (member number), name text, sector_id int|null,
 * work_unit text|null, standing_member boolean (常委), term_id int, status 'active'|'suspended'|'exited'.
 * PostgreSQL pulls a plain subquery like this up into the outer query, so the plan is the one a join on `members`
 * itself gets. The caller still writes the committee condition, as with any tenant table.
 */
export const memberDirectory: SQL = sql`(select committee_id, id, code, name, sector_id, work_unit, standing_member, term_id, status from members)`;

/** Scalar subselect: the name (text) of member `memberId` of committee `committee`, null when there is none. */
export function memberNameOf(committee: SQL | number, memberId: SQL | number | null): SQL {
  return sql`(select name from members where committee_id = ${committee} and id = ${memberId})`;
}

/** Scalar subselect: the status ('active'|'suspended'|'exited') of member `memberId`, null when there is none. */
export function memberStatusOf(committee: SQL | number, memberId: SQL | number | null): SQL {
  return sql`(select status from members where committee_id = ${committee} and id = ${memberId})`;
}

/** Scalar subselect: the number (int) of active members of committee `committeeId`, whatever their term. */
export function activeMemberCountOf(committeeId: number): SQL {
  return sql`(select count(*)::int from members where committee_id = ${committeeId} and status = 'active')`;
}

/**
 * Which of `ids` are members of committee `committeeId` (and, with `activeOnly`, active): the ids found, ascending.
 * Callers compare the length with their own to reject an unknown or departed member. No error of its own.
 */
export async function foundMemberIds(
  db: Db,
  committeeId: number,
  ids: readonly number[],
  opts: { activeOnly?: boolean } = {},
): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await query<{ id: number }>(
    db,
    sql`select id from members where committee_id = ${committeeId} and id = any(${sql.param([...ids])}::int[])
      ${opts.activeOnly ? sql`and status = 'active'` : sql``} order by id`,
  );
  return rows.map((r) => r.id);
}

/**
 * `ids` without repeats (first-seen order), once every one is a member of committee `committeeId` (with `activeOnly`,
 * an active one); otherwise throws `refuse()`, the caller's own error naming its field. An empty list passes as [].
 * Usage: const ids = await knownMemberIds(tx, actor.committeeId, b.memberIds, E.badMembers, { activeOnly: true });
 */
export async function knownMemberIds(
  db: Db,
  committeeId: number,
  ids: readonly number[],
  refuse: () => Error,
  opts: { activeOnly?: boolean } = {},
): Promise<number[]> {
  const unique = [...new Set(ids)];
  const found = await foundMemberIds(db, committeeId, unique, opts);
  if (found.length !== unique.length) throw refuse();
  return unique;
}

/** The id and name of each of `ids` that is a member of committee `committeeId`, by id ascending (unknown ids left out). */
export async function memberNames(
  db: Db,
  committeeId: number,
  ids: readonly number[],
): Promise<{ id: number; name: string }[]> {
  if (ids.length === 0) return [];
  return query<{ id: number; name: string }>(
    db,
    sql`select id, name from members where committee_id = ${committeeId} and id = any(${sql.param([...ids])}::int[]) order by id`,
  );
}

/** Member `memberId` of committee `committeeId` as `{ id, name }`, or null when the committee has no such member. */
export async function memberById(
  db: Db,
  committeeId: number,
  memberId: number,
): Promise<{ id: number; name: string } | null> {
  return (
    (await queryOne<{ id: number; name: string }>(
      db,
      sql`select id, name from members where committee_id = ${committeeId} and id = ${memberId}`,
    )) ?? null
  );
}
