// A committee's duty rule set by year, stored as numbered versions (never edited in place): the version in force for a
// year is the latest saved for it or an earlier year, and the 100-point preset when a committee has saved none.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { systemActor } from '../../platform/context.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { PRESETS } from './rule-presets.ts';
import { type RuleSet, validateRuleSet } from './rules.ts';

export interface RuleVersion {
  id: number;
  year: number;
  version: number;
  name: string;
  rules: RuleSet;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
}

const versionCols = sql`id, year, version, name, rules, note, created_by as "createdBy", created_at as "createdAt"`;
type VersionRow = Omit<RuleVersion, 'createdAt'> & { createdAt: string | Date };
const toVersion = (r: VersionRow): RuleVersion => ({ ...r, createdAt: new Date(r.createdAt).toISOString() });

/** Stores a new version of a committee's rule set for a year (validated), with its items normalised for scoring. */
export async function saveRuleVersion(
  tx: Db,
  actor: Actor,
  year: number,
  rules: RuleSet,
  note: string | null,
): Promise<RuleVersion> {
  validateRuleSet(rules);
  const c = actor.committeeId;
  const prev = await queryOne<{ n: number }>(
    tx,
    sql`select coalesce(max(version), 0)::int as n from duty_rule_versions where committee_id = ${c} and year = ${year}`,
  );
  const [row] = await query<VersionRow>(
    tx,
    sql`insert into duty_rule_versions (committee_id, year, version, name, rules, note, created_by)
      values (${c}, ${year}, ${prev!.n + 1}, ${rules.name}, ${JSON.stringify(rules)}::jsonb, ${note}, ${actor.name})
      returning ${versionCols}`,
  );
  await tx.execute(
    sql`insert into duty_rule_categories (committee_id, version_id, key, name, cap, floor, ord) values ${sql.join(
      rules.categories.map((k, i) => sql`(${c}, ${row.id}, ${k.key}, ${k.name}, ${k.cap}, ${k.floor}, ${i})`),
      sql`, `,
    )}`,
  );
  await tx.execute(
    sql`insert into duty_rule_items (committee_id, version_id, ord, category, label, kinds, roles, detail, points, multiply_by, skip_first) values ${sql.join(
      rules.items.map(
        (it, i) =>
          sql`(${c}, ${row.id}, ${i}, ${it.category}, ${it.label}, ${sql.param(it.kinds)}::text[], ${it.roles?.length ? sql`${sql.param(it.roles)}::text[]` : null},
          ${it.detail && Object.keys(it.detail).length ? JSON.stringify(it.detail) : null}::jsonb, ${it.points}, ${it.multiplyBy ?? null}, ${it.skipFirst ?? 0})`,
      ),
      sql`, `,
    )}`,
  );
  await writeAudit(tx, actor, {
    action: 'duty.rules.save',
    entity: 'dutyRuleVersion',
    entityId: row.id,
    after: { year, version: row.version, name: rules.name, note },
  });
  return toVersion(row);
}

/** The rule version in force for a year: the latest saved for that year or an earlier one; the 100-point set if none. */
export async function currentVersion(db: Db, committeeId: number, year: number): Promise<RuleVersion> {
  const found = await queryOne<VersionRow>(
    db,
    sql`select ${versionCols} from duty_rule_versions where committee_id = ${committeeId} and year <= ${year}
      order by year desc, version desc limit 1`,
  );
  if (found) return toVersion(found);
  const earliest = await queryOne<VersionRow>(
    db,
    sql`select ${versionCols} from duty_rule_versions where committee_id = ${committeeId} order by year, version limit 1`,
  );
  if (earliest) return toVersion(earliest);
  return db.transaction((tx) =>
    saveRuleVersion(tx, systemActor(committeeId, '系统'), year, PRESETS.hundred.rules, '默认采用百分制'),
  );
}

/** One saved version of this committee's rules, or null. */
export async function getVersion(db: Db, committeeId: number, id: number): Promise<RuleVersion | null> {
  const row = await queryOne<VersionRow>(
    db,
    sql`select ${versionCols} from duty_rule_versions where committee_id = ${committeeId} and id = ${id}`,
  );
  return row ? toVersion(row) : null;
}

/** The committee's rule versions, newest year and version first (at most 200); `createdAt` as the driver gives it. */
export async function listRuleVersions(db: Db, committeeId: number) {
  return query<{
    id: number;
    year: number;
    version: number;
    name: string;
    note: string | null;
    createdBy: string | null;
    createdAt: string | Date;
  }>(
    db,
    sql`select id, year, version, name, note, created_by as "createdBy", created_at as "createdAt" from duty_rule_versions
      where committee_id = ${committeeId} order by year desc, version desc limit 200`,
  );
}
