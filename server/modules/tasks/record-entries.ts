// Tasks and commitments in the member's record (履职档案): tasks completed (with their evidence) or declined, and each
// year's commitments with whether they were kept.
import { sql } from 'drizzle-orm';
import { beijingDateOf } from '../../platform/dates.ts';
import { query } from '../../platform/db/client.ts';
import type { RecordSource } from '../record/registry.ts';
import { memberCommitments } from './commitments.ts';
import { TASK_KINDS } from './labels.ts';
import { ASSIGNMENT_STATES } from './process.ts';

export const taskRecordSource: RecordSource = {
  key: 'tasks',
  label: '派单任务',
  entries: async (db, c, memberId, from, to) => {
    const rows = await query<{
      id: number;
      state: string;
      completed_at: string | Date | null;
      sent_at: string | Date;
      evidence_note: string | null;
      kind: string;
      title: string;
    }>(
      db,
      sql`select a.id, a.state, a.completed_at, a.sent_at, a.evidence_note, t.kind, t.title from task_assignments a
        join tasks t on t.committee_id = a.committee_id and t.id = a.task_id
        where a.committee_id = ${c} and a.member_id = ${memberId} order by a.id`,
    );
    return rows
      .map((r) => ({
        date: beijingDateOf(r.completed_at ?? r.sent_at),
        source: 'tasks',
        kind: TASK_KINDS[r.kind as keyof typeof TASK_KINDS] ?? '派单任务',
        title: r.title,
        detail: [ASSIGNMENT_STATES[r.state] ?? r.state, r.evidence_note ? `成果：${r.evidence_note}` : '']
          .filter(Boolean)
          .join('，'),
        link: '/tasks/mine',
      }))
      .filter((e) => e.date >= from && e.date <= to);
  },
};

export const commitmentRecordSource: RecordSource = {
  key: 'commitments',
  label: '承诺践诺',
  entries: async (db, c, memberId, from, to) => {
    const rows = await memberCommitments(db, c, memberId, Number(from.slice(0, 4)), Number(to.slice(0, 4)));
    return rows.map((r) => ({
      date: `${r.year}-12-31` > to ? to : `${r.year}-12-31`,
      source: 'commitments',
      kind: `${r.year}年度承诺`,
      title: r.text,
      detail: r.reported_at ? `${r.kept ? '已践诺' : '未践诺'}：${r.report}` : '待践诺',
      link: '/commitments/mine',
    }));
  },
};
