// Names of audited objects for the audit page and its export: each module registers how to name its entity
// (registerEntityNames), so a row reads 提案「关于加快发展社区养老服务的建议」 rather than 提案 #22. Names are looked up
// for one page of rows at a time, one query per kind of object, inside the reader's committee only.
import { sql } from 'drizzle-orm';
import { type Db, query } from '../db/client.ts';

export type EntityNamer = (db: Db, committeeId: number, ids: number[]) => Promise<Map<number, string>>;

const namers = new Map<string, EntityNamer>();

export function registerEntityNames(entity: string, namer: EntityNamer): void {
  namers.set(entity, namer);
}

/** A namer reading one text expression of a tenant table keyed (committee_id, id); table and expression are code, never input. */
export function namesFromTable(table: string, expression: string): EntityNamer {
  return async (db, committeeId, ids) => {
    const rows = await query<{ id: number; name: string | null }>(
      db,
      sql`select id, ${sql.raw(expression)} as name from ${sql.raw(table)} t
        where t.committee_id = ${committeeId} and t.id = any(${sql.param(ids)}::int[])`,
    );
    return new Map(rows.filter((r) => r.name).map((r) => [Number(r.id), String(r.name)]));
  };
}

/** `${entity}:${id}` → name for the rows given; objects without a namer or no longer there are left out. */
export async function resolveEntityNames(
  db: Db,
  committeeId: number,
  rows: { entity: string; entityId: string | null }[],
): Promise<Map<string, string>> {
  const wanted = new Map<string, Set<number>>();
  for (const r of rows) {
    if (!r.entityId || !/^\d{1,9}$/.test(r.entityId) || !namers.has(r.entity)) continue;
    const set = wanted.get(r.entity) ?? new Set<number>();
    set.add(Number(r.entityId));
    wanted.set(r.entity, set);
  }
  const out = new Map<string, string>();
  for (const [entity, ids] of wanted) {
    const names = await namers.get(entity)!(db, committeeId, [...ids]);
    for (const [id, name] of names) out.set(`${entity}:${id}`, name);
  }
  return out;
}
