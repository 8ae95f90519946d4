// 随手拍 commands and reads: a member files one (photos or a short video, place, text, urgent); staff, the unit it was
// dispatched to and its member each see their own lists with overdue and disputed flags; one item with its files and
// timeline; alike items for a merge; the staff's Excel list; each unit's timeliness for its yearly appraisal.
import { type SQL, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { beijingDateOf, clockNow, formatBeijingDateTime, iso } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { countOf } from '../../platform/db/count.ts';
import { xlsxOf } from '../../platform/download.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { attachFiles, listFiles } from '../../platform/files/files.ts';
import { textSimilarity } from '../../platform/search/search.ts';
import { normaliseLine, normaliseText } from '../../platform/text/normalise.ts';
import { allowedActions, fireTransition, listTransitions } from '../../platform/workflow/engine.ts';
import { memberDirectory } from '../org/members-directory.ts';
import { canSeeReport } from './policy.ts';
import { type ActionData, loadReport, REPORT_STATES, reportProcess } from './process.ts';
import type { ReportAction, ReportInput, ReportQuery } from './schemas.ts';

export const reportNotFound = () => notFound('supervision.not_found', '随手拍不存在');

export async function fileReport(db: Db, actor: Actor, b: ReportInput): Promise<number> {
  if (!actor.memberId) throw badRequest('supervision.member_only', '只有委员可以提交随手拍');
  const text = normaliseText(b.text).trim();
  const place = normaliseLine(b.place).trim();
  if (!text) throw badRequest('supervision.text_required', '请填写「问题描述」', 'text');
  if (!place) throw badRequest('supervision.place_required', '请填写「地点」', 'place');
  if (!b.fileIds.length) throw badRequest('supervision.photo_required', '请至少上传一张照片或一段视频', 'fileIds');
  if ((b.latitude == null) !== (b.longitude == null))
    throw badRequest('supervision.location', '定位须同时有经度和纬度', 'latitude');
  return db.transaction(async (tx) => {
    const row = await queryOne<{ id: number }>(
      tx,
      sql`insert into snapshot_reports (committee_id, member_id, text, place, latitude, longitude, urgent, filed_at)
        values (${actor.committeeId}, ${actor.memberId}, ${text}, ${place}, ${b.latitude ?? null}, ${b.longitude ?? null},
          ${b.urgent ?? false}, ${clockNow().toISOString()}) returning id`,
    );
    const id = row!.id;
    await attachFiles(tx, actor, b.fileIds, 'snapshot_report', id);
    await writeAudit(tx, actor, { action: 'snapshot-report.file', entity: 'snapshot_report', entityId: id, after: b });
    return id;
  });
}

export type Scope = 'staff' | 'unit' | 'mine';

const select = sql`select r.id, r.member_id, m.name as member_name, r.text, r.place, r.latitude, r.longitude, r.urgent,
    r.state, r.decline_reason, r.merged_into, r.unit_id, u.name as unit_name, r.due_at, r.answer, r.answered_at,
    r.answered_on_time, r.dispute_reason, r.filed_at, r.dispatched_at, r.closed_at
  from snapshot_reports r join ${memberDirectory} m on m.committee_id = r.committee_id and m.id = r.member_id
  left join handling_units u on u.committee_id = r.committee_id and u.id = r.unit_id`;

/** A row of `select`: a report with its member's and unit's names (timestamps as the driver gives them). */
interface ReportRow {
  id: number;
  member_id: number;
  member_name: string;
  text: string;
  place: string;
  latitude: number | null;
  longitude: number | null;
  urgent: boolean;
  state: string;
  decline_reason: string | null;
  merged_into: number | null;
  unit_id: number | null;
  unit_name: string | null;
  due_at: string | Date | null;
  answer: string | null;
  answered_at: string | Date | null;
  answered_on_time: boolean | null;
  dispute_reason: string | null;
  filed_at: string | Date;
  dispatched_at: string | Date | null;
  closed_at: string | Date | null;
}

/** A report as the list and the detail page present it (the web's `Report`). */
export type PresentedReport = ReturnType<typeof present>;

function present(r: ReportRow, now: Date) {
  const due = r.due_at ? new Date(r.due_at) : null;
  return {
    id: r.id,
    memberId: r.member_id,
    memberName: r.member_name,
    text: r.text,
    place: r.place,
    latitude: r.latitude,
    longitude: r.longitude,
    urgent: r.urgent,
    state: r.state,
    stateLabel: REPORT_STATES[r.state] ?? r.state,
    declineReason: r.decline_reason,
    mergedInto: r.merged_into,
    unitId: r.unit_id,
    unitName: r.unit_name,
    dueOn: due ? beijingDateOf(due) : null,
    answer: r.answer,
    answeredAt: iso(r.answered_at),
    answeredOnTime: r.answered_on_time,
    disputeReason: r.dispute_reason,
    filedAt: new Date(r.filed_at).toISOString(),
    overdue: r.state === 'dispatched' && !!due && due < now,
    disputed: r.state === 'disputed',
  };
}

/** The list's condition on reports `r` for the session's scope and the filters. Snapshotted in server/sql/supervision/. */
export function scopeWhere(actor: Actor, scope: Scope, q: Partial<ReportQuery>): SQL {
  const parts: SQL[] = [sql`r.committee_id = ${actor.committeeId}`];
  // The scope comes from the session: a unit sees the items dispatched to it, a member their own.
  if (scope === 'unit') parts.push(sql`r.unit_id = ${actor.unitId ?? -1}`);
  if (scope === 'mine') parts.push(sql`r.member_id = ${actor.memberId ?? -1}`);
  if (q.state) parts.push(sql`r.state = ${q.state}`);
  if (q.unitId && scope === 'staff') parts.push(sql`r.unit_id = ${q.unitId}`);
  if (q.overdue) parts.push(sql`r.state = 'dispatched' and r.due_at < ${clockNow().toISOString()}`);
  if (q.disputed) parts.push(sql`r.state = 'disputed'`);
  return sql.join(parts, sql` and `);
}

export async function listReports(db: Db, actor: Actor, scope: Scope, q: ReportQuery, limit: number, offset: number) {
  if (q.state && !(q.state in REPORT_STATES)) throw badRequest('supervision.bad_state', '「状态」不正确', 'state');
  const where = scopeWhere(actor, scope, q);
  const now = clockNow();
  // Overdue and disputed first: what needs someone now, then the newest.
  const rows = await query<ReportRow>(
    db,
    sql`${select} where ${where}
      order by (r.state = 'disputed' or (r.state = 'dispatched' and r.due_at < ${now.toISOString()})) desc,
        r.filed_at desc, r.id desc limit ${limit} offset ${offset}`,
  );
  const total = await countOf(db, sql`select count(*)::int as n from snapshot_reports r where ${where}`);
  return { items: rows.map((r) => present(r, now)), total };
}

/** Who may open an item: staff any; the unit it was dispatched to; its member. Others get 404. */
export async function mayReadReport(db: Db, actor: Actor, id: number): Promise<boolean> {
  const r = await loadReport(db, actor.committeeId, id);
  return !!r && canSeeReport(actor, r);
}

export async function getReport(db: Db, actor: Actor, id: number) {
  if (!(await mayReadReport(db, actor, id))) throw reportNotFound();
  const r = await queryOne<ReportRow>(db, sql`${select} where r.committee_id = ${actor.committeeId} and r.id = ${id}`);
  const item = await loadReport(db, actor.committeeId, id);
  return {
    ...present(r!, clockNow()),
    files: await listFiles(db, actor.committeeId, 'snapshot_report', id),
    answerFiles: await listFiles(db, actor.committeeId, 'snapshot_answer', id),
    actions: allowedActions(reportProcess, actor, item!),
    history: await listTransitions(db, reportProcess, actor.committeeId, id, actor),
  };
}

export async function fireReportAction(db: Db, actor: Actor, id: number, b: ReportAction): Promise<string> {
  return db.transaction(async (tx) => {
    if (!(await mayReadReport(tx, actor, id))) throw reportNotFound();
    const r = await loadReport(tx, actor.committeeId, id, true);
    const data: ActionData = { intoId: b.intoId, unitId: b.unitId, fileIds: b.fileIds };
    return fireTransition(tx, reportProcess, actor, r!, { action: b.action, comment: b.comment, data });
  });
}

/** Alike items for staff deciding a merge: open or done items of the committee, by text similarity. */
export async function similarReports(db: Db, actor: Actor, id: number) {
  const me = await loadReport(db, actor.committeeId, id);
  if (!me) throw reportNotFound();
  const rows = await query<{ id: number; text: string; place: string; state: string; filed_at: string | Date }>(
    db,
    sql`select r.id, r.text, r.place, r.state, r.filed_at from snapshot_reports r
      where r.committee_id = ${actor.committeeId} and r.id <> ${id} and r.state not in ('declined', 'merged')
      order by r.filed_at desc limit 500`,
  );
  return rows
    .map((r) => ({
      id: r.id,
      text: r.text,
      place: r.place,
      stateLabel: REPORT_STATES[r.state] ?? r.state,
      similarity: Math.round(textSimilarity(me.text, r.text) * 100) / 100,
    }))
    .filter((r) => r.similarity >= 0.2)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, 5);
}

export async function reportsXlsx(db: Db, actor: Actor, q: ReportQuery): Promise<Buffer> {
  const rows = await query<ReportRow>(
    db,
    sql`${select} where ${scopeWhere(actor, 'staff', q)} order by r.filed_at, r.id limit 20000`,
  );
  const now = clockNow();
  return xlsxOf(
    '随手拍',
    [
      { header: '编号', key: 'id', width: 8 },
      { header: '提交时间', key: 'filedAt', width: 18 },
      { header: '委员', key: 'memberName', width: 10 },
      { header: '地点', key: 'place', width: 20 },
      { header: '问题描述', key: 'text', width: 50 },
      { header: '紧急', key: 'urgent', width: 6 },
      { header: '状态', key: 'stateLabel', width: 12 },
      { header: '承办单位', key: 'unitName', width: 20 },
      { header: '答复期限', key: 'dueOn', width: 12 },
      { header: '按期答复', key: 'onTime', width: 8 },
      { header: '超期', key: 'overdue', width: 6 },
      { header: '答复', key: 'answer', width: 40 },
      { header: '异议或不予受理理由', key: 'reason', width: 30 },
    ],
    rows.map((r) => {
      const p = present(r, now);
      return {
        ...p,
        filedAt: formatBeijingDateTime(p.filedAt),
        urgent: p.urgent ? '是' : '',
        onTime: p.answeredOnTime == null ? '' : p.answeredOnTime ? '是' : '否',
        overdue: p.overdue ? '是' : '',
        reason: p.disputeReason ?? p.declineReason ?? '',
      };
    }),
  );
}

export interface UnitTimeliness {
  unitId: number;
  unitName: string;
  dispatched: number;
  answered: number;
  answeredOnTime: number;
  overdue: number;
  /** answered on time / answered, 0–1; null when nothing was answered. */
  rate: number | null;
}

/**
 * Each unit's timeliness for items dispatched in [from, to] (Beijing days): what the yearly appraisal of units
 * (民主评议) reads. Exported for other modules; items still unanswered past their deadline count as overdue.
 */
export async function unitTimeliness(db: Db, committeeId: number, from: string, to: string): Promise<UnitTimeliness[]> {
  const rows = await query<{
    id: number;
    name: string;
    dispatched: number;
    answered: number;
    on_time: number;
    overdue: number;
  }>(
    db,
    sql`select u.id, u.name, count(*)::int as dispatched,
        count(*) filter (where r.answered_at is not null)::int as answered,
        count(*) filter (where r.answered_on_time)::int as on_time,
        count(*) filter (where r.state = 'dispatched' and r.due_at < ${clockNow().toISOString()})::int as overdue
      from snapshot_reports r join handling_units u on u.committee_id = r.committee_id and u.id = r.unit_id
      where r.committee_id = ${committeeId}
        and (r.dispatched_at at time zone 'Asia/Shanghai')::date between ${from}::date and ${to}::date
      group by u.id, u.name order by u.name`,
  );
  return rows.map((r) => ({
    unitId: r.id,
    unitName: r.name,
    dispatched: r.dispatched,
    answered: r.answered,
    answeredOnTime: r.on_time,
    overdue: r.overdue,
    rate: r.answered ? Math.round((r.on_time / r.answered) * 1000) / 1000 : null,
  }));
}
