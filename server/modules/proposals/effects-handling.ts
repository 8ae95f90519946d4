// What a handling unit and the office do with one unit's assignment: signing, asking to return or to extend, the
// meeting with the proposer, the reply and its review, handling again. Each function is a transition's effect.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { clockNow, deadlineAfterDays, deadlineMonthsAfter, formatBeijingDate } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { attachFiles } from '../../platform/files/files.ts';
import { accountsWithRoles, notify } from '../../platform/notifications/notifications.ts';
import type { DeadlineRule, Process } from '../../platform/workflow/engine.ts';
import { insertAssignment } from './effects-assigning.ts';
import { notifyOffice, notifyUnits, unitAccounts } from './notices.ts';
import { type AssignmentItem, rulesFor } from './repository.ts';
import { getRules } from './rules.ts';

/** The unit's due date stays through the steps that do not change it. */
export const keepDue = async (tx: Db, actor: Actor, a: AssignmentItem): Promise<DeadlineRule> => {
  const row = await queryOne<{ due_at: string }>(
    tx,
    sql`select due_at from proposal_assignments where committee_id = ${actor.committeeId} and id = ${a.id}`,
  );
  const rules = await getRules(tx, actor.committeeId);
  return { dueAt: new Date(row!.due_at), remindDaysBefore: rules.remindDaysBefore };
};

export interface AssignmentData {
  newUnitId?: number;
  way?: string;
  date?: string;
  notes?: string;
  text?: string;
  outcomeClass?: string;
  letterFileId?: number;
  isPublic?: boolean;
  days?: number;
}

export async function acceptAssignment(tx: Db, _actor: Actor, a: AssignmentItem) {
  await tx.execute(
    sql`update proposal_assignments set accepted_at = now() where committee_id = ${a.committeeId} and id = ${a.id}`,
  );
}

export async function requestReturn(tx: Db, actor: Actor, a: AssignmentItem, _d: unknown, comment: string | null) {
  await notifyOffice(
    tx,
    a.committeeId,
    `承办单位申请退回提案：${actor.name}`,
    `/proposals/${a.proposalId}`,
    comment ?? undefined,
  );
}

export async function approveReturn(
  tx: Db,
  _actor: Actor,
  a: AssignmentItem,
  data: AssignmentData,
  assignment: Process<AssignmentItem>,
) {
  if (!data.newUnitId) {
    if (a.role !== 'assisting') throw badRequest('proposal.new_unit', '请选择改交的「承办单位」', 'newUnitId');
    return;
  }
  const unit = await queryOne<{ id: number }>(
    tx,
    sql`select id from handling_units where committee_id = ${a.committeeId} and id = ${data.newUnitId} and active`,
  );
  if (!unit) throw badRequest('proposal.new_unit', '所选承办单位不存在或已停用', 'newUnitId');
  const dup = await queryOne<{ id: number }>(
    tx,
    sql`select id from proposal_assignments where committee_id = ${a.committeeId} and proposal_id = ${a.proposalId}
      and unit_id = ${data.newUnitId} and state <> 'returned'`,
  );
  if (dup) throw badRequest('proposal.new_unit', '该单位已在办理本提案，请选择其他单位', 'newUnitId');
  const rules = await rulesFor(tx, a.committeeId, a.proposalId);
  const due =
    a.role === 'assisting'
      ? await deadlineAfterDays(tx, a.committeeId, clockNow(), rules.assistingViewDays, rules.dayUnit)
      : deadlineMonthsAfter(clockNow(), rules.replyMonths);
  const newId = await insertAssignment(
    tx,
    assignment,
    a.committeeId,
    a.proposalId,
    data.newUnitId,
    a.role,
    due,
    a.round,
  );
  await tx.execute(
    sql`update proposal_assignments set replaced_by_id = ${newId} where committee_id = ${a.committeeId} and id = ${a.id}`,
  );
  await notifyUnits(tx, a.committeeId, [data.newUnitId], '新交办提案（改交）', `/proposals/${a.proposalId}`);
}

export async function refuseReturn(tx: Db, _actor: Actor, a: AssignmentItem, _d: unknown, comment: string | null) {
  await tx.execute(
    sql`update proposal_assignments set accepted_at = coalesce(accepted_at, now()) where committee_id = ${a.committeeId} and id = ${a.id}`,
  );
  await notifyUnits(
    tx,
    a.committeeId,
    [a.unitId],
    '退回申请未获同意，请继续办理',
    `/proposals/${a.proposalId}`,
    comment ?? undefined,
  );
}

export async function sendAssistingView(tx: Db, actor: Actor, a: AssignmentItem, data: AssignmentData) {
  const text = data.text?.trim();
  if (!text) throw badRequest('proposal.view_text', '请填写「会办意见」', 'text');
  await tx.execute(sql`insert into proposal_assisting_views (committee_id, assignment_id, proposal_id, text, created_by)
    values (${a.committeeId}, ${a.id}, ${a.proposalId}, ${text}, ${actor.accountId})`);
  await tx.execute(
    sql`update proposal_assignments set replied_at = now(), done_at = now() where committee_id = ${a.committeeId} and id = ${a.id}`,
  );
  const leads = await query<{ unit_id: number }>(
    tx,
    sql`select unit_id from proposal_assignments where committee_id = ${a.committeeId} and proposal_id = ${a.proposalId}
      and role = 'lead' and state <> 'returned'`,
  );
  await notifyUnits(
    tx,
    a.committeeId,
    leads.map((l) => l.unit_id),
    `会办单位提交了会办意见：${actor.name}`,
    `/proposals/${a.proposalId}`,
  );
}

export async function recordContact(tx: Db, actor: Actor, a: AssignmentItem, data: AssignmentData) {
  const way = data.way?.trim();
  if (!way) throw badRequest('proposal.contact_way', '请填写「面商方式」', 'way');
  if (!data.date || Number.isNaN(new Date(data.date).getTime()))
    throw badRequest('proposal.contact_date', '请填写「面商日期」', 'date');
  if (new Date(data.date).getTime() > Date.now() + 86_400_000)
    throw badRequest('proposal.contact_date', '「面商日期」不能晚于今天', 'date');
  await tx.execute(sql`insert into proposal_contacts (committee_id, assignment_id, proposal_id, round, way, contact_date, notes, created_by)
    values (${a.committeeId}, ${a.id}, ${a.proposalId}, ${a.round}, ${way}, ${data.date.slice(0, 10)}, ${data.notes?.trim() ?? ''}, ${actor.accountId})`);
}

export async function requestExtension(tx: Db, actor: Actor, a: AssignmentItem, _d: unknown, comment: string | null) {
  await notifyOffice(
    tx,
    a.committeeId,
    `承办单位申请延期：${actor.name}`,
    `/proposals/${a.proposalId}`,
    comment ?? undefined,
  );
}

export async function approveExtension(tx: Db, _actor: Actor, a: AssignmentItem) {
  const rules = await rulesFor(tx, a.committeeId, a.proposalId);
  const due = deadlineMonthsAfter(a.dueAt, rules.extensionMonths);
  await tx.execute(sql`update proposal_assignments set due_at = ${due.toISOString()}, extension_count = extension_count + 1, overdue_at = null
    where committee_id = ${a.committeeId} and id = ${a.id}`);
  await notifyUnits(
    tx,
    a.committeeId,
    [a.unitId],
    `延期申请已同意，新的办理期限为 ${formatBeijingDate(due)}`,
    `/proposals/${a.proposalId}`,
  );
}

export const refuseExtension = async (tx: Db, _actor: Actor, a: AssignmentItem, _d: unknown, comment: string | null) =>
  notifyUnits(
    tx,
    a.committeeId,
    [a.unitId],
    '延期申请未获同意，请按期答复',
    `/proposals/${a.proposalId}`,
    comment ?? undefined,
  );

export async function replyToProposal(tx: Db, actor: Actor, a: AssignmentItem, data: AssignmentData) {
  const rules = await rulesFor(tx, a.committeeId, a.proposalId);
  if (!data.outcomeClass || !rules.outcomeClasses.some((c) => c.code === data.outcomeClass))
    throw badRequest('proposal.outcome_class', '请选择「办理结果」类别', 'outcomeClass');
  const text = data.text?.trim();
  if (!text) throw badRequest('proposal.reply_text', '请填写「答复内容」', 'text');
  if (rules.contactRequired) {
    const c = await queryOne<{ n: number }>(
      tx,
      sql`select count(*)::int as n from proposal_contacts where committee_id = ${a.committeeId} and assignment_id = ${a.id} and round = ${a.round}`,
    );
    if (!c!.n) throw conflict('proposal.contact_required', '答复前请先与提案人沟通（办前面商），并记录面商方式和日期');
  }
  const [reply] = await query<{ id: number }>(
    tx,
    sql`insert into proposal_replies (committee_id, assignment_id, proposal_id, unit_id, round, outcome_class, original_class, text, letter_file_id, is_public, created_by)
      values (${a.committeeId}, ${a.id}, ${a.proposalId}, ${a.unitId}, ${a.round}, ${data.outcomeClass}, ${data.outcomeClass}, ${text},
        ${data.letterFileId ?? null}, ${!!data.isPublic}, ${actor.accountId}) returning id`,
  );
  if (data.letterFileId) await attachFiles(tx, actor, [data.letterFileId], 'proposal_reply', reply.id);
  await tx.execute(
    sql`update proposal_assignments set replied_at = coalesce(replied_at, now()) where committee_id = ${a.committeeId} and id = ${a.id}`,
  );
  await notifyOffice(tx, a.committeeId, `承办单位已答复，待审核：${actor.name}`, `/proposals/${a.proposalId}`);
}

export async function approveReply(tx: Db, _actor: Actor, a: AssignmentItem, data: AssignmentData) {
  const rules = await rulesFor(tx, a.committeeId, a.proposalId);
  if (data.outcomeClass && !rules.outcomeClasses.some((c) => c.code === data.outcomeClass))
    throw badRequest('proposal.outcome_class', '「办理结果」类别不正确', 'outcomeClass');
  await tx.execute(sql`update proposal_replies set review_state = 'approved', reviewed_at = now(),
      outcome_class = coalesce(${data.outcomeClass ?? null}, outcome_class)
    where committee_id = ${a.committeeId} and assignment_id = ${a.id} and round = ${a.round} and review_state = 'pending'`);
  await tx.execute(
    sql`update proposal_assignments set done_at = now() where committee_id = ${a.committeeId} and id = ${a.id}`,
  );
}

export async function sendBackReply(tx: Db, _actor: Actor, a: AssignmentItem, _d: unknown, comment: string | null) {
  await tx.execute(sql`update proposal_replies set review_state = 'sentBack', reviewed_at = now(), review_comment = ${comment}
    where committee_id = ${a.committeeId} and assignment_id = ${a.id} and round = ${a.round} and review_state = 'pending'`);
  await notifyUnits(
    tx,
    a.committeeId,
    [a.unitId],
    '答复被退回，请修改后重新答复',
    `/proposals/${a.proposalId}`,
    comment ?? undefined,
  );
}

export async function rehandleAssignment(tx: Db, _actor: Actor, a: AssignmentItem, data: AssignmentData) {
  const rules = await rulesFor(tx, a.committeeId, a.proposalId);
  const due = await deadlineAfterDays(tx, a.committeeId, clockNow(), data.days ?? rules.rehandleDays, rules.dayUnit);
  await tx.execute(sql`update proposal_assignments set round = round + 1, due_at = ${due.toISOString()}, done_at = null, replied_at = null, overdue_at = null
    where committee_id = ${a.committeeId} and id = ${a.id}`);
  await notifyUnits(
    tx,
    a.committeeId,
    [a.unitId],
    `提案人对答复不满意，请再办理（期限 ${formatBeijingDate(due)}）`,
    `/proposals/${a.proposalId}`,
  );
}

/** Near or past a unit's due date: the unit is reminded; once overdue the office and the leaders hear of it too. */
export async function assignmentDeadline(
  tx: Db,
  committeeId: number,
  id: number,
  kind: string,
  dueAt: Date,
  a: AssignmentItem,
) {
  const p = await queryOne<{ title: string }>(
    tx,
    sql`select title from proposals where committee_id = ${committeeId} and id = ${a.proposalId}`,
  );
  const day = formatBeijingDate(dueAt);
  if (kind === 'remind') {
    await notify(tx, {
      committeeId,
      accountIds: await unitAccounts(tx, committeeId, [a.unitId]),
      kind: 'proposal.remind',
      title: `提案办理即将到期（${day}）：${p!.title}`,
      link: `/proposals/${a.proposalId}`,
    });
    return;
  }
  await tx.execute(
    sql`update proposal_assignments set overdue_at = now() where committee_id = ${committeeId} and id = ${id}`,
  );
  await notify(tx, {
    committeeId,
    accountIds: [
      ...(await unitAccounts(tx, committeeId, [a.unitId])),
      ...(await accountsWithRoles(tx, committeeId, ['proposalStaff', 'leader'])),
    ],
    kind: 'proposal.overdue',
    title: `提案办理已超期（期限 ${day}）：${p!.title}`,
    link: `/proposals/${a.proposalId}`,
  });
}
