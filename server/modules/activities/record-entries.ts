// Activities in the member's record (履职档案): activities the member took part in (checked in); and the check other
// modules use when a member cites an activity as evidence (a task done) — they must have taken part.
import { sql } from 'drizzle-orm';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { eventEntries, startsAround } from '../meetings/record-entries.ts';
import type { RecordSource } from '../record/registry.ts';
import { ACTIVITY_LABELS } from './service.ts';

/** The activity's title and kind when the member checked in to it (took part). */
export async function memberActivity(
  db: Db,
  committeeId: number,
  activityId: number,
  memberId: number,
): Promise<{ title: string; kind: string } | null> {
  const r = await queryOne<{ title: string; kind: string }>(
    db,
    sql`select a.title, a.kind from activity_participants p join activities a on a.committee_id = p.committee_id and a.id = p.activity_id
      where p.committee_id = ${committeeId} and p.activity_id = ${activityId} and p.member_id = ${memberId}
        and p.checked_in_at is not null and a.status <> 'cancelled'`,
  );
  return r ?? null;
}

export const activityRecordSource: RecordSource = {
  key: 'activities',
  label: '履职活动',
  entries: async (db, c, memberId, from, to) => {
    const rows = await query<{ id: number; kind: string; title: string; starts_at: string | Date }>(
      db,
      sql`select a.id, a.kind, a.title, a.starts_at from activity_participants p
        join activities a on a.committee_id = p.committee_id and a.id = p.activity_id
        where p.committee_id = ${c} and p.member_id = ${memberId} and p.checked_in_at is not null and a.status <> 'cancelled'
          and ${startsAround(sql.raw('a'), from, to)}
        order by a.starts_at, a.id`,
    );
    return eventEntries(rows, from, to, {
      source: 'activities',
      kinds: ACTIVITY_LABELS,
      fallback: '活动',
      detail: () => '已参加',
    });
  },
};
