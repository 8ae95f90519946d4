import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openPglite, query } from './client.ts';

describe('the embedded database in its own thread', () => {
  it('commits a transaction, rolls one back on error, and other statements wait for the open one', async () => {
    const database = await openPglite({});
    const { db } = database;
    await query(db, sql`create table t (id int primary key, n int8, d date, at timestamptz)`);
    const seen: string[] = [];
    let outside: Promise<unknown> = Promise.resolve();
    await db.transaction(async (tx) => {
      await query(tx, sql`insert into t values (1, 10, '2026-03-01', now())`);
      // A statement outside the transaction waits until it ends, then sees its row.
      outside = query<{ c: number }>(db, sql`select count(*)::int8 as c from t`).then((r) =>
        seen.push(`outside ${r[0].c}`),
      );
      await query(tx, sql`insert into t values (2, 20, '2026-03-02', now())`);
      seen.push('inside done');
    });
    await outside;
    expect(seen).toEqual(['inside done', 'outside 2']);
    await expect(
      db.transaction(async (tx) => {
        await query(tx, sql`insert into t values (3, 30, null, null)`);
        await query(tx, sql`insert into t values (1, 0, null, null)`);
      }),
    ).rejects.toMatchObject({ cause: { code: '23505', constraint: 't_pkey' } });
    const rows = await query<{ id: number; n: number; d: string }>(db, sql`select id, n, d from t order by id`);
    // int8 as a number, a date as its calendar day string, and nothing of the rolled-back transaction.
    expect(rows).toEqual([
      { id: 1, n: 10, d: '2026-03-01' },
      { id: 2, n: 20, d: '2026-03-02' },
    ]);
    await database.close();
  });

  it('keeps its data folder across a restart, hears NOTIFY, and dumps a copy that opens elsewhere', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhengxie-thread-'));
    const dataDir = path.join(dir, 'pgdata');
    let database = await openPglite({ dataDir });
    await query(database.db, sql`create table kept (v text)`);
    await query(database.db, sql`insert into kept values ('保存')`);
    const heard: string[] = [];
    const stop = await database.listen('news', (p) => heard.push(p));
    await query(database.db, sql`select pg_notify('news', '通知')`);
    await stop();
    await query(database.db, sql`select pg_notify('news', 'after')`);
    expect(heard).toEqual(['通知']);
    await database.close();
    database = await openPglite({ dataDir });
    expect(await query(database.db, sql`select v from kept`)).toEqual([{ v: '保存' }]);
    const dump = await database.pglite!.dumpDataDir('none');
    await database.close();
    const copy = await openPglite({ loadDataDir: dump });
    expect(await query(copy.db, sql`select v from kept`)).toEqual([{ v: '保存' }]);
    await copy.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs a statement text again as its prepared statement: values of every type, errors, and a schema change', async () => {
    const database = await openPglite({});
    const { db } = database;
    await query(db, sql`create table p (id int primary key, tags text[], doc jsonb, raw bytea, at timestamptz)`);
    const insert = (id: number, tags: string[], doc: unknown, raw: Uint8Array, at: Date) =>
      query(
        db,
        sql`insert into p values (${id}, ${sql.param(tags)}, ${JSON.stringify(doc)}::jsonb, ${sql.param(raw)}, ${at})`,
      );
    const at = new Date('2026-03-01T02:03:04.000Z');
    // The same text three times: parsed once, then bound with each call's values (serialised by the parameters' types).
    await insert(1, ['甲', 'b,c'], { a: [1, '二'] }, new Uint8Array([0, 255]), at);
    await insert(2, [], null, new Uint8Array([]), at);
    await expect(insert(1, [], {}, new Uint8Array([1]), at)).rejects.toMatchObject({
      cause: { code: '23505', constraint: 'p_pkey' },
    });
    const rows = await query<{ id: number; tags: string[]; doc: unknown; raw: Uint8Array; at: string }>(
      db,
      sql`select * from p order by id`,
    );
    expect(rows.map((r) => [r.id, r.tags, r.doc, [...r.raw]])).toEqual([
      [1, ['甲', 'b,c'], { a: [1, '二'] }, [0, 255]],
      [2, [], null, []],
    ]);
    expect(new Date(rows[0].at).toISOString()).toBe(at.toISOString());
    // A column added after `select *` was prepared changes what it returns: that call fails, the next is parsed anew.
    await query(db, sql`alter table p add column note text default '注'`);
    const again = () => query<{ note: string }>(db, sql`select * from p order by id`);
    const first = await again().catch((e) => e.cause?.code);
    expect(first === '0A000' || first[0]?.note === '注').toBe(true);
    expect((await again()).map((r) => r.note)).toEqual(['注', '注']);
    await database.close();
  });
  it('opens a transaction with its first statement: none for an empty one, statements sent at once, errors inside', async () => {
    const database = await openPglite({});
    const { db } = database;
    await query(db, sql`create table u (id int primary key)`);
    // A transaction that runs no statement holds nothing: the next statement does not wait for it.
    expect(await db.transaction(async () => 'nothing')).toBe('nothing');
    // Statements of one transaction sent together: the others wait for the first, which opens it.
    await db.transaction(async (tx) => {
      await Promise.all([1, 2, 3].map((id) => query(tx, sql`insert into u values (${id})`)));
    });
    // A first statement that fails (here at parse) has begun its transaction: the rest of it fails as on PostgreSQL.
    const aborted = db.transaction(async (tx) => {
      await query(tx, sql.raw('selec 1')).catch(() => {});
      await query(tx, sql`insert into u values (4)`);
    });
    await expect(aborted).rejects.toMatchObject({ cause: { code: '25P02' } });
    // An error caught inside: the commit rolls back instead and says so.
    const caught = database.pglite!.transaction(async (tx) => {
      await tx.query('insert into u values (5)');
      await tx.query('insert into u values (1)').catch(() => {});
    });
    await expect(caught).rejects.toMatchObject({ code: '25P02' });
    // Several statements in one text as the first of a transaction, then one that fails: all rolled back.
    const execs = database.pglite!.transaction(async (tx) => {
      await tx.exec('insert into u values (6); insert into u values (7)');
      await tx.query('insert into u values (2)');
    });
    await expect(execs).rejects.toMatchObject({ code: '23505' });
    await database.pglite!.transaction(async (tx) => tx.exec('insert into u values (8); insert into u values (9)'));
    const rows = await query<{ id: number }>(db, sql`select id from u order by id`);
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 8, 9]);
    await database.close();
  });
});
