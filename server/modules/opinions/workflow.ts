// The opinion-report workflows as data: the report (draft → submitted → screened → compiled into an issue) and the
// referral of a report to a handling unit (referred → responded → approved, or back to the unit). Effects write the
// module's rows, duty facts and notifications in the same transaction as the transition.

import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { beijingToday, endOfBeijingDay, formatBeijingDate } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { accountsWithRoles, notify } from '../../platform/notifications/notifications.ts';
import { getSetting } from '../../platform/settings/settings.ts';
import { defineProcess, type WorkflowItem } from '../../platform/workflow/engine.ts';
import { recordDutyFact, revokeDutyFacts } from '../duty/facts.ts';
import { isSubmitter, OFFICE_READERS, SCREENERS, SUBMITTERS } from './policy.ts';
import {
  DEFAULT_OPINION_SETTINGS,
  OPINION_SETTINGS_KEY,
  type OpinionSettings,
  REFERRAL_STATES,
  REPORT_STATES,
} from './rules.ts';

export interface ReportItem extends WorkflowItem {
  committeeId: number;
  title: string;
  submitterAccountId: number | null;
  memberIds: number[];
  originReportId: number | null;
}

/** China's calendar day and year: a report sent at 23:30 on 31 December belongs to that year. */
export function chinaToday(): string {
  return beijingToday();
}
export const chinaYear = () => Number(chinaToday().slice(0, 4));

export async function opinionSettings(db: Db, committeeId: number, year = chinaYear()): Promise<OpinionSettings> {
  return getSetting(db, committeeId, OPINION_SETTINGS_KEY, year, DEFAULT_OPINION_SETTINGS);
}

/** The accounts that submitted a report (the submitting account and the accounts of its members). */
export async function submitterAccounts(
  tx: Db,
  committeeId: number,
  item: { submitterAccountId: number | null; memberIds: number[] },
): Promise<number[]> {
  const rows = item.memberIds.length
    ? await query<{ id: number }>(
        tx,
        sql`select id from accounts where committee_id = ${committeeId} and member_id = any(${sql.param(item.memberIds)}::int[]) and not disabled`,
      )
    : [];
  return [...new Set([...(item.submitterAccountId ? [item.submitterAccountId] : []), ...rows.map((r) => r.id)])];
}

/** Records a duty fact for each member who submitted the report (the first is the lead when there are several). */
export async function recordMemberFacts(
  tx: Db,
  committeeId: number,
  memberIds: number[],
  fact: { kind: string; sourceType: string; sourceId: number; detail?: Record<string, unknown> },
): Promise<void> {
  for (const [i, memberId] of memberIds.entries()) {
    await recordDutyFact(tx, {
      committeeId,
      memberId,
      kind: fact.kind,
      role: memberIds.length === 1 ? 'self' : i === 0 ? 'lead' : 'cosigner',
      sourceType: fact.sourceType,
      sourceId: fact.sourceId,
      occurredOn: chinaToday(),
      detail: fact.detail,
    });
  }
}

export async function loadReportItem(tx: Db, committeeId: number, id: number): Promise<ReportItem | null> {
  const r = await queryOne<ReportItem>(
    tx,
    sql`select id, committee_id as "committeeId", state, title, submitter_account_id as "submitterAccountId",
        coalesce(member_ids, '{}') as "memberIds", origin_report_id as "originReportId" from opinion_reports
      where committee_id = ${committeeId} and id = ${id}`,
  );
  return r ?? null;
}

const ownerGuard = (actor: Actor, item: ReportItem) => (isSubmitter(actor, item) ? null : '只能提交本人报送的信息');

async function tellSubmitter(tx: Db, item: ReportItem, title: string, body?: string) {
  await notify(tx, {
    committeeId: item.committeeId,
    accountIds: await submitterAccounts(tx, item.committeeId, item),
    kind: 'opinion',
    title,
    body,
    link: `/opinions/${item.id}`,
  });
}

async function onSubmitted(tx: Db, actor: Actor, item: ReportItem) {
  await recordMemberFacts(tx, item.committeeId, item.memberIds, {
    kind: 'opinion.submitted',
    sourceType: 'opinion_report',
    sourceId: item.id,
  });
  await notify(tx, {
    committeeId: item.committeeId,
    accountIds: await accountsWithRoles(tx, item.committeeId, ['liaisonStaff']),
    kind: 'opinion',
    title: `收到社情民意信息：${item.title}`,
    body: `${actor.name} 报送，请筛选。`,
    link: `/opinions/${item.id}`,
  });
}

export const opinionProcess = defineProcess<ReportItem>({
  name: 'opinion',
  entity: 'opinion_report',
  states: { none: '新建', ...REPORT_STATES },
  transitions: [
    {
      action: 'submit',
      label: '提交',
      from: ['draft'],
      to: 'submitted',
      roles: SUBMITTERS,
      guard: ownerGuard,
      effect: (tx, actor, item) => onSubmitted(tx, actor, item),
    },
    {
      action: 'resubmit',
      label: '修改后重新提交',
      from: ['returned'],
      to: 'submitted',
      roles: SUBMITTERS,
      guard: ownerGuard,
      effect: (tx, actor, item) => onSubmitted(tx, actor, item),
    },
    {
      // A report forwarded by a lower committee lands in this committee's screening queue.
      action: 'receive',
      label: '收到下级政协报送',
      from: ['none'],
      to: 'submitted',
      roles: [...SCREENERS, 'sysAdmin'],
    },
    {
      // A proposal converted to an opinion report by the proposal office.
      action: 'convert',
      label: '由提案转来',
      from: ['none'],
      to: 'submitted',
      roles: ['proposalStaff', ...SCREENERS, 'sysAdmin'],
      effect: (tx, actor, item) => onSubmitted(tx, actor, item),
    },
    {
      action: 'accept',
      label: '采编留用',
      from: ['submitted'],
      to: 'accepted',
      roles: SCREENERS,
      effect: async (tx, _actor, item, _data, comment) => {
        await tx.execute(sql`update opinion_reports set screen_comment = ${comment}, screened_at = now()
          where committee_id = ${item.committeeId} and id = ${item.id}`);
        await tellSubmitter(tx, item, `您的社情民意信息已被采编留用：${item.title}`, comment ?? undefined);
      },
    },
    {
      action: 'decline',
      label: '不予编报',
      from: ['submitted'],
      to: 'declined',
      roles: SCREENERS,
      commentRequired: true,
      effect: async (tx, _actor, item, _data, comment) => {
        await tx.execute(sql`update opinion_reports set screen_comment = ${comment}, screened_at = now()
          where committee_id = ${item.committeeId} and id = ${item.id}`);
        await tellSubmitter(tx, item, `您的社情民意信息未予编报：${item.title}`, `理由：${comment}`);
      },
    },
    {
      action: 'return',
      label: '退回修改',
      from: ['submitted'],
      to: 'returned',
      roles: SCREENERS,
      commentRequired: true,
      guard: (_actor, item) =>
        item.originReportId != null ? '下级政协报送的信息不能退回修改，可不予编报并说明理由' : null,
      effect: async (tx, _actor, item, _data, comment) => {
        await tx.execute(sql`update opinion_reports set screen_comment = ${comment}, screened_at = now()
          where committee_id = ${item.committeeId} and id = ${item.id}`);
        await tellSubmitter(tx, item, `您的社情民意信息被退回修改：${item.title}`, `意见：${comment}`);
      },
    },
    {
      action: 'compile',
      label: '编入期刊',
      from: ['accepted'],
      to: 'compiled',
      roles: SCREENERS,
      effect: async (tx, _actor, item, data: { issueId: number; issueTitle: string }) => {
        await tx.execute(sql`update opinion_reports set issue_id = ${data.issueId}, compiled_at = now(),
            issue_position = (select coalesce(max(issue_position), 0) + 1 from opinion_reports
              where committee_id = ${item.committeeId} and issue_id = ${data.issueId})
          where committee_id = ${item.committeeId} and id = ${item.id}`);
        await recordMemberFacts(tx, item.committeeId, item.memberIds, {
          kind: 'opinion.compiled',
          sourceType: 'opinion_report',
          sourceId: item.id,
        });
        await tellSubmitter(tx, item, `您的社情民意信息已编入${data.issueTitle}：${item.title}`);
      },
    },
    {
      action: 'uncompile',
      label: '移出期刊',
      from: ['compiled'],
      to: 'accepted',
      roles: SCREENERS,
      // Taking a report out of an issue is the office's editing: the submitter keeps seeing where it stands.
      visibleTo: { entry: OFFICE_READERS },
      effect: async (tx, _actor, item) => {
        await tx.execute(sql`update opinion_reports set issue_id = null, issue_position = null, compiled_at = null
          where committee_id = ${item.committeeId} and id = ${item.id}`);
        await revokeDutyFacts(tx, item.committeeId, {
          sourceType: 'opinion_report',
          sourceId: item.id,
          kinds: ['opinion.compiled'],
        });
      },
    },
  ],
  setState: async (tx, _actor, item, to) => {
    // The first submission fixes the report's year and time; a resubmission after revision keeps them.
    const first = to === 'submitted';
    await tx.execute(sql`update opinion_reports set state = ${to}, updated_at = now(),
        year = case when ${first} and submitted_at is null then ${chinaYear()} else year end,
        submitted_at = case when ${first} then coalesce(submitted_at, now()) else submitted_at end
      where committee_id = ${item.committeeId} and id = ${item.id}`);
  },
  load: (tx, committeeId, id) => loadReportItem(tx, committeeId, id),
});

export interface ReferralItem extends WorkflowItem {
  committeeId: number;
  reportId: number;
  unitId: number;
  reportTitle: string;
}

export async function loadReferralItem(tx: Db, committeeId: number, id: number): Promise<ReferralItem | null> {
  const r = await queryOne<ReferralItem>(
    tx,
    sql`select f.id, f.state, f.committee_id as "committeeId", f.report_id as "reportId", f.unit_id as "unitId",
        r.title as "reportTitle" from opinion_referrals f
      join opinion_reports r on r.committee_id = f.committee_id and r.id = f.report_id
      where f.committee_id = ${committeeId} and f.id = ${id}`,
  );
  return r ?? null;
}

const unitAccounts = async (tx: Db, committeeId: number, unitId: number) =>
  (
    await query<{ id: number }>(
      tx,
      sql`select id from accounts where committee_id = ${committeeId} and unit_id = ${unitId} and not disabled`,
    )
  ).map((r) => r.id);

async function referralDeadline(tx: Db, item: ReferralItem) {
  const row = await queryOne<{ due_on: string | null }>(
    tx,
    sql`select due_on::text as due_on from opinion_referrals where committee_id = ${item.committeeId} and id = ${item.id}`,
  );
  if (!row?.due_on) return null;
  return { dueAt: endOfBeijingDay(row.due_on), remindDaysBefore: [7, 1] };
}

export const referralProcess = defineProcess<ReferralItem>({
  name: 'opinionReferral',
  entity: 'opinion_referral',
  states: { none: '新建', ...REFERRAL_STATES },
  transitions: [
    {
      action: 'refer',
      label: '转办',
      from: ['none'],
      to: 'referred',
      roles: SCREENERS,
      // The referral's note and due date are instructions to the unit.
      visibleTo: { data: [...OFFICE_READERS, 'unitUser'], comment: [...OFFICE_READERS, 'unitUser'] },
      effect: async (tx, _actor, item) => {
        await notify(tx, {
          committeeId: item.committeeId,
          accountIds: await unitAccounts(tx, item.committeeId, item.unitId),
          kind: 'opinion.referral',
          title: `收到转办的社情民意信息：${item.reportTitle}`,
          body: '请在期限内办理并回复。',
          link: `/opinions/unit`,
        });
      },
      deadline: (tx, _actor, item) => referralDeadline(tx, item),
    },
    {
      action: 'respond',
      label: '办理回复',
      from: ['referred'],
      to: 'responded',
      roles: ['unitUser'],
      guard: (actor, item) => (actor.unitId === item.unitId ? null : '只能回复转给本单位的信息'),
      // A response reaches the submitter only when the office approves it.
      visibleTo: { entry: [...OFFICE_READERS, 'unitUser'] },
      effect: async (tx, actor, item, data: { response: string }) => {
        await tx.execute(sql`update opinion_referrals set response = ${data.response}, responded_at = now(),
            responder_name = ${actor.name}, review_comment = null, updated_at = now()
          where committee_id = ${item.committeeId} and id = ${item.id}`);
        await notify(tx, {
          committeeId: item.committeeId,
          accountIds: await accountsWithRoles(tx, item.committeeId, ['liaisonStaff']),
          kind: 'opinion.referral',
          title: `承办单位已回复：${item.reportTitle}`,
          body: `${actor.name} 已回复，请审核。`,
          link: `/opinions/${item.reportId}`,
        });
      },
    },
    {
      action: 'approve',
      label: '审核通过',
      from: ['responded'],
      to: 'approved',
      roles: SCREENERS,
      visibleTo: { comment: [...OFFICE_READERS, 'unitUser'] },
      effect: async (tx, _actor, item, _data, comment) => {
        await tx.execute(sql`update opinion_referrals set review_comment = ${comment}, reviewed_at = now(), updated_at = now()
          where committee_id = ${item.committeeId} and id = ${item.id}`);
        const report = await loadReportItem(tx, item.committeeId, item.reportId);
        if (report) await tellSubmitter(tx, report, `您的社情民意信息已有部门回复：${item.reportTitle}`);
      },
    },
    {
      action: 'reject',
      label: '退回重办',
      from: ['responded'],
      to: 'referred',
      roles: SCREENERS,
      commentRequired: true,
      visibleTo: { entry: [...OFFICE_READERS, 'unitUser'] },
      effect: async (tx, _actor, item, _data, comment) => {
        await tx.execute(sql`update opinion_referrals set review_comment = ${comment}, reviewed_at = now(), updated_at = now()
          where committee_id = ${item.committeeId} and id = ${item.id}`);
        await notify(tx, {
          committeeId: item.committeeId,
          accountIds: await unitAccounts(tx, item.committeeId, item.unitId),
          kind: 'opinion.referral',
          title: `回复被退回重办：${item.reportTitle}`,
          body: `意见：${comment}`,
          link: `/opinions/unit`,
        });
      },
      deadline: (tx, _actor, item) => referralDeadline(tx, item),
    },
  ],
  setState: async (tx, _actor, item, to) => {
    await tx.execute(sql`update opinion_referrals set state = ${to}, updated_at = now()
      where committee_id = ${item.committeeId} and id = ${item.id}`);
  },
  load: (tx, committeeId, id) => loadReferralItem(tx, committeeId, id),
  onDeadline: async (tx, committeeId, id, kind, dueAt) => {
    const item = await loadReferralItem(tx, committeeId, id);
    if (!item) return;
    const due = formatBeijingDate(dueAt);
    if (kind === 'remind') {
      await notify(tx, {
        committeeId,
        accountIds: await unitAccounts(tx, committeeId, item.unitId),
        kind: 'opinion.referral',
        title: `转办信息将于 ${due} 到期：${item.reportTitle}`,
        link: '/opinions/unit',
      });
    } else {
      await notify(tx, {
        committeeId,
        accountIds: await accountsWithRoles(tx, committeeId, ['liaisonStaff']),
        kind: 'opinion.referral',
        title: `转办信息已超期未回复：${item.reportTitle}`,
        body: `办理期限 ${due}`,
        link: `/opinions/${item.reportId}`,
      });
    }
  },
});
