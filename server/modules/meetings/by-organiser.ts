// Meetings a special committee or a sector organised (kind specialCommittee / sector), with how many members checked
// in — for the workspace and the monthly report of that special committee (modules/workspace).
import { sql } from 'drizzle-orm';
import { type Db, query } from '../../platform/db/client.ts';

export interface OrganisedMeeting {
  id: number;
  title: string;
  startsAt: string;
  place: string;
  status: 'planned' | 'closed' | 'cancelled';
  present: number;
  presentMemberIds: number[];
}

/** Meetings of the organiser starting in [from, to) (timestamps), oldest first. */
export async function meetingsOrganisedBy(
  db: Db,
  committeeId: number,
  by: { specialCommitteeId?: number; sectorId?: number },
  from: Date,
  to: Date,
): Promise<OrganisedMeeting[]> {
  const cond = by.specialCommitteeId
    ? sql`m.special_committee_id = ${by.specialCommitteeId}`
    : sql`m.sector_id = ${by.sectorId ?? 0}`;
  const rows = await query<{
    id: number;
    title: string;
    starts_at: string | Date;
    place: string;
    status: OrganisedMeeting['status'];
    present: number[];
  }>(
    db,
    sql`select m.id, m.title, m.starts_at, m.place, m.status,
        coalesce((select array_agg(i.member_id order by i.member_id) from meeting_invitees i
          where i.committee_id = m.committee_id and i.meeting_id = m.id and i.checked_in_at is not null), '{}') as present
      from meetings m where m.committee_id = ${committeeId} and ${cond}
        and m.starts_at >= ${from.toISOString()}::timestamptz and m.starts_at < ${to.toISOString()}::timestamptz
      order by m.starts_at, m.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    startsAt: new Date(r.starts_at).toISOString(),
    place: r.place,
    status: r.status,
    present: r.present.length,
    presentMemberIds: r.present,
  }));
}
