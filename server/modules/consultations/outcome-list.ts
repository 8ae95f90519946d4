// Outcome lists: the office's (filters by state, kind, year, keyword), a unit's inbox (only rows handed to it), and
// the public list (flagged outcomes of one committee, found by its code, summary and feedback only).
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { countOf } from '../../platform/db/count.ts';
import { seesAllOutcomes } from './outcome-policy.ts';
import { OUTCOME_STATES } from './outcome-process.ts';
import { ADOPTION } from './outcome-rules.ts';
import type { OutcomeListItem } from './outcome-schemas.ts';
import { OPEN_UNIT_STATES } from './outcome-unit-process.ts';

export interface OutcomeFilters {
  state?: string;
  kind?: string;
  year?: number;
  q?: string;
  /** Only outcomes with a unit row still owing feedback past its deadline. */
  overdue?: boolean;
  limit: number;
  offset: number;
}

export async function listOutcomes(
  db: Db,
  actor: Actor,
  f: OutcomeFilters,
): Promise<{ items: OutcomeListItem[]; total: number }> {
  const c = actor.committeeId;
  const conds: SQL[] = [sql`o.committee_id = ${c}`];
  if (!seesAllOutcomes(actor))
    conds.push(
      sql`exists (select 1 from consultation_outcome_units x where x.committee_id = o.committee_id and x.outcome_id = o.id and x.unit_id = ${actor.unitId ?? -1})`,
    );
  if (f.state) conds.push(sql`o.state = ${f.state}`);
  if (f.kind) conds.push(sql`o.kind = ${f.kind}`);
  if (f.year)
    conds.push(
      sql`extract(year from coalesce(o.submitted_on, (o.created_at at time zone 'Asia/Shanghai')::date)) = ${f.year}`,
    );
  if (f.q) conds.push(sql`o.title like ${`%${f.q.replace(/[%_\\]/g, '\\$&')}%`}`);
  if (f.overdue)
    conds.push(sql`exists (select 1 from consultation_outcome_units x where x.committee_id = o.committee_id and x.outcome_id = o.id
      and x.state = any(${sql.param(OPEN_UNIT_STATES)}::text[]) and x.due_at < now())`);
  const where = sql.join(conds, sql` and `);
  const unitScope = seesAllOutcomes(actor) ? sql`` : sql`and u.unit_id = ${actor.unitId ?? -1}`;
  const rows = await query<Omit<OutcomeListItem, 'stateLabel'>>(
    db,
    sql`select o.id, o.kind, o.title, o.state, o.round, o.submitted_on::text as "submittedOn", o.is_public as "isPublic",
        s.name as "specialCommitteeName",
        (select count(*)::int from consultation_outcome_units u where u.committee_id = o.committee_id and u.outcome_id = o.id and u.round = o.round ${unitScope}) as "unitCount",
        (select count(*)::int from consultation_outcome_units u where u.committee_id = o.committee_id and u.outcome_id = o.id and u.round = o.round
          and u.fed_back_at is not null ${unitScope}) as "fedBackCount",
        (select count(*)::int from consultation_outcome_units u where u.committee_id = o.committee_id and u.outcome_id = o.id and u.round = o.round
          and u.state = any(${sql.param(OPEN_UNIT_STATES)}::text[]) and u.due_at < now() ${unitScope}) as "overdueCount",
        (select count(*)::int from consultation_instructions i where i.committee_id = o.committee_id and i.outcome_id = o.id) as "instructionCount"
      from consultation_outcomes o left join special_committees s on s.committee_id = o.committee_id and s.id = o.special_committee_id
      where ${where} order by o.id desc limit ${f.limit} offset ${f.offset}`,
  );
  return {
    total: await countOf(db, sql`select count(*)::int as n from consultation_outcomes o where ${where}`),
    items: rows.map((r) => ({ ...r, stateLabel: OUTCOME_STATES[r.state] ?? r.state })),
  };
}

export interface PublicOutcome {
  id: number;
  kind: string;
  title: string;
  summary: string;
  submittedOn: string | null;
  feedback: { unitName: string; round: number; takenUp: string; measures: string; adoption: string | null }[];
}

/** Flagged outcomes of the committee with this code; null when no such committee. */
export async function publicOutcomes(
  db: Db,
  code: string,
  limit: number,
  offset: number,
): Promise<{ items: PublicOutcome[]; total: number } | null> {
  const committee = await queryOne<{ id: number }>(
    db,
    sql`select id from committees where region_code = ${code} order by id limit 1`,
  );
  if (!committee) return null;
  const c = committee.id;
  const rows = await query<Omit<PublicOutcome, 'feedback'>>(
    db,
    sql`select id, kind, title, summary, submitted_on::text as "submittedOn" from consultation_outcomes
      where committee_id = ${c} and is_public order by submitted_on desc nulls last, id desc limit ${limit} offset ${offset}`,
  );
  const total = await countOf(
    db,
    sql`select count(*)::int as n from consultation_outcomes where committee_id = ${c} and is_public`,
  );
  const ids = rows.map((r) => r.id);
  const fb = ids.length
    ? await query<PublicOutcome['feedback'][number] & { outcomeId: number }>(
        db,
        sql`select u.outcome_id as "outcomeId", h.name as "unitName", u.round, f.taken_up as "takenUp", f.measures, u.adoption
          from consultation_outcome_units u
          join consultation_outcome_feedback f on f.committee_id = u.committee_id and f.outcome_unit_id = u.id
          join handling_units h on h.committee_id = u.committee_id and h.id = u.unit_id
          where u.committee_id = ${c} and u.outcome_id = any(${sql.param(ids)}::int[]) and u.state in ('fedBack', 'rated')
          order by u.round, u.id`,
      )
    : [];
  return {
    total,
    items: rows.map((r) => ({
      ...r,
      feedback: fb
        .filter((f) => f.outcomeId === r.id)
        .map(({ outcomeId: _, ...f }) => ({
          ...f,
          adoption: f.adoption ? ADOPTION[f.adoption as keyof typeof ADOPTION] : null,
        })),
    })),
  };
}
