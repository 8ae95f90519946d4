// The yearly plan: opening topic collection, drafting items (consultation and supervision), the approval steps through
// plan-process.ts, and reading a plan with its items, versions, timeline and the actions the user may take.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { allowedActions, fireTransition, listTransitions } from '../../platform/workflow/engine.ts';
import * as E from './errors.ts';
import { loadPlanItem, PLAN_STATES, type PlanItem, planProcess } from './plan-process.ts';
import { seesAll } from './policy.ts';
import {
  type ApprovalStep,
  consultationSettings,
  PLAN_FORMS,
  PLAN_KINDS,
  SUPERVISION_FORMS,
} from './process-settings.ts';
import type { PlanAction, PlanCreate, PlanItemInput } from './schemas.ts';

export async function createPlan(tx: Db, actor: Actor, b: PlanCreate): Promise<{ id: number }> {
  const exists = await queryOne(
    tx,
    sql`select 1 from consultation_plans where committee_id = ${actor.committeeId} and year = ${b.year} and kind = ${b.kind}`,
  );
  if (exists) throw E.planExists();
  const [row] = await query<{ id: number }>(
    tx,
    sql`insert into consultation_plans (committee_id, year, kind, title, collect_until, created_by)
      values (${actor.committeeId}, ${b.year}, ${b.kind}, ${b.title.trim()}, ${b.collectUntil}, ${actor.accountId}) returning id`,
  );
  const item = (await loadPlanItem(tx, actor.committeeId, row.id)) as PlanItem;
  await fireTransition(tx, planProcess, actor, { ...item, state: 'none' }, { action: 'create', data: b });
  return row;
}

/** A plan's row for lists; members and suggesters see published plans and those still collecting topics. */
export async function listPlans(db: Db, actor: Actor, q: { year?: number }) {
  const rows = await query<{
    id: number;
    year: number;
    kind: string;
    title: string;
    state: string;
    version: number;
    collectUntil: string | null;
    documentNumber: string | null;
    steps: ApprovalStep[];
    stepIndex: number;
    items: number;
    suggestions: number;
    unanswered: number;
  }>(
    db,
    sql`select p.id, p.year, p.kind, p.title, p.state, p.version, p.collect_until::text as "collectUntil",
        p.document_number as "documentNumber", p.steps, p.step_index as "stepIndex",
        (select count(*)::int from consultation_plan_items i where i.committee_id = p.committee_id and i.plan_id = p.id and not i.removed) as items,
        (select count(*)::int from consultation_topic_suggestions s where s.committee_id = p.committee_id and s.plan_id = p.id) as suggestions,
        (select count(*)::int from consultation_topic_suggestions s where s.committee_id = p.committee_id and s.plan_id = p.id and s.state = 'submitted') as unanswered
      from consultation_plans p where p.committee_id = ${actor.committeeId}
        ${q.year ? sql`and p.year = ${q.year}` : sql``}
      order by p.year desc, p.kind`,
  );
  return rows.map(({ steps, stepIndex, ...r }) => ({
    ...r,
    kindLabel: PLAN_KINDS[r.kind],
    stateLabel: stateLabel(r.state, steps, stepIndex),
    suggestions: seesAll(actor) ? r.suggestions : 0,
    unanswered: seesAll(actor) ? r.unanswered : 0,
  }));
}

/** A row of the plan list (GET /api/consultations/plans). */
export type PlanListRow = Awaited<ReturnType<typeof listPlans>>[number];

const stateLabel = (state: string, steps: { label: string }[], i: number) =>
  state === 'reviewing' && steps[i] ? `待${steps[i].label}` : PLAN_STATES[state];

export async function planItems(db: Db, committeeId: number, planId: number, year: number) {
  const settings = await consultationSettings(db, committeeId, year);
  const kinds = new Map(settings.kinds.map((k) => [k.key, k.label]));
  const rows = await query<{
    id: number;
    position: number;
    topic: string;
    kind: string;
    leadSpecialCommitteeId: number | null;
    leadSpecialCommitteeName: string | null;
    leadingLeader: string;
    counterpartBody: string;
    plannedMonth: number | null;
    form: string;
    supervisedBody: string | null;
    supervisionForm: string | null;
    heldEvents: number;
  }>(
    db,
    sql`select i.id, i.position, i.topic, i.kind, i.lead_special_committee_id as "leadSpecialCommitteeId",
        s.name as "leadSpecialCommitteeName", i.leading_leader as "leadingLeader", i.counterpart_body as "counterpartBody",
        i.planned_month as "plannedMonth", i.form, i.supervised_body as "supervisedBody", i.supervision_form as "supervisionForm",
        (select count(*)::int from consultation_events e where e.committee_id = i.committee_id and e.plan_item_id = i.id and e.state in ('held', 'minuted', 'done')) as "heldEvents"
      from consultation_plan_items i left join special_committees s on s.committee_id = i.committee_id and s.id = i.lead_special_committee_id
      where i.committee_id = ${committeeId} and i.plan_id = ${planId} and not i.removed order by i.position, i.id`,
  );
  return rows.map(({ heldEvents, ...r }) => ({
    ...r,
    kindLabel: kinds.get(r.kind) ?? r.kind,
    formLabel: PLAN_FORMS[r.form],
    supervisionFormLabel: r.supervisionForm ? SUPERVISION_FORMS[r.supervisionForm] : null,
    carriedOut: heldEvents > 0,
  }));
}

export async function getPlan(db: Db, actor: Actor, id: number) {
  const p = await loadPlanItem(db, actor.committeeId, id);
  if (!p) throw E.planNotFound();
  const dates = (await queryOne<{
    collectUntil: string | null;
    documentNumber: string | null;
    approvedOn: string | null;
  }>(
    db,
    sql`select collect_until::text as "collectUntil", document_number as "documentNumber", approved_on::text as "approvedOn"
      from consultation_plans where committee_id = ${actor.committeeId} and id = ${id}`,
  ))!;
  const step = p.state === 'reviewing' ? p.steps[p.stepIndex] : null;
  // Members see a plan's items once it is published: a draft is the office's working paper.
  const showItems = seesAll(actor) || p.state === 'published' || p.version > 1;
  const versions = await query<{
    version: number;
    documentNumber: string | null;
    approvedOn: string | null;
    publishedAt: string;
    items: number;
  }>(
    db,
    sql`select version, document_number as "documentNumber", approved_on::text as "approvedOn", published_at as "publishedAt",
        jsonb_array_length(items) as items
      from consultation_plan_versions where committee_id = ${actor.committeeId} and plan_id = ${id} order by version`,
  );
  return {
    id: p.id,
    year: p.year,
    kind: p.kind,
    kindLabel: PLAN_KINDS[p.kind],
    title: p.title,
    state: p.state,
    stateLabel: stateLabel(p.state, p.steps, p.stepIndex),
    currentStep: step ? { label: step.label, recordsDocument: !!step.recordsDocument } : null,
    version: p.version,
    ...dates,
    items: showItems ? await planItems(db, actor.committeeId, id, p.year) : [],
    versions: versions.map((v) => ({ ...v, publishedAt: new Date(v.publishedAt).toISOString() })),
    actions: allowedActions(planProcess, actor, p),
    timeline: seesAll(actor) ? await listTransitions(db, planProcess, actor.committeeId, id, actor) : [],
  };
}

async function lockDraft(tx: Db, actor: Actor, planId: number): Promise<PlanItem> {
  const plan = await loadPlanItem(tx, actor.committeeId, planId, true);
  if (!plan) throw E.planNotFound();
  if (plan.state !== 'draft') throw E.planNotDraft();
  return plan;
}

async function checkItem(tx: Db, actor: Actor, plan: PlanItem, b: PlanItemInput) {
  const settings = await consultationSettings(tx, actor.committeeId, plan.year);
  const kind = settings.kinds.find((k) => k.key === b.kind);
  if (!kind) throw E.badKind();
  if (b.leadSpecialCommitteeId) {
    const ok = await queryOne(
      tx,
      sql`select 1 from special_committees where committee_id = ${actor.committeeId} and id = ${b.leadSpecialCommitteeId}`,
    );
    if (!ok) throw E.badSpecialCommittee('leadSpecialCommitteeId');
  }
  if (plan.kind === 'supervision' || kind.category === 'supervision') {
    if (!b.supervisedBody?.trim()) throw E.required('监督对象', 'supervisedBody');
    if (!b.supervisionForm) throw E.required('监督形式', 'supervisionForm');
  }
}

export async function addPlanItem(tx: Db, actor: Actor, planId: number, b: PlanItemInput): Promise<{ id: number }> {
  const plan = await lockDraft(tx, actor, planId);
  await checkItem(tx, actor, plan, b);
  const [row] = await query<{ id: number }>(
    tx,
    sql`insert into consultation_plan_items (committee_id, plan_id, position, topic, kind, lead_special_committee_id, leading_leader,
        counterpart_body, planned_month, form, supervised_body, supervision_form)
      values (${actor.committeeId}, ${planId},
        (select coalesce(max(position), 0) + 1 from consultation_plan_items where committee_id = ${actor.committeeId} and plan_id = ${planId}),
        ${b.topic.trim()}, ${b.kind}, ${b.leadSpecialCommitteeId ?? null}, ${b.leadingLeader?.trim() ?? ''}, ${b.counterpartBody?.trim() ?? ''},
        ${b.plannedMonth ?? null}, ${b.form ?? 'meeting'}, ${b.supervisedBody?.trim() || null}, ${b.supervisionForm ?? null})
      returning id`,
  );
  await writeAudit(tx, actor, {
    action: 'consultation.plan.item.add',
    entity: 'consultation_plan',
    entityId: planId,
    after: b,
  });
  return row;
}

export async function updatePlanItem(tx: Db, actor: Actor, itemId: number, b: PlanItemInput) {
  // The whole row, as the audit's before image.
  const before = await queryOne<{ plan_id: number }>(
    tx,
    sql`select * from consultation_plan_items where committee_id = ${actor.committeeId} and id = ${itemId} and not removed`,
  );
  if (!before) throw E.itemNotFound();
  const plan = await lockDraft(tx, actor, before.plan_id);
  await checkItem(tx, actor, plan, b);
  await tx.execute(sql`update consultation_plan_items set topic = ${b.topic.trim()}, kind = ${b.kind},
      lead_special_committee_id = ${b.leadSpecialCommitteeId ?? null}, leading_leader = ${b.leadingLeader?.trim() ?? ''},
      counterpart_body = ${b.counterpartBody?.trim() ?? ''}, planned_month = ${b.plannedMonth ?? null}, form = ${b.form ?? 'meeting'},
      supervised_body = ${b.supervisedBody?.trim() || null}, supervision_form = ${b.supervisionForm ?? null}
    where committee_id = ${actor.committeeId} and id = ${itemId}`);
  await writeAudit(tx, actor, {
    action: 'consultation.plan.item.update',
    entity: 'consultation_plan',
    entityId: before.plan_id,
    before,
    after: b,
  });
}

/** Removing keeps the row (an earlier version or an event may point at it). */
export async function removePlanItem(tx: Db, actor: Actor, itemId: number) {
  const before = await queryOne<{ plan_id: number; topic: string }>(
    tx,
    sql`select plan_id, topic from consultation_plan_items where committee_id = ${actor.committeeId} and id = ${itemId} and not removed`,
  );
  if (!before) throw E.itemNotFound();
  await lockDraft(tx, actor, before.plan_id);
  await tx.execute(
    sql`update consultation_plan_items set removed = true where committee_id = ${actor.committeeId} and id = ${itemId}`,
  );
  await writeAudit(tx, actor, {
    action: 'consultation.plan.item.remove',
    entity: 'consultation_plan',
    entityId: before.plan_id,
    before,
  });
}

export async function firePlanAction(tx: Db, actor: Actor, planId: number, b: PlanAction): Promise<string> {
  const plan = await loadPlanItem(tx, actor.committeeId, planId, true);
  if (!plan) throw E.planNotFound();
  return fireTransition(tx, planProcess, actor, plan, {
    action: b.action,
    comment: b.comment,
    data: b.action === 'approve' ? { date: b.date, documentNumber: b.documentNumber } : undefined,
  });
}
