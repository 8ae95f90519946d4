// The register of consultation rooms (协商议事室): place, the two conveners, members attached, and the QR code printed at
// the room that leads residents to its public page. Staff keep the register; lists are paged and filtered; Excel export.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { xlsxOf } from '../../platform/download.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { matchSearch, toSearchVector } from '../../platform/search/search.ts';
import { normaliseLine } from '../../platform/text/normalise.ts';
import { knownMemberIds, memberDirectory } from '../org/members-directory.ts';
import { placeDetail } from './place-page.ts';
import type { RoomFilter, RoomInput } from './schemas.ts';

export const newPublicToken = () => crypto.randomBytes(18).toString('base64url');
export const roomNotFound = () => notFound('grassroots.room', '协商议事室不存在');

/** Members given by id must be this committee's; returns them without duplicates. */
export function checkMembers(tx: Db, committeeId: number, ids: number[], field: string): Promise<number[]> {
  return knownMemberIds(tx, committeeId, ids, () => badRequest('grassroots.member', '所选委员不存在', field));
}

function clean(b: RoomInput) {
  return {
    name: normaliseLine(b.name),
    township: normaliseLine(b.township),
    village: normaliseLine(b.village ?? ''),
    firstConvener: normaliseLine(b.firstConvener),
    firstConvenerTitle: normaliseLine(b.firstConvenerTitle ?? ''),
  };
}

async function setMembers(tx: Db, committeeId: number, roomId: number, memberIds: number[]) {
  await tx.execute(
    sql`delete from grassroots_room_members where committee_id = ${committeeId} and room_id = ${roomId}`,
  );
  await tx.execute(sql`insert into grassroots_room_members (committee_id, room_id, member_id)
    select ${committeeId}, ${roomId}, x from unnest(${sql.param(memberIds)}::int[]) x`);
}

async function nameTaken(tx: Db, committeeId: number, name: string, exceptId = 0) {
  const row = await queryOne(
    tx,
    sql`select 1 from grassroots_rooms where committee_id = ${committeeId} and name = ${name} and id <> ${exceptId}`,
  );
  if (row) throw conflict('grassroots.room_name', `已有名为「${name}」的协商议事室`);
}

export async function createRoom(tx: Db, actor: Actor, b: RoomInput): Promise<{ id: number }> {
  const c = clean(b);
  await nameTaken(tx, actor.committeeId, c.name);
  const exec = b.execConvenerMemberId
    ? (await checkMembers(tx, actor.committeeId, [b.execConvenerMemberId], 'execConvenerMemberId'))[0]
    : null;
  const memberIds = await checkMembers(tx, actor.committeeId, b.memberIds ?? [], 'memberIds');
  const [row] = await query<{ id: number }>(
    tx,
    sql`insert into grassroots_rooms (committee_id, name, township, village, first_convener, first_convener_title,
        exec_convener_member_id, public_token, active, search)
      values (${actor.committeeId}, ${c.name}, ${c.township}, ${c.village}, ${c.firstConvener}, ${c.firstConvenerTitle},
        ${exec}, ${newPublicToken()}, ${b.active ?? true}, ${toSearchVector(c.name, c.township, c.village, c.firstConvener)})
      returning id`,
  );
  await setMembers(tx, actor.committeeId, row.id, memberIds);
  await writeAudit(tx, actor, {
    action: 'grassroots.room.create',
    entity: 'grassroots_room',
    entityId: row.id,
    after: { ...c, execConvenerMemberId: exec, memberIds },
  });
  return row;
}

export async function updateRoom(tx: Db, actor: Actor, id: number, b: RoomInput) {
  const before = await queryOne<{
    name: string;
    township: string;
    village: string;
    first_convener: string;
    exec_convener_member_id: number | null;
    active: boolean;
  }>(
    tx,
    sql`select name, township, village, first_convener, exec_convener_member_id, active from grassroots_rooms
      where committee_id = ${actor.committeeId} and id = ${id} for update`,
  );
  if (!before) throw roomNotFound();
  const c = clean(b);
  await nameTaken(tx, actor.committeeId, c.name, id);
  const exec = b.execConvenerMemberId
    ? (await checkMembers(tx, actor.committeeId, [b.execConvenerMemberId], 'execConvenerMemberId'))[0]
    : null;
  const memberIds = await checkMembers(tx, actor.committeeId, b.memberIds ?? [], 'memberIds');
  await tx.execute(sql`update grassroots_rooms set name = ${c.name}, township = ${c.township}, village = ${c.village},
      first_convener = ${c.firstConvener}, first_convener_title = ${c.firstConvenerTitle}, exec_convener_member_id = ${exec},
      active = ${b.active ?? true}, search = ${toSearchVector(c.name, c.township, c.village, c.firstConvener)}
    where committee_id = ${actor.committeeId} and id = ${id}`);
  await setMembers(tx, actor.committeeId, id, memberIds);
  await writeAudit(tx, actor, {
    action: 'grassroots.room.update',
    entity: 'grassroots_room',
    entityId: id,
    before,
    after: { ...c, execConvenerMemberId: exec, memberIds, active: b.active ?? true },
  });
}

/** A row of ROOM_COLUMNS: a room as its list and detail give it (the web's `Room`). */
export interface RoomRow {
  id: number;
  name: string;
  township: string;
  village: string;
  firstConvener: string;
  firstConvenerTitle: string;
  execConvenerMemberId: number | null;
  execConvenerName: string | null;
  active: boolean;
  memberCount: number;
  topicCount: number;
  sessionCount: number;
}

const ROOM_COLUMNS = sql`r.id, r.name, r.township, r.village, r.first_convener as "firstConvener",
  r.first_convener_title as "firstConvenerTitle", r.exec_convener_member_id as "execConvenerMemberId",
  m.name as "execConvenerName", r.active,
  (select count(*)::int from grassroots_room_members x where x.committee_id = r.committee_id and x.room_id = r.id) as "memberCount",
  (select count(*)::int from grassroots_topics t where t.committee_id = r.committee_id and t.room_id = r.id) as "topicCount",
  (select count(*)::int from grassroots_sessions s where s.committee_id = r.committee_id and s.room_id = r.id) as "sessionCount"`;

function roomWhere(actor: Actor, q: RoomFilter) {
  const search = matchSearch(sql`r.search`, q.q);
  return sql`r.committee_id = ${actor.committeeId}
    ${q.township ? sql`and r.township = ${q.township}` : sql``}
    ${q.active ? sql`and r.active = ${q.active === 'true'}` : sql``}
    ${search ? sql`and ${search}` : sql``}`;
}

export async function listRooms(db: Db, actor: Actor, q: RoomFilter, limit: number, offset: number) {
  const where = roomWhere(actor, q);
  const items = await query<RoomRow>(
    db,
    sql`select ${ROOM_COLUMNS} from grassroots_rooms r
      left join ${memberDirectory} m on m.committee_id = r.committee_id and m.id = r.exec_convener_member_id
      where ${where} order by r.township, r.name, r.id limit ${limit} offset ${offset}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`select count(*)::int as n from grassroots_rooms r where ${where}`,
  );
  return { items, total: total?.n ?? 0 };
}

/** One room for staff and members: its register entry, members, QR code and public address. */
export async function getRoom(db: Db, actor: Actor, id: number, origin: string) {
  return placeDetail<RoomRow>(db, actor, 'room', ROOM_COLUMNS, id, origin, roomNotFound);
}

/** Whether the actor convenes the room as its executive convener (a member), who may accept or decline its topics. */
export async function convenesRoom(db: Db, actor: Actor, roomId: number): Promise<boolean> {
  if (!actor.memberId) return false;
  const r = await queryOne(
    db,
    sql`select 1 from grassroots_rooms where committee_id = ${actor.committeeId} and id = ${roomId}
      and exec_convener_member_id = ${actor.memberId}`,
  );
  return !!r;
}

export async function exportRooms(db: Db, actor: Actor, q: RoomFilter): Promise<Buffer> {
  const { items } = await listRooms(db, actor, q, 100000, 0);
  return xlsxOf(
    '协商议事室',
    [
      { header: '议事室名称', key: 'name', width: 30 },
      { header: '镇（街道）', key: 'township', width: 16 },
      { header: '村（社区）', key: 'village', width: 16 },
      { header: '第一召集人', key: 'firstConvener', width: 12 },
      { header: '职务', key: 'firstConvenerTitle', width: 16 },
      { header: '执行召集人', key: 'execConvenerName', width: 12 },
      { header: '参加委员数', key: 'memberCount', width: 10 },
      { header: '议题数', key: 'topicCount', width: 10 },
      { header: '协商次数', key: 'sessionCount', width: 10 },
      { header: '状态', key: 'state', width: 8 },
    ],
    items.map((r) => ({ ...r, state: r.active ? '启用' : '停用' })),
  );
}
