// compileSql builds the same text and values as drizzle's PostgreSQL dialect for the parts our raw statements use, and
// declines (undefined) whatever else, so that query() falls back to drizzle.
import { sql } from 'drizzle-orm';
import { integer, PgDialect, pgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { memberDirectory } from '../../modules/org/members-directory.ts';
import { QUEUES } from '../../modules/proposals/list-service.ts';
import { compileSql } from './client.ts';

const dialect = new PgDialect();
const build = (q: ReturnType<typeof sql>) => compileSql(q, dialect.escapeName);

describe('compileSql', () => {
  it('builds what drizzle builds: text, nested sql, values of every kind, sql.param, identifiers, joins, raw', () => {
    const when = new Date('2026-01-02T03:04:05Z');
    const statements = [
      sql`select 1`,
      sql``,
      sql.empty(),
      sql`select ${1}, ${'a"b'}, ${null}, ${true}, ${when}, ${10n}`,
      sql`select * from ${memberDirectory} m where m.committee_id = ${3} and m.id = any(${sql.param([1, 2])}::int[])`,
      sql`select ${sql.join([sql`a`, sql`${2}`, sql.raw('limit 20 offset 0')], sql`, `)} as ${sql.identifier('q"0')}`,
      sql`select ${sql.join(
        Object.values(QUEUES).map((q) => sql`count(*) filter (where ${q})`),
        sql`, `,
      )} from proposals p where p.committee_id = ${7} ${undefined}`,
      sql`${sql`${sql`${4}`} + ${5}`} = ${sql.param(9)}`,
    ];
    for (const q of statements) {
      const expected = dialect.sqlToQuery(q);
      expect(build(q)).toEqual({ sql: expected.sql, params: expected.params });
    }
  });

  it('declines what it does not build, so drizzle builds it', () => {
    const t = pgTable('t', { id: integer('id') });
    expect(build(sql`select ${t.id} from ${t}`)).toBeUndefined();
    expect(build(sql`select ${sql.placeholder('x')}`)).toBeUndefined();
    expect(build(sql`select ${'x'}`.inlineParams())).toBeUndefined();
    expect(build(sql`select 1 where ${sql`a = ${1}`.inlineParams()}`)).toBeUndefined();
    expect(build(sql`select ${[1, 2]}`)).toBeUndefined();
    expect(build(sql`select ${{ a: 1 }}`)).toBeUndefined();
  });
});
