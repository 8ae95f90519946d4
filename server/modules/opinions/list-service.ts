// Lists of reports (the office's queue, a submitter's own) with their filters, and similar reports while writing.

import { type SQL, sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import { can } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';
import { iso } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { textSimilarity } from '../../platform/search/search.ts';
import { similarScope } from '../../platform/search/similar-scope.ts';
import { LEVEL_ORDER, type Level, REPORT_STATES, SUBMITTER_KINDS, type SubmitterKind } from './rules.ts';
import type { ListItem as ListItemSchema } from './schemas.ts';
import { reportMatch, reportSimilarQuery } from './search.ts';

export interface ListFilters {
  q?: string;
  state?: string;
  category?: string;
  year?: number;
  submitterKind?: string;
  adoptedLevel?: string;
  instructedLevel?: string;
  fromLower?: boolean;
  issueId?: number;
  referred?: boolean;
}

export function listWhere(actor: Actor, f: ListFilters, scope: 'staff' | 'mine'): SQL {
  const c = actor.committeeId;
  const conds: (SQL | null)[] = [sql`r.committee_id = ${c}`];
  if (scope === 'staff') conds.push(sql`r.state not in ('draft', 'none')`);
  else
    conds.push(
      actor.memberId
        ? sql`(r.submitter_account_id = ${actor.accountId} or r.member_ids @> array[${actor.memberId}]::int[])`
        : sql`r.submitter_account_id = ${actor.accountId}`,
    );
  conds.push(f.state ? sql`r.state = ${f.state}` : null);
  conds.push(f.category ? sql`r.category = ${f.category}` : null);
  conds.push(f.year ? sql`r.year = ${f.year}` : null);
  conds.push(f.submitterKind ? sql`r.submitter_kind = ${f.submitterKind}` : null);
  conds.push(f.fromLower === true ? sql`r.origin_report_id is not null` : null);
  conds.push(f.fromLower === false ? sql`r.origin_report_id is null` : null);
  conds.push(f.issueId ? sql`r.issue_id = ${f.issueId}` : null);
  conds.push(
    f.adoptedLevel
      ? sql`exists (select 1 from opinion_adoptions a where a.committee_id = r.committee_id and a.report_id = r.id and a.level = ${f.adoptedLevel})`
      : null,
  );
  conds.push(
    f.instructedLevel
      ? sql`exists (select 1 from opinion_instructions a where a.committee_id = r.committee_id and a.report_id = r.id and a.level = ${f.instructedLevel})`
      : null,
  );
  conds.push(
    f.referred === undefined
      ? null
      : sql`${f.referred ? sql`` : sql`not`} exists (select 1 from opinion_referrals x where x.committee_id = r.committee_id and x.report_id = r.id and x.state <> 'none')`,
  );
  conds.push(reportMatch(sql`r.search`, c, f.q));
  return sql.join(
    conds.filter((x): x is SQL => x !== null),
    sql` and `,
  );
}

/** A row of the report lists: the route's response schema (schemas.ts). */
export type ListItem = Static<typeof ListItemSchema>;

/** A list row as read: the item's own columns, the page's total, and the levels unsorted. */
type ListRow = Omit<
  ListItem,
  | 'stateLabel'
  | 'submitterKind'
  | 'submitterKindLabel'
  | 'submittedAt'
  | 'createdAt'
  | 'adoptedLevels'
  | 'instructionLevels'
> & {
  submitterKind: SubmitterKind;
  submittedAt: string | null;
  createdAt: string;
  total: number;
  adopted: string[] | null;
  instructed: string[] | null;
};

export async function listReports(
  db: Db,
  actor: Actor,
  f: ListFilters,
  scope: 'staff' | 'mine',
  paging: { limit: number; offset: number },
): Promise<{ items: ListItem[]; total: number }> {
  const where = listWhere(actor, f, scope);
  const order =
    scope === 'mine'
      ? sql`order by coalesce(r.submitted_at, r.created_at) desc, r.id desc`
      : sql`order by r.submitted_at desc, r.id desc`;
  const rows = await query<ListRow>(
    db,
    sql`select r.id, r.title, r.category, r.state, r.year, r.submitter_kind as "submitterKind", r.submitter_name as "submitterName",
        r.origin_committee_name as "originCommitteeName", r.submitted_at as "submittedAt", r.created_at as "createdAt",
        r.char_count as "charCount", i.title as "issueTitle",
        -- The total in the same round trip: an uncorrelated subquery, counted once (issue 18).
        (select count(*)::int from opinion_reports r where ${where}) as total,
        array(select a.level from opinion_adoptions a where a.committee_id = r.committee_id and a.report_id = r.id order by a.level) as adopted,
        array(select distinct b.level from opinion_instructions b where b.committee_id = r.committee_id and b.report_id = r.id) as instructed,
        (select x.state from opinion_referrals x where x.committee_id = r.committee_id and x.report_id = r.id and x.state <> 'none' order by x.id desc limit 1) as "referralState"
      from opinion_reports r left join opinion_issues i on i.committee_id = r.committee_id and i.id = r.issue_id
      where ${where} ${order} limit ${paging.limit} offset ${paging.offset}`,
  );
  // A page past the end has no row to carry the total: then it is counted on its own.
  const total = rows.length
    ? { n: rows[0].total }
    : paging.offset
      ? await queryOne<{ n: number }>(db, sql`select count(*)::int as n from opinion_reports r where ${where}`)
      : { n: 0 };
  const levelSort = (ls: string[]) =>
    [...ls].sort((a, b) => LEVEL_ORDER.indexOf(a as Level) - LEVEL_ORDER.indexOf(b as Level));
  return {
    total: total!.n,
    items: rows.map(({ total: _, adopted, instructed, ...r }) => ({
      ...r,
      stateLabel: REPORT_STATES[r.state as keyof typeof REPORT_STATES] ?? r.state,
      submitterKindLabel: SUBMITTER_KINDS[r.submitterKind],
      submittedAt: iso(r.submittedAt),
      createdAt: iso(r.createdAt)!,
      adoptedLevels: levelSort(adopted ?? []),
      instructionLevels: levelSort(instructed ?? []),
    })),
  };
}

/** Reports the liaison office has taken in: others may see their titles in similar look-ups. */
export const TAKEN_IN_STATES = ['accepted', 'compiled'];

export async function similarReports(
  db: Db,
  actor: Actor,
  input: { title?: string; body?: string; excludeId?: number },
) {
  const text = `${input.title ?? ''} ${input.body ?? ''}`.trim();
  const tq = text ? reportSimilarQuery(actor.committeeId, text) : null;
  if (!tq) return [];
  const rows = await query<{
    id: number;
    title: string;
    body: string;
    category: string;
    state: string;
    submitted_at: string;
  }>(
    db,
    sql`select id, title, body, category, state, submitted_at from opinion_reports
      where committee_id = ${actor.committeeId} and state not in ('draft', 'none')
        and ${similarScope({
          readsAll: can(actor.roles, 'opinion.readAll'),
          state: sql`state`,
          takenInStates: TAKEN_IN_STATES,
          own: actor.memberId
            ? sql`(submitter_account_id = ${actor.accountId} or member_ids @> array[${actor.memberId}]::int[])`
            : sql`submitter_account_id = ${actor.accountId ?? 0}`,
        })}
        and submitted_at > now() - interval '2 years'
        and search @@ ${tq} ${input.excludeId ? sql`and id <> ${input.excludeId}` : sql``}
      order by ts_rank(search, ${tq}) desc, id desc limit 40`,
  );
  return rows
    .map((r) => ({
      id: r.id,
      title: r.title,
      category: r.category,
      stateLabel: REPORT_STATES[r.state as keyof typeof REPORT_STATES] ?? r.state,
      submittedAt: iso(r.submitted_at),
      similarity: Math.round(textSimilarity(text, `${r.title} ${r.body}`) * 100) / 100,
    }))
    .filter((r) => r.similarity >= 0.08)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, 5);
}
