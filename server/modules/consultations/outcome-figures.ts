// Year figures of outcomes, counted from the rows: outcomes submitted by kind and by special committee, instructions by
// level, unit feedback on time, adoption and transformation rates. A year is the Beijing year of 报送 (instructions: of
// the instruction; feedback: of the units' rows of outcomes submitted that year).
import { sql } from 'drizzle-orm';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { LEVELS, TRANSFORMATION } from './outcome-rules.ts';

export interface OutcomeFigures {
  year: number;
  submitted: number;
  byKind: { kind: string; count: number }[];
  bySpecialCommittee: { name: string; count: number }[];
  instructions: number;
  instructionsByLevel: { level: string; label: string; count: number }[];
  unitsHanded: number;
  fedBack: number;
  fedBackOnTime: number;
  overdueOpen: number;
  /** Share of the units' rated feedback that was adopted in full or in part (0–1, null with nothing rated). */
  rated: number;
  adopted: number;
  partly: number;
  adoptionRate: number | null;
  /** Share of evaluated outcomes turned into a policy, plan, money or project. */
  evaluated: number;
  transformed: number;
  transformationRate: number | null;
  byTransformation: { kind: string; label: string; count: number }[];
}

const rate = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 1000 : null);

export async function outcomeFigures(db: Db, committeeId: number, year: number): Promise<OutcomeFigures> {
  const inYear = sql`o.committee_id = ${committeeId} and o.submitted_on between ${`${year}-01-01`} and ${`${year}-12-31`}`;
  const byKind = await query<{ kind: string; count: number }>(
    db,
    sql`select o.kind, count(*)::int as count from consultation_outcomes o where ${inYear} group by o.kind order by count desc, o.kind`,
  );
  const bySc = await query<{ name: string; count: number }>(
    db,
    sql`select coalesce(s.name, '未指定') as name, count(*)::int as count from consultation_outcomes o
      left join special_committees s on s.committee_id = o.committee_id and s.id = o.special_committee_id
      where ${inYear} group by 1 order by count desc, name`,
  );
  const levels = await query<{ level: string; count: number }>(
    db,
    sql`select level, count(*)::int as count from consultation_instructions where committee_id = ${committeeId}
      and instructed_on between ${`${year}-01-01`} and ${`${year}-12-31`} group by level`,
  );
  const u = (await queryOne<
    Pick<OutcomeFigures, 'unitsHanded' | 'fedBack' | 'fedBackOnTime' | 'overdueOpen' | 'rated' | 'adopted' | 'partly'>
  >(
    db,
    sql`select count(*)::int as "unitsHanded", count(u.fed_back_at)::int as "fedBack",
        count(*) filter (where u.fed_back_at <= u.due_at)::int as "fedBackOnTime",
        count(*) filter (where u.state in ('handed', 'accepted') and u.due_at < now())::int as "overdueOpen",
        count(u.adoption)::int as rated, count(*) filter (where u.adoption = 'adopted')::int as adopted,
        count(*) filter (where u.adoption = 'partly')::int as partly
      from consultation_outcome_units u join consultation_outcomes o on o.committee_id = u.committee_id and o.id = u.outcome_id
      where ${inYear}`,
  ))!;
  const ev = (await queryOne<{ evaluated: number; transformed: number }>(
    db,
    sql`select count(*) filter (where o.evaluated_at is not null)::int as evaluated,
        count(*) filter (where o.evaluated_at is not null and cardinality(o.transformation_kinds) > 0)::int as transformed
      from consultation_outcomes o where ${inYear}`,
  ))!;
  const tk = await query<{ kind: string; count: number }>(
    db,
    sql`select k as kind, count(*)::int as count from consultation_outcomes o, unnest(o.transformation_kinds) k where ${inYear} group by k`,
  );
  const submitted = byKind.reduce((s, k) => s + k.count, 0);
  return {
    year,
    submitted,
    byKind,
    bySpecialCommittee: bySc,
    instructions: levels.reduce((s, l) => s + l.count, 0),
    instructionsByLevel: Object.entries(LEVELS).map(([level, label]) => ({
      level,
      label,
      count: levels.find((l) => l.level === level)?.count ?? 0,
    })),
    ...u,
    adoptionRate: rate(u.adopted + u.partly, u.rated),
    evaluated: ev.evaluated,
    transformed: ev.transformed,
    transformationRate: rate(ev.transformed, ev.evaluated),
    byTransformation: Object.entries(TRANSFORMATION).map(([kind, label]) => ({
      kind,
      label,
      count: tk.find((t) => t.kind === kind)?.count ?? 0,
    })),
  };
}

/** The registry's three figures and the overdue count (figure-group.ts) in one round trip, counted as outcomeFigures counts them. */
export async function outcomeRegistryCounts(db: Db, committeeId: number, year: number) {
  const inYear = sql`o.committee_id = ${committeeId} and o.submitted_on between ${`${year}-01-01`} and ${`${year}-12-31`}`;
  return (await queryOne<{ submitted: number; instructions: number; fed_back: number; overdue: number }>(
    db,
    sql`select (select count(*)::int from consultation_outcomes o where ${inYear}) as submitted,
      (select count(*)::int from consultation_instructions where committee_id = ${committeeId}
        and instructed_on between ${`${year}-01-01`} and ${`${year}-12-31`}) as instructions,
      (select count(u.fed_back_at)::int from consultation_outcome_units u
        join consultation_outcomes o on o.committee_id = u.committee_id and o.id = u.outcome_id where ${inYear}) as fed_back,
      (select count(*)::int from consultation_outcome_units u join consultation_outcomes o on o.committee_id = u.committee_id
        and o.id = u.outcome_id where ${inYear} and u.state in ('handed', 'accepted') and u.due_at < now()) as overdue`,
  ))!;
}

/** One unit's part of the year's outcomes (its home page): handed to it, fed back, and overdue now. */
export async function outcomeUnitCounts(db: Db, committeeId: number, unitId: number, year: number) {
  return (await queryOne<{ handed: number; fed_back: number; overdue: number }>(
    db,
    sql`select count(*)::int as handed, count(u.fed_back_at)::int as fed_back,
        count(*) filter (where u.state in ('handed', 'accepted') and u.due_at < now())::int as overdue
      from consultation_outcome_units u join consultation_outcomes o on o.committee_id = u.committee_id and o.id = u.outcome_id
      where o.committee_id = ${committeeId} and u.unit_id = ${unitId}
        and o.submitted_on between ${`${year}-01-01`} and ${`${year}-12-31`}`,
  ))!;
}
