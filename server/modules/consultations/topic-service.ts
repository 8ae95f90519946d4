// Topic collection (征集议题): suggestions while the plan's collection is open, the office's list with alike suggestions
// found by text similarity, and the answers (through topic-process.ts) that each suggester sees.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { attachFiles, listFiles } from '../../platform/files/files.ts';
import { accountsWithRoles, notify } from '../../platform/notifications/notifications.ts';
import { similarityQueryText, textSimilarity, toSearchVector } from '../../platform/search/search.ts';
import { fireTransition, listTransitions } from '../../platform/workflow/engine.ts';
import { memberById } from '../org/members-directory.ts';
import * as E from './errors.ts';
import { canSuggest, OFFICE, seesAll } from './policy.ts';
import { consultationSettings } from './process-settings.ts';
import type { TopicAnswer, TopicInput } from './schemas.ts';
import { loadTopicItem, TOPIC_STATES, topicProcess } from './topic-process.ts';

export const SUGGESTER_TYPES: Record<string, string> = {
  party: '民主党派',
  organisation: '人民团体',
  specialCommittee: '专门委员会',
  sector: '界别',
  member: '委员',
  unit: '承办单位',
};

/** Who the actor suggests as: an organisation account as its party or organisation, a unit as the unit… */
async function suggesterOf(tx: Db, actor: Actor) {
  const c = actor.committeeId;
  if (actor.roles.includes('member') && actor.memberId) {
    const m = await memberById(tx, c, actor.memberId);
    return { type: 'member', name: m?.name ?? actor.name };
  }
  if (actor.roles.includes('orgAccount') && actor.orgId) {
    const o = await queryOne<{ name: string; kind: string }>(
      tx,
      sql`select name, kind from organisations where committee_id = ${c} and id = ${actor.orgId}`,
    );
    if (o) return { type: o.kind, name: o.name };
  }
  if (actor.roles.includes('unitUser') && actor.unitId) {
    const u = await queryOne<{ name: string }>(
      tx,
      sql`select name from handling_units where committee_id = ${c} and id = ${actor.unitId}`,
    );
    if (u) return { type: 'unit', name: u.name };
  }
  if (actor.roles.includes('specialCommitteeStaff')) return { type: 'specialCommittee', name: actor.name };
  throw E.cannotSuggest();
}

export async function suggestTopic(tx: Db, actor: Actor, planId: number, b: TopicInput): Promise<{ id: number }> {
  if (!canSuggest(actor)) throw E.cannotSuggest();
  const plan = await queryOne<{ open: boolean; year: number }>(
    tx,
    sql`select collect_until >= (now() at time zone 'Asia/Shanghai')::date and state = 'draft' as open, year
      from consultation_plans where committee_id = ${actor.committeeId} and id = ${planId}`,
  );
  if (!plan) throw E.planNotFound();
  if (!plan.open) throw E.collectionClosed();
  if (b.suggestedKind) {
    const kinds = (await consultationSettings(tx, actor.committeeId, plan.year)).kinds;
    if (!kinds.some((k) => k.key === b.suggestedKind)) throw E.badKind('suggestedKind');
  }
  const who = await suggesterOf(tx, actor);
  const [row] = await query<{ id: number }>(
    tx,
    sql`insert into consultation_topic_suggestions (committee_id, plan_id, suggester_type, suggester_account_id, suggester_name,
        member_id, org_id, unit_id, title, reason, suggested_kind, lead_body, search)
      values (${actor.committeeId}, ${planId}, ${who.type}, ${actor.accountId}, ${who.name}, ${actor.memberId}, ${actor.orgId}, ${actor.unitId},
        ${b.title.trim()}, ${b.reason.trim()}, ${b.suggestedKind ?? null}, ${b.leadBody?.trim() ?? ''}, ${toSearchVector(b.title, b.reason)})
      returning id`,
  );
  await attachFiles(tx, actor, b.fileIds ?? [], 'consultationTopic', row.id);
  const item = await loadTopicItem(tx, actor.committeeId, row.id);
  await fireTransition(tx, topicProcess, actor, { ...item!, state: 'none' }, { action: 'suggest', data: b });
  await notify(tx, {
    committeeId: actor.committeeId,
    accountIds: await accountsWithRoles(tx, actor.committeeId, OFFICE),
    kind: 'consultation.topic',
    title: `收到协商议题建议：${b.title.trim()}`,
    body: `${who.name} 提出，请研究答复。`,
    link: `/consultations/plans/${planId}`,
  });
  return row;
}

export interface TopicQuery {
  planId?: number;
  state?: string;
  mine?: boolean;
}

/** The office sees every suggestion; others see only their own. */
export async function listTopics(db: Db, actor: Actor, q: TopicQuery, limit: number, offset: number) {
  const own = !seesAll(actor) || q.mine;
  const where = sql`t.committee_id = ${actor.committeeId}
    ${q.planId ? sql`and t.plan_id = ${q.planId}` : sql``}
    ${q.state ? sql`and t.state = ${q.state}` : sql``}
    ${own ? sql`and t.suggester_account_id = ${actor.accountId ?? 0}` : sql``}`;
  const rows = await query<{
    id: number;
    planId: number;
    year: number;
    suggesterType: string;
    suggesterName: string;
    title: string;
    reason: string;
    suggestedKind: string | null;
    leadBody: string;
    state: string;
    answer: string | null;
    mergedIntoId: number | null;
    planItemId: number | null;
    planItemTopic: string | null;
    createdAt: string;
    total: number;
  }>(
    db,
    sql`select t.id, t.plan_id as "planId", p.year, t.suggester_type as "suggesterType", t.suggester_name as "suggesterName",
        t.title, t.reason, t.suggested_kind as "suggestedKind", t.lead_body as "leadBody", t.state, t.answer,
        t.merged_into_id as "mergedIntoId", t.plan_item_id as "planItemId", i.topic as "planItemTopic", t.created_at as "createdAt",
        count(*) over ()::int as total
      from consultation_topic_suggestions t join consultation_plans p on p.committee_id = t.committee_id and p.id = t.plan_id
      left join consultation_plan_items i on i.committee_id = t.committee_id and i.id = t.plan_item_id
      where ${where} order by t.id desc limit ${limit} offset ${offset}`,
  );
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map(({ total: _, ...r }) => ({
      ...r,
      suggesterTypeLabel: SUGGESTER_TYPES[r.suggesterType],
      stateLabel: TOPIC_STATES[r.state],
      createdAt: new Date(r.createdAt).toISOString(),
    })),
  };
}

/** A topic suggestion as the list shows it (GET /api/consultations/topics). */
export type TopicListItem = Awaited<ReturnType<typeof listTopics>>['items'][number];

export async function getTopic(db: Db, actor: Actor, id: number) {
  const r = await loadTopicItem(db, actor.committeeId, id);
  if (!r || (!seesAll(actor) && r.suggesterAccountId !== actor.accountId)) throw E.topicNotFound();
  const { items } = await listTopics(db, { ...actor, roles: ['officeStaff'] }, { planId: r.planId }, 100000, 0);
  const t = items.find((x) => x.id === id)!;
  return {
    ...t,
    files: await listFiles(db, actor.committeeId, 'consultationTopic', id),
    timeline: await listTransitions(db, topicProcess, actor.committeeId, id, actor),
  };
}

/** Alike suggestions in the same collection: candidates share a characteristic word, scored by bigram similarity. */
export async function similarTopics(db: Db, actor: Actor, id: number) {
  const t = await queryOne<{ plan_id: number; title: string; reason: string }>(
    db,
    sql`select plan_id, title, reason from consultation_topic_suggestions where committee_id = ${actor.committeeId} and id = ${id}`,
  );
  if (!t) throw E.topicNotFound();
  const qt = similarityQueryText(`${t.title} ${t.title} ${t.reason}`);
  if (!qt) return [];
  const rows = await query<{ id: number; title: string; reason: string; suggesterName: string; state: string }>(
    db,
    sql`select id, title, reason, suggester_name as "suggesterName", state from consultation_topic_suggestions
      where committee_id = ${actor.committeeId} and plan_id = ${t.plan_id} and id <> ${id} and search @@ to_tsquery('simple', ${qt})
      limit 60`,
  );
  return rows
    .map((r) => ({
      id: r.id,
      title: r.title,
      suggesterName: r.suggesterName,
      state: r.state,
      stateLabel: TOPIC_STATES[r.state],
      score: Math.round(
        100 *
          (0.6 * textSimilarity(t.title, r.title) +
            0.4 * textSimilarity(`${t.title} ${t.reason}`, `${r.title} ${r.reason}`)),
      ),
    }))
    .filter((r) => r.score >= 20)
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .slice(0, 10);
}

export async function answerTopic(tx: Db, actor: Actor, id: number, b: TopicAnswer): Promise<string> {
  const item = await loadTopicItem(tx, actor.committeeId, id, true);
  if (!item) throw E.topicNotFound();
  return fireTransition(tx, topicProcess, actor, item, {
    action: b.action,
    comment: b.comment,
    data: { planItemId: b.planItemId, mergedIntoId: b.mergedIntoId },
  });
}
