// Rebuilds the search vectors of rows indexed under an older SEARCH_INDEX_VERSION (e.g. before NFKC and unigrams), in
// the background after start: batches of rows by key, each in its own short transaction, so requests keep being served
// and a restart resumes the unfinished tables. Searches meanwhile run on the old vectors.
import { type SQL, sql } from 'drizzle-orm';
import { type Db, query, queryOne } from '../platform/db/client.ts';
import { SEARCH_INDEX_VERSION, toSearchVector } from '../platform/search/search.ts';
import { reportSearch } from './opinions/search.ts';
import { refreshMemberSearch } from './org/members-service.ts';
import { refreshProposalSearch } from './proposals/service.ts';

const BATCH = 200;

type Row = { committee_id: number; id: number } & Record<string, any>;
interface Target {
  name: string;
  /** The rows after a key, with what their vector is built from. */
  select: (after: [number, number]) => SQL;
  rebuild: (tx: Db, row: Row) => Promise<void>;
}

const page = (table: string, cols: string, after: [number, number]) =>
  sql`select committee_id, id${sql.raw(cols ? `, ${cols}` : '')} from ${sql.raw(table)}
    where (committee_id, id) > (${after[0]}, ${after[1]}) order by committee_id, id limit ${BATCH}`;

const TARGETS: Target[] = [
  {
    name: 'proposals',
    select: (a) => page('proposals', '', a),
    rebuild: (tx, r) => refreshProposalSearch(tx, r.committee_id, r.id),
  },
  {
    name: 'opinion_reports',
    select: (a) => page('opinion_reports', 'title, body, edited_title, edited_body, submitter_name', a),
    rebuild: async (tx, r) => {
      await tx.execute(sql`update opinion_reports set search = ${reportSearch(r.committee_id, r.title, r.body, r.edited_title, r.edited_body, r.submitter_name)}
        where committee_id = ${r.committee_id} and id = ${r.id}`);
    },
  },
  {
    name: 'members',
    select: (a) => page('members', '', a),
    rebuild: (tx, r) => refreshMemberSearch(tx, r.committee_id, r.id),
  },
  {
    name: 'meetings',
    select: (a) => page('meetings', 'title, place, agenda', a),
    rebuild: async (tx, r) => {
      await tx.execute(sql`update meetings set search = ${toSearchVector(r.title, r.place, r.agenda)}
        where committee_id = ${r.committee_id} and id = ${r.id}`);
    },
  },
  {
    name: 'activities',
    select: (a) => page('activities', 'title, place, description', a),
    rebuild: async (tx, r) => {
      await tx.execute(sql`update activities set search = ${toSearchVector(r.title, r.place, r.description)}
        where committee_id = ${r.committee_id} and id = ${r.id}`);
    },
  },
  {
    name: 'grassroots_rooms',
    select: (a) => page('grassroots_rooms', 'name, township, village, first_convener', a),
    rebuild: async (tx, r) => {
      await tx.execute(sql`update grassroots_rooms set search = ${toSearchVector(r.name, r.township, r.village, r.first_convener)}
        where committee_id = ${r.committee_id} and id = ${r.id}`);
    },
  },
];

/** Rebuilds every table whose vectors are older than SEARCH_INDEX_VERSION; returns the rows rebuilt per table. */
export async function reindexStaleSearch(db: Db, log?: (msg: string) => void): Promise<Record<string, number>> {
  const done: Record<string, number> = {};
  for (const t of TARGETS) {
    const state = await queryOne<{ version: number }>(
      db,
      sql`select version from search_index_state where name = ${t.name}`,
    );
    if (state && state.version >= SEARCH_INDEX_VERSION) continue;
    let after: [number, number] = [0, 0];
    let n = 0;
    for (;;) {
      const rows = await query<Row>(db, t.select(after));
      if (!rows.length) break;
      await db.transaction(async (tx) => {
        for (const r of rows) await t.rebuild(tx, r);
      });
      n += rows.length;
      const last = rows[rows.length - 1];
      after = [last.committee_id, last.id];
      // Let requests waiting on the event loop run between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await db.execute(sql`insert into search_index_state (name, version) values (${t.name}, ${SEARCH_INDEX_VERSION})
      on conflict (name) do update set version = excluded.version, done_at = now()`);
    done[t.name] = n;
    log?.(`search index of ${t.name} rebuilt (${n} rows, version ${SEARCH_INDEX_VERSION})`);
  }
  return done;
}
