// The members table is org's (decision 0029): no server file outside org/ names it in SQL, and the directory org
// exports answers what those files asked of the table, on the seeded database.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { createTestApp, type TestContext } from '../../test/harness.ts';
import {
  activeMemberCountOf,
  foundMemberIds,
  memberById,
  memberDirectory,
  memberNameOf,
  memberNames,
  memberStatusOf,
} from './members-directory.ts';

const SERVER = path.resolve(import.meta.dirname, '../..');
/** SQL that reads or writes the table: `from members`, `join members`, `into members`, `update members`. */
const NAMES_MEMBERS = /\b(from|join|into|update)\s+members\b/gi;

// Files outside org/ that may still name the table, each with its reason. Keep it short.
const ALLOWED = new Set([
  // The platform knows no module (DESIGN.md: platform/ "knows nothing of proposals or members"), so it cannot import
  // org's directory; the session's one statement carries the member's status for org/standing.ts instead of a second
  // round trip on every request (decision 0026). The column it reads is the one memberStatusOf() reads.
  'platform/auth/session.ts',
  // The demo data generator builds the whole database, members included, like a test fixture.
  'seed/demo.ts',
]);

function serverFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : serverFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('the members table outside org', () => {
  it('is named in the SQL of no server file but the allowed ones', () => {
    const offenders = serverFiles(SERVER)
      .map((f) => path.relative(SERVER, f).split(path.sep).join('/'))
      .filter((f) => !f.startsWith('modules/org/') && !ALLOWED.has(f))
      .flatMap((f) => {
        const text = fs.readFileSync(path.join(SERVER, f), 'utf8');
        return [...text.matchAll(NAMES_MEMBERS)].map((m) => `${f}: ${m[0]}`);
      });
    expect(offenders).toEqual([]);
  });

  it('the allow-list names only files that still need it', () => {
    for (const f of ALLOWED) expect(fs.readFileSync(path.join(SERVER, f), 'utf8')).toMatch(NAMES_MEMBERS);
  });
});

describe('the member directory', () => {
  let t: TestContext;
  let db: Db;
  let committee: number;
  let active: { id: number; name: string }[];
  beforeAll(async () => {
    t = await createTestApp();
    db = t.database.db;
    committee = (await queryOne<{ id: number }>(db, sql`select min(committee_id)::int as id from members`))!.id;
    active = await query(
      db,
      sql`select id, name from members where committee_id = ${committee} and status = 'active' order by id limit 3`,
    );
  });
  afterAll(() => t?.close());

  it('joins under an alias with its public columns and no personal data', async () => {
    const [first] = active;
    const row = await queryOne<Record<string, unknown>>(
      db,
      sql`select m.* from ${memberDirectory} m where m.committee_id = ${committee} and m.id = ${first.id}`,
    );
    expect(row).toMatchObject({ id: first.id, name: first.name, status: 'active' });
    expect(Object.keys(row!).sort()).toEqual(
      ['code', 'committee_id', 'id', 'name', 'sector_id', 'standing_member', 'status', 'term_id', 'work_unit'].sort(),
    );
  });

  it('gives names, status and counts as scalar subselects, null for an unknown member', async () => {
    const [first] = active;
    const row = await queryOne<{ name: string; status: string; none: string | null; n: number; all: number }>(
      db,
      sql`select ${memberNameOf(committee, first.id)} as name, ${memberStatusOf(committee, first.id)} as status,
        ${memberNameOf(committee, -1)} as none, ${activeMemberCountOf(committee)} as n,
        (select count(*)::int from members where committee_id = ${committee} and status = 'active') as all`,
    );
    expect(row).toEqual({ name: first.name, status: 'active', none: null, n: row!.all, all: row!.all });
    expect(row!.n).toBeGreaterThan(0);
  });

  it('looks members up by id, leaving out unknown ids, another committee and (when asked) those who left', async () => {
    const ids = active.map((m) => m.id);
    expect(ids).toHaveLength(3);
    expect(await foundMemberIds(db, committee, [...ids, -5])).toEqual(ids);
    expect(await foundMemberIds(db, committee + 1000, ids)).toEqual([]);
    expect(await memberNames(db, committee, [ids[1], -5, ids[0]])).toEqual(active.slice(0, 2));
    expect(await memberById(db, committee, ids[0])).toEqual(active[0]);
    expect(await memberById(db, committee, -5)).toBeNull();
    // This test file's own clone of the database: one member leaves.
    await query(db, sql`update members set status = 'exited' where committee_id = ${committee} and id = ${ids[2]}`);
    expect(await foundMemberIds(db, committee, ids, { activeOnly: true })).toEqual(ids.slice(0, 2));
    expect(await foundMemberIds(db, committee, ids)).toEqual(ids);
  });
});
