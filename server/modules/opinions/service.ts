// Opinion reports: writing and submitting, screening, the staff's edited text, bulletin issues, forwarding (to the
// higher committee on the platform, or recorded targets), adoptions and instructions that flow back to the origin,
// referrals to handling units. Every change runs inside the caller's transaction and is audited.

import { type SQL, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import { namesFromTable, registerEntityNames } from '../../platform/audit/names.ts';
import { can } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';
import { beijingDateOf, clockNow, deadlineAfterDays } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { attachFiles, listFiles, registerFileAccess, type StoredFile } from '../../platform/files/files.ts';
import { accountsWithRoles, notify } from '../../platform/notifications/notifications.ts';
import { textSimilarity } from '../../platform/search/search.ts';
import { similarScope } from '../../platform/search/similar-scope.ts';
import { normaliseLine, normaliseText } from '../../platform/text/normalise.ts';
import {
  type AllowedAction,
  allowedActions,
  fireTransition,
  listTransitions,
  type TimelineEntry,
} from '../../platform/workflow/engine.ts';
import { revokeDutyFacts } from '../duty/facts.ts';
import {
  countChars,
  FORWARD_TARGETS,
  type ForwardTarget,
  issueTitle,
  LEVEL_ADOPTER,
  LEVEL_ORDER,
  LEVELS,
  type LeaderOrgan,
  type Level,
  REFERRAL_STATES,
  REPORT_STATES,
  SUBMITTER_KINDS,
  type SubmitterKind,
} from './rules.ts';
import { reportMatch, reportSearch, reportSimilarQuery } from './search.ts';
import {
  chinaToday,
  chinaYear,
  isOwner,
  loadReferralItem,
  loadReportItem,
  opinionProcess,
  opinionSettings,
  type ReportItem,
  recordMemberFacts,
  referralProcess,
  submitterAccounts,
} from './workflow.ts';

const ENTITY = 'opinion_report';
const INSTRUCTION_FILES = 'opinion_instruction';
const REFERRAL_FILES = 'opinion_referral';

// ---------------------------------------------------------------- loading and access

interface ReportRow {
  committee_id: number;
  id: number;
  year: number;
  state: string;
  title: string;
  body: string;
  char_count: number;
  category: string;
  edited_title: string | null;
  edited_body: string | null;
  edited_at: Date | null;
  edited_by_name: string | null;
  source: string;
  source_proposal_id: number | null;
  submitter_kind: SubmitterKind;
  submitter_account_id: number | null;
  submitter_name: string;
  member_ids: number[];
  informant_id: number | null;
  org_id: number | null;
  origin_committee_id: number | null;
  origin_committee_name: string | null;
  origin_report_id: number | null;
  origin_submitter_name: string | null;
  issue_id: number | null;
  issue_title: string | null;
  issue_state: string | null;
  screen_comment: string | null;
  submitted_at: Date | null;
  screened_at: Date | null;
  compiled_at: Date | null;
  created_at: Date;
}

async function loadRow(db: Db, committeeId: number, id: number, lock = false): Promise<ReportRow | null> {
  const row = await queryOne<ReportRow>(
    db,
    sql`select r.*, i.title as issue_title, i.state as issue_state from opinion_reports r
      left join opinion_issues i on i.committee_id = r.committee_id and i.id = r.issue_id
      where r.committee_id = ${committeeId} and r.id = ${id} ${lock ? sql`for update of r` : sql``}`,
  );
  return row ?? null;
}

const asItem = (r: ReportRow): ReportItem => ({
  id: r.id,
  state: r.state,
  committeeId: r.committee_id,
  title: r.title,
  submitterAccountId: r.submitter_account_id,
  memberIds: r.member_ids ?? [],
  originReportId: r.origin_report_id,
});

type Access = 'staff' | 'owner' | 'unit';

async function accessOf(db: Db, actor: Actor, r: ReportRow): Promise<Access | null> {
  if (r.state !== 'draft' && can(actor.roles, 'opinion.readAll')) return 'staff';
  if (isOwner(actor, asItem(r))) return 'owner';
  if (actor.unitId != null && r.state !== 'draft') {
    const ref = await queryOne(
      db,
      sql`select 1 from opinion_referrals where committee_id = ${r.committee_id} and report_id = ${r.id} and unit_id = ${actor.unitId} and state <> 'none'`,
    );
    if (ref) return 'unit';
  }
  return null;
}

const notFoundReport = () => notFound('opinion.not_found', '社情民意信息不存在');

/** A report this actor may read in its own committee, else 404 (another committee's rows do not exist for it). */
async function readable(db: Db, actor: Actor, id: number, lock = false): Promise<{ row: ReportRow; access: Access }> {
  const row = await loadRow(db, actor.committeeId, id, lock);
  if (!row) throw notFoundReport();
  const access = await accessOf(db, actor, row);
  if (!access) throw notFoundReport();
  return { row, access };
}

/** A report the liaison office works on: staff of this committee, not a draft. */
async function staffRow(tx: Db, actor: Actor, id: number): Promise<ReportRow> {
  const { row, access } = await readable(tx, actor, id, true);
  if (access !== 'staff' || !can(actor.roles, 'opinion.screen')) throw forbidden();
  return row;
}

const AFTER_SCREENING = ['accepted', 'compiled'];
function requireScreened(row: ReportRow, what: string) {
  if (!AFTER_SCREENING.includes(row.state)) {
    throw conflict(
      'opinion.bad_state',
      `当前状态为「${REPORT_STATES[row.state as keyof typeof REPORT_STATES] ?? row.state}」，采编留用后才能${what}`,
    );
  }
}

registerFileAccess(ENTITY, async (db, actor, id) => {
  const row = await loadRow(db, actor.committeeId, id);
  return !!row && !!(await accessOf(db, actor, row));
});
registerFileAccess(INSTRUCTION_FILES, async (db, actor, id) => {
  const ins = await queryOne<{ report_id: number }>(
    db,
    sql`select report_id from opinion_instructions where committee_id = ${actor.committeeId} and id = ${id}`,
  );
  const row = ins ? await loadRow(db, actor.committeeId, ins.report_id) : null;
  return !!row && !!(await accessOf(db, actor, row));
});
registerFileAccess(REFERRAL_FILES, async (db, actor, id) => {
  const ref = await queryOne<{ report_id: number; unit_id: number; state: string }>(
    db,
    sql`select report_id, unit_id, state from opinion_referrals where committee_id = ${actor.committeeId} and id = ${id}`,
  );
  if (!ref) return false;
  if (actor.unitId === ref.unit_id) return true;
  const row = await loadRow(db, actor.committeeId, ref.report_id);
  const access = row ? await accessOf(db, actor, row) : null;
  return access === 'staff' || (access === 'owner' && ref.state === 'approved');
});

// ---------------------------------------------------------------- writing and submitting

export interface ReportInput {
  title: string;
  body: string;
  category: string;
  fileIds?: number[];
}

async function checkInput(db: Db, committeeId: number, input: { title: string; body: string; category?: string }) {
  const settings = await opinionSettings(db, committeeId);
  const title = normaliseLine(input.title);
  const body = normaliseText(input.body);
  if (!title) throw badRequest('opinion.title_required', '「标题」不能为空', 'title');
  if (countChars(title) > settings.titleMax)
    throw badRequest('opinion.title_too_long', `「标题」不能超过 ${settings.titleMax} 个字`, 'title');
  if (!body) throw badRequest('opinion.body_required', '「正文」不能为空', 'body');
  const n = countChars(body);
  if (n > settings.maxChars)
    throw badRequest('opinion.body_too_long', `「正文」不能超过 ${settings.maxChars} 字（现为 ${n} 字）`, 'body');
  if (input.category !== undefined && !settings.categories.includes(input.category))
    throw badRequest('opinion.bad_category', `「类别」须为：${settings.categories.join('、')}`, 'category');
  return { title, body, charCount: n };
}

async function submitterOf(
  tx: Db,
  actor: Actor,
): Promise<{
  kind: SubmitterKind;
  name: string;
  memberIds: number[];
  informantId: number | null;
  orgId: number | null;
}> {
  const c = actor.committeeId;
  if (actor.roles.includes('member') && actor.memberId) {
    const m = await queryOne<{ name: string }>(
      tx,
      sql`select name from members where committee_id = ${c} and id = ${actor.memberId}`,
    );
    return { kind: 'member', name: m?.name ?? actor.name, memberIds: [actor.memberId], informantId: null, orgId: null };
  }
  if (actor.roles.includes('informant') && actor.informantId) {
    const i = await queryOne<{ name: string; status: string }>(
      tx,
      sql`select name, status from informants where committee_id = ${c} and id = ${actor.informantId}`,
    );
    if (i && i.status !== 'active') throw forbidden('opinion.informant_inactive', '信息员身份已暂停或退出，不能报送');
    return {
      kind: 'informant',
      name: i?.name ?? actor.name,
      memberIds: [],
      informantId: actor.informantId,
      orgId: null,
    };
  }
  if (actor.roles.includes('orgAccount') && actor.orgId) {
    const o = await queryOne<{ name: string }>(
      tx,
      sql`select name from organisations where committee_id = ${c} and id = ${actor.orgId}`,
    );
    return { kind: 'org', name: o?.name ?? actor.name, memberIds: [], informantId: null, orgId: actor.orgId };
  }
  if (actor.roles.includes('specialCommitteeStaff')) {
    const a = await queryOne<{ office: string | null }>(
      tx,
      sql`select office from accounts where committee_id = ${c} and id = ${actor.accountId}`,
    );
    return { kind: 'specialCommittee', name: a?.office ?? actor.name, memberIds: [], informantId: null, orgId: null };
  }
  throw forbidden('opinion.not_submitter', '当前账号不能报送社情民意信息');
}

export async function createReport(
  tx: Db,
  actor: Actor,
  input: ReportInput & { submit: boolean },
): Promise<{ id: number; state: string }> {
  const checked = await checkInput(tx, actor.committeeId, input);
  const who = await submitterOf(tx, actor);
  const [row] = await query<{ id: number }>(
    tx,
    sql`insert into opinion_reports (committee_id, year, state, title, body, char_count, category, source, submitter_kind,
        submitter_account_id, submitter_name, member_ids, informant_id, org_id, search)
      values (${actor.committeeId}, ${chinaYear()}, 'draft', ${checked.title}, ${checked.body}, ${checked.charCount}, ${input.category},
        'direct', ${who.kind}, ${actor.accountId}, ${who.name}, ${sql.param(who.memberIds)}::int[], ${who.informantId}, ${who.orgId},
        ${reportSearch(actor.committeeId, checked.title, checked.body, who.name)})
      returning id`,
  );
  await attachFiles(tx, actor, input.fileIds ?? [], ENTITY, row.id);
  await writeAudit(tx, actor, {
    action: 'opinion.create',
    entity: ENTITY,
    entityId: row.id,
    after: {
      title: checked.title,
      category: input.category,
      charCount: checked.charCount,
      fileIds: input.fileIds ?? [],
    },
  });
  if (!input.submit) return { id: row.id, state: 'draft' };
  const item = (await loadReportItem(tx, actor.committeeId, row.id))!;
  const state = await fireTransition(tx, opinionProcess, actor, item, { action: 'submit' });
  return { id: row.id, state };
}

async function ownRow(tx: Db, actor: Actor, id: number): Promise<ReportRow> {
  const row = await loadRow(tx, actor.committeeId, id, true);
  if (!row) throw notFoundReport();
  if (!isOwner(actor, asItem(row))) {
    if (await accessOf(tx, actor, row)) throw forbidden('opinion.not_owner', '只能修改本人报送的信息');
    throw notFoundReport();
  }
  return row;
}

export async function updateReport(tx: Db, actor: Actor, id: number, input: ReportInput & { submit: boolean }) {
  const row = await ownRow(tx, actor, id);
  if (!['draft', 'returned'].includes(row.state))
    throw conflict('opinion.not_editable', '信息已提交，不能再修改；如需补充请联系社情民意工作人员');
  const checked = await checkInput(tx, actor.committeeId, input);
  await tx.execute(sql`update opinion_reports set title = ${checked.title}, body = ${checked.body}, char_count = ${checked.charCount},
      category = ${input.category}, updated_at = now(), search = ${reportSearch(actor.committeeId, checked.title, checked.body, row.submitter_name)}
    where committee_id = ${actor.committeeId} and id = ${id}`);
  if (input.fileIds) {
    // The list given is the report's attachments: files left out are detached.
    await tx.execute(sql`update files set entity = null, entity_id = null
      where committee_id = ${actor.committeeId} and entity = ${ENTITY} and entity_id = ${id}
        and not (id = any(${sql.param(input.fileIds)}::int[]))`);
    await attachFiles(tx, actor, input.fileIds, ENTITY, id);
  }
  await writeAudit(tx, actor, {
    action: 'opinion.update',
    entity: ENTITY,
    entityId: id,
    before: { title: row.title, category: row.category, charCount: row.char_count },
    after: { title: checked.title, category: input.category, charCount: checked.charCount, fileIds: input.fileIds },
  });
  if (!input.submit) return { id, state: row.state };
  const state = await fireTransition(tx, opinionProcess, actor, asItem(row), {
    action: row.state === 'draft' ? 'submit' : 'resubmit',
  });
  return { id, state };
}

export async function submitReport(tx: Db, actor: Actor, id: number) {
  const row = await ownRow(tx, actor, id);
  const state = await fireTransition(tx, opinionProcess, actor, asItem(row), {
    action: row.state === 'returned' ? 'resubmit' : 'submit',
  });
  return { id, state };
}

export async function deleteDraft(tx: Db, actor: Actor, id: number) {
  const row = await ownRow(tx, actor, id);
  if (row.state !== 'draft') throw conflict('opinion.not_draft', '只能删除草稿');
  await tx.execute(sql`update files set entity = null, entity_id = null
    where committee_id = ${actor.committeeId} and entity = ${ENTITY} and entity_id = ${id}`);
  await tx.execute(sql`delete from opinion_reports where committee_id = ${actor.committeeId} and id = ${id}`);
  await writeAudit(tx, actor, { action: 'opinion.delete', entity: ENTITY, entityId: id, before: { title: row.title } });
}

// ---------------------------------------------------------------- screening and editing

export async function screenReport(
  tx: Db,
  actor: Actor,
  id: number,
  decision: 'accept' | 'decline' | 'return',
  comment: string | null,
) {
  const row = await staffRow(tx, actor, id);
  const state = await fireTransition(tx, opinionProcess, actor, asItem(row), { action: decision, comment });
  return { id, state };
}

export async function editText(tx: Db, actor: Actor, id: number, input: { editedTitle: string; editedBody: string }) {
  const row = await staffRow(tx, actor, id);
  requireScreened(row, '编辑');
  if (row.issue_state === 'issued') throw conflict('opinion.issue_issued', `${row.issue_title}已印发，不能再修改`);
  const checked = await checkInput(tx, actor.committeeId, { title: input.editedTitle, body: input.editedBody });
  await tx.execute(sql`update opinion_reports set edited_title = ${checked.title}, edited_body = ${checked.body},
      edited_at = now(), edited_by_name = ${actor.name}, updated_at = now(),
      search = ${reportSearch(actor.committeeId, row.title, row.body, checked.title, checked.body, row.submitter_name)}
    where committee_id = ${actor.committeeId} and id = ${id}`);
  await writeAudit(tx, actor, {
    action: 'opinion.edit',
    entity: ENTITY,
    entityId: id,
    before: { editedTitle: row.edited_title, editedBody: row.edited_body },
    after: { editedTitle: checked.title, editedBody: checked.body },
  });
}

// ---------------------------------------------------------------- bulletin issues

export async function createIssue(tx: Db, actor: Actor, input: { year?: number; editorNote?: string | null }) {
  const year = input.year ?? chinaYear();
  // Numbers run per committee and year; the lock keeps two editors from taking the same number.
  await tx.execute(sql`select pg_advisory_xact_lock(730300, ${actor.committeeId})`);
  const next = await queryOne<{ n: number }>(
    tx,
    sql`select coalesce(max(number), 0) + 1 as n from opinion_issues where committee_id = ${actor.committeeId} and year = ${year}`,
  );
  const title = issueTitle(year, next!.n);
  const [row] = await query<{ id: number }>(
    tx,
    sql`insert into opinion_issues (committee_id, year, number, title, editor_note, created_by)
      values (${actor.committeeId}, ${year}, ${next!.n}, ${title}, ${input.editorNote ?? null}, ${actor.accountId}) returning id`,
  );
  await writeAudit(tx, actor, {
    action: 'opinion.issue.create',
    entity: 'opinion_issue',
    entityId: row.id,
    after: { title, year, number: next!.n },
  });
  return { id: row.id, title, number: next!.n, year };
}

async function issueRow(db: Db, actor: Actor, id: number, lock = false) {
  const row = await queryOne<any>(
    db,
    sql`select * from opinion_issues where committee_id = ${actor.committeeId} and id = ${id} ${lock ? sql`for update` : sql``}`,
  );
  if (!row) throw notFound('opinion.issue_not_found', '期刊不存在');
  return row;
}

const requireDraftIssue = (issue: any) => {
  if (issue.state !== 'draft') throw conflict('opinion.issue_issued', `${issue.title}已印发，不能再调整`);
};

export async function addToIssue(tx: Db, actor: Actor, issueId: number, reportIds: number[]) {
  const issue = await issueRow(tx, actor, issueId, true);
  requireDraftIssue(issue);
  for (const reportId of reportIds) {
    const row = await staffRow(tx, actor, reportId);
    await fireTransition(tx, opinionProcess, actor, asItem(row), {
      action: 'compile',
      data: { issueId, issueTitle: issue.title },
    });
  }
}

export async function removeFromIssue(tx: Db, actor: Actor, issueId: number, reportId: number) {
  const issue = await issueRow(tx, actor, issueId, true);
  requireDraftIssue(issue);
  const row = await staffRow(tx, actor, reportId);
  if (row.issue_id !== issueId) throw notFound('opinion.not_in_issue', '该信息不在本期中');
  await fireTransition(tx, opinionProcess, actor, asItem(row), { action: 'uncompile' });
}

export async function updateIssue(
  tx: Db,
  actor: Actor,
  issueId: number,
  input: { editorNote?: string | null; order?: number[] },
) {
  const issue = await issueRow(tx, actor, issueId, true);
  requireDraftIssue(issue);
  if (input.order) {
    const current = await query<{ id: number }>(
      tx,
      sql`select id from opinion_reports where committee_id = ${actor.committeeId} and issue_id = ${issueId}`,
    );
    const ids = new Set(current.map((r) => r.id));
    if (input.order.length !== ids.size || !input.order.every((id) => ids.has(id)))
      throw badRequest('opinion.bad_order', '「排列顺序」须包含本期全部信息且不重复', 'order');
    for (const [i, id] of input.order.entries()) {
      await tx.execute(sql`update opinion_reports set issue_position = ${i + 1}
        where committee_id = ${actor.committeeId} and id = ${id}`);
    }
  }
  if (input.editorNote !== undefined) {
    await tx.execute(sql`update opinion_issues set editor_note = ${input.editorNote}, updated_at = now()
      where committee_id = ${actor.committeeId} and id = ${issueId}`);
  }
  await writeAudit(tx, actor, {
    action: 'opinion.issue.update',
    entity: 'opinion_issue',
    entityId: issueId,
    before: { editorNote: issue.editor_note },
    after: input,
  });
}

export async function issueIssue(tx: Db, actor: Actor, issueId: number, issuedOn: string | undefined) {
  const issue = await issueRow(tx, actor, issueId, true);
  requireDraftIssue(issue);
  const n = await queryOne<{ n: number }>(
    tx,
    sql`select count(*)::int as n from opinion_reports where committee_id = ${actor.committeeId} and issue_id = ${issueId}`,
  );
  if (!n!.n) throw badRequest('opinion.issue_empty', '本期还没有编入信息，不能印发');
  const day = issuedOn ?? chinaToday();
  await tx.execute(sql`update opinion_issues set state = 'issued', issued_on = ${day}, updated_at = now()
    where committee_id = ${actor.committeeId} and id = ${issueId}`);
  await writeAudit(tx, actor, {
    action: 'opinion.issue.issue',
    entity: 'opinion_issue',
    entityId: issueId,
    before: { state: 'draft' },
    after: { state: 'issued', issuedOn: day },
  });
}

export async function deleteIssue(tx: Db, actor: Actor, issueId: number) {
  const issue = await issueRow(tx, actor, issueId, true);
  requireDraftIssue(issue);
  const n = await queryOne<{ n: number; later: number }>(
    tx,
    sql`select (select count(*)::int from opinion_reports where committee_id = ${actor.committeeId} and issue_id = ${issueId}) as n,
      (select count(*)::int from opinion_issues where committee_id = ${actor.committeeId} and year = ${issue.year} and number > ${issue.number}) as later`,
  );
  if (n!.n) throw conflict('opinion.issue_not_empty', '请先将本期信息移出，再删除');
  if (n!.later) throw conflict('opinion.issue_not_last', '只能删除本年度最后一期，以免期号中断');
  await tx.execute(sql`delete from opinion_issues where committee_id = ${actor.committeeId} and id = ${issueId}`);
  await writeAudit(tx, actor, {
    action: 'opinion.issue.delete',
    entity: 'opinion_issue',
    entityId: issueId,
    before: { title: issue.title },
  });
}

export interface IssueSummary {
  id: number;
  year: number;
  number: number;
  title: string;
  state: string;
  issuedOn: string | null;
  reportCount: number;
  editorNote: string | null;
  createdAt: string;
}

export async function listIssues(db: Db, actor: Actor, q: { year?: number; limit: number; offset: number }) {
  const where = sql`i.committee_id = ${actor.committeeId} ${q.year ? sql`and i.year = ${q.year}` : sql``}`;
  const items = await query<any>(
    db,
    sql`select i.id, i.year, i.number, i.title, i.state, i.issued_on::text as "issuedOn", i.editor_note as "editorNote", i.created_at,
        (select count(*)::int from opinion_reports r where r.committee_id = i.committee_id and r.issue_id = i.id) as "reportCount"
      from opinion_issues i where ${where} order by i.year desc, i.number desc limit ${q.limit} offset ${q.offset}`,
  );
  const total = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from opinion_issues i where ${where}`);
  return {
    items: items.map((i) => ({ ...i, createdAt: new Date(i.created_at).toISOString() })) as IssueSummary[],
    total: total!.n,
  };
}

export async function issueDetail(db: Db, actor: Actor, issueId: number) {
  const issue = await issueRow(db, actor, issueId);
  const reports = await query<any>(
    db,
    sql`select id, title, body, edited_title, edited_body, category, submitter_name, submitter_kind, origin_committee_name, issue_position
      from opinion_reports where committee_id = ${actor.committeeId} and issue_id = ${issueId} order by issue_position, id`,
  );
  const forwards = await query<any>(
    db,
    sql`select f.target_name from opinion_forwards f
      join opinion_reports r on r.committee_id = f.committee_id and r.id = f.report_id
      where f.committee_id = ${actor.committeeId} and r.issue_id = ${issueId} group by f.target_name order by min(f.id)`,
  );
  const committee = await queryOne<{ name: string }>(
    db,
    sql`select name from committees where id = ${actor.committeeId}`,
  );
  return {
    id: issue.id as number,
    year: issue.year as number,
    number: issue.number as number,
    title: issue.title as string,
    state: issue.state as string,
    issuedOn: issue.issued_on ? dateText(issue.issued_on) : null,
    editorNote: issue.editor_note as string | null,
    committeeName: committee!.name,
    forwardedTo: forwards.map((f) => f.target_name as string),
    reports: reports.map((r) => ({
      id: r.id as number,
      position: r.issue_position as number,
      title: (r.edited_title ?? r.title) as string,
      body: (r.edited_body ?? r.body) as string,
      originalTitle: r.title as string,
      edited: r.edited_body != null || r.edited_title != null,
      category: r.category as string,
      submitterName: r.submitter_name as string,
      submitterKindLabel: SUBMITTER_KINDS[r.submitter_kind as SubmitterKind],
      originCommitteeName: r.origin_committee_name as string | null,
    })),
  };
}

const dateText = (d: unknown) => (d instanceof Date ? beijingDateOf(d) : String(d));

// ---------------------------------------------------------------- forwarding

interface CommitteeInfo {
  id: number;
  name: string;
  level: Level;
  parent_id: number | null;
}

const committeeInfo = async (db: Db, id: number) =>
  (await queryOne<CommitteeInfo>(db, sql`select id, name, level, parent_id from committees where id = ${id}`))!;

/** The actor as seen in another committee's books: the same person, named with their committee. */
const crossActor = (actor: Actor, committeeId: number, committeeName: string): Actor => ({
  ...actor,
  committeeId,
  name: `${committeeName} ${actor.name}`,
});

export interface ForwardInput {
  targets: { kind: ForwardTarget; name?: string }[];
  forwardedOn?: string;
  note?: string | null;
}

function defaultTargetName(kind: ForwardTarget, own: CommitteeInfo): string {
  const prefix = own.level === 'county' ? '县' : own.level === 'city' ? '市' : own.level === 'province' ? '省' : '';
  if (kind === 'party') return own.level === 'national' ? '中共中央' : `中共${prefix}委`;
  if (kind === 'government') return own.level === 'national' ? '国务院' : `${prefix}人民政府`;
  return FORWARD_TARGETS[kind];
}

export async function forwardReport(tx: Db, actor: Actor, id: number, input: ForwardInput) {
  const row = await staffRow(tx, actor, id);
  requireScreened(row, '报送');
  const own = await committeeInfo(tx, actor.committeeId);
  const day = input.forwardedOn ?? chinaToday();
  const done: { kind: ForwardTarget; name: string; upperReportId: number | null }[] = [];
  for (const target of input.targets) {
    let name = target.name?.trim() || '';
    let upperCommitteeId: number | null = null;
    let upperReportId: number | null = null;
    if (target.kind === 'other' && !name) throw badRequest('opinion.target_name', '请填写「报送对象」名称', 'targets');
    if (target.kind === 'higher') {
      if (!own.parent_id)
        throw badRequest('opinion.no_parent', '本政协在平台上没有上级政协，请选择其他报送对象', 'targets');
      const dup = await queryOne(
        tx,
        sql`select 1 from opinion_forwards where committee_id = ${actor.committeeId} and report_id = ${id} and target_kind = 'higher'`,
      );
      if (dup) throw conflict('opinion.already_forwarded', '该信息已报送上级政协');
      const parent = await committeeInfo(tx, own.parent_id);
      name = parent.name;
      upperCommitteeId = parent.id;
      upperReportId = await receiveFromLower(tx, actor, row, own, parent);
    } else if (!name) {
      name = defaultTargetName(target.kind, own);
    }
    await tx.execute(sql`insert into opinion_forwards (committee_id, report_id, target_kind, target_name, forwarded_on, note,
        upper_committee_id, upper_report_id, recorded_by_name)
      values (${actor.committeeId}, ${id}, ${target.kind}, ${name}, ${day}, ${input.note ?? null}, ${upperCommitteeId}, ${upperReportId}, ${actor.name})`);
    done.push({ kind: target.kind, name, upperReportId });
  }
  await writeAudit(tx, actor, {
    action: 'opinion.forward',
    entity: ENTITY,
    entityId: id,
    after: { targets: done.map((d) => d.name), forwardedOn: day, note: input.note ?? null },
  });
  await notify(tx, {
    committeeId: actor.committeeId,
    accountIds: await submitterAccounts(tx, actor.committeeId, asItem(row)),
    kind: 'opinion',
    title: `您的社情民意信息已报送${done.map((d) => d.name).join('、')}：${row.title}`,
    link: `/opinions/${id}`,
  });
  return done;
}

/** Puts a copy of the report (its edited text when there is one) in the higher committee's screening queue. */
async function receiveFromLower(
  tx: Db,
  actor: Actor,
  row: ReportRow,
  own: CommitteeInfo,
  parent: CommitteeInfo,
): Promise<number> {
  const title = row.edited_title ?? row.title;
  const body = row.edited_body ?? row.body;
  const submitterName = row.origin_committee_name ? row.origin_submitter_name : row.submitter_name;
  const [upper] = await query<{ id: number }>(
    tx,
    sql`insert into opinion_reports (committee_id, year, state, title, body, char_count, category, source, submitter_kind,
        submitter_name, origin_committee_id, origin_committee_name, origin_report_id, origin_submitter_name, search)
      values (${parent.id}, ${chinaYear()}, 'none', ${title}, ${body}, ${countChars(body)}, ${row.category}, 'lower', 'lower',
        ${own.name}, ${own.id}, ${own.name}, ${row.id}, ${submitterName}, ${reportSearch(parent.id, title, body, own.name)})
      returning id`,
  );
  await tx.execute(sql`insert into files (committee_id, sha256, name, mime, size, entity, entity_id, uploaded_by)
    select ${parent.id}, sha256, name, mime, size, ${ENTITY}, ${upper.id}, null from files
    where committee_id = ${own.id} and entity = ${ENTITY} and entity_id = ${row.id} order by id`);
  const upperActor = crossActor(actor, parent.id, own.name);
  const item: ReportItem = {
    id: upper.id,
    state: 'none',
    committeeId: parent.id,
    title,
    submitterAccountId: null,
    memberIds: [],
    originReportId: row.id,
  };
  await fireTransition(tx, opinionProcess, upperActor, item, {
    action: 'receive',
    comment: `${own.name}报送`,
  });
  await notify(tx, {
    committeeId: parent.id,
    accountIds: await accountsWithRoles(tx, parent.id, ['liaisonStaff']),
    kind: 'opinion',
    title: `收到${own.name}报送的社情民意信息：${title}`,
    body: '来自下级政协，请筛选。',
    link: `/opinions/${upper.id}`,
  });
  return upper.id;
}

export async function forwardIssue(tx: Db, actor: Actor, issueId: number, input: ForwardInput) {
  const issue = await issueRow(tx, actor, issueId, true);
  if (issue.state !== 'issued') throw conflict('opinion.issue_not_issued', `${issue.title}印发后才能报送`);
  const reports = await query<{ id: number }>(
    tx,
    sql`select id from opinion_reports where committee_id = ${actor.committeeId} and issue_id = ${issueId} order by issue_position`,
  );
  let forwarded = 0;
  for (const r of reports) {
    const already = await query<{ target_kind: string; target_name: string }>(
      tx,
      sql`select target_kind, target_name from opinion_forwards where committee_id = ${actor.committeeId} and report_id = ${r.id}`,
    );
    // Each report goes once to each target: targets it already reached are skipped.
    const targets = input.targets.filter(
      (t) =>
        !already.some((a) => a.target_kind === t.kind && (t.kind === 'higher' || !t.name || a.target_name === t.name)),
    );
    if (!targets.length) continue;
    await forwardReport(tx, actor, r.id, { ...input, targets });
    forwarded++;
  }
  return { forwarded };
}

// ---------------------------------------------------------------- adoptions and instructions (flow back down)

function checkLevel(level: Level, own: CommitteeInfo) {
  if (LEVEL_ORDER.indexOf(level) < LEVEL_ORDER.indexOf(own.level))
    throw badRequest(
      'opinion.bad_level',
      `「级别」不能低于本政协（${LEVELS[own.level]}）；${LEVELS[level]}的采用和批示由该级政协记录后自动回传`,
      'level',
    );
}

/** Origin rows below a report, nearest first: the copies a forward chain left behind. */
async function originChain(tx: Db, row: ReportRow): Promise<ReportRow[]> {
  const chain: ReportRow[] = [];
  let cur = row;
  while (cur.origin_committee_id && cur.origin_report_id && chain.length < 5) {
    const origin = await loadRow(tx, cur.origin_committee_id, cur.origin_report_id, true);
    if (!origin) break;
    chain.push(origin);
    cur = origin;
  }
  return chain;
}

async function tellOrigin(tx: Db, origin: ReportRow, title: string, body: string) {
  await notify(tx, {
    committeeId: origin.committee_id,
    accountIds: [
      ...(await accountsWithRoles(tx, origin.committee_id, ['liaisonStaff'])),
      ...(await submitterAccounts(tx, origin.committee_id, asItem(origin))),
    ],
    kind: 'opinion',
    title,
    body,
    link: `/opinions/${origin.id}`,
  });
}

export interface AdoptionInput {
  level: Level;
  adoptedBy?: string;
  adoptedOn: string;
  note?: string | null;
}

export async function recordAdoption(tx: Db, actor: Actor, id: number, input: AdoptionInput) {
  const row = await staffRow(tx, actor, id);
  requireScreened(row, '记录采用');
  const own = await committeeInfo(tx, actor.committeeId);
  checkLevel(input.level, own);
  const adoptedBy = input.adoptedBy?.trim() || (input.level === own.level ? own.name : LEVEL_ADOPTER[input.level]);
  const dup = await queryOne(
    tx,
    sql`select 1 from opinion_adoptions where committee_id = ${actor.committeeId} and report_id = ${id} and level = ${input.level}`,
  );
  if (dup) throw conflict('opinion.already_adopted', `已记录${LEVELS[input.level]}采用`);
  const insert = async (c: number, reportId: number, from: { c: number; id: number } | null) =>
    (
      await query<{ id: number }>(
        tx,
        sql`insert into opinion_adoptions (committee_id, report_id, level, adopted_by, adopted_on, note, recorded_by_name,
            recorded_committee_name, propagated_from_committee_id, propagated_from_id)
          values (${c}, ${reportId}, ${input.level}, ${adoptedBy}, ${input.adoptedOn}, ${input.note ?? null}, ${actor.name},
            ${own.name}, ${from?.c ?? null}, ${from?.id ?? null})
          on conflict (committee_id, report_id, level) do nothing returning id`,
      )
    )[0]?.id;
  const adoptionId = (await insert(actor.committeeId, id, null))!;
  const after = { level: input.level, adoptedBy, adoptedOn: input.adoptedOn, note: input.note ?? null };
  await writeAudit(tx, actor, { action: 'opinion.adopt', entity: ENTITY, entityId: id, after });
  await recordMemberFacts(tx, actor.committeeId, row.member_ids ?? [], {
    kind: 'opinion.adopted',
    sourceType: 'opinion_adoption',
    sourceId: adoptionId,
    detail: { level: input.level, reportId: id },
  });
  const text = `${adoptedBy}采用（${LEVELS[input.level]}）：${row.title}`;
  await notify(tx, {
    committeeId: actor.committeeId,
    accountIds: await submitterAccounts(tx, actor.committeeId, asItem(row)),
    kind: 'opinion',
    title: `您的社情民意信息被${text}`,
    link: `/opinions/${id}`,
  });
  let from = { c: actor.committeeId, id: adoptionId };
  for (const origin of await originChain(tx, row)) {
    const copyId = await insert(origin.committee_id, origin.id, from);
    if (!copyId) break;
    await writeAudit(tx, crossActor(actor, origin.committee_id, own.name), {
      action: 'opinion.adopt',
      entity: ENTITY,
      entityId: origin.id,
      after: { ...after, from: own.name },
    });
    await recordMemberFacts(tx, origin.committee_id, origin.member_ids ?? [], {
      kind: 'opinion.adopted',
      sourceType: 'opinion_adoption',
      sourceId: copyId,
      detail: { level: input.level, reportId: origin.id },
    });
    await tellOrigin(tx, origin, `社情民意信息被${adoptedBy}采用：${origin.title}`, `${own.name} ${actor.name} 记录`);
    from = { c: origin.committee_id, id: copyId };
  }
  return { id: adoptionId };
}

/** Removes a mistaken record and every copy that flowed down from it (with their duty facts). */
async function removeWithCopies(
  tx: Db,
  actor: Actor,
  table: 'opinion_adoptions' | 'opinion_instructions',
  reportId: number,
  recordId: number,
) {
  const row = await staffRow(tx, actor, reportId);
  const table_ = sql.raw(table);
  const rec = await queryOne<any>(
    tx,
    sql`select * from ${table_} where committee_id = ${actor.committeeId} and id = ${recordId} and report_id = ${reportId} for update`,
  );
  if (!rec) throw notFound('opinion.record_not_found', '记录不存在');
  if (rec.propagated_from_id)
    throw forbidden('opinion.record_propagated', `该记录由${rec.recorded_committee_name}回传，只能由其修改`);
  const sourceType = table === 'opinion_adoptions' ? 'opinion_adoption' : 'opinion_instruction';
  const action = table === 'opinion_adoptions' ? 'opinion.adoption.delete' : 'opinion.instruction.delete';
  let cur: { c: number; id: number } | null = { c: actor.committeeId, id: recordId };
  let reportOf = row.id;
  while (cur) {
    const copy: { committee_id: number; id: number; report_id: number } | undefined = await queryOne<any>(
      tx,
      sql`select committee_id, id, report_id from ${table_} where propagated_from_committee_id = ${cur.c} and propagated_from_id = ${cur.id}`,
    );
    await revokeDutyFacts(tx, cur.c, { sourceType, sourceId: cur.id });
    if (sourceType === 'opinion_instruction') {
      await tx.execute(sql`update files set entity = null, entity_id = null
        where committee_id = ${cur.c} and entity = ${INSTRUCTION_FILES} and entity_id = ${cur.id}`);
    }
    await tx.execute(sql`delete from ${table_} where committee_id = ${cur.c} and id = ${cur.id}`);
    const who =
      cur.c === actor.committeeId ? actor : crossActor(actor, cur.c, (await committeeInfo(tx, actor.committeeId)).name);
    await writeAudit(tx, who, { action, entity: ENTITY, entityId: reportOf, before: rec });
    cur = copy ? { c: copy.committee_id, id: copy.id } : null;
    if (copy) reportOf = copy.report_id;
  }
}

export const deleteAdoption = (tx: Db, actor: Actor, reportId: number, id: number) =>
  removeWithCopies(tx, actor, 'opinion_adoptions', reportId, id);
export const deleteInstruction = (tx: Db, actor: Actor, reportId: number, id: number) =>
  removeWithCopies(tx, actor, 'opinion_instructions', reportId, id);

export interface InstructionInput {
  leaderName: string;
  leaderTitle?: string | null;
  leaderOrgan?: LeaderOrgan;
  level: Level;
  instructedOn: string;
  text: string;
  fileIds?: number[];
}

export async function recordInstruction(tx: Db, actor: Actor, id: number, input: InstructionInput) {
  const row = await staffRow(tx, actor, id);
  requireScreened(row, '记录批示');
  const own = await committeeInfo(tx, actor.committeeId);
  checkLevel(input.level, own);
  const leaderName = input.leaderName.trim();
  const text = input.text.trim();
  if (!leaderName) throw badRequest('opinion.leader_required', '「批示领导」不能为空', 'leaderName');
  if (!text) throw badRequest('opinion.instruction_text_required', '「批示内容」不能为空', 'text');
  const organ = input.leaderOrgan ?? 'other';
  const insert = async (c: number, reportId: number, from: { c: number; id: number } | null) =>
    (
      await query<{ id: number }>(
        tx,
        sql`insert into opinion_instructions (committee_id, report_id, leader_name, leader_title, leader_organ, level, instructed_on,
            text, recorded_by_name, recorded_committee_name, propagated_from_committee_id, propagated_from_id)
          values (${c}, ${reportId}, ${leaderName}, ${input.leaderTitle ?? null}, ${organ}, ${input.level}, ${input.instructedOn},
            ${text}, ${actor.name}, ${own.name}, ${from?.c ?? null}, ${from?.id ?? null}) returning id`,
      )
    )[0].id;
  const insId = await insert(actor.committeeId, id, null);
  await attachFiles(tx, actor, input.fileIds ?? [], INSTRUCTION_FILES, insId);
  const after = {
    leaderName,
    leaderTitle: input.leaderTitle ?? null,
    leaderOrgan: organ,
    level: input.level,
    instructedOn: input.instructedOn,
    text,
    fileIds: input.fileIds ?? [],
  };
  await writeAudit(tx, actor, { action: 'opinion.instruct', entity: ENTITY, entityId: id, after });
  await recordMemberFacts(tx, actor.committeeId, row.member_ids ?? [], {
    kind: 'opinion.instruction',
    sourceType: 'opinion_instruction',
    sourceId: insId,
    detail: { level: input.level, reportId: id },
  });
  const who = `${input.leaderTitle ?? ''}${leaderName}`;
  await notify(tx, {
    committeeId: actor.committeeId,
    accountIds: await submitterAccounts(tx, actor.committeeId, asItem(row)),
    kind: 'opinion',
    title: `${who}对您的社情民意信息作出批示：${row.title}`,
    link: `/opinions/${id}`,
  });
  let from = { c: actor.committeeId, id: insId };
  for (const origin of await originChain(tx, row)) {
    const copyId = await insert(origin.committee_id, origin.id, from);
    await tx.execute(sql`insert into files (committee_id, sha256, name, mime, size, entity, entity_id, uploaded_by)
      select ${origin.committee_id}, sha256, name, mime, size, ${INSTRUCTION_FILES}, ${copyId}, null from files
      where committee_id = ${from.c} and entity = ${INSTRUCTION_FILES} and entity_id = ${from.id} order by id`);
    await writeAudit(tx, crossActor(actor, origin.committee_id, own.name), {
      action: 'opinion.instruct',
      entity: ENTITY,
      entityId: origin.id,
      after: { ...after, from: own.name },
    });
    await recordMemberFacts(tx, origin.committee_id, origin.member_ids ?? [], {
      kind: 'opinion.instruction',
      sourceType: 'opinion_instruction',
      sourceId: copyId,
      detail: { level: input.level, reportId: origin.id },
    });
    await tellOrigin(tx, origin, `${who}对社情民意信息作出批示：${origin.title}`, `${own.name} ${actor.name} 记录`);
    from = { c: origin.committee_id, id: copyId };
  }
  return { id: insId };
}

// ---------------------------------------------------------------- referrals to handling units

export async function referReport(
  tx: Db,
  actor: Actor,
  id: number,
  input: { unitId: number; note?: string | null; dueOn?: string },
) {
  const row = await staffRow(tx, actor, id);
  requireScreened(row, '转办');
  const unit = await queryOne<{ name: string; active: boolean }>(
    tx,
    sql`select name, active from handling_units where committee_id = ${actor.committeeId} and id = ${input.unitId}`,
  );
  if (!unit?.active) throw badRequest('opinion.bad_unit', '「承办单位」不存在或已停用', 'unitId');
  const open = await queryOne(
    tx,
    sql`select 1 from opinion_referrals where committee_id = ${actor.committeeId} and report_id = ${id} and unit_id = ${input.unitId} and state <> 'approved'`,
  );
  if (open) throw conflict('opinion.already_referred', `已转办${unit.name}，尚未办结`);
  const settings = await opinionSettings(tx, actor.committeeId);
  const dueOn =
    input.dueOn ??
    beijingDateOf(await deadlineAfterDays(tx, actor.committeeId, clockNow(), settings.referralDays, settings.dayUnit));
  if (dueOn < chinaToday()) throw badRequest('opinion.bad_due', '「办理期限」不能早于今天', 'dueOn');
  const [ref] = await query<{ id: number }>(
    tx,
    sql`insert into opinion_referrals (committee_id, report_id, unit_id, state, note, due_on, created_by_name)
      values (${actor.committeeId}, ${id}, ${input.unitId}, 'none', ${input.note ?? null}, ${dueOn}, ${actor.name}) returning id`,
  );
  await fireTransition(tx, referralProcess, actor, (await loadReferralItem(tx, actor.committeeId, ref.id))!, {
    action: 'refer',
    comment: input.note ?? null,
    data: { unitId: input.unitId, unitName: unit.name, dueOn },
  });
  return { id: ref.id, dueOn };
}

async function referralFor(tx: Db, actor: Actor, id: number) {
  const item = await loadReferralItem(tx, actor.committeeId, id);
  if (!item || item.state === 'none') throw notFound('opinion.referral_not_found', '转办记录不存在');
  return item;
}

export async function respondReferral(
  tx: Db,
  actor: Actor,
  id: number,
  input: { response: string; fileIds?: number[] },
) {
  await tx.execute(
    sql`select 1 from opinion_referrals where committee_id = ${actor.committeeId} and id = ${id} for update`,
  );
  const item = await referralFor(tx, actor, id);
  if (item.unitId !== actor.unitId) throw notFound('opinion.referral_not_found', '转办记录不存在');
  const response = input.response.trim();
  if (!response) throw badRequest('opinion.response_required', '「办理回复」不能为空', 'response');
  await attachFiles(tx, actor, input.fileIds ?? [], REFERRAL_FILES, id);
  return fireTransition(tx, referralProcess, actor, item, { action: 'respond', data: { response } });
}

export async function reviewReferral(
  tx: Db,
  actor: Actor,
  id: number,
  input: { decision: 'approve' | 'reject'; comment?: string | null },
) {
  await tx.execute(
    sql`select 1 from opinion_referrals where committee_id = ${actor.committeeId} and id = ${id} for update`,
  );
  const item = await referralFor(tx, actor, id);
  return fireTransition(tx, referralProcess, actor, item, { action: input.decision, comment: input.comment ?? null });
}

export async function unitReferrals(db: Db, actor: Actor, q: { state?: string; limit: number; offset: number }) {
  if (!actor.unitId) throw forbidden();
  const where = sql`f.committee_id = ${actor.committeeId} and f.unit_id = ${actor.unitId} and f.state <> 'none'
    ${q.state ? sql`and f.state = ${q.state}` : sql``}`;
  const rows = await query<any>(
    db,
    sql`select f.id, f.report_id, f.state, f.note, f.due_on::text as due_on, f.response, f.responded_at, f.review_comment, f.created_at,
        coalesce(r.edited_title, r.title) as title, coalesce(r.edited_body, r.body) as body, r.category
      from opinion_referrals f join opinion_reports r on r.committee_id = f.committee_id and r.id = f.report_id
      where ${where} order by (f.state = 'referred') desc, f.due_on, f.id desc limit ${q.limit} offset ${q.offset}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`select count(*)::int as n from opinion_referrals f where ${where}`,
  );
  const items = [];
  for (const r of rows) {
    items.push({
      id: r.id as number,
      reportId: r.report_id as number,
      state: r.state as string,
      stateLabel: REFERRAL_STATES[r.state as keyof typeof REFERRAL_STATES] ?? r.state,
      title: r.title as string,
      body: r.body as string,
      category: r.category as string,
      note: r.note as string | null,
      dueOn: r.due_on as string | null,
      overdue: r.state === 'referred' && !!r.due_on && r.due_on < chinaToday(),
      response: r.response as string | null,
      respondedAt: r.responded_at ? new Date(r.responded_at).toISOString() : null,
      reviewComment: r.review_comment as string | null,
      createdAt: new Date(r.created_at).toISOString(),
      files: await listFiles(db, actor.committeeId, REFERRAL_FILES, r.id),
    });
  }
  return { items, total: total!.n };
}

// ---------------------------------------------------------------- reading

export interface ReportDetail {
  id: number;
  state: string;
  stateLabel: string;
  year: number;
  title: string;
  body: string;
  charCount: number;
  category: string;
  editedTitle: string | null;
  editedBody: string | null;
  editedAt: string | null;
  editedByName: string | null;
  source: string;
  submitterKind: string;
  submitterKindLabel: string;
  submitterName: string;
  fromLower: boolean;
  originCommitteeName: string | null;
  originSubmitterName: string | null;
  issue: { id: number; title: string; state: string } | null;
  screenComment: string | null;
  submittedAt: string | null;
  createdAt: string;
  files: StoredFile[];
  forwards: { id: number; targetKind: string; targetName: string; forwardedOn: string; note: string | null }[];
  adoptions: {
    id: number;
    level: string;
    levelLabel: string;
    adoptedBy: string;
    adoptedOn: string;
    note: string | null;
    recordedBy: string | null;
    fromCommittee: string | null;
  }[];
  instructions: {
    id: number;
    leaderName: string;
    leaderTitle: string | null;
    leaderOrgan: string;
    level: string;
    levelLabel: string;
    instructedOn: string;
    text: string;
    recordedBy: string | null;
    fromCommittee: string | null;
    files: StoredFile[];
  }[];
  referrals: {
    id: number;
    unitId: number;
    unitName: string;
    state: string;
    stateLabel: string;
    note: string | null;
    dueOn: string | null;
    response: string | null;
    respondedAt: string | null;
    responderName: string | null;
    reviewComment: string | null;
    files: StoredFile[];
  }[];
  timeline: TimelineEntry[];
  access: Access;
  actions: AllowedAction[];
  can: { edit: boolean; editText: boolean; forward: boolean; record: boolean; refer: boolean };
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export async function reportDetail(db: Db, actor: Actor, id: number): Promise<ReportDetail> {
  const { row: r, access } = await readable(db, actor, id);
  const c = actor.committeeId;
  const staff = access === 'staff';
  const owner = access === 'owner' || (staff && isOwner(actor, asItem(r)));
  const [files, forwards, adoptions, instructions, referrals] = await Promise.all([
    listFiles(db, c, ENTITY, id),
    query<any>(
      db,
      sql`select id, target_kind, target_name, forwarded_on::text as forwarded_on, note from opinion_forwards
        where committee_id = ${c} and report_id = ${id} order by id`,
    ),
    query<any>(
      db,
      sql`select id, level, adopted_by, adopted_on::text as adopted_on, note, recorded_by_name, recorded_committee_name, propagated_from_id
        from opinion_adoptions where committee_id = ${c} and report_id = ${id} order by adopted_on, id`,
    ),
    query<any>(
      db,
      sql`select id, leader_name, leader_title, leader_organ, level, instructed_on::text as instructed_on, text, recorded_by_name,
          recorded_committee_name, propagated_from_id
        from opinion_instructions where committee_id = ${c} and report_id = ${id} order by instructed_on, id`,
    ),
    query<any>(
      db,
      sql`select f.id, f.unit_id, u.name as unit_name, f.state, f.note, f.due_on::text as due_on, f.response, f.responded_at,
          f.responder_name, f.review_comment
        from opinion_referrals f join handling_units u on u.committee_id = f.committee_id and u.id = f.unit_id
        where f.committee_id = ${c} and f.report_id = ${id} and f.state <> 'none'
          ${access === 'unit' ? sql`and f.unit_id = ${actor.unitId}` : sql``}
        order by f.id`,
    ),
  ]);
  const visibleReferrals = referrals.filter((f) => staff || access === 'unit' || f.state === 'approved');
  const referralOut = [];
  for (const f of visibleReferrals) {
    const showResponse = staff || access === 'unit' || f.state === 'approved';
    referralOut.push({
      id: f.id,
      unitId: f.unit_id,
      unitName: f.unit_name,
      state: f.state,
      stateLabel: REFERRAL_STATES[f.state as keyof typeof REFERRAL_STATES] ?? f.state,
      note: staff || access === 'unit' ? f.note : null,
      dueOn: f.due_on,
      response: showResponse ? f.response : null,
      respondedAt: showResponse ? iso(f.responded_at) : null,
      responderName: showResponse ? f.responder_name : null,
      reviewComment: staff || access === 'unit' ? f.review_comment : null,
      files: showResponse ? await listFiles(db, c, REFERRAL_FILES, f.id) : [],
    });
  }
  const instructionOut = [];
  for (const i of access === 'unit' ? [] : instructions) {
    instructionOut.push({
      id: i.id,
      leaderName: i.leader_name,
      leaderTitle: i.leader_title,
      leaderOrgan: i.leader_organ,
      level: i.level,
      levelLabel: LEVELS[i.level as Level],
      instructedOn: i.instructed_on,
      text: i.text,
      recordedBy: i.recorded_by_name,
      fromCommittee: i.propagated_from_id ? i.recorded_committee_name : null,
      files: await listFiles(db, c, INSTRUCTION_FILES, i.id),
    });
  }
  const item = asItem(r);
  const screener = staff && can(actor.roles, 'opinion.screen');
  const issueOpen = !r.issue_id || r.issue_state === 'draft';
  return {
    id: r.id,
    state: r.state,
    stateLabel: REPORT_STATES[r.state as keyof typeof REPORT_STATES] ?? r.state,
    year: r.year,
    title: r.title,
    body: r.body,
    charCount: r.char_count,
    category: r.category,
    editedTitle: r.edited_title,
    editedBody: r.edited_body,
    editedAt: iso(r.edited_at),
    editedByName: access === 'unit' ? null : r.edited_by_name,
    source: r.source,
    submitterKind: r.submitter_kind,
    submitterKindLabel: SUBMITTER_KINDS[r.submitter_kind],
    submitterName: access === 'unit' ? '' : r.submitter_name,
    fromLower: r.origin_report_id != null,
    originCommitteeName: r.origin_committee_name,
    originSubmitterName: staff ? r.origin_submitter_name : null,
    issue: r.issue_id ? { id: r.issue_id, title: r.issue_title!, state: r.issue_state! } : null,
    screenComment: access === 'unit' ? null : r.screen_comment,
    submittedAt: iso(r.submitted_at),
    createdAt: iso(r.created_at)!,
    files,
    forwards: staff
      ? forwards.map((f) => ({
          id: f.id,
          targetKind: f.target_kind,
          targetName: f.target_name,
          forwardedOn: f.forwarded_on,
          note: f.note,
        }))
      : forwards.map((f) => ({
          id: f.id,
          targetKind: f.target_kind,
          targetName: f.target_name,
          forwardedOn: f.forwarded_on,
          note: null,
        })),
    adoptions:
      access === 'unit'
        ? []
        : adoptions.map((a) => ({
            id: a.id,
            level: a.level,
            levelLabel: LEVELS[a.level as Level],
            adoptedBy: a.adopted_by,
            adoptedOn: a.adopted_on,
            note: a.note,
            recordedBy: staff ? a.recorded_by_name : null,
            fromCommittee: a.propagated_from_id ? a.recorded_committee_name : null,
          })),
    instructions: instructionOut,
    referrals: referralOut,
    timeline: access === 'unit' ? [] : await listTransitions(db, opinionProcess, c, id, actor),
    access,
    actions: allowedActions(opinionProcess, actor, item).filter(
      (a) => !['compile', 'uncompile', 'receive', 'convert'].includes(a.action),
    ),
    can: {
      edit: owner && ['draft', 'returned'].includes(r.state),
      editText: screener && AFTER_SCREENING.includes(r.state) && issueOpen,
      forward: screener && AFTER_SCREENING.includes(r.state),
      record: screener && AFTER_SCREENING.includes(r.state),
      refer: screener && AFTER_SCREENING.includes(r.state),
    },
  };
}

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

function listWhere(actor: Actor, f: ListFilters, scope: 'staff' | 'mine'): SQL {
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

export interface ListItem {
  id: number;
  title: string;
  category: string;
  state: string;
  stateLabel: string;
  year: number;
  submitterKind: string;
  submitterKindLabel: string;
  submitterName: string;
  originCommitteeName: string | null;
  submittedAt: string | null;
  createdAt: string;
  charCount: number;
  issueTitle: string | null;
  adoptedLevels: string[];
  instructionLevels: string[];
  referralState: string | null;
}

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
  const rows = await query<any>(
    db,
    sql`select r.id, r.title, r.category, r.state, r.year, r.submitter_kind, r.submitter_name, r.origin_committee_name,
        r.submitted_at, r.created_at, r.char_count, i.title as issue_title,
        array(select a.level from opinion_adoptions a where a.committee_id = r.committee_id and a.report_id = r.id order by a.level) as adopted,
        array(select distinct b.level from opinion_instructions b where b.committee_id = r.committee_id and b.report_id = r.id) as instructed,
        (select x.state from opinion_referrals x where x.committee_id = r.committee_id and x.report_id = r.id and x.state <> 'none' order by x.id desc limit 1) as referral_state
      from opinion_reports r left join opinion_issues i on i.committee_id = r.committee_id and i.id = r.issue_id
      where ${where} ${order} limit ${paging.limit} offset ${paging.offset}`,
  );
  const total = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from opinion_reports r where ${where}`);
  const levelSort = (ls: string[]) =>
    [...ls].sort((a, b) => LEVEL_ORDER.indexOf(a as Level) - LEVEL_ORDER.indexOf(b as Level));
  return {
    total: total!.n,
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      category: r.category,
      state: r.state,
      stateLabel: REPORT_STATES[r.state as keyof typeof REPORT_STATES] ?? r.state,
      year: r.year,
      submitterKind: r.submitter_kind,
      submitterKindLabel: SUBMITTER_KINDS[r.submitter_kind as SubmitterKind],
      submitterName: r.submitter_name,
      originCommitteeName: r.origin_committee_name,
      submittedAt: iso(r.submitted_at),
      createdAt: iso(r.created_at)!,
      charCount: r.char_count,
      issueTitle: r.issue_title,
      adoptedLevels: levelSort(r.adopted ?? []),
      instructionLevels: levelSort(r.instructed ?? []),
      referralState: r.referral_state,
    })),
  };
}

/** Reports the liaison office has taken in: others may see their titles in similar look-ups. */
const TAKEN_IN_STATES = ['accepted', 'compiled'];

export async function similarReports(
  db: Db,
  actor: Actor,
  input: { title?: string; body?: string; excludeId?: number },
) {
  const text = `${input.title ?? ''} ${input.body ?? ''}`.trim();
  const tq = text ? reportSimilarQuery(actor.committeeId, text) : null;
  if (!tq) return [];
  const rows = await query<any>(
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
      id: r.id as number,
      title: r.title as string,
      category: r.category as string,
      stateLabel: REPORT_STATES[r.state as keyof typeof REPORT_STATES] ?? r.state,
      submittedAt: iso(r.submitted_at),
      similarity: Math.round(textSimilarity(text, `${r.title} ${r.body}`) * 100) / 100,
    }))
    .filter((r) => r.similarity >= 0.08)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, 5);
}

// How the audit page names this module's objects (platform/audit/names.ts).
registerEntityNames('opinion_report', namesFromTable('opinion_reports', 't.title'));
registerEntityNames('opinion_issue', namesFromTable('opinion_issues', 't.title'));
