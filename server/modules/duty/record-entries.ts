// Duty in the member's record (履职档案): the year's score and grade (as last computed) and consequences (约谈, 劝辞).
import { sql } from 'drizzle-orm';
import { beijingYearOf } from '../../platform/dates.ts';
import { query } from '../../platform/db/client.ts';
import type { RecordSource } from '../record/registry.ts';
import { CONSEQUENCE_LABELS } from './consequences.ts';
import { GRADE_LABELS } from './rules.ts';
import { ensureScores } from './scoring.ts';

export const dutyRecordSource: RecordSource = {
  key: 'duty',
  label: '履职考核',
  entries: async (db, c, memberId, from, to) => {
    const fromYear = Number(from.slice(0, 4));
    const toYear = Number(to.slice(0, 4));
    // Scores are computed lazily; the record shows them as the score pages would.
    for (let y = fromYear; y <= Math.min(toYear, beijingYearOf()); y++) await ensureScores(db, c, y);
    const scores = await query<{ year: number; total: string | number; grade: string }>(
      db,
      sql`select year, total, grade from duty_scores
        where committee_id = ${c} and member_id = ${memberId} and year between ${fromYear} and ${toYear} order by year`,
    );
    const consequences = await query<{ kind: string; day: string; reason: string }>(
      db,
      sql`select kind, happened_on::text as day, reason from duty_consequences
        where committee_id = ${c} and member_id = ${memberId} and happened_on between ${from}::date and ${to}::date
        order by happened_on, id`,
    );
    return [
      ...scores.map((s) => ({
        // A year's score stands at the year's end (or the range's end when the range stops earlier).
        date: `${s.year}-12-31` > to ? to : `${s.year}-12-31`,
        source: 'duty',
        kind: '年度履职评价',
        title: `${s.year}年度履职得分 ${Number(s.total)} 分`,
        detail: GRADE_LABELS[s.grade] ?? s.grade,
        link: '/duty/me',
      })),
      ...consequences.map((x) => ({
        date: x.day,
        source: 'duty',
        kind: CONSEQUENCE_LABELS[x.kind] ?? x.kind,
        title: x.reason,
      })),
    ];
  },
};
