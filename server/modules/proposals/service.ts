// Proposal services: writing and editing (drafts), who may see what, the detail with its timeline and the actions the
// user may take, firing transitions, key proposals, commendations, unit appraisals, public flags and rules.
import { type SQL, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import { namesFromTable, registerEntityNames } from '../../platform/audit/names.ts';
import { can } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';
import { beijingYearOf, clockNow, deadlineAfterDaysIn, loadWorkingCalendar } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { attachFiles, listFiles, registerFileAccess } from '../../platform/files/files.ts';
import { searchTokens, toSearchVector } from '../../platform/search/search.ts';
import { putSetting } from '../../platform/settings/settings.ts';
import { normaliseLine, normaliseText } from '../../platform/text/normalise.ts';
import { allowedActions, fireTransition, type Process, visibleParts } from '../../platform/workflow/engine.ts';
import { recordDutyFact, revokeDutyFacts } from '../duty/facts.ts';
import { numberLabel } from './effects-filing.ts';
import { notKeyProposal, notRegistered, proposalNotFound } from './errors.ts';
import { isAuthor, isOffice } from './policy.ts';
import {
  assignmentProcess,
  checkAllReplied,
  closeRatingRound,
  commendationProcess,
  proposalProcess,
} from './process.ts';
import { type AssignmentItem, loadAssignmentItem, loadProposalItem, type ProposalItem } from './repository.ts';
import { classLabel, DEFAULT_RULES, getRules, gradeOf, type ProposalRules, RULES_KEY } from './rules.ts';
import { ASSIGNMENT_STATES, COMMENDATION_STATES, OFFICE_STATES, PROPOSAL_STATES, REGISTERED_STATES } from './states.ts';

export const KIND_LABELS: Record<string, string> = {
  individual: '个人提案',
  joint: '联名提案',
  collective: '集体提案',
};
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

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
const isStaff = (actor: Actor) => can(actor.roles, 'proposal.readAll');

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

async function assertVisible(db: Db, actor: Actor, id: number) {
  if (!(await canSeeProposal(db, actor, id))) throw proposalNotFound();
}

registerFileAccess('proposal', (db, actor, id) => canSeeProposal(db, actor, id));
registerFileAccess('proposal_reply', async (db, actor, replyId) => {
  const r = await queryOne<{ proposal_id: number; unit_id: number; review_state: string }>(
    db,
    sql`select proposal_id, unit_id, review_state from proposal_replies where committee_id = ${actor.committeeId} and id = ${replyId}`,
  );
  if (!r || !(await canSeeProposal(db, actor, r.proposal_id))) return false;
  return r.review_state === 'approved' || isStaff(actor) || actor.unitId === r.unit_id;
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
    if (!input.title.trim()) throw badRequest('proposal.title_required', '「案由」不能为空', 'title');
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
    const found = await query(
      tx,
      sql`select id from members where committee_id = ${actor.committeeId} and status = 'active' and id = any(${sql.param(ids)}::int[])`,
    );
    if (found.length !== ids.length)
      throw badRequest('proposal.cosigners', '「附议委员」中有不存在或已不在任的委员', 'cosignerIds');
  }
}

export async function refreshProposalSearch(tx: Db, committeeId: number, id: number) {
  const p = await queryOne<any>(
    tx,
    sql`select p.title, p.background, p.suggestions, o.name as org_name,
        (select string_agg(m.name, ' ') from proposal_proposers pp join members m on m.committee_id = pp.committee_id and m.id = pp.member_id
          where pp.committee_id = p.committee_id and pp.proposal_id = p.id) as names
      from proposals p left join organisations o on o.committee_id = p.committee_id and o.id = p.org_id
      where p.committee_id = ${committeeId} and p.id = ${id}`,
  );
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
  if (input.title === undefined) throw badRequest('proposal.title_required', '「案由」不能为空', 'title');
  await checkInput(tx, actor, input, rules);
  const [row] = await query<{ id: number }>(
    tx,
    sql`insert into proposals (committee_id, kind, org_id, created_by, title, background, suggestions, category, suggested_unit_ids)
      values (${actor.committeeId}, ${kind}, ${kind === 'collective' ? actor.orgId : null}, ${actor.accountId}, ${input.title.trim()},
        ${input.background?.trim() ?? ''}, ${input.suggestions?.trim() ?? ''}, ${input.category ?? null},
        ${sql.param([...new Set(input.suggestedUnitIds ?? [])])}::int[])
      returning id`,
  );
  if (kind !== 'collective') {
    await tx.execute(sql`insert into proposal_proposers (committee_id, proposal_id, member_id, is_lead, cosign_status, sort)
      values (${actor.committeeId}, ${row.id}, ${actor.memberId}, true, 'confirmed', 0)`);
    if (kind === 'joint') await setCosigners(tx, actor.committeeId, row.id, actor.memberId!, input.cosignerIds ?? []);
  }
  if (input.fileIds?.length) await attachFiles(tx, actor, input.fileIds, 'proposal', row.id);
  await refreshProposalSearch(tx, actor.committeeId, row.id);
  await writeAudit(tx, actor, {
    action: 'proposal.create',
    entity: 'proposal',
    entityId: row.id,
    after: { kind, title: input.title.trim(), category: input.category ?? null },
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
  const before = await queryOne<any>(
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

// ---------- transitions ----------

export interface ActionBody {
  action: string;
  comment?: string;
  ground?: string;
  intoId?: number;
  target?: 'opinion' | 'suggestion';
  mode?: 'lead' | 'split';
  leadUnitId?: number;
  assistingUnitIds?: number[];
  unitIds?: number[];
  dueAt?: string;
  rating?: string;
  memberId?: number;
  orgId?: number;
}

export async function fireProposalAction(tx: Db, actor: Actor, id: number, body: ActionBody): Promise<string> {
  const p = await loadProposalItem(tx, actor.committeeId, id, true);
  if (!p || !(await canSeeProposal(tx, actor, id))) throw proposalNotFound();
  const { action, comment, ...data } = body;
  let state = await fireTransition(tx, proposalProcess, actor, p, { action, comment, data });
  if (action === 'rate') {
    const after = (await loadProposalItem(tx, actor.committeeId, id, true))!;
    const allRated =
      after.answerMemberIds.every((m) => after.ratedKeys.includes(`m:${m}`)) &&
      after.answerOrgIds.every((o) => after.ratedKeys.includes(`o:${o}`));
    if (allRated) state = await closeRatingRound(tx, actor, after);
  }
  return state;
}

export async function fireAssignmentAction(
  tx: Db,
  actor: Actor,
  assignmentId: number,
  body: { action: string; comment?: string } & Record<string, unknown>,
): Promise<string> {
  const a = await loadAssignmentItem(tx, actor.committeeId, assignmentId, true);
  if (!a || !(await canSeeProposal(tx, actor, a.proposalId)))
    throw notFound('proposal.assignment_not_found', '交办记录不存在');
  const { action, comment, ...data } = body;
  if (action === 'rehandle' || !assignmentProcess.transitions.some((t) => t.action === action))
    throw badRequest('workflow.unknown_action', `未知的操作「${action}」`, 'action');
  const proposal = await queryOne<{ state: string }>(
    tx,
    sql`select state from proposals where committee_id = ${actor.committeeId} and id = ${a.proposalId} for update`,
  );
  if (proposal!.state !== 'handling')
    throw conflict('proposal.not_handling', `提案当前为「${PROPOSAL_STATES[proposal!.state]}」，不在办理中`);
  const state = await fireTransition(tx, assignmentProcess, actor, a, { action, comment, data });
  if (action === 'approveReply') await checkAllReplied(tx, actor, actor.committeeId, a.proposalId);
  return state;
}

// ---------- detail ----------

export async function getProposal(db: Db, actor: Actor, id: number) {
  await assertVisible(db, actor, id);
  const c = actor.committeeId;
  const p = await queryOne<any>(
    db,
    sql`select p.*, s.name as session_name, t.name as term_name, o.name as org_name, o.responsible_name,
        mi.title as merged_title, mi.number as merged_number, ms.name as merged_session_name,
        case when p.converted_to = 'opinion' then (select r.id from opinion_reports r
          where r.committee_id = p.committee_id and r.source_proposal_id = p.id order by r.id limit 1) end as converted_opinion_id
      from proposals p
      left join plenary_sessions s on s.committee_id = p.committee_id and s.id = p.session_id
      left join terms t on t.committee_id = p.committee_id and t.id = p.term_id
      left join organisations o on o.committee_id = p.committee_id and o.id = p.org_id
      left join proposals mi on mi.committee_id = p.committee_id and mi.id = p.merged_into_id
      left join plenary_sessions ms on ms.committee_id = mi.committee_id and ms.id = mi.session_id
      where p.committee_id = ${c} and p.id = ${id}`,
  );
  const rules = await getRules(db, c, p.year ?? beijingYearOf());
  const item = (await loadProposalItem(db, c, id))!;
  const staff = isStaff(actor);
  const proposers = await query<any>(
    db,
    sql`select pp.member_id, m.name, pp.is_lead, pp.cosign_status, pp.responded_at, sec.name as sector, m.work_unit
      from proposal_proposers pp join members m on m.committee_id = pp.committee_id and m.id = pp.member_id
      left join sectors sec on sec.committee_id = m.committee_id and sec.id = m.sector_id
      where pp.committee_id = ${c} and pp.proposal_id = ${id} order by pp.is_lead desc, pp.sort, pp.member_id`,
  );
  const mergedFrom = await query<any>(
    db,
    sql`select m.id, m.title, m.org_id, o.name as org_name,
        (select string_agg(mm.name, '、' order by pp.is_lead desc, pp.sort) from proposal_proposers pp
          join members mm on mm.committee_id = pp.committee_id and mm.id = pp.member_id
          where pp.committee_id = m.committee_id and pp.proposal_id = m.id and pp.cosign_status = 'confirmed') as names
      from proposals m left join organisations o on o.committee_id = m.committee_id and o.id = m.org_id
      where m.committee_id = ${c} and m.merged_into_id = ${id} order by m.id`,
  );
  const units = await query<{ id: number; name: string }>(
    db,
    sql`select id, name from handling_units where committee_id = ${c} and id = any(${sql.param(p.suggested_unit_ids ?? [])}::int[]) order by id`,
  );
  const assignmentRows = await query<any>(
    db,
    sql`select a.*, u.name as unit_name from proposal_assignments a join handling_units u on u.committee_id = a.committee_id and u.id = a.unit_id
      where a.committee_id = ${c} and a.proposal_id = ${id} order by case a.role when 'lead' then 0 when 'split' then 1 else 2 end, a.id`,
  );
  const myUnitRole = assignmentRows.find((a) => a.unit_id === actor.unitId && a.state !== 'returned')?.role;
  const contacts = await query<any>(
    db,
    sql`select id, assignment_id, round, way, contact_date, notes, created_at from proposal_contacts where committee_id = ${c} and proposal_id = ${id} order by id`,
  );
  const views = await query<any>(
    db,
    sql`select id, assignment_id, text, created_at from proposal_assisting_views where committee_id = ${c} and proposal_id = ${id} order by id`,
  );
  const replyRows = await query<any>(
    db,
    sql`select r.*, u.name as unit_name, f.name as letter_name from proposal_replies r
      join handling_units u on u.committee_id = r.committee_id and u.id = r.unit_id
      left join files f on f.committee_id = r.committee_id and f.id = r.letter_file_id
      where r.committee_id = ${c} and r.proposal_id = ${id} order by r.id`,
  );
  const ratingRows = await query<any>(
    db,
    sql`select r.*, coalesce(m.name, o.name) as rater_name from proposal_ratings r
      left join members m on m.committee_id = r.committee_id and m.id = r.member_id
      left join organisations o on o.committee_id = r.committee_id and o.id = r.org_id
      where r.committee_id = ${c} and r.proposal_id = ${id} order by r.id`,
  );
  const raterNames = await query<any>(
    db,
    sql`select 'm' as k, id, name from members where committee_id = ${c} and id = any(${sql.param(item.answerMemberIds)}::int[])
      union all select 'o' as k, id, name from organisations where committee_id = ${c} and id = any(${sql.param(item.answerOrgIds)}::int[])`,
  );
  const keyRec = await queryOne<any>(
    db,
    sql`select * from proposal_key_records where committee_id = ${c} and proposal_id = ${id}`,
  );
  const keyEvents = keyRec
    ? await query<any>(
        db,
        sql`select id, kind, event_date, text, created_by_name, created_at from proposal_key_events where committee_id = ${c} and proposal_id = ${id} order by event_date, id`,
      )
    : [];
  const comm = await queryOne<any>(
    db,
    sql`select * from proposal_commendations where committee_id = ${c} and proposal_id = ${id} order by year desc limit 1`,
  );
  const files = await listFiles(db, c, 'proposal', id);

  const seesReply = (r: any) =>
    staff || r.review_state === 'approved' || (actor.unitId != null && actor.unitId === r.unit_id);
  const seesView = (v: any) => {
    const a = assignmentRows.find((x) => x.id === v.assignment_id);
    return staff || (actor.unitId != null && (actor.unitId === a?.unit_id || myUnitRole === 'lead'));
  };

  const calendar = rules.dayUnit === 'workingDays' ? await loadWorkingCalendar(db, c) : null;
  const assignments = assignmentRows.map((a) => {
    const returnDeadline = deadlineAfterDaysIn(
      calendar,
      new Date(a.assigned_at),
      rules.returnRequestDays,
      rules.dayUnit,
    );
    const aItem: AssignmentItem = {
      id: a.id,
      committeeId: c,
      state: a.state,
      proposalId: id,
      unitId: a.unit_id,
      role: a.role,
      round: a.round,
      assignedAt: new Date(a.assigned_at),
      dueAt: new Date(a.due_at),
      returnWindowDays: rules.returnRequestDays,
      returnDeadline,
      contactMissing: rules.contactRequired && !contacts.some((x) => x.assignment_id === a.id && x.round === a.round),
    };
    const open = ['assigned', 'accepted', 'returnRequested', 'extensionRequested'].includes(a.state);
    return {
      id: a.id,
      unitId: a.unit_id,
      unitName: a.unit_name,
      role: a.role,
      roleLabel: ROLE_LABELS[a.role],
      state: a.state,
      stateLabel: ASSIGNMENT_STATES[a.state] ?? a.state,
      round: a.round,
      assignedAt: iso(a.assigned_at)!,
      dueAt: iso(a.due_at)!,
      originalDueAt: iso(a.original_due_at)!,
      acceptedAt: iso(a.accepted_at),
      repliedAt: iso(a.replied_at),
      extensionCount: a.extension_count,
      overdue: open && new Date(a.due_at).getTime() < clockNow().getTime(),
      returnDeadline: returnDeadline.toISOString(),
      actions: p.state === 'handling' ? allowedActions(assignmentProcess, actor, aItem) : [],
      contacts: contacts
        .filter((x) => x.assignment_id === a.id)
        .map((x) => ({
          id: x.id,
          round: x.round,
          way: x.way,
          date: String(iso(x.contact_date)).slice(0, 10),
          notes: x.notes,
        })),
      views: views
        .filter((v) => v.assignment_id === a.id && seesView(v))
        .map((v) => ({ id: v.id, text: v.text, createdAt: iso(v.created_at)! })),
    };
  });
  const timeline = await proposalTimeline(db, actor, id, assignmentRows, comm?.id ?? null);
  return {
    id: p.id,
    number: p.number,
    numberLabel: numberLabel(p.session_name, p.number),
    title: p.title,
    background: p.background,
    suggestions: p.suggestions,
    category: p.category,
    kind: p.kind,
    kindLabel: KIND_LABELS[p.kind],
    state: p.state,
    stateLabel: PROPOSAL_STATES[p.state] ?? p.state,
    year: p.year,
    termId: p.term_id,
    termName: p.term_name,
    sessionId: p.session_id,
    sessionName: p.session_name,
    isSessionProposal: p.is_session_proposal,
    isKey: p.is_key,
    isPublic: p.is_public,
    mergedInto: p.merged_into_id
      ? {
          id: p.merged_into_id,
          title: p.merged_title,
          numberLabel: numberLabel(p.merged_session_name, p.merged_number),
        }
      : null,
    mergedFrom: mergedFrom.map((m) => ({ id: m.id, title: m.title, proposers: m.names ?? m.org_name ?? '' })),
    convertedTo: p.converted_to,
    convertedOpinionId: p.converted_opinion_id,
    rejectGround: p.reject_ground,
    org: p.org_id ? { id: p.org_id, name: p.org_name, responsibleName: p.responsible_name } : null,
    proposers: proposers.map((x) => ({
      memberId: x.member_id,
      name: x.name,
      isLead: x.is_lead,
      cosignStatus: x.cosign_status,
      sector: x.sector,
      workUnit: x.work_unit,
    })),
    suggestedUnits: units,
    assignmentMode: p.assignment_mode,
    assignmentPlan: staff ? p.assignment_plan : null,
    round: p.round,
    outcomeClass: p.outcome_class,
    outcomeLabel: classLabel(rules, p.outcome_class),
    ratingDueAt: iso(p.rating_due_at),
    submittedAt: iso(p.submitted_at),
    registeredAt: iso(p.registered_at),
    createdAt: iso(p.created_at)!,
    updatedAt: iso(p.updated_at)!,
    files: files.map((f) => ({ id: f.id, name: f.name, mime: f.mime, size: f.size })),
    assignments,
    replies: replyRows.filter(seesReply).map((r) => ({
      id: r.id,
      assignmentId: r.assignment_id,
      unitName: r.unit_name,
      round: r.round,
      outcomeClass: r.outcome_class,
      outcomeLabel: classLabel(rules, r.outcome_class),
      originalClass: r.original_class,
      text: r.text,
      letter: r.letter_file_id ? { id: r.letter_file_id, name: r.letter_name } : null,
      isPublic: r.is_public,
      reviewState: r.review_state,
      reviewComment: r.review_comment,
      createdAt: iso(r.created_at)!,
    })),
    ratings: ratingRows.map((r) => ({
      id: r.id,
      round: r.round,
      raterName: r.rater_name,
      rating: r.rating,
      ratingLabel: RATING_LABELS[r.rating],
      comment: r.comment,
      enteredByStaff: r.entered_by_staff,
      createdAt: iso(r.created_at)!,
    })),
    raters: raterNames.map((r) => ({
      memberId: r.k === 'm' ? r.id : null,
      orgId: r.k === 'o' ? r.id : null,
      name: r.name,
      rated: item.ratedKeys.includes(`${r.k}:${r.id}`),
    })),
    key: keyRec
      ? {
          governmentLeader: keyRec.government_leader,
          supervisingLeader: keyRec.supervising_leader,
          note: keyRec.note,
          selectedAt: iso(keyRec.selected_at)!,
          events: keyEvents.map((e) => ({
            id: e.id,
            kind: e.kind,
            kindLabel: KEY_EVENT_LABELS[e.kind],
            date: String(iso(e.event_date)).slice(0, 10),
            text: e.text,
            by: e.created_by_name,
          })),
        }
      : null,
    commendation: comm
      ? {
          id: comm.id,
          year: comm.year,
          state: comm.state,
          stateLabel: COMMENDATION_STATES[comm.state],
          reason: comm.reason,
          score: comm.score,
          opinion: comm.opinion,
          actions: allowedActions(commendationProcess, actor, {
            id: comm.id,
            state: comm.state,
            proposalId: id,
            year: comm.year,
          }),
        }
      : null,
    timeline,
    actions: allowedActions(proposalProcess, actor, item),
    can: {
      edit: ['draft', 'returned'].includes(p.state) && isAuthor(actor, item),
      delete: p.state === 'draft' && isAuthor(actor, item),
      setKey: can(actor.roles, 'proposal.key') && REGISTERED_STATES.includes(p.state),
      commend: can(actor.roles, 'proposal.commend') && REGISTERED_STATES.includes(p.state),
      setPublic: isOffice(actor) && REGISTERED_STATES.includes(p.state),
      exportWord: true,
    },
  };
}

async function proposalTimeline(db: Db, actor: Actor, id: number, assignments: any[], commendationId: number | null) {
  const c = actor.committeeId;
  const aIds = assignments.map((a) => a.id);
  const rows = await query<any>(
    db,
    sql`select id, process, entity_id, action, from_state, to_state, actor_name, comment, data, created_at from workflow_transitions
      where committee_id = ${c} and ((process = 'proposal' and entity_id = ${id})
        or (process = 'proposal-assignment' and entity_id = any(${sql.param(aIds)}::int[]))
        or (process = 'proposal-commendation' and entity_id = ${commendationId ?? 0}))
      order by id`,
  );
  const procs: Record<string, Process<any>> = {
    proposal: proposalProcess,
    'proposal-assignment': assignmentProcess,
    'proposal-commendation': commendationProcess,
  };
  return rows.flatMap((r) => {
    const proc = procs[r.process];
    // Each step's visibleTo decides what this viewer sees: a draft reply or an internal remark is not theirs to read.
    const parts = visibleParts(proc, r.action, actor.roles);
    if (!parts) return [];
    const unit = r.process === 'proposal-assignment' ? assignments.find((a) => a.id === r.entity_id) : null;
    return {
      id: r.id,
      action: r.action,
      label: proc.transitions.find((t) => t.action === r.action)?.label ?? r.action,
      toStateLabel: proc.states[r.to_state] ?? r.to_state,
      unitName: unit ? `${unit.unit_name}（${ROLE_LABELS[unit.role]}）` : null,
      actorName: r.actor_name,
      comment: parts.comment ? r.comment : null,
      data: parts.data ? (r.data ?? null) : null,
      createdAt: iso(r.created_at)!,
    };
  });
}

// ---------- key proposals ----------

export async function setKeyProposal(
  tx: Db,
  actor: Actor,
  id: number,
  input: { governmentLeader: string; supervisingLeader: string; note?: string },
): Promise<void> {
  const p = await loadProposalItem(tx, actor.committeeId, id, true);
  if (!p || !(await canSeeProposal(tx, actor, id))) throw proposalNotFound();
  if (!REGISTERED_STATES.includes(p.state)) throw notRegistered('列为重点提案');
  if (!input.governmentLeader.trim())
    throw badRequest('proposal.key_leader', '请填写「领办的政府领导」', 'governmentLeader');
  if (!input.supervisingLeader.trim())
    throw badRequest('proposal.key_supervisor', '请填写「督办的政协领导」', 'supervisingLeader');
  const before = await queryOne<any>(
    tx,
    sql`select government_leader, supervising_leader, note from proposal_key_records where committee_id = ${actor.committeeId} and proposal_id = ${id}`,
  );
  await tx.execute(sql`insert into proposal_key_records (committee_id, proposal_id, government_leader, supervising_leader, note, selected_by)
    values (${actor.committeeId}, ${id}, ${input.governmentLeader.trim()}, ${input.supervisingLeader.trim()}, ${input.note?.trim() ?? ''}, ${actor.accountId})
    on conflict (committee_id, proposal_id) do update set government_leader = excluded.government_leader,
      supervising_leader = excluded.supervising_leader, note = excluded.note`);
  await tx.execute(
    sql`update proposals set is_key = true, updated_at = now() where committee_id = ${actor.committeeId} and id = ${id}`,
  );
  if (!before) {
    for (const memberId of p.proposerIds) {
      await recordDutyFact(tx, {
        committeeId: actor.committeeId,
        memberId,
        kind: 'proposal.key',
        role: p.kind === 'joint' ? (memberId === p.leadMemberId ? 'lead' : 'cosigner') : 'self',
        sourceType: 'proposal',
        sourceId: id,
        occurredOn: clockNow(),
        detail: { title: p.title },
      });
    }
  }
  await writeAudit(tx, actor, { action: 'proposal.key.set', entity: 'proposal', entityId: id, before, after: input });
}

export async function unsetKeyProposal(tx: Db, actor: Actor, id: number): Promise<void> {
  await assertVisible(tx, actor, id);
  const before = await queryOne<any>(
    tx,
    sql`select government_leader, supervising_leader from proposal_key_records where committee_id = ${actor.committeeId} and proposal_id = ${id}`,
  );
  if (!before) throw notKeyProposal();
  await tx.execute(
    sql`delete from proposal_key_events where committee_id = ${actor.committeeId} and proposal_id = ${id}`,
  );
  await tx.execute(
    sql`delete from proposal_key_records where committee_id = ${actor.committeeId} and proposal_id = ${id}`,
  );
  await tx.execute(
    sql`update proposals set is_key = false, updated_at = now() where committee_id = ${actor.committeeId} and id = ${id}`,
  );
  await revokeDutyFacts(tx, actor.committeeId, { sourceType: 'proposal', sourceId: id, kinds: ['proposal.key'] });
  await writeAudit(tx, actor, { action: 'proposal.key.unset', entity: 'proposal', entityId: id, before });
}

/** A proposal's title and whether it is a key proposal: what the consultation module needs to start a handling consultation. */
export async function keyProposalSummary(db: Db, committeeId: number, id: number) {
  return queryOne<{ id: number; title: string; isKey: boolean }>(
    db,
    sql`select id, title, is_key as "isKey" from proposals where committee_id = ${committeeId} and id = ${id}`,
  );
}

export async function addKeyEvent(
  tx: Db,
  actor: Actor,
  id: number,
  input: { kind: 'visit' | 'consultation' | 'progress'; date: string; text: string },
): Promise<number> {
  await assertVisible(tx, actor, id);
  const rec = await queryOne(
    tx,
    sql`select 1 from proposal_key_records where committee_id = ${actor.committeeId} and proposal_id = ${id}`,
  );
  if (!rec) throw notKeyProposal();
  if (!input.text.trim()) throw badRequest('proposal.key_event_text', '「内容」不能为空', 'text');
  const [row] = await query<{ id: number }>(
    tx,
    sql`insert into proposal_key_events (committee_id, proposal_id, kind, event_date, text, created_by, created_by_name)
      values (${actor.committeeId}, ${id}, ${input.kind}, ${input.date}, ${input.text.trim()}, ${actor.accountId}, ${actor.name}) returning id`,
  );
  await writeAudit(tx, actor, { action: 'proposal.key.event', entity: 'proposal', entityId: id, after: input });
  return row.id;
}

// ---------- commendation ----------

export async function commendAction(
  tx: Db,
  actor: Actor,
  id: number,
  body: { action: string; comment?: string; reason?: string; score?: number; opinion?: string },
): Promise<string> {
  await assertVisible(tx, actor, id);
  const p = await queryOne<{ state: string; year: number }>(
    tx,
    sql`select state, year from proposals where committee_id = ${actor.committeeId} and id = ${id} for update`,
  );
  if (!REGISTERED_STATES.includes(p!.state)) throw notRegistered('评选优秀提案');
  if (!commendationProcess.transitions.some((t) => t.action === body.action))
    throw badRequest('workflow.unknown_action', `未知的操作「${body.action}」`, 'action');
  const year = p!.year ?? beijingYearOf();
  let c = await queryOne<any>(
    tx,
    sql`select id, state, year from proposal_commendations where committee_id = ${actor.committeeId} and proposal_id = ${id} and year = ${year} for update`,
  );
  if (!c) {
    if (body.action !== 'nominate') throw conflict('proposal.not_nominated', '请先推荐该提案');
    [c] = await query<any>(
      tx,
      sql`insert into proposal_commendations (committee_id, proposal_id, year, reason) values (${actor.committeeId}, ${id}, ${year}, ${body.reason?.trim() ?? ''})
        returning id, state, year`,
    );
  } else if (body.action === 'nominate' && body.reason !== undefined) {
    await tx.execute(
      sql`update proposal_commendations set reason = ${body.reason.trim()} where committee_id = ${actor.committeeId} and id = ${c.id}`,
    );
  }
  return fireTransition(
    tx,
    commendationProcess,
    actor,
    { id: c.id, state: c.state, proposalId: id, year: c.year },
    { action: body.action, comment: body.comment, data: { score: body.score, opinion: body.opinion } },
  );
}

// ---------- public flags ----------

export async function setPublic(
  tx: Db,
  actor: Actor,
  id: number,
  input: { isPublic: boolean; replyIds?: number[]; repliesPublic?: boolean },
): Promise<void> {
  await assertVisible(tx, actor, id);
  const before = await queryOne<any>(
    tx,
    sql`select is_public, state from proposals where committee_id = ${actor.committeeId} and id = ${id} for update`,
  );
  if (!REGISTERED_STATES.includes(before.state)) throw notRegistered('公开');
  await tx.execute(
    sql`update proposals set is_public = ${input.isPublic}, updated_at = now() where committee_id = ${actor.committeeId} and id = ${id}`,
  );
  if (input.repliesPublic !== undefined) {
    await tx.execute(sql`update proposal_replies set is_public = ${input.repliesPublic}
      where committee_id = ${actor.committeeId} and proposal_id = ${id} and review_state = 'approved'
        ${input.replyIds?.length ? sql`and id = any(${sql.param(input.replyIds)}::int[])` : sql``}`);
  }
  await writeAudit(tx, actor, {
    action: 'proposal.public',
    entity: 'proposal',
    entityId: id,
    before: { isPublic: before.is_public },
    after: input,
  });
}

// ---------- unit appraisal ----------

export async function saveAppraisal(
  tx: Db,
  actor: Actor,
  input: { year: number; unitId: number; scores: Record<string, number>; comment?: string },
) {
  const rules = await getRules(tx, actor.committeeId, input.year);
  const unit = await queryOne(
    tx,
    sql`select id from handling_units where committee_id = ${actor.committeeId} and id = ${input.unitId}`,
  );
  if (!unit) throw badRequest('proposal.appraisal_unit', '「承办单位」不存在', 'unitId');
  let total = 0;
  for (const d of rules.appraisalDimensions) {
    const v = input.scores[d.key];
    if (v == null || typeof v !== 'number' || Number.isNaN(v))
      throw badRequest('proposal.appraisal_score', `请填写「${d.label}」得分`, `scores.${d.key}`);
    if (v < 0 || v > d.max)
      throw badRequest('proposal.appraisal_score', `「${d.label}」得分须在 0–${d.max} 之间`, `scores.${d.key}`);
    total += v;
  }
  const extra = Object.keys(input.scores).find((k) => !rules.appraisalDimensions.some((d) => d.key === k));
  if (extra) throw badRequest('proposal.appraisal_score', `未知的评议项目「${extra}」`, `scores.${extra}`);
  total = Math.round(total * 10) / 10;
  const grade = gradeOf(rules, total);
  const before = await queryOne<any>(
    tx,
    sql`select scores, total, grade from proposal_unit_appraisals where committee_id = ${actor.committeeId} and year = ${input.year} and unit_id = ${input.unitId}`,
  );
  await tx.execute(sql`insert into proposal_unit_appraisals (committee_id, year, unit_id, scores, total, grade, comment, updated_by)
    values (${actor.committeeId}, ${input.year}, ${input.unitId}, ${JSON.stringify(input.scores)}::jsonb, ${total}, ${grade}, ${input.comment?.trim() ?? ''}, ${actor.accountId})
    on conflict (committee_id, year, unit_id) do update set scores = excluded.scores, total = excluded.total, grade = excluded.grade,
      comment = excluded.comment, updated_by = excluded.updated_by, updated_at = now()`);
  await writeAudit(tx, actor, {
    action: 'proposal.appraisal.save',
    entity: 'proposal_unit_appraisal',
    entityId: `${input.year}:${input.unitId}`,
    before: before ?? null,
    after: { scores: input.scores, total, grade },
  });
  return { total, grade };
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
  return next;
}

export { DEFAULT_RULES, searchTokens };

// ---------- members for the co-signer picker ----------

export async function findMembers(db: Db, actor: Actor, q: string | undefined, limit: number) {
  const like = q?.trim() ? `%${q.trim().replace(/[%_\\]/g, '\\$&')}%` : null;
  return query<{ id: number; name: string; sector: string | null; workUnit: string | null }>(
    db,
    sql`select m.id, m.name, s.name as sector, m.work_unit as "workUnit" from members m
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
  const rows = await query<any>(
    db,
    sql`select p.id, p.title, p.background, p.suggestions, p.category, p.converted_to, p.org_id, p.updated_at,
        coalesce((select array_agg(pp.member_id order by pp.is_lead desc, pp.sort) from proposal_proposers pp
          where pp.committee_id = p.committee_id and pp.proposal_id = p.id and pp.cosign_status = 'confirmed'), '{}') as member_ids
      from proposals p where p.committee_id = ${committeeId} and p.state = 'converted'
        ${opts.target ? sql`and p.converted_to = ${opts.target}` : sql``}
        ${opts.since ? sql`and p.updated_at >= ${opts.since.toISOString()}` : sql``}
      order by p.id`,
  );
  return rows.map((r) => ({
    id: r.id as number,
    title: r.title as string,
    background: r.background as string,
    suggestions: r.suggestions as string,
    category: r.category as string | null,
    target: r.converted_to as 'opinion' | 'suggestion',
    orgId: r.org_id as number | null,
    memberIds: r.member_ids as number[],
    convertedAt: iso(r.updated_at)!,
  }));
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
