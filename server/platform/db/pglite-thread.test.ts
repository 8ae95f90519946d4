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
});
