// The schema stays ready for a distributed PostgreSQL (Citus, docs/scaling.md): read from the catalog of a migrated
// database, every tenant table (one with committee_id) has it not null and first in its primary key and in every unique
// key, and every foreign key between tenant tables carries it on both sides. Tables without committee_id are listed
// by what they would be on a cluster; exceptions name their reason, so a new table cannot break the rule unnoticed.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTemplate } from '../../test/template.ts';
import { type Database, query } from '../db/client.ts';

/** Tables without committee_id: reference tables (copied to every node) or local to the coordinator. */
const NOT_TENANT: Record<string, string> = {
  committees: 'reference table: the list of committees, read by every shard (foreign keys point to it)',
  audit_head: 'local: one head per audit chain, written only by the background sealer',
  audit_checkpoint: 'local: one keyed digest of all chain heads (a single row)',
  login_throttle: 'local: sign-in throttle by typed name and address, before any committee is known',
  schema_migrations: 'local: which migrations ran',
  search_index_state: 'local: one row, the version of the search tokens',
  demo_seed_state: 'local: whether the demo year was seeded',
};

/** Keys (constraint or unique index names) of tenant tables that do not start with committee_id, and why. */
const KEY_EXCEPTIONS: Record<string, string> = {
  audit_log_pkey:
    'audit_log.seq is the one global insertion order and platform-wide rows have no committee (committee_id null): ' +
    'on a cluster the table moves to (coalesce(committee_id, 0), seq) with the sealer — docs/scaling.md, "audit log"',
  audit_log_chain:
    'the keyed chain of each committee, 0 for platform-wide rows: starts with coalesce(committee_id, 0), the same ' +
    'value the cluster would distribute on once platform rows carry 0',
  accounts_id: 'account ids are unique across committees (a sequence): kept while tables reference accounts by id only',
  accounts_username:
    'a login name is unique across all committees (sign-in does not ask for the committee): on a cluster this index ' +
    'becomes a small reference table of login names → committee, docs/scaling.md, "sign-in"',
  accounts_phone: 'a phone number signs in to one account across all committees: same as accounts_username',
};

/** Tenant tables whose committee_id may be null, and why. */
const NULLABLE: Record<string, string> = {
  audit_log: 'platform administrators act outside any committee; their rows form chain 0',
};

let database: Database;
beforeAll(async () => {
  database = await cloneTemplate();
});
afterAll(async () => {
  await database.close();
});

const tablesWithCommittee = () =>
  query<{ table: string; notNull: boolean }>(
    database.db,
    sql`select c.relname as "table", a.attnotnull as "notNull" from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'committee_id' and not a.attisdropped
      where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
  );

describe('tenant keys (Citus rules)', () => {
  it('every table either has committee_id or is listed as a reference or local table', async () => {
    const rows = await query<{ table: string }>(
      database.db,
      sql`select c.relname as "table" from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not exists
          (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'committee_id' and not a.attisdropped)
        order by 1`,
    );
    expect(rows.map((r) => r.table)).toEqual(Object.keys(NOT_TENANT).sort());
    expect((await tablesWithCommittee()).length).toBeGreaterThan(100);
  });

  it('committee_id is not null in every tenant table but the listed ones', async () => {
    const nullable = (await tablesWithCommittee()).filter((t) => !t.notNull).map((t) => t.table);
    expect(nullable).toEqual(Object.keys(NULLABLE).sort());
  });

  it('every primary key, unique constraint and unique index of a tenant table starts with committee_id', async () => {
    // pg_index covers constraints (primary key, unique) and bare unique indexes alike; an expression key has attnum 0.
    const keys = await query<{ table: string; key: string; first: string | null; def: string }>(
      database.db,
      sql`select c.relname as "table", i.relname as key, pg_get_indexdef(x.indexrelid) as def,
          (select a.attname from pg_attribute a where a.attrelid = c.oid and a.attnum = x.indkey[0]) as first
        from pg_index x
        join pg_class i on i.oid = x.indexrelid
        join pg_class c on c.oid = x.indrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and x.indisunique
          and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'committee_id' and not a.attisdropped)
        order by 1, 2`,
    );
    expect(keys.length).toBeGreaterThan(100);
    const offending = keys.filter((k) => k.first !== 'committee_id').map((k) => k.key);
    expect(
      offending.filter((k) => !(k in KEY_EXCEPTIONS)),
      'keys not starting with committee_id',
    ).toEqual([]);
    // A listed exception that is gone (fixed or renamed) leaves the list, so the list stays true.
    expect(
      Object.keys(KEY_EXCEPTIONS).filter((k) => !offending.includes(k)),
      'stale exceptions',
    ).toEqual([]);
  });

  it('every foreign key between tenant tables matches committee_id to committee_id', async () => {
    const fks = await query<{ name: string; table: string; def: string; matched: boolean }>(
      database.db,
      sql`select con.conname as name, con.conrelid::regclass::text as "table", pg_get_constraintdef(con.oid) as def,
          exists (
            select 1 from unnest(con.conkey, con.confkey) as k(col, ref)
            join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.col
            join pg_attribute r on r.attrelid = con.confrelid and r.attnum = k.ref
            where a.attname = 'committee_id' and r.attname = 'committee_id'
          ) as matched
        from pg_constraint con
        where con.contype = 'f' and con.connamespace = 'public'::regnamespace
          and exists (select 1 from pg_attribute a where a.attrelid = con.conrelid and a.attname = 'committee_id' and not a.attisdropped)
          and exists (select 1 from pg_attribute a where a.attrelid = con.confrelid and a.attname = 'committee_id' and not a.attisdropped)`,
    );
    expect(fks.length).toBeGreaterThan(100);
    expect(fks.filter((f) => !f.matched).map((f) => `${f.table}: ${f.def}`)).toEqual([]);
  });
});
