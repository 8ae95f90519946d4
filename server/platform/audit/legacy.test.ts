// A database from before migration 0050 (unkeyed per-committee chains under a head lock) keeps verifying after the
// migration, and the sealer re-seals its intact old chains with the key once, refusing a chain whose old links broke.
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDatabase, TEST_AUDIT_KEY } from '../../test/template.ts';
import type { Database } from '../db/client.ts';
import { query, queryOne } from '../db/client.ts';
import { listMigrations, migrate } from '../db/migrate.ts';
import { setAuditKeyForTests } from '../secrets/audit-key.ts';
import { legacyHash } from './audit.ts';
import { sealAudit } from './seal.ts';
import { verifyAudit } from './verify.ts';

let database: Database;
const run = (text: string) =>
  database.kind === 'pglite' ? database.pglite!.exec(text) : database.pool!.query(text).then(() => {});

beforeAll(async () => {
  setAuditKeyForTests(TEST_AUDIT_KEY);
  database = await emptyDatabase();
  await run('create table schema_migrations (name text primary key, applied_at timestamptz not null default now())');
  for (const m of listMigrations().filter((m) => m.name < '0050')) {
    await run(fs.readFileSync(m.file, 'utf8'));
    await run(`insert into schema_migrations (name) values ('${m.name}')`);
  }
  const db = database.db;
  await db.execute(sql`insert into committees (id, name, short_name, level) values
    (1, '甲政协', '甲', 'city'), (2, '乙政协', '乙', 'county'), (3, '丙政协', '丙', 'county')`);
  // Rows written the old way: seq per committee, SM3 over the previous hash and the row, head updated under lock.
  for (const committee of [1, 2, 3]) {
    let prev = '';
    for (let seq = 1; seq <= 4; seq++) {
      const row = {
        committee_id: committee,
        chain_seq: seq,
        actor_id: null,
        actor_name: '系统',
        action: 'legacy.write',
        entity: 'test',
        entity_id: String(seq),
        before: null,
        after: { n: seq },
        ip: null,
        user_agent: null,
        created_at: new Date(Date.UTC(2026, 0, committee, 0, seq)).toISOString(),
      };
      const hash = legacyHash(prev, row);
      await db.execute(sql`insert into audit_log (committee_id, seq, actor_name, action, entity, entity_id, after, created_at, prev_hash, hash)
        values (${committee}, ${seq}, '系统', 'legacy.write', 'test', ${String(seq)}, ${JSON.stringify(row.after)}::jsonb, ${row.created_at}, ${prev}, ${hash})`);
      prev = hash;
    }
    await db.execute(sql`insert into audit_head (committee_id, seq, hash) values (${committee}, 4, ${prev})`);
  }
  // Committee 3's old chain was changed before the upgrade.
  await db.execute(sql`update audit_log set actor_name = '篡改' where committee_id = 3 and seq = 2`);
  await migrate(database);
});
afterAll(() => database.close());

describe('audit log from before the keyed chain', () => {
  it('verifies after the migration, before and after re-sealing, and keeps reporting the broken old chain', async () => {
    const before = await verifyAudit(database.db);
    expect(before.rows).toBe(12);
    expect(before.problems).toEqual([expect.objectContaining({ committeeId: 3, seq: 2 })]);
    const sealed = await sealAudit(database.db);
    expect(sealed.legacyBroken).toEqual([3]);
    expect(sealed.sealed).toBe(8);
    const heads = await query<any>(database.db, sql`select chain, seq from audit_head order by chain`);
    expect(heads).toEqual([
      { chain: 1, seq: 4 },
      { chain: 2, seq: 4 },
    ]);
    const after = await verifyAudit(database.db);
    expect(after.rows).toBe(12);
    expect(after.problems).toEqual([expect.objectContaining({ committeeId: 3, seq: 2 })]);
    // Re-sealed rows are now under the key: changing one is found by the new chain.
    await database.db.execute(sql`update audit_log set after = '{"n": 9}' where committee_id = 1 and chain_seq = 4`);
    expect((await verifyAudit(database.db)).problems).toContainEqual(
      expect.objectContaining({ committeeId: 1, seq: 4, problem: expect.stringContaining('篡改') }),
    );
    const ids = await queryOne<{ n: number }>(database.db, sql`select count(distinct seq)::int as n from audit_log`);
    expect(ids!.n).toBe(12);
  });
});
