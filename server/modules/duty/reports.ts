// The yearly self-report (述职): a draft prefilled from the member's facts, save/submit, staff list and review. Audited.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { iso } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { countOf } from '../../platform/db/count.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { notifyOffice } from '../../platform/notifications/notify-office.ts';
import { notifyMembers } from '../meetings/service.ts';
import { memberDirectory } from '../org/members-directory.ts';
import { dutyReportNotFound } from './errors.ts';
import { currentVersion } from './rule-versions.ts';
import { explainMember } from './scoring.ts';
import { type MemberYearRow, memberExists } from './service.ts';

export const REPORT_STATUS: Record<string, string> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '已退回修改',
  accepted: '已审阅',
};

/** A draft written from the member's facts of the year, for the member to edit. */
export async function prefillReport(db: Db, committeeId: number, memberId: number, year: number): Promise<string> {
  const v = await currentVersion(db, committeeId, year);
  const e = await explainMember(db, committeeId, memberId, year, v);
  const count = (kinds: string[], pred: (l: (typeof e.lines)[number]) => boolean = () => true) =>
    e.lines.filter((l) => kinds.includes(l.kind) && pred(l)).length;
  const activities = e.lines.filter((l) => l.kind.startsWith('activity.') && l.kind !== 'activity.output');
  const titled = (kinds: string[]) =>
    e.lines
      .filter((l) => kinds.includes(l.kind) && l.title)
      .map((l) => `《${l.title}》`)
      .slice(0, 10)
      .join('、');
  const lines = [
    `${year} 年，本人认真履行政协委员职责，现将履职情况报告如下。`,
    '',
    '一、主要履职情况',
    `（一）参加会议：出席会议 ${count(['meeting.present'])} 次，请假 ${count(['meeting.leave'])} 次，缺席 ${count(['meeting.absent'])} 次。`,
    `（二）参加活动：参加调研、视察、考察、协商等履职活动 ${activities.length} 次${activities.length ? `，包括${[...new Set(activities.map((a) => a.kindLabel.replace(/^参加/, '')))].join('、')}` : ''}；提交活动成果 ${count(['activity.output'])} 项。`,
    `（三）提交提案：提交提案 ${count(['proposal.filed'])} 件，立案 ${count(['proposal.registered'])} 件${count(['proposal.key']) ? `，其中重点提案 ${count(['proposal.key'])} 件` : ''}${count(['proposal.commended']) ? `，获评优秀提案 ${count(['proposal.commended'])} 件` : ''}。${titled(['proposal.filed']) ? `主要有${titled(['proposal.filed'])}。` : ''}`,
    `（四）反映社情民意：报送社情民意信息 ${count(['opinion.submitted'])} 篇，被采用 ${count(['opinion.adopted'])} 篇，获领导批示 ${count(['opinion.instruction'])} 次。`,
    `（五）大会发言：提交发言 ${count(['speech.submitted'])} 篇，被采用 ${count(['speech.delivered'])} 篇。`,
    `按本年度积分规则（${v.name}），本人积分 ${e.total} 分，等次为「${e.gradeLabel}」。${
      e.checklist.some((k) => !k.done)
        ? `年度基本要求尚未完成：${e.checklist
            .filter((k) => !k.done)
            .map((k) => k.label)
            .join('、')}。`
        : e.checklist.length
          ? '已完成年度基本要求。'
          : ''
    }`,
    '',
    '二、存在的不足',
    '',
    '三、今后的打算',
    '',
  ];
  return lines.join('\n');
}

const reportCols = sql`id, member_id as "memberId", year, body, status, review_comment as "reviewComment", reviewed_by as "reviewedBy",
  submitted_at as "submittedAt", reviewed_at as "reviewedAt", updated_at as "updatedAt"`;
/** A row of reportCols. */
interface ReportRow {
  id: number;
  memberId: number;
  year: number;
  body: string;
  status: string;
  reviewComment: string | null;
  reviewedBy: string | null;
  submittedAt: string | Date | null;
  reviewedAt: string | Date | null;
  updatedAt: string | Date;
}

const toReport = (r: ReportRow) => ({
  ...r,
  statusLabel: REPORT_STATUS[r.status],
  submittedAt: iso(r.submittedAt),
  reviewedAt: iso(r.reviewedAt),
  updatedAt: new Date(r.updatedAt).toISOString(),
});

export async function myReport(db: Db, actor: Actor, year: number) {
  const row = await queryOne<ReportRow>(
    db,
    sql`select ${reportCols} from duty_reports where committee_id = ${actor.committeeId} and member_id = ${actor.memberId ?? 0} and year = ${year}`,
  );
  if (row) return { ...toReport(row), prefilled: false };
  return {
    id: null,
    memberId: actor.memberId!,
    year,
    body: await prefillReport(db, actor.committeeId, actor.memberId!, year),
    status: 'new',
    statusLabel: '未填写',
    reviewComment: null,
    reviewedBy: null,
    submittedAt: null,
    reviewedAt: null,
    updatedAt: null,
    prefilled: true,
  };
}

export async function saveReport(tx: Db, actor: Actor, year: number, body: string, submit: boolean) {
  if (!actor.memberId) throw badRequest('duty.member_only', '只有委员可以填写述职报告');
  if (!body.trim()) throw badRequest('duty.report_body', '「述职报告」不能为空', 'body');
  const existing = await queryOne<{ id: number; status: string }>(
    tx,
    sql`select id, status from duty_reports where committee_id = ${actor.committeeId} and member_id = ${actor.memberId} and year = ${year} for update`,
  );
  if (existing && !['draft', 'returned'].includes(existing.status))
    throw conflict('duty.report_locked', '述职报告已提交，不能再修改');
  const status = submit ? 'submitted' : existing?.status === 'returned' ? 'returned' : 'draft';
  const [row] = await query<ReportRow>(
    tx,
    sql`insert into duty_reports (committee_id, member_id, year, body, status, submitted_at)
      values (${actor.committeeId}, ${actor.memberId}, ${year}, ${body}, ${status}, ${submit ? sql`now()` : null})
      on conflict (committee_id, member_id, year) do update set body = excluded.body, status = excluded.status,
        submitted_at = coalesce(excluded.submitted_at, duty_reports.submitted_at), updated_at = now()
      returning ${reportCols}`,
  );
  if (submit) {
    await notifyOffice(tx, actor.committeeId, {
      kind: 'duty.report_submitted',
      title: `${actor.name} 提交了 ${year} 年度述职报告`,
      link: `/duty/reports/${row.id}`,
    });
  }
  await writeAudit(tx, actor, {
    action: submit ? 'duty.report.submit' : 'duty.report.save',
    entity: 'dutyReport',
    entityId: row.id,
    before: existing ? { status: existing.status } : null,
    after: { year, status, length: body.length },
  });
  return toReport(row);
}

export async function listReports(
  db: Db,
  actor: Actor,
  q: { year: number; status?: string; q?: string },
  limit: number,
  offset: number,
) {
  const where = sql.join(
    [
      sql`r.committee_id = ${actor.committeeId} and r.year = ${q.year}`,
      q.status ? sql`r.status = ${q.status}` : sql`r.status <> 'draft'`,
      q.q ? sql`(m.name like ${`%${q.q}%`} or m.code like ${`%${q.q}%`})` : null,
    ].filter((x) => x !== null),
    sql` and `,
  );
  const from = sql`from duty_reports r join ${memberDirectory} m on m.committee_id = r.committee_id and m.id = r.member_id`;
  const rows = await query<
    MemberYearRow & {
      status: string;
      submitted_at: string | Date | null;
      reviewed_at: string | Date | null;
      reviewed_by: string | null;
    }
  >(
    db,
    sql`select r.id, r.member_id, m.name, m.code, r.year, r.status, r.submitted_at, r.reviewed_at, r.reviewed_by
      ${from} where ${where} order by r.submitted_at desc nulls last, r.id desc limit ${limit} offset ${offset}`,
  );
  return {
    total: await countOf(db, sql`select count(*)::int as n ${from} where ${where}`),
    items: rows.map((r) => ({
      id: r.id,
      memberId: r.member_id,
      name: r.name,
      code: r.code,
      year: r.year,
      status: r.status,
      statusLabel: REPORT_STATUS[r.status],
      submittedAt: iso(r.submitted_at),
      reviewedAt: iso(r.reviewed_at),
      reviewedBy: r.reviewed_by,
    })),
  };
}

export async function getReport(db: Db, actor: Actor, id: number) {
  const row = await queryOne<ReportRow>(
    db,
    sql`select ${reportCols} from duty_reports where committee_id = ${actor.committeeId} and id = ${id} and status <> 'draft'`,
  );
  if (!row) throw dutyReportNotFound();
  const m = await memberExists(db, actor.committeeId, row.memberId);
  return { ...toReport(row), name: m.name };
}

export async function reviewReport(tx: Db, actor: Actor, id: number, b: { accept: boolean; comment?: string }) {
  const row = await queryOne<{ id: number; member_id: number; year: number; status: string }>(
    tx,
    sql`select id, member_id, year, status from duty_reports where committee_id = ${actor.committeeId} and id = ${id} and status <> 'draft' for update`,
  );
  if (!row) throw dutyReportNotFound();
  if (row.status !== 'submitted') throw conflict('duty.report_status', '只能审阅已提交的述职报告');
  if (!b.accept && !b.comment?.trim()) throw badRequest('duty.comment', '退回修改时请填写「意见」', 'comment');
  const to = b.accept ? 'accepted' : 'returned';
  await tx.execute(sql`update duty_reports set status = ${to}, review_comment = ${b.comment?.trim() || null}, reviewed_by = ${actor.name},
      reviewed_at = now(), updated_at = now() where committee_id = ${actor.committeeId} and id = ${id}`);
  await notifyMembers(tx, actor.committeeId, [row.member_id], {
    kind: 'duty.report_reviewed',
    title: `您的 ${row.year} 年度述职报告${b.accept ? '已审阅' : '被退回修改'}`,
    body: b.comment?.trim() || undefined,
    link: '/duty/my-report',
  });
  await writeAudit(tx, actor, {
    action: b.accept ? 'duty.report.accept' : 'duty.report.return',
    entity: 'dutyReport',
    entityId: id,
    before: { status: row.status },
    after: { status: to, comment: b.comment ?? null },
  });
}
