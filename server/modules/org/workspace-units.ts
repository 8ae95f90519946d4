// Special committees and sectors as workspaces (专委会・界别工作台): which one a staff account works for, which ones a
// member belongs to, and their members — read by the workspace module through these functions only.
import { sql } from 'drizzle-orm';
import { type Db, query, queryOne } from '../../platform/db/client.ts';

export type UnitKind = 'specialCommittee' | 'sector';

export interface UnitSummary {
  id: number;
  name: string;
  memberCount: number;
}

/** A special committee staff account works for the special committee named as its office (所在处室). */
export async function specialCommitteeOfStaff(
  db: Db,
  committeeId: number,
  accountId: number | null,
): Promise<{ id: number; name: string } | null> {
  if (!accountId) return null;
  const r = await queryOne<{ id: number; name: string }>(
    db,
    sql`select s.id, s.name from accounts a join special_committees s on s.committee_id = a.committee_id and s.name = a.office
      where a.committee_id = ${committeeId} and a.id = ${accountId}`,
  );
  return r ?? null;
}

/** The special committees a member belongs to and the member's sector. */
export async function memberUnits(
  db: Db,
  committeeId: number,
  memberId: number,
): Promise<{ specialCommitteeIds: number[]; sectorId: number | null }> {
  const r = await queryOne<{ sc: number[] | null; sector_id: number | null }>(
    db,
    sql`select m.sector_id, (select array_agg(x.special_committee_id) from member_special_committees x
        where x.committee_id = m.committee_id and x.member_id = m.id) as sc
      from members m where m.committee_id = ${committeeId} and m.id = ${memberId}`,
  );
  return { specialCommitteeIds: r?.sc ?? [], sectorId: r?.sector_id ?? null };
}

/** Every special committee or sector of the committee with its number of members in office. */
export async function listUnits(db: Db, committeeId: number, kind: UnitKind): Promise<UnitSummary[]> {
  const rows =
    kind === 'specialCommittee'
      ? await query<UnitSummary>(
          db,
          sql`select s.id, s.name, (select count(*)::int from member_special_committees x join members m
              on m.committee_id = x.committee_id and m.id = x.member_id and m.status = 'active'
              where x.committee_id = s.committee_id and x.special_committee_id = s.id) as "memberCount"
            from special_committees s where s.committee_id = ${committeeId} order by s.sort, s.id`,
        )
      : await query<UnitSummary>(
          db,
          sql`select s.id, s.name, (select count(*)::int from members m where m.committee_id = s.committee_id
              and m.sector_id = s.id and m.status = 'active') as "memberCount"
            from sectors s where s.committee_id = ${committeeId} order by s.sort, s.id`,
        );
  return rows;
}

export async function unitName(db: Db, committeeId: number, kind: UnitKind, id: number): Promise<string | null> {
  const r = await queryOne<{ name: string }>(
    db,
    kind === 'specialCommittee'
      ? sql`select name from special_committees where committee_id = ${committeeId} and id = ${id}`
      : sql`select name from sectors where committee_id = ${committeeId} and id = ${id}`,
  );
  return r?.name ?? null;
}

export interface UnitMember {
  id: number;
  name: string;
  sector: string | null;
  affiliation: string | null;
}

/** The members in office of a special committee or sector, by name. */
export async function unitMembers(db: Db, committeeId: number, kind: UnitKind, id: number): Promise<UnitMember[]> {
  const cond =
    kind === 'specialCommittee'
      ? sql`exists (select 1 from member_special_committees x where x.committee_id = m.committee_id
          and x.member_id = m.id and x.special_committee_id = ${id})`
      : sql`m.sector_id = ${id}`;
  return query<UnitMember>(
    db,
    sql`select m.id, m.name, s.name as sector, m.work_unit as affiliation from members m
      left join sectors s on s.committee_id = m.committee_id and s.id = m.sector_id
      where m.committee_id = ${committeeId} and m.status = 'active' and ${cond} order by m.name, m.id`,
  );
}
