// A first start interrupted while writing the demo is finished by the next start: the partial demo is cleared and
// the whole demo written again; a finished or older database is left alone.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/client.ts';
import { query, queryOne } from '../platform/db/client.ts';
import { cloneTemplate } from '../test/template.ts';
import { seedDemoAllOrNothing } from './first-start.ts';

let database: Database;
beforeAll(async () => {
  database = await cloneTemplate();
});
afterAll(() => database.close());

const committees = async () =>
  (await query<{ name: string }>(database.db, sql`select name from committees order by id`)).map((c) => c.name);
const marker = async () =>
  (await queryOne<{ state: string }>(database.db, sql`select state from demo_seed_state`))?.state ?? null;

describe('first start', () => {
  it('clears an interrupted demo and writes it whole on the next start', async () => {
    const db = database.db;
    const original = await committees();
    // A database seeded before the marker existed is complete: left alone.
    expect(await seedDemoAllOrNothing(db, async () => {})).toBe(false);
    // The first start dies during the demo year, after some of it was written.
    await db.execute(sql`insert into demo_seed_state (id, state) values (1, 'started')`);
    await db.execute(sql`update committees set name = '写到一半'`);
    const dies = seedDemoAllOrNothing(db, async () => {
      await db.execute(sql`update committees set name = '又写到一半'`);
      throw new Error('killed');
    });
    await expect(dies).rejects.toThrow('killed');
    expect(await marker()).toBe('started');
    // The next start finds the marker, clears everything and writes the whole demo.
    let accountsDuringYear = 0;
    const wrote = await seedDemoAllOrNothing(db, async () => {
      accountsDuringYear = (await queryOne<{ n: number }>(db, sql`select count(*)::int as n from accounts`))!.n;
    });
    expect(wrote).toBe(true);
    expect(await committees()).toEqual(original);
    expect(accountsDuringYear).toBeGreaterThan(500);
    expect(await marker()).toBe('done');
    expect(await seedDemoAllOrNothing(db, async () => {})).toBe(false);
  }, 600_000);
});
