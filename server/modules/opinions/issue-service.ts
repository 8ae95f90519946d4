// Bulletin issues (期刊): numbering, compiling reports into an issue, ordering, issuing and reading them.

import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { iso } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { fireTransition } from '../../platform/workflow/engine.ts';
import { staffRow } from './policy.ts';
import { asItem } from './repository.ts';
import { issueTitle, SUBMITTER_KINDS, type SubmitterKind } from './rules.ts';
import { chinaToday, chinaYear, opinionProcess } from './workflow.ts';

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

/** An issue (期刊) of the compiled reports; `issuedOn` is a Beijing date, YYYY-MM-DD. */
export interface IssueRow {
  id: number;
  year: number;
  number: number;
  title: string;
  state: string;
  issuedOn: string | null;
  editorNote: string | null;
}

/** The actor's committee's issue `id`, locked for update when `lock`; throws opinion.issue_not_found (404). */
export async function issueRow(db: Db, actor: Actor, id: number, lock = false): Promise<IssueRow> {
  const row = await queryOne<IssueRow>(
    db,
    sql`select id, year, number, title, state, issued_on::text as "issuedOn", editor_note as "editorNote"
      from opinion_issues where committee_id = ${actor.committeeId} and id = ${id} ${lock ? sql`for update` : sql``}`,
  );
  if (!row) throw notFound('opinion.issue_not_found', '期刊不存在');
  return row;
}

export const requireDraftIssue = (issue: IssueRow) => {
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
    before: { editorNote: issue.editorNote },
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

export interface IssueSummary extends IssueRow {
  reportCount: number;
  /** ISO 8601. */
  createdAt: string;
}

export async function listIssues(db: Db, actor: Actor, q: { year?: number; limit: number; offset: number }) {
  const where = sql`i.committee_id = ${actor.committeeId} ${q.year ? sql`and i.year = ${q.year}` : sql``}`;
  const items = await query<IssueSummary>(
    db,
    sql`select i.id, i.year, i.number, i.title, i.state, i.issued_on::text as "issuedOn", i.editor_note as "editorNote",
        i.created_at as "createdAt",
        (select count(*)::int from opinion_reports r where r.committee_id = i.committee_id and r.issue_id = i.id) as "reportCount"
      from opinion_issues i where ${where} order by i.year desc, i.number desc limit ${q.limit} offset ${q.offset}`,
  );
  const total = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from opinion_issues i where ${where}`);
  return {
    items: items.map((i) => ({ ...i, createdAt: iso(i.createdAt)! })),
    total: total!.n,
  };
}

export async function issueDetail(db: Db, actor: Actor, issueId: number) {
  const issue = await issueRow(db, actor, issueId);
  const reports = await query<{
    id: number;
    position: number;
    title: string;
    body: string;
    editedTitle: string | null;
    editedBody: string | null;
    category: string;
    submitterName: string;
    submitterKind: SubmitterKind;
    originCommitteeName: string | null;
  }>(
    db,
    sql`select id, issue_position as position, title, body, edited_title as "editedTitle", edited_body as "editedBody", category,
        submitter_name as "submitterName", submitter_kind as "submitterKind", origin_committee_name as "originCommitteeName"
      from opinion_reports where committee_id = ${actor.committeeId} and issue_id = ${issueId} order by issue_position, id`,
  );
  const forwards = await query<{ target_name: string }>(
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
    id: issue.id,
    year: issue.year,
    number: issue.number,
    title: issue.title,
    state: issue.state,
    issuedOn: issue.issuedOn,
    editorNote: issue.editorNote,
    committeeName: committee!.name,
    forwardedTo: forwards.map((f) => f.target_name),
    reports: reports.map(({ editedTitle, editedBody, submitterKind, ...r }) => ({
      id: r.id,
      position: r.position,
      title: editedTitle ?? r.title,
      body: editedBody ?? r.body,
      originalTitle: r.title,
      edited: editedBody != null || editedTitle != null,
      category: r.category,
      submitterName: r.submitterName,
      submitterKindLabel: SUBMITTER_KINDS[submitterKind],
      originCommitteeName: r.originCommitteeName,
    })),
  };
}
