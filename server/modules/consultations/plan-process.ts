// The yearly plan's approval as data: draft → the committee's approval steps (default 主席会议审议, 党委批准 with date and
// document number) → published; a published plan is revised (调整) through the same steps and keeps each version.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { badRequest } from '../../platform/errors.ts';
import { accountsWithRoles, notify } from '../../platform/notifications/notifications.ts';
import { defineProcess, type WorkflowItem } from '../../platform/workflow/engine.ts';
import { APPROVERS, OFFICE } from './policy.ts';
import { type ApprovalStep, consultationSettings, PLAN_KINDS } from './process-settings.ts';

export const PLAN_STATES: Record<string, string> = { draft: '起草中', reviewing: '审议中', published: '已发布' };

export interface PlanItem extends WorkflowItem {
  committeeId: number;
  year: number;
  kind: string;
  title: string;
  version: number;
  stepIndex: number;
  /** The steps this plan goes through: copied from the setting when review starts. */
  steps: ApprovalStep[];
  settingSteps: ApprovalStep[];
  itemCount: number;
}

export interface ApproveData {
  date?: string;
  documentNumber?: string;
}

export async function loadPlanItem(tx: Db, committeeId: number, id: number, lock = false): Promise<PlanItem | null> {
  const p = await queryOne<Omit<PlanItem, 'settingSteps' | 'itemCount'>>(
    tx,
    sql`select id, state, committee_id as "committeeId", year, kind, title, version, step_index as "stepIndex",
        steps from consultation_plans
      where committee_id = ${committeeId} and id = ${id} ${lock ? sql`for update` : sql``}`,
  );
  if (!p) return null;
  const n = await queryOne<{ n: number }>(
    tx,
    sql`select count(*)::int as n from consultation_plan_items where committee_id = ${committeeId} and plan_id = ${id} and not removed`,
  );
  const settings = await consultationSettings(tx, committeeId, p.year);
  return { ...p, settingSteps: settings.approvalSteps, itemCount: n?.n ?? 0 };
}

/** The label of the step a plan under review waits for. */
export const currentStep = (plan: { state: string; steps: ApprovalStep[]; stepIndex: number }) =>
  plan.state === 'reviewing' ? (plan.steps[plan.stepIndex] ?? null) : null;

/** A plan item as a published version keeps it (consultation_plan_versions.items, the columns' own names). */
export interface PublishedItem {
  id: number;
  position: number;
  topic: string;
  kind: string;
  lead_special_committee_id: number | null;
  leading_leader: string;
  counterpart_body: string;
  planned_month: number | null;
  form: string;
  supervised_body: string | null;
  supervision_form: string | null;
}

async function publishPlan(tx: Db, item: PlanItem) {
  const items = await query<PublishedItem>(
    tx,
    sql`select id, position, topic, kind, lead_special_committee_id, leading_leader, counterpart_body, planned_month, form,
        supervised_body, supervision_form
      from consultation_plan_items where committee_id = ${item.committeeId} and plan_id = ${item.id} and not removed order by position, id`,
  );
  await tx.execute(
    sql`update consultation_plans set published_at = now() where committee_id = ${item.committeeId} and id = ${item.id}`,
  );
  await tx.execute(sql`insert into consultation_plan_versions (committee_id, plan_id, version, document_number, approved_on, items)
    select committee_id, id, version, document_number, approved_on, ${JSON.stringify(items)}::jsonb from consultation_plans
    where committee_id = ${item.committeeId} and id = ${item.id}
    on conflict (committee_id, plan_id, version) do update set items = excluded.items, published_at = now()`);
  await notify(tx, {
    committeeId: item.committeeId,
    accountIds: await accountsWithRoles(tx, item.committeeId, ['member', ...OFFICE]),
    kind: 'consultation.plan',
    title: `${item.year}年${PLAN_KINDS[item.kind]}已发布${item.version > 1 ? `（第${item.version}版）` : ''}`,
    body: item.title,
    link: `/consultations/plans/${item.id}`,
  });
}

async function recordStep(tx: Db, item: PlanItem, data: ApproveData) {
  const step = item.steps[item.stepIndex];
  if (step?.recordsDocument) {
    if (!data.date) throw badRequest('consultation.approval_date', `请填写「${step.label}」的日期`, 'date');
    if (!data.documentNumber?.trim())
      throw badRequest('consultation.document_number', `请填写「${step.label}」的文号`, 'documentNumber');
    await tx.execute(sql`update consultation_plans set approved_on = ${data.date}, document_number = ${data.documentNumber.trim()}
      where committee_id = ${item.committeeId} and id = ${item.id}`);
  }
  await tx.execute(sql`update consultation_plans set step_index = step_index + 1
    where committee_id = ${item.committeeId} and id = ${item.id}`);
  if (item.stepIndex + 1 >= item.steps.length) await publishPlan(tx, item);
}

const hasItems = (_actor: Actor, item: PlanItem) => (item.itemCount > 0 ? null : '计划中还没有项目，不能提交审议');

export const planProcess = defineProcess<PlanItem>({
  name: 'consultationPlan',
  entity: 'consultation_plan',
  states: { none: '新建', ...PLAN_STATES },
  transitions: [
    { action: 'create', label: '开始征集议题', from: ['none'], to: 'draft', roles: OFFICE },
    {
      action: 'submit',
      label: '提交审议',
      from: ['draft'],
      to: (item) => (item.settingSteps.length ? 'reviewing' : 'published'),
      roles: OFFICE,
      guard: hasItems,
      effect: async (tx, _actor, item) => {
        await tx.execute(sql`update consultation_plans set steps = ${JSON.stringify(item.settingSteps)}::jsonb, step_index = 0
          where committee_id = ${item.committeeId} and id = ${item.id}`);
        if (!item.settingSteps.length) await publishPlan(tx, item);
      },
    },
    {
      action: 'approve',
      label: '审议通过',
      from: ['reviewing'],
      to: (item) => (item.stepIndex + 1 >= item.steps.length ? 'published' : 'reviewing'),
      roles: APPROVERS,
      effect: (tx, _actor, item, data: ApproveData) => recordStep(tx, item, data),
    },
    {
      action: 'return',
      label: '退回修改',
      from: ['reviewing'],
      to: 'draft',
      roles: APPROVERS,
      commentRequired: true,
    },
    {
      action: 'revise',
      label: '发起计划调整',
      from: ['published'],
      to: 'draft',
      roles: OFFICE,
      commentRequired: true,
      effect: async (tx, _actor, item) => {
        await tx.execute(sql`update consultation_plans set version = version + 1, step_index = 0, document_number = null, approved_on = null
          where committee_id = ${item.committeeId} and id = ${item.id}`);
      },
    },
  ],
  setState: async (tx, _actor, item, to) => {
    await tx.execute(sql`update consultation_plans set state = ${to}, updated_at = now()
      where committee_id = ${item.committeeId} and id = ${item.id}`);
  },
  load: (tx, committeeId, id) => loadPlanItem(tx, committeeId, id),
});
