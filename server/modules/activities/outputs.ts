// Activity outputs (调研报告, 意见建议, 履职佐证): members submit, staff confirm or return; a confirmed output is an
// activity.output duty fact, and returning it revokes the fact.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { clockNow, iso } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { countOf } from '../../platform/db/count.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { attachFiles } from '../../platform/files/files.ts';
import { recordDutyFact, revokeDutyFacts } from '../duty/facts.ts';
import { notifyMembers } from '../meetings/service.ts';
import { memberDirectory } from '../org/members-directory.ts';
import { activityCancelled } from './errors.ts';
import { canSeeOutput, seesAll } from './policy.ts';
import { ACTIVITY_LABELS, loadActivity, OUTPUT_LABELS, OUTPUT_STATUS } from './service.ts';

export async function listOutputs(
  db: Db,
  actor: Actor,
  q: { activityId?: number; status?: string; mine?: boolean },
  limit: number,
  offset: number,
) {
  const own = !seesAll(actor) || q.mine;
  const where = sql.join(
    [
      sql`o.committee_id = ${actor.committeeId}`,
      own ? sql`o.member_id = ${actor.memberId ?? 0}` : null,
      q.activityId ? sql`o.activity_id = ${q.activityId}` : null,
      q.status ? sql`o.status = ${q.status}` : null,
    ].filter((x) => x !== null),
    sql` and `,
  );
  const rows = await query<{
    id: number;
    activity_id: number;
    activity_title: string;
    activity_kind: string;
    member_id: number;
    member_name: string;
    kind: string;
    title: string;
    body: string;
    status: string;
    review_comment: string | null;
    reviewed_by: string | null;
    submitted_at: string | Date;
    reviewed_at: string | Date | null;
    files: { id: number; name: string; size: number }[];
  }>(
    db,
    sql`select o.id, o.activity_id, a.title as activity_title, a.kind as activity_kind, o.member_id, mb.name as member_name, o.kind, o.title, o.body,
        o.status, o.review_comment, o.reviewed_by, o.submitted_at, o.reviewed_at,
        coalesce((select json_agg(json_build_object('id', f.id, 'name', f.name, 'size', f.size) order by f.id) from files f
          where f.committee_id = o.committee_id and f.entity = 'activityOutput' and f.entity_id = o.id), '[]') as files
      from activity_outputs o join activities a on a.committee_id = o.committee_id and a.id = o.activity_id
        join ${memberDirectory} mb on mb.committee_id = o.committee_id and mb.id = o.member_id
      where ${where} order by o.submitted_at desc, o.id desc limit ${limit} offset ${offset}`,
  );
  return {
    total: await countOf(db, sql`select count(*)::int as n from activity_outputs o where ${where}`),
    items: rows.map((r) => ({
      id: r.id,
      activityId: r.activity_id,
      activityTitle: r.activity_title,
      activityKindLabel: ACTIVITY_LABELS[r.activity_kind],
      memberId: r.member_id,
      memberName: r.member_name,
      kind: r.kind,
      kindLabel: OUTPUT_LABELS[r.kind],
      title: r.title,
      body: r.body,
      status: r.status,
      statusLabel: OUTPUT_STATUS[r.status],
      reviewComment: r.review_comment,
      reviewedBy: r.reviewed_by,
      submittedAt: iso(r.submitted_at)!,
      reviewedAt: iso(r.reviewed_at),
      files: typeof r.files === 'string' ? JSON.parse(r.files) : r.files,
    })),
  };
}

export async function submitOutput(
  tx: Db,
  actor: Actor,
  activityId: number,
  b: { kind: 'report' | 'suggestion' | 'evidence'; title: string; body?: string; fileIds?: number[] },
) {
  if (!actor.memberId) throw forbidden('activity.member_only', '只有委员可以提交活动成果');
  const a = await loadActivity(tx, actor, activityId);
  if (a.status === 'cancelled') throw activityCancelled();
  const p = await queryOne(
    tx,
    sql`select 1 from activity_participants where committee_id = ${actor.committeeId} and activity_id = ${activityId} and member_id = ${actor.memberId}`,
  );
  if (!p) throw forbidden('activity.not_participant', '您不在本次活动的名单中，不能提交成果');
  if (!b.title.trim()) throw badRequest('output.title', '「成果标题」不能为空', 'title');
  if (!b.body?.trim() && !b.fileIds?.length)
    throw badRequest('output.empty', '请填写「成果内容」或上传佐证材料', 'body');
  const [row] = await query<{ id: number }>(
    tx,
    sql`insert into activity_outputs (committee_id, activity_id, member_id, kind, title, body)
      values (${actor.committeeId}, ${activityId}, ${actor.memberId}, ${b.kind}, ${b.title.trim()}, ${b.body ?? ''}) returning id`,
  );
  await attachFiles(tx, actor, b.fileIds ?? [], 'activityOutput', row.id);
  await writeAudit(tx, actor, {
    action: 'activity.output_submit',
    entity: 'activityOutput',
    entityId: row.id,
    after: b,
  });
  return { id: row.id };
}

export async function reviewOutput(
  tx: Db,
  actor: Actor,
  id: number,
  b: { action: 'confirm' | 'return' | 'revoke'; comment?: string },
) {
  const o = await queryOne<{
    id: number;
    member_id: number;
    kind: string;
    title: string;
    status: 'submitted' | 'returned' | 'confirmed';
    activity_id: number;
    activity_kind: string;
    activity_title: string;
    starts_at: string | Date;
  }>(
    tx,
    sql`select o.id, o.member_id, o.kind, o.title, o.status, o.activity_id, a.kind as activity_kind, a.title as activity_title, a.starts_at
      from activity_outputs o join activities a on a.committee_id = o.committee_id and a.id = o.activity_id
      where o.committee_id = ${actor.committeeId} and o.id = ${id} for update of o`,
  );
  if (!o) throw notFound('output.not_found', '活动成果不存在');
  const moves = { confirm: ['submitted', 'returned'], return: ['submitted'], revoke: ['confirmed'] };
  if (!moves[b.action].includes(o.status))
    throw conflict('output.bad_status', `成果当前为「${OUTPUT_STATUS[o.status]}」，不能执行此操作`);
  if (b.action === 'return' && !b.comment?.trim())
    throw badRequest('output.comment', '退回时请填写「意见」', 'comment');
  const to = b.action === 'confirm' ? 'confirmed' : b.action === 'return' ? 'returned' : 'submitted';
  await tx.execute(sql`update activity_outputs set status = ${to}, review_comment = ${b.comment?.trim() || null},
      reviewed_by = ${actor.name}, reviewed_at = now()
    where committee_id = ${actor.committeeId} and id = ${id}`);
  if (b.action === 'confirm') {
    await recordDutyFact(tx, {
      committeeId: actor.committeeId,
      memberId: o.member_id,
      kind: 'activity.output',
      sourceType: 'activityOutput',
      sourceId: id,
      occurredOn: clockNow(),
      detail: { title: o.title, outputKind: o.kind, activityKind: o.activity_kind, activityId: o.activity_id },
    });
  } else if (b.action === 'revoke') {
    await revokeDutyFacts(tx, actor.committeeId, { sourceType: 'activityOutput', sourceId: id });
  }
  await notifyMembers(tx, actor.committeeId, [o.member_id], {
    kind: 'activity.output_review',
    title: `活动成果「${o.title}」${OUTPUT_STATUS[to]}`,
    body: b.comment?.trim() || undefined,
    link: `/activities/${o.activity_id}`,
  });
  await writeAudit(tx, actor, {
    action: `activity.output_${b.action}`,
    entity: 'activityOutput',
    entityId: id,
    before: { status: o.status },
    after: { status: to, comment: b.comment ?? null },
  });
}

/** Files of an output: staff of the committee, or the member who submitted it. */
export async function mayReadOutputFiles(db: Db, actor: Actor, id: number): Promise<boolean> {
  const o = await queryOne<{ memberId: number }>(
    db,
    sql`select member_id as "memberId" from activity_outputs where committee_id = ${actor.committeeId} and id = ${id}`,
  );
  return !!o && canSeeOutput(actor, o);
}
