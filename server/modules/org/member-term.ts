// A member's term and heading data for other modules (the member's record): name, sector, special committees, the
// term's name and dates. Other modules call this instead of reading the organisation's tables.
import { sql } from 'drizzle-orm';
import { type Db, query, queryOne } from '../../platform/db/client.ts';

export interface MemberTerm {
  memberId: number;
  name: string;
  sectorName: string | null;
  specialCommittees: string[];
  termId: number;
  termName: string;
  startDate: string | null;
  endDate: string | null;
}

/** The member with the given term (default: the member's own term); null when either is not the committee's. */
export async function memberTerm(
  db: Db,
  committeeId: number,
  memberId: number,
  termId?: number,
): Promise<MemberTerm | null> {
  const r = await queryOne<{
    id: number;
    name: string;
    sector_name: string | null;
    term_id: number;
    term_name: string;
    start_date: string;
    end_date: string;
  }>(
    db,
    sql`select m.id, m.name, s.name as sector_name, t.id as term_id, t.name as term_name,
        t.start_date::text as start_date, t.end_date::text as end_date
      from members m left join sectors s on s.committee_id = m.committee_id and s.id = m.sector_id
      join terms t on t.committee_id = m.committee_id and t.id = ${termId ?? sql`m.term_id`}
      where m.committee_id = ${committeeId} and m.id = ${memberId}`,
  );
  if (!r) return null;
  const scs = await query<{ name: string }>(
    db,
    sql`select sc.name from member_special_committees x join special_committees sc on sc.committee_id = x.committee_id and sc.id = x.special_committee_id
      where x.committee_id = ${committeeId} and x.member_id = ${memberId} order by sc.sort, sc.id`,
  );
  return {
    memberId: r.id,
    name: r.name,
    sectorName: r.sector_name,
    specialCommittees: scs.map((x) => x.name),
    termId: r.term_id,
    termName: r.term_name,
    startDate: r.start_date,
    endDate: r.end_date,
  };
}
