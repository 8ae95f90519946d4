// Reading notes (读书笔记) in a group's thread: written by its members (fact), liked and commented by anyone who may read
// the group, selected by staff into the year's collection (fact; Word export); and the year's figures and sentence.
import { AlignmentType, Document, Packer, PageBreak, Paragraph, TextRun } from 'docx';
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { beijingDateOf, beijingYearRange, clockNow, iso } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { toSearchVector } from '../../platform/search/search.ts';
import { recordDutyFact, revokeDutyFacts } from '../duty/facts.ts';
import { activeMemberCountOf, memberDirectory } from '../org/members-directory.ts';
import * as E from './errors.ts';
import { groupRole } from './repository.ts';
import type { NoteInput } from './schemas.ts';

export async function writeNote(db: Db, actor: Actor, groupId: number, b: NoteInput): Promise<number> {
  if (!actor.memberId) throw E.notMember();
  const memberId = actor.memberId;
  return db.transaction(async (tx) => {
    const role = await groupRole(tx, actor.committeeId, groupId, memberId);
    if (!role) throw E.groupNotFound();
    if (!role.isMember) throw E.notInGroup();
    if (b.sessionId) {
      const s = await queryOne(
        tx,
        sql`select 1 from reading_sessions where committee_id = ${actor.committeeId} and id = ${b.sessionId} and group_id = ${groupId}`,
      );
      if (!s) throw E.sessionNotFound();
    }
    const row = await queryOne<{ id: number }>(
      tx,
      sql`insert into reading_notes (committee_id, group_id, session_id, book_id, member_id, title, body, search)
        values (${actor.committeeId}, ${groupId}, ${b.sessionId ?? null}, ${b.bookId ?? null}, ${memberId}, ${b.title.trim()}, ${b.body.trim()},
          ${toSearchVector(b.title, b.body)}) returning id`,
    );
    await recordDutyFact(tx, {
      committeeId: actor.committeeId,
      memberId,
      kind: 'reading.noteWritten',
      sourceType: 'reading_note',
      sourceId: row!.id,
      occurredOn: beijingDateOf(clockNow()),
      detail: { title: b.title, groupId },
    });
    await writeAudit(tx, actor, { action: 'reading.note.write', entity: 'reading_note', entityId: row!.id, after: b });
    return row!.id;
  });
}

export async function listNotes(db: Db, actor: Actor, q: { groupId?: number; sessionId?: number; selected?: boolean }) {
  const notes = await query<{
    id: number;
    group_id: number;
    group_name: string;
    session_id: number | null;
    member_id: number;
    member_name: string;
    title: string;
    body: string;
    selected_at: string | Date | null;
    created_at: string | Date;
    likes: number;
    liked: boolean;
  }>(
    db,
    sql`select n.id, n.group_id, g.name as group_name, n.session_id, n.member_id, m.name as member_name, n.title, n.body,
        n.selected_at, n.created_at,
        (select count(*)::int from reading_note_likes l where l.committee_id = n.committee_id and l.note_id = n.id) as likes,
        exists (select 1 from reading_note_likes l where l.committee_id = n.committee_id and l.note_id = n.id and l.account_id = ${actor.accountId}) as liked
      from reading_notes n join ${memberDirectory} m on m.committee_id = n.committee_id and m.id = n.member_id
      join reading_groups g on g.committee_id = n.committee_id and g.id = n.group_id
      where n.committee_id = ${actor.committeeId}
        ${q.groupId ? sql`and n.group_id = ${q.groupId}` : sql``}
        ${q.sessionId ? sql`and n.session_id = ${q.sessionId}` : sql``}
        ${q.selected ? sql`and n.selected_at is not null` : sql``}
      order by n.created_at, n.id limit 500`,
  );
  const ids = notes.map((n) => n.id);
  const comments = ids.length
    ? await query<{ id: number; note_id: number; author_name: string; body: string; created_at: string | Date }>(
        db,
        sql`select id, note_id, author_name, body, created_at from reading_note_comments
          where committee_id = ${actor.committeeId} and note_id = any(${sql.param(ids)}::int[]) order by id`,
      )
    : [];
  return notes.map((n) => ({
    id: n.id,
    groupId: n.group_id,
    groupName: n.group_name,
    sessionId: n.session_id,
    memberId: n.member_id,
    memberName: n.member_name,
    title: n.title,
    body: n.body,
    selected: !!n.selected_at,
    createdAt: iso(n.created_at),
    likes: n.likes,
    liked: n.liked,
    comments: comments
      .filter((c) => c.note_id === n.id)
      .map((c) => ({ id: c.id, authorName: c.author_name, body: c.body, createdAt: iso(c.created_at) })),
  }));
}

async function noteExists(tx: Db, actor: Actor, id: number) {
  const n = await queryOne<{ member_id: number; title: string; selected_at: string | null }>(
    tx,
    sql`select member_id, title, selected_at from reading_notes where committee_id = ${actor.committeeId} and id = ${id} for update`,
  );
  if (!n) throw E.noteNotFound();
  return n;
}

/** A like is one per account; liking again takes it back. */
export async function toggleLike(db: Db, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    await noteExists(tx, actor, id);
    const gone = await query(
      tx,
      sql`delete from reading_note_likes where committee_id = ${actor.committeeId} and note_id = ${id} and account_id = ${actor.accountId} returning note_id`,
    );
    if (!gone.length)
      await tx.execute(
        sql`insert into reading_note_likes (committee_id, note_id, account_id) values (${actor.committeeId}, ${id}, ${actor.accountId})`,
      );
    await writeAudit(tx, actor, {
      action: gone.length ? 'reading.note.unlike' : 'reading.note.like',
      entity: 'reading_note',
      entityId: id,
    });
    return { liked: !gone.length };
  });
}

export async function commentOn(db: Db, actor: Actor, id: number, body: string) {
  return db.transaction(async (tx) => {
    await noteExists(tx, actor, id);
    const row = await queryOne<{ id: number }>(
      tx,
      sql`insert into reading_note_comments (committee_id, note_id, account_id, author_name, body)
        values (${actor.committeeId}, ${id}, ${actor.accountId}, ${actor.name}, ${body.trim()}) returning id`,
    );
    await writeAudit(tx, actor, {
      action: 'reading.note.comment',
      entity: 'reading_note',
      entityId: id,
      after: { body },
    });
    return row!.id;
  });
}

export async function selectNote(db: Db, actor: Actor, id: number, selected: boolean) {
  await db.transaction(async (tx) => {
    const n = await noteExists(tx, actor, id);
    await tx.execute(
      sql`update reading_notes set selected_at = ${selected ? sql`coalesce(selected_at, now())` : null} where committee_id = ${actor.committeeId} and id = ${id}`,
    );
    if (selected)
      await recordDutyFact(tx, {
        committeeId: actor.committeeId,
        memberId: n.member_id,
        kind: 'reading.noteSelected',
        sourceType: 'reading_note',
        sourceId: id,
        occurredOn: beijingDateOf(clockNow()),
        detail: { title: n.title },
      });
    else
      await revokeDutyFacts(tx, actor.committeeId, {
        sourceType: 'reading_note',
        sourceId: id,
        kinds: ['reading.noteSelected'],
      });
    await writeAudit(tx, actor, {
      action: selected ? 'reading.note.select' : 'reading.note.unselect',
      entity: 'reading_note',
      entityId: id,
      before: { selected: !!n.selected_at },
      after: { selected },
    });
  });
}

/** The year in the words a report uses, every number from the data. */
export async function readingFigures(db: Db, committeeId: number, year: number) {
  const { start, end } = beijingYearRange(year);
  const r = (await queryOne<{
    groups: number;
    participants: number;
    members: number;
    sessions: number;
    notes: number;
    selected: number;
    books: number;
    lists: number;
  }>(
    db,
    sql`select
      (select count(*)::int from reading_groups where committee_id = ${committeeId} and created_at < ${end}) as groups,
      (select count(distinct x.member_id)::int from reading_group_members x where x.committee_id = ${committeeId} and x.joined_at < ${end}) as participants,
      ${activeMemberCountOf(committeeId)} as members,
      (select count(*)::int from reading_sessions where committee_id = ${committeeId} and state = 'held'
        and scheduled_at >= ${start} and scheduled_at < ${end}) as sessions,
      (select count(*)::int from reading_notes where committee_id = ${committeeId} and created_at >= ${start} and created_at < ${end}) as notes,
      (select count(*)::int from reading_notes where committee_id = ${committeeId} and selected_at >= ${start} and selected_at < ${end}) as selected,
      (select coalesce(sum(quantity), 0)::int from reading_handouts where committee_id = ${committeeId}
        and extract(year from handed_on)::int = ${year}) as books,
      (select count(*)::int from reading_book_lists where committee_id = ${committeeId} and period like ${`${year}-%`}) as lists`,
  ))!;
  const rate = r.members ? Math.round((r.participants * 1000) / r.members) / 10 : 0;
  const sentence =
    `建立委员读书群${r.groups}个，参与委员${r.participants}人，参与率${rate}%，` +
    `开展线上轮值分享${r.sessions}场，推荐书目${r.lists}期，发放图书${r.books}册，撰写读书笔记${r.notes}篇，其中${r.selected}篇入选读书笔记集。`;
  return { year, ...r, participationRate: rate, sentence };
}

export async function collectionDocx(db: Db, actor: Actor, year: number): Promise<Buffer> {
  const { start, end } = beijingYearRange(year);
  const notes = (await listNotes(db, actor, { selected: true })).filter((n) => {
    const t = new Date(n.createdAt!).getTime();
    return t >= start.getTime() && t < end.getTime();
  });
  const c = await queryOne<{ name: string }>(db, sql`select name from committees where id = ${actor.committeeId}`);
  const font = { eastAsia: '宋体', ascii: 'SimSun', hAnsi: 'SimSun' };
  const centred = (text: string, size: number, bold = false) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text, size, bold, font })],
    });
  const children = [
    new Paragraph({ spacing: { before: 2400 } }),
    centred(c!.name, 32),
    centred(`${year}年委员读书笔记选编`, 48, true),
    new Paragraph({ children: [new PageBreak()] }),
    centred('目  录', 36, true),
    ...notes.map(
      (n, i) =>
        new Paragraph({ children: [new TextRun({ text: `${i + 1}. ${n.title}　${n.memberName}`, size: 28, font })] }),
    ),
    ...notes.flatMap((n) => [
      new Paragraph({ children: [new PageBreak()] }),
      centred(n.title, 36, true),
      centred(`${n.memberName}（${n.groupName}）`, 24),
      ...n.body
        .split(/\n+/)
        .filter((p: string) => p.trim())
        .map(
          (p: string) =>
            new Paragraph({ indent: { firstLine: 560 }, children: [new TextRun({ text: p.trim(), size: 28, font })] }),
        ),
    ]),
  ];
  return Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}
