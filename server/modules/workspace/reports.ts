// Monthly reports (专委会月汇报): generated from the month's facts, edited by the special committee's office while a
// draft, submitted to the chairs, read and commented by leaders (process.ts). The office of the special committee and
// the wide roles (office staff, leaders, admins) see them; members do not.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { beijingMonthOf, clockNow, iso } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { normaliseText } from '../../platform/text/normalise.ts';
import { allowedActions, fireTransition, listTransitions } from '../../platform/workflow/engine.ts';
import { loadReport, REPORT_STATES, type ReportItem, reportProcess } from './process.ts';
import { draftText, type MonthFacts, monthFacts, monthText } from './report-facts.ts';
import { assertManage, mayManage, type Scope, scopeOf } from './scope.ts';
import { nameOrNotFound } from './units.ts';

const reportNotFound = () => notFound('workspace.report_not_found', '月汇报不存在');

/** Reports are read by the wide roles and by the office of that special committee. */
const mayReadReport = (s: Scope, sc: number) => s.all || mayManage(s, sc);

async function readable(db: Db, actor: Actor, id: number, lock = false): Promise<{ r: ReportItem; s: Scope }> {
  const r = await loadReport(db, actor.committeeId, id, lock);
  if (!r) throw reportNotFound();
  const s = await scopeOf(db, actor);
  if (!mayReadReport(s, r.specialCommitteeId)) throw forbidden('workspace.not_yours', '只能查看本专委会的月汇报');
  return { r, s };
}

export async function createReport(db: Db, actor: Actor, b: { specialCommitteeId: number; month: string }) {
  const name = await nameOrNotFound(db, actor, 'specialCommittee', b.specialCommitteeId);
  assertManage(await scopeOf(db, actor), b.specialCommitteeId);
  if (b.month > beijingMonthOf(clockNow()))
    throw badRequest('workspace.month_future', '只能为本月或以前的月份编写月汇报', 'month');
  const facts = await monthFacts(db, actor.committeeId, b.specialCommitteeId, name, b.month);
  const title = `${name}${monthText(b.month)}工作汇报`;
  const body = draftText(name, facts);
  return db.transaction(async (tx) => {
    const [row] = await query<{ id: number }>(
      tx,
      sql`insert into monthly_reports (committee_id, special_committee_id, month, title, body, facts, created_by)
        values (${actor.committeeId}, ${b.specialCommitteeId}, ${b.month}, ${title}, ${body}, ${JSON.stringify(facts)}::jsonb, ${actor.accountId})
        on conflict (committee_id, special_committee_id, month) do nothing returning id`,
    );
    if (!row) throw conflict('workspace.report_exists', `${monthText(b.month)}的月汇报已经建立，请在列表中打开`);
    await writeAudit(tx, actor, {
      action: 'workspace.report_create',
      entity: 'monthly_report',
      entityId: row.id,
      after: { specialCommitteeId: b.specialCommitteeId, month: b.month, title },
    });
    return row.id;
  });
}

export async function listReports(
  db: Db,
  actor: Actor,
  q: { specialCommitteeId?: number; year?: number; state?: string },
) {
  const s = await scopeOf(db, actor);
  const wide = s.all || s.manages === null;
  const own = s.manages ?? [];
  if (!wide && !own.length) return { items: [], total: 0 };
  const conds = [sql`r.committee_id = ${actor.committeeId}`];
  if (!wide) conds.push(sql`r.special_committee_id = any(${sql.param(own)}::int[])`);
  if (q.specialCommitteeId) conds.push(sql`r.special_committee_id = ${q.specialCommitteeId}`);
  if (q.year) conds.push(sql`r.month like ${`${q.year}-%`}`);
  if (q.state) conds.push(sql`r.state = ${q.state}`);
  const rows = await query<{
    id: number;
    month: string;
    title: string;
    state: string;
    specialCommitteeId: number;
    submittedAt: Date | string | null;
  }>(
    db,
    sql`select r.id, r.month, r.title, r.state, r.special_committee_id as "specialCommitteeId", r.submitted_at as "submittedAt"
      from monthly_reports r where ${sql.join(conds, sql` and `)} order by r.month desc, r.special_committee_id, r.id`,
  );
  const items = rows.map((r) => ({
    ...r,
    stateLabel: REPORT_STATES[r.state],
    submittedAt: iso(r.submittedAt),
  }));
  return { items, total: items.length };
}

export async function getReport(db: Db, actor: Actor, id: number) {
  const { r, s } = await readable(db, actor, id);
  const row = await queryOne<{ body: string; facts: MonthFacts; submitted_at: Date | null }>(
    db,
    sql`select body, facts, submitted_at from monthly_reports where committee_id = ${actor.committeeId} and id = ${id}`,
  );
  const manages = mayManage(s, r.specialCommitteeId);
  const actions = allowedActions(reportProcess, actor, r).filter((a) => a.action !== 'submit' || manages);
  return {
    ...r,
    stateLabel: REPORT_STATES[r.state],
    body: row?.body ?? '',
    facts: row?.facts ?? null,
    submittedAt: row?.submitted_at ? new Date(row.submitted_at).toISOString() : null,
    canEdit: manages && r.state === 'draft',
    actions,
    timeline: await listTransitions(db, reportProcess, actor.committeeId, id, actor),
  };
}

export async function updateReport(db: Db, actor: Actor, id: number, b: { body: string }) {
  const body = normaliseText(b.body).trim();
  if (!body) throw badRequest('workspace.body_required', '请填写月汇报正文', 'body');
  await db.transaction(async (tx) => {
    const { r, s } = await readable(tx, actor, id, true);
    assertManage(s, r.specialCommitteeId);
    if (r.state !== 'draft') throw conflict('workspace.report_not_draft', '月汇报已提交，不能再修改');
    const before = await queryOne<{ body: string }>(
      tx,
      sql`select body from monthly_reports where committee_id = ${actor.committeeId} and id = ${id}`,
    );
    await tx.execute(sql`update monthly_reports set body = ${body}, updated_at = now()
      where committee_id = ${actor.committeeId} and id = ${id}`);
    await writeAudit(tx, actor, {
      action: 'workspace.report_edit',
      entity: 'monthly_report',
      entityId: id,
      before: { body: before?.body },
      after: { body },
    });
  });
}

export async function actOnReport(db: Db, actor: Actor, id: number, b: { action: string; comment?: string }) {
  return db.transaction(async (tx) => {
    const { r, s } = await readable(tx, actor, id, true);
    if (b.action === 'submit') assertManage(s, r.specialCommitteeId);
    return { state: await fireTransition(tx, reportProcess, actor, r, { action: b.action, comment: b.comment }) };
  });
}

/** The report's text for the Word export (the scope as for reading). */
export async function reportForExport(db: Db, actor: Actor, id: number) {
  const { r } = await readable(db, actor, id);
  const row = await queryOne<{ body: string }>(
    db,
    sql`select body from monthly_reports where committee_id = ${actor.committeeId} and id = ${id}`,
  );
  const comments = (await listTransitions(db, reportProcess, actor.committeeId, id, actor)).filter(
    (t) => t.action === 'comment',
  );
  return { title: r.title, body: row?.body ?? '', comments };
}
