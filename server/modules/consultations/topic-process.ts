// Answering a topic suggestion as a workflow: the office takes it into the plan, merges it into an alike suggestion, or
// does not take it (with a reason); the suggester is told each time.
import { sql } from 'drizzle-orm';
import { type Db, queryOne } from '../../platform/db/client.ts';
import { badRequest } from '../../platform/errors.ts';
import { notify } from '../../platform/notifications/notifications.ts';
import { defineProcess, type WorkflowItem } from '../../platform/workflow/engine.ts';
import { OFFICE } from './policy.ts';

export const TOPIC_STATES: Record<string, string> = {
  submitted: '待答复',
  taken: '已列入计划',
  merged: '已合并',
  notTaken: '未列入计划',
};

export interface TopicItem extends WorkflowItem {
  committeeId: number;
  planId: number;
  title: string;
  suggesterAccountId: number | null;
}

export interface TopicAnswerData {
  planItemId?: number;
  mergedIntoId?: number;
}

export async function loadTopicItem(tx: Db, committeeId: number, id: number, lock = false): Promise<TopicItem | null> {
  const r = await queryOne<TopicItem>(
    tx,
    sql`select id, state, committee_id as "committeeId", plan_id as "planId", title, suggester_account_id as "suggesterAccountId"
      from consultation_topic_suggestions
      where committee_id = ${committeeId} and id = ${id} ${lock ? sql`for update` : sql``}`,
  );
  return r ?? null;
}

async function answer(
  tx: Db,
  item: TopicItem,
  text: string,
  set: { planItemId?: number | null; mergedIntoId?: number | null },
) {
  await tx.execute(sql`update consultation_topic_suggestions set answer = ${text}, answered_at = now(),
      plan_item_id = ${set.planItemId ?? null}, merged_into_id = ${set.mergedIntoId ?? null}
    where committee_id = ${item.committeeId} and id = ${item.id}`);
  if (item.suggesterAccountId)
    await notify(tx, {
      committeeId: item.committeeId,
      accountIds: [item.suggesterAccountId],
      kind: 'consultation.topic',
      title: `您提出的协商议题建议已答复：${item.title}`,
      body: text,
      link: `/consultations/topics/mine`,
    });
}

async function takeTopic(tx: Db, item: TopicItem, data: TopicAnswerData, comment: string | null) {
  let topic: string | null = null;
  if (data.planItemId) {
    const it = await queryOne<{ topic: string }>(
      tx,
      sql`select topic from consultation_plan_items where committee_id = ${item.committeeId} and id = ${data.planItemId}
        and plan_id = ${item.planId} and not removed`,
    );
    if (!it) throw badRequest('consultation.plan_item', '所选计划项目不在本计划中', 'planItemId');
    topic = it.topic;
  }
  await answer(tx, item, comment ?? (topic ? `已列入计划：${topic}` : '已列入计划'), { planItemId: data.planItemId });
}

async function mergeTopic(tx: Db, item: TopicItem, data: TopicAnswerData, comment: string | null) {
  if (!data.mergedIntoId) throw badRequest('consultation.merge_into', '请选择合并到的议题建议', 'mergedIntoId');
  if (data.mergedIntoId === item.id) throw badRequest('consultation.merge_into', '不能合并到自身', 'mergedIntoId');
  const into = await queryOne<{ title: string; state: string }>(
    tx,
    sql`select title, state from consultation_topic_suggestions where committee_id = ${item.committeeId}
      and id = ${data.mergedIntoId} and plan_id = ${item.planId}`,
  );
  if (!into) throw badRequest('consultation.merge_into', '所选议题建议不在本计划的征集中', 'mergedIntoId');
  if (into.state === 'merged')
    throw badRequest('consultation.merge_into', '所选议题建议已被合并，请选择合并后的建议', 'mergedIntoId');
  await answer(tx, item, comment ?? `与「${into.title}」合并研究`, { mergedIntoId: data.mergedIntoId });
}

export const topicProcess = defineProcess<TopicItem>({
  name: 'consultationTopic',
  entity: 'consultation_topic',
  states: { none: '新建', ...TOPIC_STATES },
  transitions: [
    {
      action: 'suggest',
      label: '提出议题建议',
      from: ['none'],
      to: 'submitted',
      roles: ['member', 'orgAccount', 'specialCommitteeStaff', 'unitUser'],
    },
    {
      action: 'take',
      label: '列入计划',
      from: ['submitted'],
      to: 'taken',
      roles: OFFICE,
      effect: (tx, _a, item, data: TopicAnswerData, comment) => takeTopic(tx, item, data, comment),
    },
    {
      action: 'merge',
      label: '合并',
      from: ['submitted'],
      to: 'merged',
      roles: OFFICE,
      effect: (tx, _a, item, data: TopicAnswerData, comment) => mergeTopic(tx, item, data, comment),
    },
    {
      action: 'decline',
      label: '不列入计划',
      from: ['submitted'],
      to: 'notTaken',
      roles: OFFICE,
      commentRequired: true,
      effect: (tx, _a, item, _d, comment) => answer(tx, item, comment ?? '', {}),
    },
  ],
  setState: async (tx, _actor, item, to) => {
    await tx.execute(sql`update consultation_topic_suggestions set state = ${to}
      where committee_id = ${item.committeeId} and id = ${item.id}`);
  },
  load: (tx, committeeId, id) => loadTopicItem(tx, committeeId, id),
});
