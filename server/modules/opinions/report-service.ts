// Writing and submitting opinion reports, screening them and the staff's edited text. Every change runs inside the
// caller's transaction and is audited.

import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { badRequest, conflict, forbidden } from '../../platform/errors.ts';
import { attachFiles } from '../../platform/files/files.ts';
import { normaliseLine, normaliseText } from '../../platform/text/normalise.ts';
import { fireTransition } from '../../platform/workflow/engine.ts';
import { memberById } from '../org/members-directory.ts';
import { bodyRequired, reportNotFound, titleRequired } from './errors.ts';
import { accessOf, isSubmitter, requireScreened, staffRow } from './policy.ts';
import { asItem, ENTITY, loadRow, type ReportRow } from './repository.ts';
import { countChars, type SubmitterKind } from './rules.ts';
import { reportSearch } from './search.ts';
import { chinaYear, loadReportItem, opinionProcess, opinionSettings } from './workflow.ts';

// ---------------------------------------------------------------- writing and submitting

export interface ReportInput {
  title: string;
  body: string;
  category: string;
  fileIds?: number[];
}

export async function checkInput(
  db: Db,
  committeeId: number,
  input: { title: string; body: string; category?: string },
) {
  const settings = await opinionSettings(db, committeeId);
  const title = normaliseLine(input.title);
  const body = normaliseText(input.body);
  if (!title) throw titleRequired();
  if (countChars(title) > settings.titleMax)
    throw badRequest('opinion.title_too_long', `「标题」不能超过 ${settings.titleMax} 个字`, 'title');
  if (!body) throw bodyRequired();
  const n = countChars(body);
  if (n > settings.maxChars)
    throw badRequest('opinion.body_too_long', `「正文」不能超过 ${settings.maxChars} 字（现为 ${n} 字）`, 'body');
  if (input.category !== undefined && !settings.categories.includes(input.category))
    throw badRequest('opinion.bad_category', `「类别」须为：${settings.categories.join('、')}`, 'category');
  return { title, body, charCount: n };
}

export async function submitterOf(
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
    const m = await memberById(tx, c, actor.memberId);
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

export async function ownRow(tx: Db, actor: Actor, id: number): Promise<ReportRow> {
  const row = await loadRow(tx, actor.committeeId, id, true);
  if (!row) throw reportNotFound();
  if (!isSubmitter(actor, asItem(row))) {
    if (await accessOf(tx, actor, row)) throw forbidden('opinion.not_owner', '只能修改本人报送的信息');
    throw reportNotFound();
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
