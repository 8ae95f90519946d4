// Learning in the member's record (履职档案): the materials the member finished and the reflections (学习心得) accepted
// by the office; drafts, unfinished materials and reflections still under review are not part of the record.
import { sql } from 'drizzle-orm';
import { beijingDateOf } from '../../platform/dates.ts';
import { query } from '../../platform/db/client.ts';
import type { RecordSource } from '../record/registry.ts';

export const learningRecordSource: RecordSource = {
  key: 'learning',
  label: '学习培训',
  entries: async (db, c, memberId, from, to) => {
    const finished = await query<{ id: number; title: string; finished_at: string | Date }>(
      db,
      sql`select m.id, m.title, p.finished_at from learning_progress p
        join learning_materials m on m.committee_id = p.committee_id and m.id = p.material_id
        where p.committee_id = ${c} and p.member_id = ${memberId} and p.finished_at is not null order by m.id`,
    );
    const reflections = await query<{ id: number; title: string; at: string | Date }>(
      db,
      sql`select id, title, coalesce(reviewed_at, submitted_at) as at from learning_reflections
        where committee_id = ${c} and member_id = ${memberId} and state = 'accepted' order by id`,
    );
    return [
      ...finished.map((r) => ({
        date: beijingDateOf(r.finished_at),
        source: 'learning',
        kind: '完成学习',
        title: r.title,
        link: `/learning/materials/${r.id}`,
      })),
      ...reflections.map((r) => ({
        date: beijingDateOf(r.at),
        source: 'learning',
        kind: '学习心得',
        title: r.title,
        detail: '已通过',
        link: `/learning/reflections/${r.id}`,
      })),
    ].filter((e) => e.date >= from && e.date <= to);
  },
};
