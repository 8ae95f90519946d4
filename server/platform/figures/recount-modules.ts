// Test support: the learning, reading and literature-history figures counted again by plain SQL, from the definitions'
// words, for figures.test.ts (every registered figure) and figures-modules.test.ts (a year built through the routes).
import { type SQL, sql } from 'drizzle-orm';

export function recountModules(c: number, from: string, to: string, y: number): Record<string, SQL> {
  const days = (col: string) =>
    sql.raw(`${col} >= ('${from}'::date)::timestamp at time zone 'Asia/Shanghai'
      and ${col} < ('${to}'::date + 1)::timestamp at time zone 'Asia/Shanghai'`);
  const periodEnd = (col: string) => sql.raw(`${col} < ('${to}'::date + 1)::timestamp at time zone 'Asia/Shanghai'`);
  const yearEnd = sql.raw(`('${y + 1}-01-01'::date)::timestamp at time zone 'Asia/Shanghai'`);
  const n = (q: SQL) => sql`select (${q})::int as n`;
  return {
    'learning.materials': n(
      sql`select count(*) from learning_materials where committee_id = ${c} and state = 'published' and ${days('published_at')}`,
    ),
    'learning.sessions': n(
      sql`select count(*) from learning_sessions where committee_id = ${c} and state = 'held' and ${days('starts_at')}`,
    ),
    'learning.attendances': n(
      sql`select count(*) from learning_attendance a, learning_sessions s where s.committee_id = a.committee_id
        and s.id = a.session_id and a.committee_id = ${c} and s.state = 'held' and ${days('s.starts_at')}`,
    ),
    'learning.reflections': n(
      sql`select count(*) from learning_reflections where committee_id = ${c} and state <> 'draft' and ${days('submitted_at')}`,
    ),
    'archive.received': n(
      sql`select count(*) from archive_articles where committee_id = ${c} and ${days('created_at')}`,
    ),
    'archive.volumes': n(
      sql`select count(*) from archive_volumes where committee_id = ${c} and state = 'published' and ${days('published_at')}`,
    ),
    'archive.published': n(
      sql`select count(*) from archive_articles where committee_id = ${c} and state = 'published' and ${days('published_at')}`,
    ),
    'archive.villages': n(
      sql`select count(*) from archive_villages where committee_id = ${c} and state <> 'suspended' and ${periodEnd('created_at')}`,
    ),
    'archive.villageArticles': n(
      sql`select count(*) from archive_articles where committee_id = ${c} and village_id is not null and ${days('created_at')}`,
    ),
    'reading.groups': n(sql`select count(*) from reading_groups where committee_id = ${c} and created_at < ${yearEnd}`),
    'reading.participants': n(
      sql`select count(distinct member_id) from reading_group_members where committee_id = ${c} and joined_at < ${yearEnd}`,
    ),
    'reading.sessions': n(
      sql`select count(*) from reading_sessions where committee_id = ${c} and state = 'held'
        and extract(year from scheduled_at at time zone 'Asia/Shanghai')::int = ${y}`,
    ),
    'reading.lists': n(
      sql`select count(*) from reading_book_lists where committee_id = ${c} and left(period, 4) = ${String(y)}`,
    ),
    'reading.books': n(
      sql`select coalesce(sum(quantity), 0) from reading_handouts where committee_id = ${c}
        and handed_on between ${`${y}-01-01`}::date and ${`${y}-12-31`}::date`,
    ),
    'reading.notes': n(
      sql`select count(*) from reading_notes where committee_id = ${c}
        and extract(year from created_at at time zone 'Asia/Shanghai')::int = ${y}`,
    ),
    'reading.selected': n(
      sql`select count(*) from reading_notes where committee_id = ${c}
        and extract(year from selected_at at time zone 'Asia/Shanghai')::int = ${y}`,
    ),
    // grassroots: rooms and studios enabled at the period's end; sessions are room events held in it
    'grassroots.rooms': n(
      sql`select count(*) from grassroots_rooms where committee_id = ${c} and active and ${periodEnd('created_at')}`,
    ),
    'grassroots.studios': n(
      sql`select count(*) from grassroots_studios where committee_id = ${c} and active and ${periodEnd('created_at')}`,
    ),
    'grassroots.sessions': n(
      sql`select count(*) from consultation_events e where e.committee_id = ${c} and e.kind = 'grassroots'
        and e.state in ('held', 'minuted', 'done') and e.held_on >= ${from}::date and e.held_on <= ${to}::date
        and exists (select 1 from grassroots_sessions s where s.committee_id = e.committee_id and s.event_id = e.id)`,
    ),
    'grassroots.onlineSessions': n(
      sql`select count(*) from consultation_events e, grassroots_sessions s where s.committee_id = e.committee_id
        and s.event_id = e.id and e.committee_id = ${c} and s.form in ('online', 'both')
        and e.state in ('held', 'minuted', 'done') and e.held_on >= ${from}::date and e.held_on <= ${to}::date`,
    ),
    'grassroots.topics': n(
      sql`select count(*) from grassroots_topics where committee_id = ${c} and ${days('created_at')}`,
    ),
    'grassroots.itemsResolved': n(
      sql`select count(*) from grassroots_agreed_items where committee_id = ${c} and state = 'resolved' and ${days('resolved_at')}`,
    ),
    'grassroots.hotlineCases': n(
      sql`select count(*) from hotline_cases where committee_id = ${c} and received_on >= ${from}::date and received_on <= ${to}::date`,
    ),
    'grassroots.hotlineTakenUp': n(
      sql`select count(*) from grassroots_topics where committee_id = ${c} and source = 'hotline' and ${days('created_at')}`,
    ),
    'grassroots.hotlineResolved': n(
      sql`select count(*) from hotline_cases h, grassroots_agreed_items i where i.committee_id = h.committee_id
        and i.id = h.agreed_item_id and h.committee_id = ${c} and i.state = 'resolved' and ${days('i.resolved_at')}`,
    ),
    'grassroots.suggestions': n(
      sql`select count(*) from grassroots_suggestions where committee_id = ${c} and ${days('created_at')}`,
    ),
  };
}
