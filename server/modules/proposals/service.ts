// Proposal services: who may see what, writing and editing (drafts), rules and the co-signer picker.
// The detail is in service-detail.ts; the office's key-proposal, commendation, public and appraisal decisions in
// service-office.ts; firing transitions in service-actions.ts.
import { type SQL, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import { namesFromTable, registerEntityNames } from '../../platform/audit/names.ts';
import { can } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';
import { beijingYearOf, iso } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { badRequest, conflict, forbidden } from '../../platform/errors.ts';
import { attachFiles, registerFileAccess } from '../../platform/files/files.ts';
import { searchTokens, toSearchVector } from '../../platform/search/search.ts';
import { putSetting } from '../../platform/settings/settings.ts';
import { normaliseLine, normaliseText } from '../../platform/text/normalise.ts';
import { foundMemberIds, memberDirectory, memberNameOf } from '../org/members-directory.ts';
import { proposalNotFound, titleRequired } from './errors.ts';
import { isAuthor } from './policy.ts';
import { loadProposalItem, type ProposalItem, replyOwner } from './repository.ts';
import { DEFAULT_RULES, forgetRules, getRules, type ProposalRules, RULES_KEY } from './rules.ts';
import { OFFICE_STATES, PROPOSAL_STATES } from './states.ts';

export const KIND_LABELS: Record<string, string> = {
  individual: '个人提案',
  joint: '联名提案',
  collective: '集体提案',
};
/** A proposal's kind and state with the labels people read (个人提案, 办理中), as lists and the detail answer them. */
export const kindAndState = (p: { kind: string; state: string }) => ({
  kind: p.kind,
  kindLabel: KIND_LABELS[p.kind],
  state: p.state,
  stateLabel: PROPOSAL_STATES[p.state] ?? p.state,
});
export const ROLE_LABELS: Record<string, string> = { lead: '主办', assisting: '会办', split: '分办' };
export const RATING_LABELS: Record<string, string> = {
  satisfied: '满意',
  partlySatisfied: '基本满意',
  unsatisfied: '不满意',
};
export const KEY_EVENT_LABELS: Record<string, string> = {
  visit: '督办视察',
  consultation: '办理协商',
  progress: '办理进展',
};

export const isStaff = (actor: Actor) => can(actor.roles, 'proposal.readAll');

// ---------- visibility ----------

/** SQL condition: the proposal `p` is visible to this actor (tenancy is added by the caller). */
export function visibleSql(actor: Actor): SQL {
  const parts: SQL[] = [];
  if (isStaff(actor)) parts.push(sql`p.state = any(${sql.param(OFFICE_STATES)}::text[])`);
  if (actor.roles.includes('member') && actor.memberId) {
    parts.push(sql`exists (select 1 from proposal_proposers pp where pp.committee_id = p.committee_id and pp.proposal_id = p.id
      and pp.member_id = ${actor.memberId} and (pp.is_lead or p.state <> 'draft'))`);
    parts.push(sql`exists (select 1 from proposals m join proposal_proposers pp on pp.committee_id = m.committee_id and pp.proposal_id = m.id
      where m.committee_id = p.committee_id and m.merged_into_id = p.id and pp.member_id = ${actor.memberId} and pp.cosign_status = 'confirmed')`);
  }
  if (actor.roles.includes('orgAccount') && actor.orgId) {
    parts.push(sql`p.org_id = ${actor.orgId}`);
    parts.push(
      sql`exists (select 1 from proposals m where m.committee_id = p.committee_id and m.merged_into_id = p.id and m.org_id = ${actor.orgId})`,
    );
  }
  if (actor.roles.includes('unitUser') && actor.unitId) {
    parts.push(
      sql`exists (select 1 from proposal_assignments a where a.committee_id = p.committee_id and a.proposal_id = p.id and a.unit_id = ${actor.unitId})`,
    );
  }
  if (!parts.length) return sql`false`;
  return sql`(${sql.join(parts, sql` or `)})`;
}

export async function canSeeProposal(db: Db, actor: Actor, id: number): Promise<boolean> {
  const row = await queryOne(
    db,
    sql`select 1 from proposals p where p.committee_id = ${actor.committeeId} and p.id = ${id} and ${visibleSql(actor)}`,
  );
  return !!row;
}

export async function assertVisible(db: Db, actor: Actor, id: number) {
  if (!(await canSeeProposal(db, actor, id))) throw proposalNotFound();
}

registerFileAccess('proposal', (db, actor, id) => canSeeProposal(db, actor, id));
registerFileAccess('proposal_reply', async (db, actor, replyId) => {
  const r = await replyOwner(db, actor.committeeId, replyId);
  if (!r || !(await canSeeProposal(db, actor, r.proposalId))) return false;
  return r.reviewState === 'approved' || isStaff(actor) || actor.unitId === r.unitId;
});

// ---------- writing ----------

export interface ProposalInput {
  kind?: 'individual' | 'joint' | 'collective';
  title?: string;
  background?: string;
  suggestions?: string;
  category?: string | null;
  suggestedUnitIds?: number[];
  cosignerIds?: number[];
  fileIds?: number[];
}

/** The texts as they are stored and searched: full-width forms half-width, invisible characters gone. */
const normalised = (input: ProposalInput): ProposalInput => ({
  ...input,
  title: input.title === undefined ? undefined : normaliseLine(input.title),
  background: input.background === undefined ? undefined : normaliseText(input.background),
  suggestions: input.suggestions === undefined ? undefined : normaliseText(input.suggestions),
});

async function checkInput(tx: Db, actor: Actor, input: ProposalInput, rules: ProposalRules) {
  if (input.title !== undefined) {
    if (!input.title.trim()) throw titleRequired();
    if ([...input.title.trim()].length > rules.titleMaxLength)
      throw badRequest('proposal.title_too_long', `「案由」不能超过 ${rules.titleMaxLength} 个字符`, 'title');
  }
  if (input.category && !rules.categories.includes(input.category))
    throw badRequest('proposal.category', `「类别」须为：${rules.categories.join('、')}`, 'category');
  if (input.suggestedUnitIds?.length) {
    const ids = [...new Set(input.suggestedUnitIds)];
    const found = await query(
      tx,
      sql`select id from handling_units where committee_id = ${actor.committeeId} and active and id = any(${sql.param(ids)}::int[])`,
    );
    if (found.length !== ids.length)
      throw badRequest('proposal.units', '「建议承办单位」中有不存在的单位', 'suggestedUnitIds');
  }
  if (input.cosignerIds?.length) {
    const ids = [...new Set(input.cosignerIds)];
    if (actor.memberId && ids.includes(actor.memberId))
      throw badRequest('proposal.cosigners', '「附议委员」不能包括您自己', 'cosignerIds');
    const found = await foundMemberIds(tx, actor.committeeId, ids, { activeOnly: true });
    if (found.length !== ids.length)
      throw badRequest('proposal.cosigners', '「附议委员」中有不存在或已不在任的委员', 'cosignerIds');
  }
}

/** Rewrites proposal `id`'s search vector from its texts, its proposers' names and its organisation's name. */
export async function refreshProposalSearch(tx: Db, committeeId: number, id: number) {
  const p = (await queryOne<{
    title: string;
    background: string;
    suggestions: string;
    org_name: string | null;
    names: string | null;
  }>(
    tx,
    sql`select p.title, p.background, p.suggestions, o.name as org_name,
        (select string_agg(m.name, ' ') from proposal_proposers pp join ${memberDirectory} m on m.committee_id = pp.committee_id and m.id = pp.member_id
          where pp.committee_id = p.committee_id and pp.proposal_id = p.id) as names
      from proposals p left join organisations o on o.committee_id = p.committee_id and o.id = p.org_id
      where p.committee_id = ${committeeId} and p.id = ${id}`,
  ))!;
  await tx.execute(sql`update proposals set search = ${toSearchVector(p.title, p.background, p.suggestions, p.names, p.org_name)}
    where committee_id = ${committeeId} and id = ${id}`);
}

async function setCosigners(tx: Db, committeeId: number, id: number, leadId: number, cosignerIds: number[]) {
  await tx.execute(
    sql`delete from proposal_proposers where committee_id = ${committeeId} and proposal_id = ${id} and not is_lead`,
  );
  const ids = [...new Set(cosignerIds)].filter((m) => m !== leadId);
  if (ids.length)
    await tx.execute(sql`insert into proposal_proposers (committee_id, proposal_id, member_id, is_lead, cosign_status, sort)
      select ${committeeId}, ${id}, m, false, 'invited', o from unnest(${sql.param(ids)}::int[]) with ordinality as t(m, o)`);
}

export async function createProposal(tx: Db, actor: Actor, raw: ProposalInput): Promise<number> {
  const input = normalised(raw);
  const rules = await getRules(tx, actor.committeeId);
  const isOrg = actor.roles.includes('orgAccount') && !!actor.orgId;
  const isMember = actor.roles.includes('member') && !!actor.memberId;
  const kind = input.kind ?? (isOrg && !isMember ? 'collective' : input.cosignerIds?.length ? 'joint' : 'individual');
  if (kind === 'collective' && !isOrg) throw badRequest('proposal.kind', '集体提案须由党派团体账号提出', 'kind');
  if (kind !== 'collective' && !isMember) throw badRequest('proposal.kind', '党派团体账号只能提出集体提案', 'kind');
  if (kind !== 'joint' && input.cosignerIds?.length)
    throw badRequest('proposal.cosigners', '只有联名提案可以邀请附议委员', 'cosignerIds');
  if (input.title === undefined) throw titleRequired();
  await checkInput(tx, actor, input, rules);
  const c = actor.committeeId;
  const leadId = kind === 'collective' ? null : actor.memberId;
  const orgId = kind === 'collective' ? actor.orgId : null;
  const cosignerIds = kind === 'joint' ? [...new Set(input.cosignerIds ?? [])].filter((m) => m !== leadId) : [];
  // What refreshProposalSearch would index, read in one statement, so that the row is written with its search vector.
  const names = (await queryOne<{ lead: string | null; org: string | null; cosigners: string | null }>(
    tx,
    sql`select ${memberNameOf(c, leadId)} as lead,
      (select name from organisations where committee_id = ${c} and id = ${orgId}) as org,
      (select string_agg(m.name, ' ') from ${memberDirectory} m where m.committee_id = ${c} and m.id = any(${sql.param(cosignerIds)}::int[])) as cosigners`,
  ))!;
  const title = input.title.trim();
  const background = input.background?.trim() ?? '';
  const suggestions = input.suggestions?.trim() ?? '';
  const proposers = [names.lead, names.cosigners].filter(Boolean).join(' ') || null;
  // The proposal, its lead proposer and invited co-signers in one statement.
  const [row] = await query<{ id: number }>(
    tx,
    sql`with p as (
        insert into proposals (committee_id, kind, org_id, created_by, title, background, suggestions, category, suggested_unit_ids, search)
        values (${c}, ${kind}, ${orgId}, ${actor.accountId}, ${title}, ${background}, ${suggestions}, ${input.category ?? null},
          ${sql.param([...new Set(input.suggestedUnitIds ?? [])])}::int[],
          ${toSearchVector(title, background, suggestions, proposers, names.org)})
        returning id),
      lead as (insert into proposal_proposers (committee_id, proposal_id, member_id, is_lead, cosign_status, sort)
        select ${c}, p.id, ${leadId}::int, true, 'confirmed', 0 from p where ${leadId !== null}),
      invited as (insert into proposal_proposers (committee_id, proposal_id, member_id, is_lead, cosign_status, sort)
        select ${c}, p.id, m, false, 'invited', o from p, unnest(${sql.param(cosignerIds)}::int[]) with ordinality as t(m, o))
      select id from p`,
  );
  if (input.fileIds?.length) await attachFiles(tx, actor, input.fileIds, 'proposal', row.id);
  await writeAudit(tx, actor, {
    action: 'proposal.create',
    entity: 'proposal',
    entityId: row.id,
    after: { kind, title, category: input.category ?? null },
  });
  return row.id;
}

export async function updateProposal(tx: Db, actor: Actor, id: number, raw: ProposalInput): Promise<void> {
  const input = normalised(raw);
  const p = await loadProposalItem(tx, actor.committeeId, id, true);
  if (!p || !(await canSeeProposal(tx, actor, id))) throw proposalNotFound();
  if (!isAuthor(actor, p)) throw forbidden('proposal.not_author', '只有第一提案人可以修改提案');
  if (p.state !== 'draft' && p.state !== 'returned')
    throw conflict('proposal.not_editable', `提案当前为「${PROPOSAL_STATES[p.state]}」，不能修改`);
  if (input.kind && input.kind !== p.kind) {
    if (p.state !== 'draft' || input.kind === 'collective' || p.kind === 'collective')
      throw badRequest('proposal.kind', '提案类型不能这样修改', 'kind');
  }
  if (p.state === 'returned' && input.cosignerIds !== undefined)
    throw badRequest('proposal.cosigners', '退回修改时不能更换附议委员', 'cosignerIds');
  const rules = await getRules(tx, actor.committeeId);
  await checkInput(tx, actor, input, rules);
  // Audited as stored: the column names are the audit record's keys.
  const before = await queryOne<{
    kind: string;
    title: string;
    background: string;
    suggestions: string;
    category: string | null;
    suggested_unit_ids: number[];
  }>(
    tx,
    sql`select kind, title, background, suggestions, category, suggested_unit_ids from proposals where committee_id = ${actor.committeeId} and id = ${id}`,
  );
  const kind = input.kind ?? p.kind;
  await tx.execute(sql`update proposals set
      kind = ${kind},
      title = coalesce(${input.title?.trim() ?? null}, title),
      background = coalesce(${input.background?.trim() ?? null}, background),
      suggestions = coalesce(${input.suggestions?.trim() ?? null}, suggestions),
      category = ${input.category === undefined ? sql`category` : input.category},
      suggested_unit_ids = ${input.suggestedUnitIds === undefined ? sql`suggested_unit_ids` : sql`${sql.param([...new Set(input.suggestedUnitIds)])}::int[]`},
      updated_at = now()
    where committee_id = ${actor.committeeId} and id = ${id}`);
  if (kind === 'joint' && input.cosignerIds !== undefined)
    await setCosigners(tx, actor.committeeId, id, p.leadMemberId!, input.cosignerIds);
  if (kind === 'individual' && p.state === 'draft')
    await tx.execute(
      sql`delete from proposal_proposers where committee_id = ${actor.committeeId} and proposal_id = ${id} and not is_lead`,
    );
  if (input.fileIds?.length) await attachFiles(tx, actor, input.fileIds, 'proposal', id);
  await refreshProposalSearch(tx, actor.committeeId, id);
  await writeAudit(tx, actor, {
    action: 'proposal.update',
    entity: 'proposal',
    entityId: id,
    before,
    after: { ...input, fileIds: undefined },
  });
}

export async function deleteDraft(tx: Db, actor: Actor, id: number): Promise<void> {
  const p = await loadProposalItem(tx, actor.committeeId, id, true);
  if (!p || !(await canSeeProposal(tx, actor, id))) throw proposalNotFound();
  if (!isAuthor(actor, p)) throw forbidden('proposal.not_author', '只有第一提案人可以删除草稿');
  if (p.state !== 'draft') throw conflict('proposal.not_draft', '只能删除草稿；已提交的提案请使用「撤案」');
  const hist = await queryOne(
    tx,
    sql`select 1 from workflow_transitions where committee_id = ${actor.committeeId} and process = 'proposal' and entity_id = ${id} limit 1`,
  );
  // A collective draft sent back by its responsible person has a history: it is withdrawn, not erased.
  if (hist) throw conflict('proposal.has_history', '该提案已有办理记录，不能删除，请使用「撤案」');
  await tx.execute(
    sql`update files set entity = null, entity_id = null where committee_id = ${actor.committeeId} and entity = 'proposal' and entity_id = ${id}`,
  );
  await tx.execute(sql`delete from proposals where committee_id = ${actor.committeeId} and id = ${id}`);
  await writeAudit(tx, actor, {
    action: 'proposal.delete',
    entity: 'proposal',
    entityId: id,
    before: { title: p.title },
  });
}

// ---------- rules ----------

export async function saveRules(tx: Db, actor: Actor, year: number, input: Partial<ProposalRules>) {
  const current = await getRules(tx, actor.committeeId, year || beijingYearOf());
  const next = { ...current, ...input };
  if (!next.categories.length) throw badRequest('proposal.rules', '「类别」至少需要一项', 'categories');
  if (!next.outcomeClasses.length) throw badRequest('proposal.rules', '「办理结果类别」至少需要一项', 'outcomeClasses');
  if (new Set(next.outcomeClasses.map((c) => c.code)).size !== next.outcomeClasses.length)
    throw badRequest('proposal.rules', '「办理结果类别」代码不能重复', 'outcomeClasses');
  if (!next.rejectionGrounds.length)
    throw badRequest('proposal.rules', '「不予立案理由」至少需要一项', 'rejectionGrounds');
  if (!next.appraisalDimensions.length)
    throw badRequest('proposal.rules', '「评议项目」至少需要一项', 'appraisalDimensions');
  await putSetting(tx, actor, RULES_KEY, year, next);
  forgetRules(tx);
  return next;
}

export { DEFAULT_RULES, searchTokens };

// ---------- members for the co-signer picker ----------

export async function findMembers(db: Db, actor: Actor, q: string | undefined, limit: number) {
  const like = q?.trim() ? `%${q.trim().replace(/[%_\\]/g, '\\$&')}%` : null;
  return query<{ id: number; name: string; sector: string | null; workUnit: string | null }>(
    db,
    sql`select m.id, m.name, s.name as sector, m.work_unit as "workUnit" from ${memberDirectory} m
      left join sectors s on s.committee_id = m.committee_id and s.id = m.sector_id
      join terms t on t.committee_id = m.committee_id and t.id = m.term_id and t.is_current
      where m.committee_id = ${actor.committeeId} and m.status = 'active'
        ${like ? sql`and (m.name like ${like} or m.work_unit like ${like} or s.name like ${like})` : sql``}
        ${actor.memberId ? sql`and m.id <> ${actor.memberId}` : sql``}
      order by m.id limit ${limit}`,
  );
}

/** Proposals turned into an opinion report or a suggestion, for the opinion-report module to take over. */
export async function listConvertedProposals(
  db: Db,
  committeeId: number,
  opts: { target?: 'opinion' | 'suggestion'; since?: Date } = {},
) {
  const rows = await query<{
    id: number;
    title: string;
    background: string;
    suggestions: string;
    category: string | null;
    target: 'opinion' | 'suggestion';
    orgId: number | null;
    memberIds: number[];
    convertedAt: Date | string;
  }>(
    db,
    sql`select p.id, p.title, p.background, p.suggestions, p.category, p.converted_to as target, p.org_id as "orgId",
        coalesce((select array_agg(pp.member_id order by pp.is_lead desc, pp.sort) from proposal_proposers pp
          where pp.committee_id = p.committee_id and pp.proposal_id = p.id and pp.cosign_status = 'confirmed'), '{}') as "memberIds",
        p.updated_at as "convertedAt"
      from proposals p where p.committee_id = ${committeeId} and p.state = 'converted'
        ${opts.target ? sql`and p.converted_to = ${opts.target}` : sql``}
        ${opts.since ? sql`and p.updated_at >= ${opts.since.toISOString()}` : sql``}
      order by p.id`,
  );
  return rows.map((r) => ({ ...r, convertedAt: iso(r.convertedAt)! }));
}

export type { ProposalItem };

// How the audit page names this module's objects (platform/audit/names.ts).
registerEntityNames('proposal', namesFromTable('proposals', 't.title'));
registerEntityNames(
  'proposal_assignment',
  namesFromTable(
    'proposal_assignments',
    '(select p.title from proposals p where p.committee_id = t.committee_id and p.id = t.proposal_id)',
  ),
);
registerEntityNames(
  'proposal_commendation',
  namesFromTable(
    'proposal_commendations',
    '(select p.title from proposals p where p.committee_id = t.committee_id and p.id = t.proposal_id)',
  ),
);
