// What a room's and a studio's detail both show besides their register entry: the members (by name) and the public
// page's address with its QR code. Usage: return withMembersAndPage(db, c, 'room', id, roomRowWithToken, origin);
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { qrSvg } from '../meetings/checkin.ts';
import { memberDirectory } from '../org/members-directory.ts';

/**
 * The members `{ id, name }[]` of room or studio `id` in committee `committeeId`, ordered by name then id, and
 * `publicUrl` (absolute, as given) with `qrSvg`, the QR code of that address as an SVG string.
 */
export async function membersAndPage(
  db: Db,
  committeeId: number,
  kind: 'room' | 'studio',
  id: number,
  publicUrl: string,
) {
  const table = kind === 'room' ? sql.raw('grassroots_room_members') : sql.raw('grassroots_studio_members');
  const column = kind === 'room' ? sql.raw('room_id') : sql.raw('studio_id');
  const members = await query<{ id: number; name: string }>(
    db,
    sql`select m.id, m.name from ${table} x join ${memberDirectory} m on m.committee_id = x.committee_id and m.id = x.member_id
      where x.committee_id = ${committeeId} and x.${column} = ${id} order by m.name, m.id`,
  );
  return { members, publicUrl, qrSvg: await qrSvg(publicUrl) };
}

/**
 * A room's or studio's detail: `row` without its `publicToken`, with its members and its public page
 * (`${origin}/public/rooms/<token>` or `/public/studios/<token>`, `origin` without a trailing slash) and QR code.
 */
export async function withMembersAndPage<R extends { publicToken: string }>(
  db: Db,
  committeeId: number,
  kind: 'room' | 'studio',
  row: R & { id: number },
  origin: string,
) {
  const { publicToken, ...rest } = row;
  const page = await membersAndPage(db, committeeId, kind, row.id, `${origin}/public/${kind}s/${publicToken}`);
  return { ...rest, ...page };
}

/** Each kind's register table with the alias its column lists use, and the column naming its head member. */
const REGISTERS = {
  room: { from: sql.raw('grassroots_rooms r'), alias: sql.raw('r'), head: sql.raw('exec_convener_member_id') },
  studio: { from: sql.raw('grassroots_studios s'), alias: sql.raw('s'), head: sql.raw('leader_member_id') },
};

/**
 * Room or studio `id` of the actor's committee as its detail (see `withMembersAndPage`): `columns` (over the register's
 * alias `r` or `s`, and `m` for the head member in the member directory) with its members and public page.
 * Throws `missing()` when the committee has no such room or studio.
 */
export async function placeDetail<R extends { id: number }>(
  db: Db,
  actor: Actor,
  kind: 'room' | 'studio',
  columns: SQL,
  id: number,
  origin: string,
  missing: () => Error,
) {
  const { from, alias: a, head } = REGISTERS[kind];
  const row = await queryOne<R & { publicToken: string }>(
    db,
    sql`select ${columns}, ${a}.public_token as "publicToken" from ${from}
      left join ${memberDirectory} m on m.committee_id = ${a}.committee_id and m.id = ${a}.${head}
      where ${a}.committee_id = ${actor.committeeId} and ${a}.id = ${id}`,
  );
  if (!row) throw missing();
  return withMembersAndPage(db, actor.committeeId, kind, row, origin);
}
