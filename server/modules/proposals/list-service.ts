// Proposal lists: Chinese full-text search with filters, sort and paging for every audience (my proposals, a unit's
// inbox, the office's queues), similar proposals while writing, and handling units suggested from earlier assignments.
import { type SQL, sql } from 'drizzle-orm';
import { can } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';
import { iso } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { matchSearch, similarityQueryText, textSimilarity } from '../../platform/search/search.ts';
import { similarScope } from '../../platform/search/similar-scope.ts';
import { memberDirectory } from '../org/members-directory.ts';
import { numberLabel } from './effects-filing.ts';
import { proposalNotFound } from './errors.ts';
import { loadProposalText } from './repository.ts';
import { getRules } from './rules.ts';
import type { ProposalListItem, SimilarItem, UnitSuggestion } from './schemas.ts';
import { canSeeProposal, kindAndState, visibleSql } from './service.ts';
import { ASSIGNMENT_STATES, OPEN_ASSIGNMENT_STATES, PROPOSAL_STATES, REGISTERED_STATES } from './states.ts';

export interface ListFilters {
  scope?: 'all' | 'mine' | 'unit';
  queue?: 'preReview' | 'review' | 'assign' | 'assignApproval' | 'unitRequests' | 'replyReview' | 'rating' | 'overdue';
  q?: string;
  termId?: number;
  sessionId?: number;
  year?: number;
  category?: string;
  state?: string[];
  unitId?: number;
  proposerId?: number;
  orgId?: number;
  isKey?: boolean;
  isPublic?: boolean;
  kind?: string;
  assignmentState?: string[];
  sort?: 'number' | 'submittedAt' | 'updatedAt' | 'title' | 'dueAt';
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export const QUEUES: Record<NonNullable<ListFilters['queue']>, SQL> = {
  preReview: sql`p.state = 'submitted'`,
  review: sql`p.state = 'reviewing'`,
  assign: sql`p.state = 'registered'`,
  assignApproval: sql`p.state = 'assignPending'`,
  unitRequests: sql`exists (select 1 from proposal_assignments a where a.committee_id = p.committee_id and a.proposal_id = p.id
    and a.state in ('returnRequested', 'extensionRequested'))`,
  replyReview: sql`exists (select 1 from proposal_assignments a where a.committee_id = p.committee_id and a.proposal_id = p.id and a.state = 'replied')`,
  rating: sql`p.state = 'replied'`,
  overdue: sql`exists (select 1 from proposal_assignments a where a.committee_id = p.committee_id and a.proposal_id = p.id
    and a.state = any(${sql.param(OPEN_ASSIGNMENT_STATES)}::text[]) and a.due_at < now())`,
};

function whereOf(actor: Actor, f: ListFilters): SQL {
  const c: SQL[] = [sql`p.committee_id = ${actor.committeeId}`, visibleSql(actor)];
  const scope = f.scope ?? defaultScope(actor);
  if (scope === 'mine') {
    if (actor.roles.includes('orgAccount') && actor.orgId) c.push(sql`p.org_id = ${actor.orgId}`);
    else if (actor.memberId)
      c.push(
        sql`exists (select 1 from proposal_proposers pp where pp.committee_id = p.committee_id and pp.proposal_id = p.id and pp.member_id = ${actor.memberId})`,
      );
    else c.push(sql`false`);
  }
  if (scope === 'unit') {
    if (!actor.unitId) c.push(sql`false`);
    else
      c.push(sql`exists (select 1 from proposal_assignments a where a.committee_id = p.committee_id and a.proposal_id = p.id and a.unit_id = ${actor.unitId}
        ${f.assignmentState?.length ? sql`and a.state = any(${sql.param(f.assignmentState)}::text[])` : sql`and a.state <> 'returned'`})`);
  }
  if (f.queue) c.push(QUEUES[f.queue]);
  const search = matchSearch(sql`p.search`, f.q);
  if (search) c.push(search);
  if (f.termId) c.push(sql`p.term_id = ${f.termId}`);
  if (f.sessionId) c.push(sql`p.session_id = ${f.sessionId}`);
  if (f.year) c.push(sql`p.year = ${f.year}`);
  if (f.category) c.push(sql`p.category = ${f.category}`);
  if (f.state?.length) c.push(sql`p.state = any(${sql.param(f.state)}::text[])`);
  if (f.kind) c.push(sql`p.kind = ${f.kind}`);
  if (f.isKey !== undefined) c.push(sql`p.is_key = ${f.isKey}`);
  if (f.isPublic !== undefined) c.push(sql`p.is_public = ${f.isPublic}`);
  if (f.orgId) c.push(sql`p.org_id = ${f.orgId}`);
  if (f.unitId)
    c.push(sql`exists (select 1 from proposal_assignments a where a.committee_id = p.committee_id and a.proposal_id = p.id
      and a.unit_id = ${f.unitId} and a.state <> 'returned')`);
  if (f.proposerId)
    c.push(sql`exists (select 1 from proposal_proposers pp where pp.committee_id = p.committee_id and pp.proposal_id = p.id
      and pp.member_id = ${f.proposerId} and pp.cosign_status = 'confirmed')`);
  return sql.join(c, sql` and `);
}

export function defaultScope(actor: Actor): 'all' | 'mine' | 'unit' {
  if (can(actor.roles, 'proposal.readAll')) return 'all';
  if (actor.roles.includes('unitUser')) return 'unit';
  return 'mine';
}

function orderOf(f: ListFilters): SQL {
  const dir = f.order === 'asc' ? sql`asc` : sql`desc`;
  switch (f.sort) {
    case 'number':
      return sql`p.session_id ${dir} nulls last, p.number ${dir} nulls last, p.id ${dir}`;
    case 'title':
      return sql`p.title ${dir}, p.id ${dir}`;
    case 'submittedAt':
      return sql`p.submitted_at ${dir} nulls last, p.id ${dir}`;
    case 'dueAt':
      return sql`(select min(a.due_at) from proposal_assignments a where a.committee_id = p.committee_id and a.proposal_id = p.id
        and a.state = any(${sql.param(OPEN_ASSIGNMENT_STATES)}::text[])) ${dir} nulls last, p.id ${dir}`;
    default:
      return sql`p.updated_at ${dir}, p.id ${dir}`;
  }
}

/** A row of any proposal list, as the API answers it (ListItemOut). */
export type ListItem = ProposalListItem;

/**
 * The page's `limit … offset …`. For the first ten pages both are written into the statement: as parameters,
 * PostgreSQL's generic plan guessed a tenth of the rows and cost ten times the custom one, so it planned the prepared
 * page query anew on every request (issue 18, decision 0030). Deeper pages stay parameters, so paging far cannot
 * fill the process's bounded set of prepared statement texts (platform/db/client.ts) with one text per page.
 * Throws on anything but non-negative safe integers.
 */
function pageClause(limit: number, offset: number): SQL {
  if (![limit, offset].every((n) => Number.isSafeInteger(n) && n >= 0))
    throw new Error(`not a page limit and offset: ${limit}, ${offset}`);
  return offset <= 9 * limit ? sql.raw(`limit ${limit} offset ${offset}`) : sql`limit ${limit} offset ${offset}`;
}

/** A row of the list statement as selected (timestamps as the driver gives them: Date or text). */
interface ListRow {
  id: number;
  number: number | null;
  title: string;
  kind: string;
  state: string;
  category: string | null;
  year: number;
  is_key: boolean;
  is_public: boolean;
  is_session_proposal: boolean;
  outcome_class: string | null;
  submitted_at: Date | string | null;
  updated_at: Date | string;
  session_name: string | null;
  total: number;
  proposers: string | null;
  units: string | null;
  due_at: Date | string | null;
  /** Only for a handling unit's list: its own latest assignment of the proposal. */
  my_assignment?: { id: number; role: string; state: string; dueAt: string } | null;
}

export async function listProposals(
  db: Db,
  actor: Actor,
  f: ListFilters,
  limits: { limit: number; offset: number },
): Promise<{ items: ListItem[]; total: number }> {
  const where = whereOf(actor, f);
  const rows = await query<ListRow>(
    db,
    sql`select p.id, p.number, p.title, p.kind, p.state, p.category, p.year, p.is_key, p.is_public, p.is_session_proposal, p.outcome_class,
        p.submitted_at, p.updated_at, s.name as session_name,
        -- The total in the same round trip: an uncorrelated subquery, counted once (issue 18).
        (select count(*)::int from proposals p where ${where}) as total,
        coalesce(o.name, (select string_agg(m.name, '、' order by pp.is_lead desc, pp.sort) from proposal_proposers pp
          join ${memberDirectory} m on m.committee_id = pp.committee_id and m.id = pp.member_id
          where pp.committee_id = p.committee_id and pp.proposal_id = p.id and pp.cosign_status <> 'declined')) as proposers,
        (select string_agg(u.name, '、' order by case a.role when 'lead' then 0 when 'split' then 1 else 2 end, a.id)
          from proposal_assignments a join handling_units u on u.committee_id = a.committee_id and u.id = a.unit_id
          where a.committee_id = p.committee_id and a.proposal_id = p.id and a.state <> 'returned') as units,
        (select min(a.due_at) from proposal_assignments a where a.committee_id = p.committee_id and a.proposal_id = p.id
          and a.state = any(${sql.param(OPEN_ASSIGNMENT_STATES)}::text[])) as due_at
        ${
          actor.unitId
            ? sql`, (select json_build_object('id', a.id, 'role', a.role, 'state', a.state, 'dueAt', a.due_at) from proposal_assignments a
                where a.committee_id = p.committee_id and a.proposal_id = p.id and a.unit_id = ${actor.unitId}
                order by (a.state = 'returned'), a.id desc limit 1) as my_assignment`
            : sql``
        }
      from proposals p
      left join plenary_sessions s on s.committee_id = p.committee_id and s.id = p.session_id
      left join organisations o on o.committee_id = p.committee_id and o.id = p.org_id
      where ${where}
      order by ${orderOf(f)}
      ${pageClause(limits.limit, limits.offset)}`,
  );
  // A page past the end has no row to carry the total: then it is counted on its own.
  const total = rows.length
    ? rows[0].total
    : limits.offset
      ? (await queryOne<{ n: number }>(db, sql`select count(*)::int as n from proposals p where ${where}`))!.n
      : 0;
  const now = Date.now();
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      numberLabel: numberLabel(r.session_name, r.number),
      title: r.title,
      ...kindAndState(r),
      category: r.category,
      year: r.year,
      proposers: r.proposers ?? '',
      units: r.units ?? '',
      isKey: r.is_key,
      isPublic: r.is_public,
      isSessionProposal: r.is_session_proposal,
      outcomeClass: r.outcome_class,
      submittedAt: iso(r.submitted_at),
      updatedAt: new Date(r.updated_at).toISOString(),
      dueAt: iso(r.due_at),
      overdue: !!r.due_at && new Date(r.due_at).getTime() < now,
      myAssignment: r.my_assignment
        ? {
            id: r.my_assignment.id,
            role: r.my_assignment.role,
            state: r.my_assignment.state,
            stateLabel: ASSIGNMENT_STATES[r.my_assignment.state] ?? r.my_assignment.state,
            dueAt: new Date(r.my_assignment.dueAt).toISOString(),
          }
        : null,
    })),
  };
}

// ---------- similar proposals ----------

export type { SimilarItem };

/**
 * The most similar proposals of this and earlier sessions: candidates share a characteristic word (GIN index on
 * the search vector), ranked by how many of them they share, then scored by title and text bigram similarity.
 */
export async function similarProposals(
  db: Db,
  actor: Actor,
  input: { title: string; text?: string; excludeId?: number; limit?: number },
): Promise<SimilarItem[]> {
  const qt = similarityQueryText(`${input.title} ${input.title} ${input.text ?? ''}`, 12);
  if (!qt) return [];
  const rows = await query<{
    id: number;
    title: string;
    body: string;
    number: number | null;
    state: string;
    year: number | null;
    session_name: string | null;
    can_open: boolean;
  }>(
    db,
    sql`select p.id, p.title, left(p.background || ' ' || p.suggestions, 600) as body, p.number, p.state, p.year, s.name as session_name,
        ${visibleSql(actor)} as can_open
      from proposals p left join plenary_sessions s on s.committee_id = p.committee_id and s.id = p.session_id
      where p.committee_id = ${actor.committeeId} and p.search @@ to_tsquery('simple', ${qt})
        and p.state not in ('draft', 'cosigning', 'orgApproval', 'withdrawn')
        and ${similarScope({
          readsAll: can(actor.roles, 'proposal.readAll'),
          state: sql`p.state`,
          takenInStates: REGISTERED_STATES,
          own: visibleSql(actor),
        })}
        ${input.excludeId ? sql`and p.id <> ${input.excludeId}` : sql``}
      order by ts_rank(p.search, to_tsquery('simple', ${qt})) desc, p.id desc
      limit 60`,
  );
  const limit = input.limit ?? 8;
  return rows
    .map((r) => {
      const titleScore = textSimilarity(input.title, r.title);
      const textScore = input.text
        ? textSimilarity(`${input.title} ${input.text}`, `${r.title} ${r.body}`)
        : titleScore;
      return {
        id: r.id,
        title: r.title,
        numberLabel: numberLabel(r.session_name, r.number),
        state: r.state,
        stateLabel: PROPOSAL_STATES[r.state] ?? r.state,
        year: r.year,
        sessionName: r.session_name,
        score: Math.round(100 * (0.6 * titleScore + 0.4 * textScore)),
        canOpen: !!r.can_open,
      };
    })
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || b.id - a.id)
    .slice(0, limit);
}

// ---------- unit suggestion ----------

export type { UnitSuggestion };

/**
 * Handling units for a text, learned from how earlier proposals were assigned: the lead/split units of the most
 * similar assigned proposals, weighted by similarity; the units proposers suggested count a little too.
 */
export async function suggestUnits(
  db: Db,
  actor: Actor,
  input: { title: string; text?: string; category?: string; excludeId?: number },
): Promise<UnitSuggestion[]> {
  const qt = similarityQueryText(`${input.title} ${input.title} ${input.text ?? ''}`, 12);
  const weights = new Map<number, { score: number; n: number }>();
  if (qt) {
    const rows = await query<{ id: number; title: string; units: number[] }>(
      db,
      sql`select p.id, p.title, array_agg(a.unit_id) as units from (
          select id, title from proposals p where p.committee_id = ${actor.committeeId} and p.search @@ to_tsquery('simple', ${qt})
            and p.assigned_at is not null ${input.excludeId ? sql`and p.id <> ${input.excludeId}` : sql``}
          order by ts_rank(p.search, to_tsquery('simple', ${qt})) desc, p.id desc limit 200) p
        join proposal_assignments a on a.committee_id = ${actor.committeeId} and a.proposal_id = p.id and a.role in ('lead', 'split') and a.state <> 'returned'
        group by p.id, p.title`,
    );
    // The closest earlier proposals by title decide; a square gives a near-duplicate far more say than a loose match.
    const close = rows
      .map((r) => ({ ...r, sim: textSimilarity(input.title, r.title) }))
      .sort((a, b) => b.sim - a.sim || b.id - a.id)
      .slice(0, 30);
    for (const r of close) {
      const sim = Math.max(r.sim, 0.05) ** 2;
      for (const u of r.units) {
        const w = weights.get(u) ?? { score: 0, n: 0 };
        w.score += sim;
        w.n += 1;
        weights.set(u, w);
      }
    }
  }
  if (!weights.size && input.category) {
    // Nothing alike yet: fall back to where proposals of the same category went.
    const rows = await query<{ unit_id: number; n: number }>(
      db,
      sql`select a.unit_id, count(*)::int as n from proposal_assignments a
        join proposals p on p.committee_id = a.committee_id and p.id = a.proposal_id
        where a.committee_id = ${actor.committeeId} and p.category = ${input.category} and a.role in ('lead', 'split') and a.state <> 'returned'
        group by a.unit_id order by n desc limit 5`,
    );
    for (const r of rows) weights.set(r.unit_id, { score: r.n * 0.01, n: r.n });
  }
  if (!weights.size) return [];
  const ids = [...weights.keys()];
  const units = await query<{ id: number; name: string }>(
    db,
    sql`select id, name from handling_units where committee_id = ${actor.committeeId} and active and id = any(${sql.param(ids)}::int[])`,
  );
  const max = Math.max(...ids.map((i) => weights.get(i)!.score));
  return units
    .map((u) => {
      const w = weights.get(u.id)!;
      return {
        unitId: u.id,
        name: u.name,
        score: Math.round((100 * w.score) / max),
        basis: `以往 ${w.n} 件相近提案交由该单位办理`,
      };
    })
    .sort((a, b) => b.score - a.score || a.unitId - b.unitId)
    .slice(0, 6);
}

/** What proposal `id` says, for a reader who may see it; throws proposalNotFound for one they may not. */
async function visibleText(db: Db, actor: Actor, id: number) {
  if (!(await canSeeProposal(db, actor, id))) throw proposalNotFound();
  return (await loadProposalText(db, actor.committeeId, id))!;
}

/** The proposals most similar to proposal `id` (its merge candidates); throws proposalNotFound when it is not visible. */
export async function proposalsLike(db: Db, actor: Actor, id: number): Promise<SimilarItem[]> {
  const p = await visibleText(db, actor, id);
  return similarProposals(db, actor, { title: p.title, text: `${p.background}\n${p.suggestions}`, excludeId: id });
}

/** Handling units suggested for proposal `id` from its text and category; throws proposalNotFound when it is not visible. */
export async function unitsFor(db: Db, actor: Actor, id: number): Promise<UnitSuggestion[]> {
  const p = await visibleText(db, actor, id);
  return suggestUnits(db, actor, {
    title: p.title,
    text: `${p.background}\n${p.suggestions}`,
    category: p.category ?? undefined,
    excludeId: id,
  });
}

export async function rulesSummary(db: Db, actor: Actor) {
  return getRules(db, actor.committeeId);
}
