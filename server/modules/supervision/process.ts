// A 随手拍 as a process on the workflow engine: staff accept, merge or decline (reason shown to the member) and
// dispatch to a unit with a deadline in working days (reminders and an overdue notice through the engine's jobs); the
// unit answers with text and a photo; the member confirms or disputes; a dispute goes back to the unit (it answers
// again) or to staff (redispatch or close).
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { beijingDateOf, beijingYearOf, clockNow, deadlineAfterDays } from '../../platform/dates.ts';
import { type Db, queryOne } from '../../platform/db/client.ts';
import { badRequest } from '../../platform/errors.ts';
import { attachFiles } from '../../platform/files/files.ts';
import { accountsWithRoles, notify } from '../../platform/notifications/notifications.ts';
import { defineProcess, type Process } from '../../platform/workflow/engine.ts';
import { unitAccountIds } from '../consultations/outcome-repository.ts';
import { recordDutyFact } from '../duty/facts.ts';
import { accountsOfMembers } from '../meetings/service.ts';
import { assignedUnitGuard, reporterGuard, STAFF, UNIT } from './policy.ts';
import { getSupervisionSettings } from './settings.ts';

export const REPORT_STATES: Record<string, string> = {
  filed: '待审核',
  accepted: '已受理',
  dispatched: '办理中',
  answered: '已答复待确认',
  disputed: '有异议',
  closed: '已办结',
  declined: '不予受理',
  merged: '已合并',
};
/** States in which the unit owes an answer. */
export const WAITING_FOR_UNIT = ['dispatched', 'disputed'];

export interface ReportItem {
  id: number;
  state: string;
  committeeId: number;
  memberId: number;
  unitId: number | null;
  urgent: boolean;
  text: string;
}

export interface ActionData {
  intoId?: number;
  unitId?: number;
  fileIds?: number[];
}

// The platform's clock (tests move it), not the database's now().
const at = () => sql`${clockNow().toISOString()}::timestamptz`;
const short = (text: string) => (text.length > 30 ? `${text.slice(0, 30)}…` : text);
const set = (tx: Db, r: ReportItem, fields: ReturnType<typeof sql>) =>
  tx.execute(sql`update snapshot_reports set ${fields} where committee_id = ${r.committeeId} and id = ${r.id}`);

async function tellMember(tx: Db, r: ReportItem, title: string, body?: string | null) {
  await notify(tx, {
    committeeId: r.committeeId,
    accountIds: await accountsOfMembers(tx, r.committeeId, [r.memberId]),
    kind: 'supervision.update',
    title: `${title}：${short(r.text)}`,
    body: body ?? undefined,
    link: `/supervision/${r.id}`,
  });
}

async function dispatchTo(tx: Db, _actor: Actor, r: ReportItem, d: ActionData) {
  if (!d.unitId) throw badRequest('supervision.unit_required', '请选择承办单位', 'unitId');
  const unit = await queryOne(
    tx,
    sql`select 1 from handling_units where committee_id = ${r.committeeId} and id = ${d.unitId} and active`,
  );
  if (!unit) throw badRequest('supervision.unit_not_found', '承办单位不存在或已停用', 'unitId');
  const s = await getSupervisionSettings(tx, r.committeeId, beijingYearOf(clockNow()));
  const dueAt = await deadlineAfterDays(
    tx,
    r.committeeId,
    clockNow(),
    r.urgent ? s.urgentDays : s.normalDays,
    'workingDays',
  );
  await set(
    tx,
    r,
    sql`unit_id = ${d.unitId}, due_at = ${dueAt.toISOString()}, dispatched_at = ${at()}, answered_at = null,
      answered_on_time = null, answer = null`,
  );
  r.unitId = d.unitId;
  await notify(tx, {
    committeeId: r.committeeId,
    accountIds: await unitAccountIds(tx, r.committeeId, [d.unitId]),
    kind: 'supervision.dispatched',
    title: `请于${beijingDateOf(dueAt)}前答复随手拍：${short(r.text)}`,
    link: `/supervision/${r.id}`,
  });
  await tellMember(tx, r, '您的随手拍已交办');
}

export const reportProcess: Process<ReportItem> = defineProcess<ReportItem>({
  name: 'snapshot-report',
  entity: 'snapshot_report',
  states: REPORT_STATES,
  transitions: [
    {
      action: 'accept',
      label: '受理',
      from: ['filed'],
      to: 'accepted',
      roles: STAFF,
      effect: async (tx, _a, r) => {
        await set(tx, r, sql`accepted_at = ${at()}`);
        await recordDutyFact(tx, {
          committeeId: r.committeeId,
          memberId: r.memberId,
          kind: 'supervision.accepted',
          sourceType: 'snapshot_report',
          sourceId: r.id,
          occurredOn: clockNow(),
          detail: { urgent: r.urgent },
        });
        await tellMember(tx, r, '您的随手拍已受理');
      },
    },
    {
      action: 'decline',
      label: '不予受理',
      from: ['filed'],
      to: 'declined',
      roles: STAFF,
      commentRequired: true,
      effect: async (tx, _a, r, _d, comment) => {
        await set(tx, r, sql`decline_reason = ${comment}, closed_at = ${at()}`);
        await tellMember(tx, r, '您的随手拍未予受理', comment);
      },
    },
    {
      action: 'merge',
      label: '合并',
      from: ['filed'],
      to: 'merged',
      roles: STAFF,
      effect: async (tx, _a, r, d: ActionData, comment) => {
        if (!d.intoId || d.intoId === r.id)
          throw badRequest('supervision.merge_target', '请选择要合并到的另一条随手拍', 'intoId');
        const target = await queryOne(
          tx,
          sql`select 1 from snapshot_reports where committee_id = ${r.committeeId} and id = ${d.intoId}
            and state not in ('declined', 'merged')`,
        );
        if (!target)
          throw badRequest('supervision.merge_target', '要合并到的随手拍不存在或已不予受理、已合并', 'intoId');
        await set(tx, r, sql`merged_into = ${d.intoId}, closed_at = ${at()}`);
        await tellMember(tx, r, `您的随手拍已与同类问题（编号${d.intoId}）合并办理`, comment);
      },
    },
    {
      action: 'dispatch',
      label: '交办',
      from: ['accepted', 'disputed'],
      to: 'dispatched',
      roles: STAFF,
      effect: dispatchTo,
      deadline: async (tx, _a, r) => {
        const row = await queryOne<{ due_at: string }>(
          tx,
          sql`select due_at from snapshot_reports where committee_id = ${r.committeeId} and id = ${r.id}`,
        );
        const s = await getSupervisionSettings(tx, r.committeeId, beijingYearOf(clockNow()));
        return { dueAt: new Date(row!.due_at), remindDaysBefore: s.remindDaysBefore };
      },
    },
    {
      action: 'answer',
      label: '答复',
      from: WAITING_FOR_UNIT,
      to: 'answered',
      roles: UNIT,
      guard: assignedUnitGuard,
      commentRequired: true,
      effect: async (tx, actor, r, d: ActionData, comment) => {
        if (!d.fileIds?.length) throw badRequest('supervision.photo_required', '请上传办理结果的照片', 'fileIds');
        await attachFiles(tx, actor, d.fileIds, 'snapshot_answer', r.id);
        // Only the first answer of a dispatch counts for timeliness; an answer after a dispute keeps it.
        await set(
          tx,
          r,
          sql`answer = ${comment}, answered_at = coalesce(answered_at, ${at()}),
            answered_on_time = coalesce(answered_on_time, ${at()} <= due_at)`,
        );
        await tellMember(tx, r, '承办单位已答复您的随手拍，请确认');
      },
    },
    {
      action: 'confirm',
      label: '满意，已解决',
      from: ['answered'],
      to: 'closed',
      roles: ['member'],
      guard: reporterGuard,
      effect: async (tx, _a, r) => {
        await set(tx, r, sql`closed_at = ${at()}`);
      },
    },
    {
      action: 'dispute',
      label: '有异议',
      from: ['answered'],
      to: 'disputed',
      roles: ['member'],
      guard: reporterGuard,
      commentRequired: true,
      effect: async (tx, _a, r, _d, comment) => {
        await set(tx, r, sql`dispute_reason = ${comment}, disputed_at = ${at()}`);
        await notify(tx, {
          committeeId: r.committeeId,
          accountIds: [
            ...(r.unitId ? await unitAccountIds(tx, r.committeeId, [r.unitId]) : []),
            ...(await accountsWithRoles(tx, r.committeeId, ['officeStaff'])),
          ],
          kind: 'supervision.disputed',
          title: `委员对随手拍的答复有异议：${short(r.text)}`,
          body: comment ?? undefined,
          link: `/supervision/${r.id}`,
        });
      },
    },
    {
      action: 'close',
      label: '办结',
      from: ['disputed'],
      to: 'closed',
      roles: STAFF,
      commentRequired: true,
      effect: async (tx, _a, r, _d, comment) => {
        await set(tx, r, sql`closed_at = ${at()}`);
        await tellMember(tx, r, '您的随手拍已办结', comment);
      },
    },
  ],
  setState: async (tx, _actor, r, to) => {
    await set(tx, r, sql`state = ${to}`);
  },
  load: (tx, committeeId, id) => loadReport(tx, committeeId, id),
  onDeadline: async (tx, committeeId, id, kind, dueAt) => {
    const r = await loadReport(tx, committeeId, id, true);
    if (!r?.unitId || r.state !== 'dispatched') return;
    const day = beijingDateOf(dueAt);
    const units = await unitAccountIds(tx, committeeId, [r.unitId]);
    const staff = kind === 'overdue' ? await accountsWithRoles(tx, committeeId, ['officeStaff']) : [];
    await notify(tx, {
      committeeId,
      accountIds: [...units, ...staff],
      kind: `supervision.${kind}`,
      title:
        kind === 'remind'
          ? `随手拍答复即将到期（${day}）：${short(r.text)}`
          : `随手拍答复已超期（期限 ${day}）：${short(r.text)}`,
      link: `/supervision/${r.id}`,
    });
  },
});

export async function loadReport(tx: Db, committeeId: number, id: number, lock = false): Promise<ReportItem | null> {
  const r = await queryOne<{
    id: number;
    state: string;
    member_id: number;
    unit_id: number | null;
    urgent: boolean;
    text: string;
  }>(
    tx,
    sql`select id, state, member_id, unit_id, urgent, text from snapshot_reports
      where committee_id = ${committeeId} and id = ${id} ${lock ? sql`for update` : sql``}`,
  );
  if (!r) return null;
  return {
    id: r.id,
    state: r.state,
    committeeId,
    memberId: r.member_id,
    unitId: r.unit_id,
    urgent: r.urgent,
    text: r.text,
  };
}
