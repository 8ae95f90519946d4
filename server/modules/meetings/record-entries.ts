// Meetings in the member's record (履职档案): each meeting the member was invited to, with the attendance the meeting
// kept (出席, 请假, 缺席), for meetings already held. eventEntries also serves activities' record.
import { type SQL, sql } from 'drizzle-orm';
import { beijingDateOf } from '../../platform/dates.ts';
import { query } from '../../platform/db/client.ts';
import type { RecordEntry, RecordSource } from '../record/registry.ts';
import { MEETING_KINDS } from './service.ts';

/** The SQL condition on `${t}.starts_at` that takes every event whose Beijing day may fall in from..to (YYYY-MM-DD):
 *  a day wider each side, since eventEntries keeps only the Beijing days in the range. */
export const startsAround = (t: SQL, from: string, to: string) =>
  sql`${t}.starts_at >= ${from}::date - interval '1 day' and ${t}.starts_at < ${to}::date + interval '2 day'`;

/** Record entries of meetings or activities (rows as selected: id, kind, title, starts_at), each on the Beijing day it
 *  started, those outside from..to dropped; `source` is also the web path (`/${source}/${id}`), the kind is labelled
 *  from `kinds` (else `fallback`), and `detail` says what the member did. */
export function eventEntries<R extends { id: number; kind: string; title: string; starts_at: string | Date }>(
  rows: R[],
  from: string,
  to: string,
  e: { source: string; kinds: Record<string, string>; fallback: string; detail: (r: R) => string },
): RecordEntry[] {
  return rows
    .map((r) => ({
      date: beijingDateOf(r.starts_at),
      source: e.source,
      kind: e.kinds[r.kind] ?? e.fallback,
      title: r.title,
      detail: e.detail(r),
      link: `/${e.source}/${r.id}`,
    }))
    .filter((x) => x.date >= from && x.date <= to);
}

export const meetingRecordSource: RecordSource = {
  key: 'meetings',
  label: '会议',
  entries: async (db, c, memberId, from, to) => {
    const rows = await query<{
      id: number;
      kind: string;
      title: string;
      starts_at: string | Date;
      status: string;
      checked_in_at: string | Date | null;
      leave_status: string | null;
    }>(
      db,
      sql`select m.id, m.kind, m.title, m.starts_at, m.status, i.checked_in_at, i.leave_status
        from meeting_invitees i join meetings m on m.committee_id = i.committee_id and m.id = i.meeting_id
        where i.committee_id = ${c} and i.member_id = ${memberId} and m.status <> 'cancelled'
          and ${startsAround(sql.raw('m'), from, to)}
        order by m.starts_at, m.id`,
    );
    return eventEntries(rows, from, to, {
      source: 'meetings',
      kinds: MEETING_KINDS,
      fallback: '会议',
      detail: (r) =>
        r.checked_in_at ? '出席' : r.leave_status === 'approved' ? '请假' : r.status === 'closed' ? '缺席' : '已邀请',
    });
  },
};
