// Reading groups, book lists (hand-outs are in handout-service.ts), and the sharing sessions of a group's rota.
import { sql } from 'drizzle-orm';
import { insertAudited } from '../../platform/audit/insert-audited.ts';
import { insertUnique } from '../../platform/audit/insert-unique.ts';
import type { Actor } from '../../platform/context.ts';
import { iso } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { allowedActions } from '../../platform/workflow/engine.ts';
import { fireOnItem } from '../../platform/workflow/fire-on-item.ts';
import { knownMemberIds, memberDirectory } from '../org/members-directory.ts';
import * as E from './errors.ts';
import { isStaff } from './policy.ts';
import { SESSION_STATES, sessionProcess } from './process.ts';
import { groupRole, loadSessionItem } from './repository.ts';
import type { BookListInput, GroupInput, SessionInput } from './schemas.ts';

export async function createGroup(db: Db, actor: Actor, b: GroupInput): Promise<number> {
  return db.transaction(async (tx) => {
    const ids = await knownMemberIds(tx, actor.committeeId, [...b.memberIds, b.leadMemberId], E.badMembers, {
      activeOnly: true,
    });
    const id = await insertAudited(
      tx,
      actor,
      sql`insert into reading_groups (committee_id, name, description, lead_member_id, created_by)
        values (${actor.committeeId}, ${b.name.trim()}, ${b.description?.trim() ?? ''}, ${b.leadMemberId}, ${actor.accountId}) returning id`,
      { action: 'reading.group.create', entity: 'reading_group', after: b },
    );
    await tx.execute(sql`insert into reading_group_members (committee_id, group_id, member_id)
      select ${actor.committeeId}, ${id}, x from unnest(${sql.param(ids)}::int[]) as x`);
    return id;
  });
}

export async function listGroups(db: Db, actor: Actor) {
  const rows = await query<{
    id: number;
    name: string;
    description: string;
    lead_member_id: number;
    lead_name: string;
    member_count: number;
    mine: boolean;
  }>(
    db,
    sql`select g.id, g.name, g.description, g.lead_member_id, m.name as lead_name,
        (select count(*)::int from reading_group_members x where x.committee_id = g.committee_id and x.group_id = g.id) as member_count,
        exists (select 1 from reading_group_members x where x.committee_id = g.committee_id and x.group_id = g.id and x.member_id = ${actor.memberId ?? -1}) as mine
      from reading_groups g join ${memberDirectory} m on m.committee_id = g.committee_id and m.id = g.lead_member_id
      where g.committee_id = ${actor.committeeId} order by g.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    leadMemberId: r.lead_member_id,
    leadName: r.lead_name,
    memberCount: r.member_count,
    mine: r.mine,
  }));
}

export async function getGroup(db: Db, actor: Actor, id: number) {
  const g = (await listGroups(db, actor)).find((x) => x.id === id);
  if (!g) throw E.groupNotFound();
  const members = await query<{ id: number; name: string }>(
    db,
    sql`select m.id, m.name from reading_group_members x join ${memberDirectory} m on m.committee_id = x.committee_id and m.id = x.member_id
      where x.committee_id = ${actor.committeeId} and x.group_id = ${id} order by m.id`,
  );
  const sessions = await query<{
    id: number;
    state: string;
    topic: string;
    scheduled_at: string | Date;
    duty_member_id: number;
    duty_name: string;
    book_id: number | null;
    book_title: string | null;
  }>(
    db,
    sql`select s.id, s.state, s.topic, s.scheduled_at, s.duty_member_id, m.name as duty_name, s.book_id, b.title as book_title
      from reading_sessions s join ${memberDirectory} m on m.committee_id = s.committee_id and m.id = s.duty_member_id
      left join reading_books b on b.committee_id = s.committee_id and b.id = s.book_id
      where s.committee_id = ${actor.committeeId} and s.group_id = ${id} order by s.scheduled_at, s.id`,
  );
  return {
    ...g,
    isLead: g.leadMemberId === actor.memberId,
    members: members.map((m) => ({ id: m.id, name: m.name })),
    sessions: sessions.map((s) => ({
      id: s.id,
      state: s.state,
      stateLabel: SESSION_STATES[s.state] ?? s.state,
      topic: s.topic,
      scheduledAt: iso(s.scheduled_at),
      dutyMemberId: s.duty_member_id,
      dutyName: s.duty_name,
      bookTitle: s.book_title,
      actions: allowedActions(sessionProcess, actor, {
        id: s.id,
        state: s.state,
        committeeId: actor.committeeId,
        groupId: id,
        topic: s.topic,
        dutyMemberId: s.duty_member_id,
        leadMemberId: g.leadMemberId,
        scheduledAt: iso(s.scheduled_at)!,
      }),
    })),
  };
}

export async function scheduleSession(db: Db, actor: Actor, groupId: number, b: SessionInput): Promise<number> {
  return db.transaction(async (tx) => {
    const role = await groupRole(tx, actor.committeeId, groupId, actor.memberId);
    if (!role) throw E.groupNotFound();
    if (!role.isLead && !isStaff(actor)) throw E.notLead();
    const duty = await groupRole(tx, actor.committeeId, groupId, b.dutyMemberId);
    if (!duty?.isMember) throw E.dutyNotMember();
    if (b.bookId) {
      const book = await queryOne(
        tx,
        sql`select 1 from reading_books where committee_id = ${actor.committeeId} and id = ${b.bookId}`,
      );
      if (!book) throw E.badBook();
    }
    return insertAudited(
      tx,
      actor,
      sql`insert into reading_sessions (committee_id, group_id, topic, book_id, scheduled_at, duty_member_id)
        values (${actor.committeeId}, ${groupId}, ${b.topic.trim()}, ${b.bookId ?? null}, ${b.scheduledAt}, ${b.dutyMemberId}) returning id`,
      { action: 'reading.session.schedule', entity: 'reading_session', after: b },
    );
  });
}

const SESSION = { load: loadSessionItem, process: sessionProcess, notFound: E.sessionNotFound };

export async function fireSessionAction(db: Db, actor: Actor, id: number, action: string, comment?: string) {
  await fireOnItem(db, actor, id, SESSION, { action, comment });
}

export async function createBookList(db: Db, actor: Actor, b: BookListInput): Promise<number> {
  return insertUnique(db, actor, {
    probe: sql`select 1 from reading_book_lists where committee_id = ${actor.committeeId} and period = ${b.period}`,
    refuse: E.listExists,
    insert: sql`insert into reading_book_lists (committee_id, period, title, special_committee_id)
        values (${actor.committeeId}, ${b.period}, ${b.title.trim()}, ${b.specialCommitteeId ?? null}) returning id`,
    audit: { action: 'reading.list.create', entity: 'reading_book_list', after: b },
    withRecord: async (tx, id) => {
      for (const book of b.books)
        await tx.execute(sql`insert into reading_books (committee_id, list_id, title, author, note)
        values (${actor.committeeId}, ${id}, ${book.title.trim()}, ${book.author?.trim() ?? ''}, ${book.note?.trim() ?? ''})`);
    },
  });
}

export async function listBookLists(db: Db, actor: Actor, year?: number) {
  const rows = await query<{
    id: number;
    period: string;
    title: string;
    special_committee_name: string | null;
    book_id: number | null;
    book_title: string | null;
    author: string | null;
    note: string | null;
    handed_out: number;
  }>(
    db,
    sql`select l.id, l.period, l.title, sc.name as special_committee_name, b.id as book_id, b.title as book_title, b.author, b.note,
        (select coalesce(sum(h.quantity), 0)::int from reading_handouts h where h.committee_id = b.committee_id and h.book_id = b.id) as handed_out
      from reading_book_lists l
      left join special_committees sc on sc.committee_id = l.committee_id and sc.id = l.special_committee_id
      left join reading_books b on b.committee_id = l.committee_id and b.list_id = l.id
      where l.committee_id = ${actor.committeeId} ${year ? sql`and l.period like ${`${year}-%`}` : sql``}
      order by l.period desc, b.id`,
  );
  const lists = new Map<number, any>();
  for (const r of rows) {
    if (!lists.has(r.id))
      lists.set(r.id, {
        id: r.id,
        period: r.period,
        title: r.title,
        specialCommitteeName: r.special_committee_name,
        books: [],
      });
    if (r.book_id)
      lists
        .get(r.id)
        .books.push({ id: r.book_id, title: r.book_title, author: r.author, note: r.note, handedOut: r.handed_out });
  }
  return [...lists.values()];
}
