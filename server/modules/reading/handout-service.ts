// Book hand-outs (赠书): staff record that a book, or every book of a list, went to members or to reading groups (copies
// for the group), each with a quantity; the record lists them by day with the recipient's name and goes out as Excel.
// The year's figure reading.books sums the quantities.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { xlsxOf } from '../../platform/download.ts';
import { knownMemberIds, memberDirectory } from '../org/members-directory.ts';
import * as E from './errors.ts';
import type { HandoutFilters, HandoutInput } from './schemas.ts';

/** Records the hand-outs; returns the number of copies handed out. */
export async function recordHandouts(db: Db, actor: Actor, b: HandoutInput): Promise<number> {
  if ((b.bookId == null) === (b.listId == null)) throw E.handoutTarget();
  if (b.items.some((i) => (i.memberId == null) === (i.groupId == null))) throw E.handoutRecipient();
  return db.transaction(async (tx) => {
    const books = await query<{ id: number }>(
      tx,
      b.bookId
        ? sql`select id from reading_books where committee_id = ${actor.committeeId} and id = ${b.bookId}`
        : sql`select id from reading_books where committee_id = ${actor.committeeId} and list_id = ${b.listId!} order by id`,
    );
    if (books.length === 0) throw b.bookId ? E.bookNotFound() : E.listNotFound();
    const memberIds = b.items.flatMap((i) => (i.memberId ? [i.memberId] : []));
    if (memberIds.length) await knownMemberIds(tx, actor.committeeId, memberIds, E.badMembers, { activeOnly: true });
    const groupIds = [...new Set(b.items.flatMap((i) => (i.groupId ? [i.groupId] : [])))];
    if (groupIds.length) {
      const n = await queryOne<{ n: number }>(
        tx,
        sql`select count(*)::int as n from reading_groups where committee_id = ${actor.committeeId} and id = any(${sql.param(groupIds)}::int[])`,
      );
      if (n!.n !== groupIds.length) throw E.badGroups();
    }
    for (const book of books)
      for (const i of b.items)
        await tx.execute(sql`insert into reading_handouts (committee_id, book_id, member_id, group_id, quantity, handed_on, note, created_by)
          values (${actor.committeeId}, ${book.id}, ${i.memberId ?? null}, ${i.groupId ?? null}, ${i.quantity}, ${b.handedOn},
            ${b.note?.trim() ?? ''}, ${actor.accountId})`);
    await writeAudit(tx, actor, {
      action: 'reading.handout',
      entity: b.bookId ? 'reading_book' : 'reading_book_list',
      entityId: (b.bookId ?? b.listId)!,
      after: b,
    });
    return books.length * b.items.reduce((s, i) => s + i.quantity, 0);
  });
}

function handoutWhere(actor: Actor, q: HandoutFilters) {
  return sql.join(
    [
      sql`h.committee_id = ${actor.committeeId}`,
      q.year ? sql`h.handed_on between ${`${q.year}-01-01`}::date and ${`${q.year}-12-31`}::date` : null,
      q.listId ? sql`b.list_id = ${q.listId}` : null,
      q.bookId ? sql`h.book_id = ${q.bookId}` : null,
    ].filter((x) => x !== null),
    sql` and `,
  );
}

const from = sql`from reading_handouts h
  join reading_books b on b.committee_id = h.committee_id and b.id = h.book_id
  join reading_book_lists l on l.committee_id = b.committee_id and l.id = b.list_id
  left join ${memberDirectory} m on m.committee_id = h.committee_id and m.id = h.member_id
  left join reading_groups g on g.committee_id = h.committee_id and g.id = h.group_id`;

export async function listHandouts(db: Db, actor: Actor, q: HandoutFilters & { limit: number; offset: number }) {
  const where = handoutWhere(actor, q);
  const rows = await query<{
    id: number;
    handed_on: string;
    quantity: number;
    note: string;
    book_id: number;
    book_title: string;
    author: string;
    list_id: number;
    period: string;
    list_title: string;
    member_id: number | null;
    member_name: string | null;
    group_id: number | null;
    group_name: string | null;
  }>(
    db,
    sql`select h.id, h.handed_on::text as handed_on, h.quantity, h.note, b.id as book_id, b.title as book_title, b.author,
        l.id as list_id, l.period, l.title as list_title, h.member_id, m.name as member_name, h.group_id, g.name as group_name
      ${from} where ${where} order by h.handed_on desc, h.id desc limit ${q.limit} offset ${q.offset}`,
  );
  const sums = await queryOne<{ n: number; copies: number; members: number; groups: number }>(
    db,
    sql`select count(*)::int as n, coalesce(sum(h.quantity), 0)::int as copies,
        count(distinct h.member_id)::int as members, count(distinct h.group_id)::int as groups
      ${from} where ${where}`,
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      handedOn: r.handed_on,
      quantity: r.quantity,
      note: r.note,
      bookId: r.book_id,
      bookTitle: r.book_title,
      author: r.author,
      listId: r.list_id,
      listPeriod: r.period,
      listTitle: r.list_title,
      recipientKind: r.member_id ? 'member' : 'group',
      recipientKindLabel: r.member_id ? '委员' : '读书群',
      recipientName: (r.member_id ? r.member_name : r.group_name) as string,
    })),
    total: sums!.n,
    copies: sums!.copies,
    members: sums!.members,
    groups: sums!.groups,
  };
}

export async function handoutsXlsx(db: Db, actor: Actor, q: HandoutFilters): Promise<Buffer> {
  const { items } = await listHandouts(db, actor, { ...q, limit: 100000, offset: 0 });
  return xlsxOf(
    '图书发放',
    [
      { header: '发放日期', key: 'handedOn', width: 14 },
      { header: '书目', key: 'list', width: 24 },
      { header: '书名', key: 'bookTitle', width: 28 },
      { header: '作者', key: 'author', width: 16 },
      { header: '发放对象类别', key: 'recipientKindLabel', width: 12 },
      { header: '发放对象', key: 'recipientName', width: 20 },
      { header: '数量（册）', key: 'quantity', width: 12 },
      { header: '备注', key: 'note', width: 30 },
    ],
    items.map((i) => ({ ...i, list: `${i.listPeriod} ${i.listTitle}` })),
  );
}
