// Meetings in the member's record (履职档案): each meeting the member was invited to, with the attendance the meeting
// kept (出席, 请假, 缺席), for meetings already held.
import { sql } from 'drizzle-orm';
import { beijingDateOf } from '../../platform/dates.ts';
import { query } from '../../platform/db/client.ts';
import type { RecordSource } from '../record/registry.ts';
import { MEETING_KINDS } from './service.ts';

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
          and m.starts_at >= ${from}::date - interval '1 day' and m.starts_at < ${to}::date + interval '2 day'
        order by m.starts_at, m.id`,
    );
    return rows
      .map((r) => ({
        date: beijingDateOf(r.starts_at),
        source: 'meetings',
        kind: MEETING_KINDS[r.kind] ?? '会议',
        title: r.title,
        detail: r.checked_in_at
          ? '出席'
          : r.leave_status === 'approved'
            ? '请假'
            : r.status === 'closed'
              ? '缺席'
              : '已邀请',
        link: `/meetings/${r.id}`,
      }))
      .filter((e) => e.date >= from && e.date <= to);
  },
};
