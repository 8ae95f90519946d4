// Reading in the member's record (履职档案): the reading notes (读书笔记) the member wrote in their groups, with the book
// when the note names one and whether the group's lead chose it as a featured note.
import { sql } from 'drizzle-orm';
import { beijingDateOf } from '../../platform/dates.ts';
import { query } from '../../platform/db/client.ts';
import type { RecordSource } from '../record/registry.ts';

export const readingRecordSource: RecordSource = {
  key: 'reading',
  label: '书香政协',
  entries: async (db, c, memberId, from, to) => {
    const rows = await query<{
      title: string;
      created_at: string | Date;
      selected_at: string | Date | null;
      group_id: number;
      group_name: string;
      book_title: string | null;
    }>(
      db,
      sql`select n.title, n.created_at, n.selected_at, n.group_id, g.name as group_name, b.title as book_title
        from reading_notes n join reading_groups g on g.committee_id = n.committee_id and g.id = n.group_id
        left join reading_books b on b.committee_id = n.committee_id and b.id = n.book_id
        where n.committee_id = ${c} and n.member_id = ${memberId} order by n.id`,
    );
    return rows
      .map((r) => ({
        date: beijingDateOf(r.created_at),
        source: 'reading',
        kind: '读书笔记',
        title: r.title,
        detail: [r.book_title ? `《${r.book_title}》` : '', r.group_name, r.selected_at ? '精选' : '']
          .filter(Boolean)
          .join('，'),
        link: `/reading/groups/${r.group_id}`,
      }))
      .filter((e) => e.date >= from && e.date <= to);
  },
};
