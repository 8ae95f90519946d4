// Per-committee settings (rules are data), versioned by year: a year without its own value uses the latest earlier one,
// then the committee's undated value (year 0), then the default from DOMAIN.md given by the caller.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../audit/audit.ts';
import type { Actor } from '../context.ts';
import { type Db, queryOne } from '../db/client.ts';

export async function getSetting<T>(db: Db, committeeId: number, key: string, year: number, defaults: T): Promise<T> {
  const row = await queryOne<{ value: T }>(
    db,
    sql`select value from settings where committee_id = ${committeeId} and key = ${key} and year <= ${year} order by year desc limit 1`,
  );
  return row ? settingOrDefaults(row.value, defaults) : defaults;
}

/** A stored setting's value over its defaults: an object's missing keys (all of them for null) are the defaults'. */
export function settingOrDefaults<T>(value: T, defaults: T): T {
  return typeof defaults === 'object' && defaults !== null && !Array.isArray(defaults)
    ? { ...defaults, ...value }
    : value;
}

export async function putSetting(tx: Db, actor: Actor, key: string, year: number, value: unknown): Promise<void> {
  const before = await queryOne<{ value: unknown }>(
    tx,
    sql`select value from settings where committee_id = ${actor.committeeId} and key = ${key} and year = ${year}`,
  );
  await tx.execute(sql`insert into settings (committee_id, key, year, value) values (${actor.committeeId}, ${key}, ${year}, ${JSON.stringify(value)}::jsonb)
    on conflict (committee_id, key, year) do update set value = excluded.value, updated_at = now()`);
  await writeAudit(tx, actor, {
    action: 'settings.put',
    entity: 'setting',
    entityId: `${key}:${year}`,
    before: before?.value ?? null,
    after: value,
  });
}
