// A year's figures of opinion reports, every one counted from the rows: received, compiled, issues, adoptions and
// instructions per level, referrals and answers, per submitter and per informant, and the annual report's sentence.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import {
  LEVEL_ADOPTER,
  LEVEL_ORDER,
  LEVEL_PREFIX,
  LEVELS,
  type LeaderOrgan,
  type Level,
  SUBMITTER_KINDS,
  type SubmitterKind,
} from './rules.ts';

export interface LevelCount {
  level: Level;
  label: string;
  count: number;
}

export interface Figures {
  year: number;
  received: number;
  fromLower: number;
  accepted: number;
  declined: number;
  compiled: number;
  issues: number;
  forwarded: number;
  adopted: LevelCount[];
  instructions: LevelCount[];
  referred: number;
  answered: number;
  byCategory: { category: string; count: number }[];
  byMonth: { month: number; count: number }[];
  bySubmitter: {
    kind: string;
    kindLabel: string;
    name: string;
    received: number;
    compiled: number;
    adopted: number;
    instructed: number;
  }[];
  byInformant: {
    informantId: number;
    name: string;
    area: string | null;
    received: number;
    compiled: number;
    adopted: number;
  }[];
  sentence: string;
  adoptionSentence: string;
}

const ORGAN_WORD: Partial<Record<LeaderOrgan, string>> = {
  party: '委',
  government: '政府',
  congress: '人大',
  cppcc: '政协',
};

/** 省政府领导 when every instruction of the level came from that body's leaders, else 省领导. */
export function leaderPhrase(level: Level, organs: LeaderOrgan[]): string {
  const prefix = LEVEL_PREFIX[level];
  const uniq = [...new Set(organs)];
  if (level !== 'national' && uniq.length === 1 && ORGAN_WORD[uniq[0]]) return `${prefix}${ORGAN_WORD[uniq[0]]}领导`;
  return `${prefix}领导`;
}

export function annualSentence(f: {
  received: number;
  instructions: { level: Level; count: number; organs: LeaderOrgan[] }[];
  answered: number;
}): string {
  const parts = [...f.instructions]
    .filter((i) => i.count > 0)
    .sort((a, b) => LEVEL_ORDER.indexOf(b.level) - LEVEL_ORDER.indexOf(a.level))
    .map((i) => `${leaderPhrase(i.level, i.organs)}批示${i.count}条`);
  if (f.answered > 0) parts.push(`部门回复办理${f.answered}条`);
  const head = `全年报送社情民意信息${f.received}条`;
  return parts.length ? `${head}，${parts.join('、')}` : head;
}

export async function yearFigures(db: Db, actor: Actor, year: number): Promise<Figures> {
  const c = actor.committeeId;
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const counts = (await queryOne<Pick<Figures, 'received' | 'fromLower' | 'accepted' | 'declined'>>(
    db,
    sql`select
        count(*) filter (where state not in ('draft', 'none'))::int as received,
        count(*) filter (where state not in ('draft', 'none') and origin_report_id is not null)::int as "fromLower",
        count(*) filter (where state in ('accepted', 'compiled'))::int as accepted,
        count(*) filter (where state = 'declined')::int as declined
      from opinion_reports where committee_id = ${c} and year = ${year}`,
  ))!;
  const compiled = await queryOne<{ reports: number; issues: number }>(
    db,
    sql`select (select count(*)::int from opinion_reports r join opinion_issues i on i.committee_id = r.committee_id and i.id = r.issue_id
          where r.committee_id = ${c} and i.year = ${year}) as reports,
        (select count(*)::int from opinion_issues where committee_id = ${c} and year = ${year}) as issues`,
  );
  const forwarded = await queryOne<{ n: number }>(
    db,
    sql`select count(distinct report_id)::int as n from opinion_forwards
      where committee_id = ${c} and forwarded_on >= ${from}::date and forwarded_on < ${to}::date`,
  );
  const adopted = await query<{ level: Level; n: number }>(
    db,
    sql`select level, count(distinct report_id)::int as n from opinion_adoptions
      where committee_id = ${c} and adopted_on >= ${from}::date and adopted_on < ${to}::date group by level`,
  );
  const instructed = await query<{ level: Level; n: number; organs: LeaderOrgan[] }>(
    db,
    sql`select level, count(distinct report_id)::int as n, array_agg(leader_organ) as organs from opinion_instructions
      where committee_id = ${c} and instructed_on >= ${from}::date and instructed_on < ${to}::date group by level`,
  );
  const referrals = await queryOne<{ referred: number; answered: number }>(
    db,
    sql`select count(distinct report_id) filter (where state <> 'none')::int as referred,
        count(distinct report_id) filter (where state = 'approved')::int as answered
      from opinion_referrals where committee_id = ${c} and created_at >= (${from}::date)::timestamp at time zone 'Asia/Shanghai' and created_at < (${to}::date)::timestamp at time zone 'Asia/Shanghai'`,
  );
  const byCategory = await query<{ category: string; count: number }>(
    db,
    sql`select category, count(*)::int as count from opinion_reports
      where committee_id = ${c} and year = ${year} and state not in ('draft', 'none') group by category order by count desc, category`,
  );
  const byMonth = await query<{ month: number; count: number }>(
    db,
    // Received = first submitted (or received from a lower committee), counted in the Beijing calendar month
    // whatever the database session's time zone.
    sql`select extract(month from submitted_at at time zone 'Asia/Shanghai')::int as month, count(*)::int as count from opinion_reports
      where committee_id = ${c} and year = ${year} and state not in ('draft', 'none') group by 1 order by 1`,
  );
  const bySubmitter = await query<Omit<Figures['bySubmitter'][number], 'kindLabel'>>(
    db,
    sql`select r.submitter_kind as kind, r.submitter_name as name, count(*)::int as received,
        count(*) filter (where r.state = 'compiled')::int as compiled,
        count(*) filter (where exists (select 1 from opinion_adoptions a where a.committee_id = r.committee_id and a.report_id = r.id))::int as adopted,
        count(*) filter (where exists (select 1 from opinion_instructions b where b.committee_id = r.committee_id and b.report_id = r.id))::int as instructed
      from opinion_reports r where r.committee_id = ${c} and r.year = ${year} and r.state not in ('draft', 'none')
      group by r.submitter_kind, r.submitter_name order by received desc, name limit 500`,
  );
  const byInformant = await query<Figures['byInformant'][number]>(
    db,
    sql`select i.id as "informantId", i.name, i.area, count(r.id)::int as received,
        count(r.id) filter (where r.state = 'compiled')::int as compiled,
        count(r.id) filter (where exists (select 1 from opinion_adoptions a where a.committee_id = r.committee_id and a.report_id = r.id))::int as adopted
      from informants i left join opinion_reports r on r.committee_id = i.committee_id and r.informant_id = i.id
        and r.year = ${year} and r.state not in ('draft', 'none')
      where i.committee_id = ${c} group by i.id, i.name, i.area order by received desc, i.id`,
  );
  const levelCounts = (rows: { level: Level; n: number }[]) =>
    LEVEL_ORDER.map((level) => ({ level, label: LEVELS[level], count: rows.find((r) => r.level === level)?.n ?? 0 }));
  const adoptedCounts = levelCounts(adopted);
  const adoptionParts = [...adoptedCounts]
    .reverse()
    .filter((a) => a.count > 0)
    .map((a) => `${LEVEL_ADOPTER[a.level]}采用${a.count}条`);
  return {
    year,
    received: counts.received,
    fromLower: counts.fromLower,
    accepted: counts.accepted,
    declined: counts.declined,
    compiled: compiled!.reports,
    issues: compiled!.issues,
    forwarded: forwarded!.n,
    adopted: adoptedCounts,
    instructions: levelCounts(instructed),
    referred: referrals!.referred,
    answered: referrals!.answered,
    byCategory,
    byMonth,
    bySubmitter: bySubmitter.map((s) => ({ ...s, kindLabel: SUBMITTER_KINDS[s.kind as SubmitterKind] })),
    byInformant,
    sentence: annualSentence({
      received: counts.received,
      instructions: instructed.map((i) => ({ level: i.level, count: i.n, organs: i.organs ?? [] })),
      answered: referrals!.answered,
    }),
    adoptionSentence:
      [
        compiled!.issues ? `编发《社情民意》${compiled!.issues}期` : null,
        adoptionParts.length ? `被${adoptionParts.join('、')}` : null,
      ]
        .filter(Boolean)
        .join('，') || '尚无编发期刊和采用',
  };
}

/**
 * The five figures the registry shows (figure-group.ts), in one round trip: the same counts as yearFigures (received,
 * compiled, adopted and instructions summed over levels, answered), without its breakdowns — the dashboard asks for
 * them twice per view and yearFigures took ten queries.
 */
export async function registryCounts(db: Db, c: number, year: number) {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  return (await queryOne<{
    received: number;
    compiled: number;
    adopted: number;
    instructions: number;
    answered: number;
  }>(
    db,
    sql`select
      (select count(*)::int from opinion_reports where committee_id = ${c} and year = ${year} and state not in ('draft', 'none')) as received,
      (select count(*)::int from opinion_reports r join opinion_issues i on i.committee_id = r.committee_id and i.id = r.issue_id
        where r.committee_id = ${c} and i.year = ${year}) as compiled,
      (select coalesce(sum(n), 0)::int from (select count(distinct report_id) as n from opinion_adoptions
        where committee_id = ${c} and adopted_on >= ${from}::date and adopted_on < ${to}::date group by level) a) as adopted,
      (select coalesce(sum(n), 0)::int from (select count(distinct report_id) as n from opinion_instructions
        where committee_id = ${c} and instructed_on >= ${from}::date and instructed_on < ${to}::date group by level) b) as instructions,
      (select count(distinct report_id) filter (where state = 'approved')::int from opinion_referrals where committee_id = ${c}
        and created_at >= (${from}::date)::timestamp at time zone 'Asia/Shanghai'
        and created_at < (${to}::date)::timestamp at time zone 'Asia/Shanghai') as answered`,
  ))!;
}
