// The demo of a first start, all or nothing: a marker says 'started' before the first demo row and 'done' after the
// demo year; a start that finds 'started' (the earlier one was interrupted: killed, power cut, a failing step) empties
// every table and writes the demo again, so a restart always ends with the whole demo, never half of it.
import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.ts';
import { query, queryOne } from '../platform/db/client.ts';
import { isDatabaseEmpty, seedDemo } from './demo.ts';

async function markerState(db: Db): Promise<string | null> {
  return (await queryOne<{ state: string }>(db, sql`select state from demo_seed_state where id = 1`))?.state ?? null;
}

const setMarker = (db: Db, state: 'started' | 'done') =>
  db.execute(sql`insert into demo_seed_state (id, state) values (1, ${state})
    on conflict (id) do update set state = excluded.state, updated_at = now()`);

/** Empties every table but the migration list, ids restarting, as before the first start. */
async function clearPartialDemo(db: Db): Promise<void> {
  const tables = await query<{ name: string }>(
    db,
    sql`select quote_ident(tablename) as name from pg_tables where schemaname = current_schema()
      and tablename <> 'schema_migrations'`,
  );
  if (tables.length)
    await db.execute(sql.raw(`truncate ${tables.map((t) => t.name).join(', ')} restart identity cascade`));
}

/**
 * Writes the demo (people, then the year through `activity`) when the database is empty or holds an interrupted
 * demo. Returns whether it wrote one. An existing database without a marker (seeded before markers) is left alone.
 */
export async function seedDemoAllOrNothing(db: Db, activity: () => Promise<void>): Promise<boolean> {
  const state = await markerState(db);
  if (state === 'done') return false;
  if (state === 'started') {
    console.log('上次首次启动未完成，正在清除不完整的演示数据 (clearing an interrupted demo)…');
    await clearPartialDemo(db);
  } else if (!(await isDatabaseEmpty(db))) return false;
  await setMarker(db, 'started');
  console.log('正在写入演示数据 (seeding demo data)…');
  await seedDemo(db);
  await activity();
  await setMarker(db, 'done');
  return true;
}
