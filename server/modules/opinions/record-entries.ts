// Opinion reports in the member's record (履职档案): reports the member submitted or wrote with others, their state and
// adoptions.
import { sql } from 'drizzle-orm';
import { beijingDateOf } from '../../platform/dates.ts';
import { query } from '../../platform/db/client.ts';
import type { RecordSource } from '../record/registry.ts';
import { REPORT_STATES } from './rules.ts';

export const opinionRecordSource: RecordSource = {
  key: 'opinions',
  label: '社情民意信息',
  entries: async (db, c, memberId, from, to) => {
    const rows = await query<{ id: number; title: string; state: string; submitted_at: string; adoptions: number }>(
      db,
      sql`select r.id, r.title, r.state, r.submitted_at,
          (select count(*)::int from opinion_adoptions a where a.committee_id = r.committee_id and a.report_id = r.id) as adoptions
        from opinion_reports r
        where r.committee_id = ${c} and ${memberId} = any(r.member_ids) and r.submitted_at is not null
          and r.submitted_at >= ${from}::date - interval '1 day'
        order by r.submitted_at, r.id`,
    );
    return rows
      .map((r) => ({
        date: beijingDateOf(r.submitted_at),
        source: 'opinions',
        kind: '报送社情民意信息',
        title: r.title,
        detail: [
          REPORT_STATES[r.state as keyof typeof REPORT_STATES] ?? r.state,
          r.adoptions ? `被采用${r.adoptions}次` : '',
        ]
          .filter(Boolean)
          .join('，'),
        link: `/opinions/${r.id}`,
      }))
      .filter((e) => e.date >= from && e.date <= to);
  },
};
