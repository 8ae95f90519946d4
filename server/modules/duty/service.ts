// Duty work around the scores: staff tables (by sector, special committee, group), group summaries, the quarterly
// bulletin, consequences (约谈, 劝辞) and their candidates, the yearly self-report (述职) and commendations (优秀委员).

import { type SQL, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { beijingYearOf } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { notify } from '../../platform/notifications/notifications.ts';
import { memberNotFound } from '../org/errors.ts';
import { FACT_KINDS, GRADE_LABELS } from './rules.ts';
import { currentVersion, ensureScores, explainMember, type RuleVersion, scoreSql } from './scoring.ts';

export const CONSEQUENCE_LABELS: Record<string, string> = { talk: '约谈', resignationAdvice: '劝辞' };
export const REPORT_STATUS: Record<string, string> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '已退回修改',
  accepted: '已审阅',
};

/** The current year in Beijing. */
export const thisYear = () => beijingYearOf();

export async function memberExists(db: Db, committeeId: number, memberId: number) {
  const m = await queryOne<{ id: number; name: string }>(
    db,
    sql`select id, name from members where committee_id = ${committeeId} and id = ${memberId}`,
  );
  if (!m) throw memberNotFound();
  return m;
}

export interface ScoreQuery {
  year: number;
  sectorId?: number;
  specialCommitteeId?: number;
  groupId?: number;
  grade?: string;
  belowPass?: boolean;
  missingChecklist?: boolean;
  q?: string;
  sort?: 'code' | 'totalAsc' | 'totalDesc';
}

function scoreFilter(c: number, q: ScoreQuery, v: RuleVersion): SQL {
  return sql.join(
    [
      sql`s.committee_id = ${c} and s.year = ${q.year}`,
      q.sectorId ? sql`m.sector_id = ${q.sectorId}` : null,
      q.specialCommitteeId
        ? sql`exists (select 1 from member_special_committees x where x.committee_id = m.committee_id and x.member_id = m.id and x.special_committee_id = ${q.specialCommitteeId})`
        : null,
      q.groupId
        ? sql`exists (select 1 from member_group_links x where x.committee_id = m.committee_id and x.member_id = m.id and x.group_id = ${q.groupId})`
        : null,
      q.grade ? sql`s.grade = ${q.grade}` : null,
      q.belowPass ? sql`s.total < ${v.rules.passMark}` : null,
      q.missingChecklist ? sql`cardinality(s.checklist_missing) > 0` : null,
      q.q ? sql`(m.name like ${`%${q.q}%`} or m.code like ${`%${q.q}%`})` : null,
    ].filter((x) => x !== null),
    sql` and `,
  );
}

export async function listScores(db: Db, actor: Actor, q: ScoreQuery, limit: number, offset: number) {
  const c = actor.committeeId;
  await ensureScores(db, c, q.year);
  const v = await currentVersion(db, c, q.year);
  const where = scoreFilter(c, q, v);
  const order =
    q.sort === 'totalAsc'
      ? sql`s.total, m.code nulls last, m.id`
      : q.sort === 'totalDesc'
        ? sql`s.total desc, m.code nulls last, m.id`
        : sql`m.code nulls last, m.id`;
  const from = sql`from duty_scores s join members m on m.committee_id = s.committee_id and m.id = s.member_id
    left join sectors sc on sc.committee_id = m.committee_id and sc.id = m.sector_id`;
  const rows = await query<any>(
    db,
    sql`select s.member_id, m.name, m.code, sc.name as sector, m.standing_member, s.total, s.grade, s.components,
        s.checklist_done, s.checklist_total, s.checklist_missing,
        (select string_agg(spc.name, '、' order by spc.sort) from member_special_committees x join special_committees spc
          on spc.committee_id = x.committee_id and spc.id = x.special_committee_id where x.committee_id = m.committee_id and x.member_id = m.id) as special_committees
      ${from} where ${where} order by ${order} limit ${limit} offset ${offset}`,
  );
  const total = await queryOne<{ n: number }>(db, sql`select count(*)::int as n ${from} where ${where}`);
  const labels = Object.fromEntries(v.rules.checklist.map((k) => [k.key, k.label]));
  return {
    total: total!.n,
    version: { id: v.id, version: v.version, year: v.year, name: v.name },
    passMark: v.rules.passMark,
    categories: v.rules.categories.map((k) => ({ key: k.key, name: k.name, cap: k.cap })),
    items: rows.map((r) => ({
      memberId: r.member_id,
      name: r.name,
      code: r.code,
      sector: r.sector,
      specialCommittees: r.special_committees,
      standingMember: r.standing_member,
      total: Number(r.total),
      grade: r.grade,
      gradeLabel: v.rules.grades.find((g) => g.key === r.grade)?.label ?? GRADE_LABELS[r.grade] ?? r.grade,
      components: Object.fromEntries(
        v.rules.categories.map((k) => [k.key, Number(r.components?.[k.key] ?? 0)]),
      ) as Record<string, number>,
      checklistDone: r.checklist_done,
      checklistTotal: r.checklist_total,
      checklistMissing: (r.checklist_missing as string[]).map((k) => labels[k] ?? k),
    })),
  };
}

export async function groupSummary(db: Db, actor: Actor, year: number, by: 'sector' | 'specialCommittee' | 'group') {
  const c = actor.committeeId;
  await ensureScores(db, c, year);
  const v = await currentVersion(db, c, year);
  const groupJoin =
    by === 'sector'
      ? sql`join sectors g on g.committee_id = m.committee_id and g.id = m.sector_id`
      : by === 'specialCommittee'
        ? sql`join member_special_committees x on x.committee_id = m.committee_id and x.member_id = m.id
            join special_committees g on g.committee_id = x.committee_id and g.id = x.special_committee_id`
        : sql`join member_group_links x on x.committee_id = m.committee_id and x.member_id = m.id
            join member_groups g on g.committee_id = x.committee_id and g.id = x.group_id`;
  const comps = v.rules.categories.map(
    (k) => sql`round(avg(coalesce((s.components ->> ${k.key})::numeric, 0)), 2)::float8`,
  );
  const rows = await query<any>(
    db,
    sql`select g.id, g.name, count(*)::int as members, round(avg(s.total), 2)::float8 as average,
        (percentile_cont(0.5) within group (order by s.total))::float8 as median,
        count(*) filter (where s.total < ${v.rules.passMark})::int as below_pass,
        count(*) filter (where cardinality(s.checklist_missing) > 0)::int as missing_checklist,
        array[${sql.join(comps, sql`, `)}] as components
      from duty_scores s join members m on m.committee_id = s.committee_id and m.id = s.member_id ${groupJoin}
      where s.committee_id = ${c} and s.year = ${year}
      group by g.id, g.name order by g.name`,
  );
  return {
    version: { id: v.id, version: v.version, year: v.year, name: v.name },
    passMark: v.rules.passMark,
    categories: v.rules.categories.map((k) => ({ key: k.key, name: k.name, cap: k.cap })),
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      members: r.members,
      average: Number(r.average),
      median: Math.round(Number(r.median) * 100) / 100,
      belowPass: r.below_pass,
      missingChecklist: r.missing_checklist,
      components: Object.fromEntries(v.rules.categories.map((k, i) => [k.key, Number(r.components[i])])) as Record<
        string,
        number
      >,
    })),
  };
}

/** Scores as they stood at the end of a quarter (facts that occurred by then), for the quarterly bulletin. */
export async function bulletinData(db: Db, actor: Actor, year: number, quarter: number) {
  const c = actor.committeeId;
  const v = await currentVersion(db, c, year);
  const until = `${year}-${String(quarter * 3).padStart(2, '0')}-${quarter === 1 || quarter === 4 ? '31' : '30'}`;
  const rows = await query<any>(
    db,
    sql`select s.member_id, m.name, m.code, sc.name as sector, sc.sort, s.total, s.grade, s.components, s.missing
      from (${scoreSql(c, year, v, { until })}) s join members m on m.committee_id = ${c} and m.id = s.member_id
        left join sectors sc on sc.committee_id = m.committee_id and sc.id = m.sector_id
      order by sc.sort nulls last, m.code nulls last, m.id`,
  );
  const counts = await query<{ kind: string; n: number }>(
    db,
    sql`select kind, count(*)::int as n from duty_facts where committee_id = ${c} and year = ${year} and revoked_at is null
      and occurred_on <= ${until}::date group by kind order by kind`,
  );
  const committee = await queryOne<{ name: string }>(db, sql`select name from committees where id = ${c}`);
  const grades = v.rules.grades.map((g) => ({
    key: g.key,
    label: g.label,
    count: rows.filter((r) => r.grade === g.key).length,
  }));
  const totals = rows.map((r) => Number(r.total)).sort((a, b) => a - b);
  const median = totals.length
    ? totals.length % 2
      ? totals[(totals.length - 1) / 2]
      : (totals[totals.length / 2 - 1] + totals[totals.length / 2]) / 2
    : 0;
  return {
    committee: committee!.name,
    year,
    quarter,
    until,
    version: v,
    members: rows.map((r) => ({
      name: r.name,
      code: r.code,
      sector: r.sector,
      total: Number(r.total),
      grade: v.rules.grades.find((g) => g.key === r.grade)?.label ?? r.grade,
      components: v.rules.categories.map((k) => Number(r.components?.[k.key] ?? 0)),
      missing: (r.missing as string[]).length,
    })),
    facts: counts.map((x) => ({ label: FACT_KINDS[x.kind] ?? x.kind, n: x.n })),
    grades,
    average: totals.length ? Math.round((totals.reduce((s, x) => s + x, 0) / totals.length) * 100) / 100 : 0,
    median: Math.round(median * 100) / 100,
    belowPass: totals.filter((t) => t < v.rules.passMark).length,
  };
}

// ---- consequences ----

export async function consequenceCandidates(db: Db, actor: Actor, year: number) {
  const c = actor.committeeId;
  await ensureScores(db, c, year);
  await ensureScores(db, c, year - 1).catch(() => {});
  const v = await currentVersion(db, c, year);
  const prev = await currentVersion(db, c, year - 1);
  const rows = await query<any>(
    db,
    sql`select s.member_id, m.name, m.code, s.total, p.total as prev_total,
        (select count(*)::int from duty_facts f where f.committee_id = s.committee_id and f.member_id = s.member_id and f.year = ${year}
          and f.revoked_at is null and f.kind = 'meeting.absent' and f.detail ->> 'meetingKind' = 'plenary') as plenary_absences,
        exists (select 1 from duty_consequences k where k.committee_id = s.committee_id and k.member_id = s.member_id and k.year = ${year} and k.kind = 'talk') as talked,
        exists (select 1 from duty_consequences k where k.committee_id = s.committee_id and k.member_id = s.member_id and k.year = ${year} and k.kind = 'resignationAdvice') as advised
      from duty_scores s join members m on m.committee_id = s.committee_id and m.id = s.member_id
        left join duty_scores p on p.committee_id = s.committee_id and p.member_id = s.member_id and p.year = ${year - 1}
      where s.committee_id = ${c} and s.year = ${year} and m.status = 'active'
        and (s.total < ${v.rules.passMark}
          or (select count(*) from duty_facts f where f.committee_id = s.committee_id and f.member_id = s.member_id and f.year = ${year}
            and f.revoked_at is null and f.kind = 'meeting.absent' and f.detail ->> 'meetingKind' = 'plenary') >= 2)
      order by s.total, m.code nulls last, m.id`,
  );
  return {
    passMark: v.rules.passMark,
    items: rows.map((r) => {
      const twoYears =
        r.prev_total !== null && Number(r.prev_total) < prev.rules.passMark && Number(r.total) < v.rules.passMark;
      const suggest = twoYears || r.plenary_absences >= 2 ? 'resignationAdvice' : 'talk';
      const reasons: string[] = [];
      if (Number(r.total) < v.rules.passMark)
        reasons.push(`${year} 年得分 ${Number(r.total)} 分，低于合格分 ${v.rules.passMark} 分`);
      if (twoYears) reasons.push(`连续两年低于合格分（${year - 1} 年 ${Number(r.prev_total)} 分）`);
      if (r.plenary_absences >= 2) reasons.push(`全体会议无故缺席 ${r.plenary_absences} 次`);
      return {
        memberId: r.member_id,
        name: r.name,
        code: r.code,
        total: Number(r.total),
        previousTotal: r.prev_total === null ? null : Number(r.prev_total),
        plenaryAbsences: r.plenary_absences,
        suggestion: suggest,
        suggestionLabel: CONSEQUENCE_LABELS[suggest],
        reason: reasons.join('；'),
        talked: r.talked,
        advised: r.advised,
      };
    }),
  };
}

export async function listConsequences(
  db: Db,
  actor: Actor,
  q: { year?: number; kind?: string; memberId?: number },
  limit: number,
  offset: number,
) {
  const where = sql.join(
    [
      sql`k.committee_id = ${actor.committeeId}`,
      q.year ? sql`k.year = ${q.year}` : null,
      q.kind ? sql`k.kind = ${q.kind}` : null,
      q.memberId ? sql`k.member_id = ${q.memberId}` : null,
    ].filter((x) => x !== null),
    sql` and `,
  );
  const rows = await query<any>(
    db,
    sql`select k.id, k.member_id, m.name, m.code, k.year, k.kind, k.happened_on::text as happened_on, k.reason, k.outcome, k.created_by, k.created_at
      from duty_consequences k join members m on m.committee_id = k.committee_id and m.id = k.member_id
      where ${where} order by k.happened_on desc, k.id desc limit ${limit} offset ${offset}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`select count(*)::int as n from duty_consequences k where ${where}`,
  );
  return {
    total: total!.n,
    items: rows.map((r) => ({
      id: r.id,
      memberId: r.member_id,
      name: r.name,
      code: r.code,
      year: r.year,
      kind: r.kind,
      kindLabel: CONSEQUENCE_LABELS[r.kind],
      happenedOn: r.happened_on,
      reason: r.reason,
      outcome: r.outcome,
      createdBy: r.created_by,
      createdAt: new Date(r.created_at).toISOString(),
    })),
  };
}

export async function recordConsequence(
  tx: Db,
  actor: Actor,
  b: {
    memberId: number;
    year: number;
    kind: 'talk' | 'resignationAdvice';
    happenedOn: string;
    reason: string;
    outcome?: string;
  },
) {
  await memberExists(tx, actor.committeeId, b.memberId).catch(() => {
    throw badRequest('duty.member', '所选委员不存在', 'memberId');
  });
  if (!b.reason.trim()) throw badRequest('duty.reason', '「原因」不能为空', 'reason');
  const [row] = await query<{ id: number }>(
    tx,
    sql`insert into duty_consequences (committee_id, member_id, year, kind, happened_on, reason, outcome, created_by)
      values (${actor.committeeId}, ${b.memberId}, ${b.year}, ${b.kind}, ${b.happenedOn}, ${b.reason.trim()}, ${b.outcome?.trim() ?? ''}, ${actor.name})
      returning id`,
  );
  await writeAudit(tx, actor, {
    action: `duty.consequence.${b.kind}`,
    entity: 'dutyConsequence',
    entityId: row.id,
    after: b,
  });
  return { id: row.id };
}

export async function deleteConsequence(tx: Db, actor: Actor, id: number) {
  const [row] = await query<any>(
    tx,
    sql`delete from duty_consequences where committee_id = ${actor.committeeId} and id = ${id}
      returning member_id, year, kind, happened_on::text as happened_on, reason`,
  );
  if (!row) throw notFound('duty.consequence_not_found', '记录不存在');
  await writeAudit(tx, actor, {
    action: 'duty.consequence.delete',
    entity: 'dutyConsequence',
    entityId: id,
    before: row,
  });
}

// ---- yearly self-report (述职) ----

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
const toReport = (r: any) => ({
  ...r,
  statusLabel: REPORT_STATUS[r.status],
  submittedAt: r.submittedAt ? new Date(r.submittedAt).toISOString() : null,
  reviewedAt: r.reviewedAt ? new Date(r.reviewedAt).toISOString() : null,
  updatedAt: new Date(r.updatedAt).toISOString(),
});

export async function myReport(db: Db, actor: Actor, year: number) {
  const row = await queryOne<any>(
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
  const existing = await queryOne<any>(
    tx,
    sql`select id, status from duty_reports where committee_id = ${actor.committeeId} and member_id = ${actor.memberId} and year = ${year} for update`,
  );
  if (existing && !['draft', 'returned'].includes(existing.status))
    throw conflict('duty.report_locked', '述职报告已提交，不能再修改');
  const status = submit ? 'submitted' : existing?.status === 'returned' ? 'returned' : 'draft';
  const [row] = await query<any>(
    tx,
    sql`insert into duty_reports (committee_id, member_id, year, body, status, submitted_at)
      values (${actor.committeeId}, ${actor.memberId}, ${year}, ${body}, ${status}, ${submit ? sql`now()` : null})
      on conflict (committee_id, member_id, year) do update set body = excluded.body, status = excluded.status,
        submitted_at = coalesce(excluded.submitted_at, duty_reports.submitted_at), updated_at = now()
      returning ${reportCols}`,
  );
  if (submit) {
    const staff = await query<{ id: number }>(
      tx,
      sql`select id from accounts where committee_id = ${actor.committeeId} and roles && array['officeStaff']::text[] and not disabled`,
    );
    await notify(tx, {
      committeeId: actor.committeeId,
      accountIds: staff.map((s) => s.id),
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
  const from = sql`from duty_reports r join members m on m.committee_id = r.committee_id and m.id = r.member_id`;
  const rows = await query<any>(
    db,
    sql`select r.id, r.member_id, m.name, m.code, r.year, r.status, r.submitted_at, r.reviewed_at, r.reviewed_by
      ${from} where ${where} order by r.submitted_at desc nulls last, r.id desc limit ${limit} offset ${offset}`,
  );
  const total = await queryOne<{ n: number }>(db, sql`select count(*)::int as n ${from} where ${where}`);
  return {
    total: total!.n,
    items: rows.map((r) => ({
      id: r.id,
      memberId: r.member_id,
      name: r.name,
      code: r.code,
      year: r.year,
      status: r.status,
      statusLabel: REPORT_STATUS[r.status],
      submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
      reviewedAt: r.reviewed_at ? new Date(r.reviewed_at).toISOString() : null,
      reviewedBy: r.reviewed_by,
    })),
  };
}

export async function getReport(db: Db, actor: Actor, id: number) {
  const row = await queryOne<any>(
    db,
    sql`select ${reportCols} from duty_reports where committee_id = ${actor.committeeId} and id = ${id} and status <> 'draft'`,
  );
  if (!row) throw notFound('duty.report_not_found', '述职报告不存在');
  const m = await memberExists(db, actor.committeeId, row.memberId);
  return { ...toReport(row), name: m.name };
}

export async function reviewReport(tx: Db, actor: Actor, id: number, b: { accept: boolean; comment?: string }) {
  const row = await queryOne<any>(
    tx,
    sql`select id, member_id, year, status from duty_reports where committee_id = ${actor.committeeId} and id = ${id} and status <> 'draft' for update`,
  );
  if (!row) throw notFound('duty.report_not_found', '述职报告不存在');
  if (row.status !== 'submitted') throw conflict('duty.report_status', '只能审阅已提交的述职报告');
  if (!b.accept && !b.comment?.trim()) throw badRequest('duty.comment', '退回修改时请填写「意见」', 'comment');
  const to = b.accept ? 'accepted' : 'returned';
  await tx.execute(sql`update duty_reports set status = ${to}, review_comment = ${b.comment?.trim() || null}, reviewed_by = ${actor.name},
      reviewed_at = now(), updated_at = now() where committee_id = ${actor.committeeId} and id = ${id}`);
  const accounts = await query<{ id: number }>(
    tx,
    sql`select id from accounts where committee_id = ${actor.committeeId} and member_id = ${row.member_id} and not disabled`,
  );
  await notify(tx, {
    committeeId: actor.committeeId,
    accountIds: accounts.map((a) => a.id),
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

// ---- commendations (优秀委员) ----

export async function listCommendations(db: Db, actor: Actor, year: number) {
  const rows = await query<any>(
    db,
    sql`select k.id, k.member_id, m.name, m.code, sc.name as sector, k.year, k.title, k.reason, k.created_by, k.created_at, s.total, s.grade
      from duty_commendations k join members m on m.committee_id = k.committee_id and m.id = k.member_id
        left join sectors sc on sc.committee_id = m.committee_id and sc.id = m.sector_id
        left join duty_scores s on s.committee_id = k.committee_id and s.member_id = k.member_id and s.year = k.year
      where k.committee_id = ${actor.committeeId} and k.year = ${year} order by m.code nulls last, m.id`,
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      memberId: r.member_id,
      name: r.name,
      code: r.code,
      sector: r.sector,
      year: r.year,
      title: r.title,
      reason: r.reason,
      total: r.total === null ? null : Number(r.total),
      createdBy: r.created_by,
      createdAt: new Date(r.created_at).toISOString(),
    })),
  };
}

export async function commend(
  tx: Db,
  actor: Actor,
  b: { memberId: number; year: number; title?: string; reason: string },
) {
  await memberExists(tx, actor.committeeId, b.memberId).catch(() => {
    throw badRequest('duty.member', '所选委员不存在', 'memberId');
  });
  if (!b.reason.trim()) throw badRequest('duty.reason', '「表彰理由」不能为空', 'reason');
  const title = b.title?.trim() || '优秀委员';
  const dup = await queryOne(
    tx,
    sql`select 1 from duty_commendations where committee_id = ${actor.committeeId} and member_id = ${b.memberId} and year = ${b.year} and title = ${title}`,
  );
  if (dup) throw conflict('duty.commended', `该委员 ${b.year} 年已获「${title}」`);
  const [row] = await query<{ id: number }>(
    tx,
    sql`insert into duty_commendations (committee_id, member_id, year, title, reason, created_by)
      values (${actor.committeeId}, ${b.memberId}, ${b.year}, ${title}, ${b.reason.trim()}, ${actor.name}) returning id`,
  );
  const accounts = await query<{ id: number }>(
    tx,
    sql`select id from accounts where committee_id = ${actor.committeeId} and member_id = ${b.memberId} and not disabled`,
  );
  await notify(tx, {
    committeeId: actor.committeeId,
    accountIds: accounts.map((a) => a.id),
    kind: 'duty.commended',
    title: `您被评为 ${b.year} 年度「${title}」`,
    body: b.reason.trim(),
    link: '/duty/me',
  });
  await writeAudit(tx, actor, { action: 'duty.commend', entity: 'dutyCommendation', entityId: row.id, after: b });
  return { id: row.id };
}

export async function revokeCommendation(tx: Db, actor: Actor, id: number) {
  const [row] = await query<any>(
    tx,
    sql`delete from duty_commendations where committee_id = ${actor.committeeId} and id = ${id} returning member_id, year, title, reason`,
  );
  if (!row) throw notFound('duty.commendation_not_found', '表彰记录不存在');
  await writeAudit(tx, actor, { action: 'duty.commend.revoke', entity: 'dutyCommendation', entityId: id, before: row });
}
