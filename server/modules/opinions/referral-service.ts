// Referrals of a report to handling units: referring, the unit's response, the office's review, the unit's list.

import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { beijingDateOf, clockNow, deadlineAfterDays, iso } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { badRequest, conflict, forbidden } from '../../platform/errors.ts';
import { attachFiles, listFiles } from '../../platform/files/files.ts';
import { fireTransition } from '../../platform/workflow/engine.ts';
import { referralNotFound } from './errors.ts';
import { requireScreened, staffRow } from './policy.ts';
import { REFERRAL_FILES } from './repository.ts';
import { REFERRAL_STATES } from './rules.ts';
import { chinaToday, loadReferralItem, opinionSettings, referralProcess } from './workflow.ts';

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

export async function referralFor(tx: Db, actor: Actor, id: number) {
  const item = await loadReferralItem(tx, actor.committeeId, id);
  if (!item || item.state === 'none') throw referralNotFound();
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
  if (item.unitId !== actor.unitId) throw referralNotFound();
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
  const rows = await query<{
    id: number;
    reportId: number;
    state: string;
    note: string | null;
    dueOn: string | null;
    response: string | null;
    respondedAt: string | null;
    reviewComment: string | null;
    createdAt: string;
    title: string;
    body: string;
    category: string;
  }>(
    db,
    sql`select f.id, f.report_id as "reportId", f.state, f.note, f.due_on::text as "dueOn", f.response,
        f.responded_at as "respondedAt", f.review_comment as "reviewComment", f.created_at as "createdAt",
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
      ...r,
      stateLabel: REFERRAL_STATES[r.state as keyof typeof REFERRAL_STATES] ?? r.state,
      overdue: r.state === 'referred' && !!r.dueOn && r.dueOn < chinaToday(),
      respondedAt: iso(r.respondedAt),
      createdAt: iso(r.createdAt)!,
      files: await listFiles(db, actor.committeeId, REFERRAL_FILES, r.id),
    });
  }
  return { items, total: total!.n };
}
