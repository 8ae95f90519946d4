// 正负面清单: the committee's positive and negative lists per year, kept as rule data. Each list item is also a rule
// item of the year's duty rule set (kinds conduct.positive / conduct.negative, detail listItem = its id), so an
// occurrence staff record is an ordinary duty fact scored by the one scoring path; saving the lists saves a new rule
// version and re-scores the year like any rule edit.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { beijingToday } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { xlsxOf } from '../../platform/download.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { attachFiles } from '../../platform/files/files.ts';
import { normaliseLine, normaliseText } from '../../platform/text/normalise.ts';
import { memberNotFound } from '../org/errors.ts';
import { memberById, memberDirectory } from '../org/members-directory.ts';
import { listItemTitleMissing } from './errors.ts';
import { recordDutyFact, revokeDutyFacts } from './facts.ts';
import { currentVersion, saveRuleVersion } from './rule-versions.ts';
import type { RuleItem, RuleSet } from './rules.ts';
import { rescore } from './scoring.ts';

export type Polarity = 'positive' | 'negative';
export const POLARITY_LABELS: Record<Polarity, string> = { positive: '正面清单', negative: '负面清单' };
const KIND: Record<Polarity, string> = { positive: 'conduct.positive', negative: 'conduct.negative' };
const CATEGORY: Record<Polarity, string> = { positive: 'positiveList', negative: 'negativeList' };
/** Per list and year: the rule set's schema takes at most 100 items, the presets use up to about 30. */
const MAX_PER_LIST = 20;

export interface ConductItem {
  id: number;
  year: number;
  polarity: Polarity;
  title: string;
  evidenceRequired: string;
  points: number;
  retired: boolean;
  occurrences: number;
}
export interface ConductItemInput {
  year: number;
  polarity: Polarity;
  title: string;
  evidenceRequired?: string;
  points: number;
}
export interface ConductRecordInput {
  memberId: number;
  occurredOn: string;
  evidence: string;
  fileIds?: number[];
}

const itemNotFound = () => notFound('duty.list_item_not_found', '清单事项不存在');
const itemCols = sql`i.id, i.year, i.polarity, i.title, i.evidence_required as "evidenceRequired", i.points::float8 as points,
  i.retired_at is not null as retired,
  (select count(*)::int from duty_conduct_records r where r.committee_id = i.committee_id and r.item_id = i.id and r.revoked_at is null) as occurrences`;

export async function listConductItems(db: Db, committeeId: number, year: number): Promise<ConductItem[]> {
  return query<ConductItem>(
    db,
    sql`select ${itemCols} from duty_conduct_items i where i.committee_id = ${committeeId} and i.year = ${year}
      order by i.polarity desc, i.retired_at is not null, i.id`,
  );
}

async function getItem(db: Db, committeeId: number, id: number): Promise<ConductItem> {
  const row = await queryOne<ConductItem>(
    db,
    sql`select ${itemCols} from duty_conduct_items i where i.committee_id = ${committeeId} and i.id = ${id}`,
  );
  if (!row) throw itemNotFound();
  return row;
}

/** The rule set with its list items replaced by the year's lists (retired items kept: past occurrences still count). */
export function withConductItems(rules: RuleSet, items: ConductItem[]): RuleSet {
  const listKinds = new Set(Object.values(KIND));
  const listCats = new Set(Object.values(CATEGORY));
  const own = rules.items.filter((it) => !it.kinds.some((k) => listKinds.has(k)));
  const categories = rules.categories.filter((c) => !listCats.has(c.key));
  const added: RuleItem[] = [];
  for (const p of ['positive', 'negative'] as Polarity[]) {
    const mine = items.filter((i) => i.polarity === p);
    if (!mine.length) continue;
    categories.push({ key: CATEGORY[p], name: POLARITY_LABELS[p], cap: null, floor: null });
    for (const i of mine)
      added.push({
        category: CATEGORY[p],
        label: `${POLARITY_LABELS[p]}：${i.title}`,
        kinds: [KIND[p]],
        detail: { listItem: String(i.id) },
        points: p === 'negative' ? -i.points : i.points,
      });
  }
  return { ...rules, categories, items: [...own, ...added] };
}

/** Brings the year's rule set in step with its lists: a new version and a re-score when they differ. */
export async function syncConductRules(tx: Db, actor: Actor, year: number): Promise<void> {
  const v = await currentVersion(tx, actor.committeeId, year);
  const merged = withConductItems(v.rules, await listConductItems(tx, actor.committeeId, year));
  if (v.year === year && JSON.stringify(merged) === JSON.stringify(v.rules)) return;
  await saveRuleVersion(tx, actor, year, merged, '正负面清单调整');
  await rescore(tx, actor.committeeId, year);
}

function checkPoints(points: number) {
  if (!Number.isFinite(points) || Math.round(points * 100) !== points * 100)
    throw badRequest('duty.list_item_invalid', '「分值」最多保留两位小数', 'points');
}

export async function createConductItem(db: Db, actor: Actor, b: ConductItemInput): Promise<number> {
  checkPoints(b.points);
  const title = normaliseLine(b.title);
  if (!title) throw listItemTitleMissing();
  return db.transaction(async (tx) => {
    const n = await queryOne<{ n: number }>(
      tx,
      sql`select count(*)::int as n from duty_conduct_items
        where committee_id = ${actor.committeeId} and year = ${b.year} and polarity = ${b.polarity}`,
    );
    if (n!.n >= MAX_PER_LIST)
      throw badRequest(
        'duty.list_item_invalid',
        `${b.year} 年度${POLARITY_LABELS[b.polarity]}最多 ${MAX_PER_LIST} 项`,
        'polarity',
      );
    const row = await queryOne<{ id: number }>(
      tx,
      sql`insert into duty_conduct_items (committee_id, year, polarity, title, evidence_required, points)
        values (${actor.committeeId}, ${b.year}, ${b.polarity}, ${title}, ${normaliseText(b.evidenceRequired ?? '').trim()}, ${b.points})
        returning id`,
    );
    await writeAudit(tx, actor, { action: 'duty.list.create', entity: 'dutyConductItem', entityId: row!.id, after: b });
    await syncConductRules(tx, actor, b.year);
    return row!.id;
  });
}

export async function updateConductItem(
  db: Db,
  actor: Actor,
  id: number,
  b: { title: string; evidenceRequired?: string; points: number },
): Promise<void> {
  checkPoints(b.points);
  const title = normaliseLine(b.title);
  if (!title) throw listItemTitleMissing();
  await db.transaction(async (tx) => {
    const before = await getItem(tx, actor.committeeId, id);
    await tx.execute(sql`update duty_conduct_items set title = ${title},
      evidence_required = ${normaliseText(b.evidenceRequired ?? '').trim()}, points = ${b.points}
      where committee_id = ${actor.committeeId} and id = ${id}`);
    await writeAudit(tx, actor, {
      action: 'duty.list.update',
      entity: 'dutyConductItem',
      entityId: id,
      before,
      after: b,
    });
    await syncConductRules(tx, actor, before.year);
  });
}

/** Retired: no new occurrences; those recorded keep counting (the rule item stays). */
export async function retireConductItem(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getItem(tx, actor.committeeId, id);
    if (before.retired) return;
    await tx.execute(
      sql`update duty_conduct_items set retired_at = now() where committee_id = ${actor.committeeId} and id = ${id}`,
    );
    await writeAudit(tx, actor, { action: 'duty.list.retire', entity: 'dutyConductItem', entityId: id, before });
  });
}

/** Staff record that a member did (or failed) a list item: stored with its evidence and scored as a duty fact. */
export async function recordConduct(db: Db, actor: Actor, itemId: number, b: ConductRecordInput): Promise<number> {
  const evidence = normaliseText(b.evidence).trim();
  if (!evidence) throw badRequest('duty.list_record_invalid', '请填写「事实与依据」', 'evidence');
  if (b.occurredOn > beijingToday())
    throw badRequest('duty.list_record_invalid', '「发生日期」不能晚于今天', 'occurredOn');
  return db.transaction(async (tx) => {
    const item = await getItem(tx, actor.committeeId, itemId);
    if (item.retired) throw badRequest('duty.list_record_invalid', '该清单事项已停用，不能再登记', 'itemId');
    if (Number(b.occurredOn.slice(0, 4)) !== item.year)
      throw badRequest('duty.list_record_invalid', `「发生日期」应在 ${item.year} 年内`, 'occurredOn');
    const m = await memberById(tx, actor.committeeId, b.memberId);
    if (!m) throw memberNotFound();
    const row = await queryOne<{ id: number }>(
      tx,
      sql`insert into duty_conduct_records (committee_id, item_id, member_id, occurred_on, evidence, created_by)
        values (${actor.committeeId}, ${itemId}, ${b.memberId}, ${b.occurredOn}, ${evidence}, ${actor.name}) returning id`,
    );
    await attachFiles(tx, actor, b.fileIds ?? [], 'dutyConductRecord', row!.id);
    await recordDutyFact(tx, {
      committeeId: actor.committeeId,
      memberId: b.memberId,
      kind: KIND[item.polarity],
      sourceType: 'dutyConductRecord',
      sourceId: row!.id,
      occurredOn: b.occurredOn,
      detail: { listItem: String(item.id), title: item.title, evidence },
    });
    await writeAudit(tx, actor, {
      action: 'duty.list.record',
      entity: 'dutyConductRecord',
      entityId: row!.id,
      after: { itemId, memberId: b.memberId, occurredOn: b.occurredOn, evidence, fileIds: b.fileIds ?? [] },
    });
    return row!.id;
  });
}

export async function revokeConductRecord(db: Db, actor: Actor, id: number, reason: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await queryOne<{ revoked: boolean }>(
      tx,
      sql`select revoked_at is not null as revoked from duty_conduct_records where committee_id = ${actor.committeeId} and id = ${id}`,
    );
    if (!row) throw notFound('duty.list_record_not_found', '清单登记记录不存在');
    if (row.revoked) return;
    await tx.execute(sql`update duty_conduct_records set revoked_at = now(), revoke_reason = ${normaliseLine(reason)}
      where committee_id = ${actor.committeeId} and id = ${id}`);
    await revokeDutyFacts(tx, actor.committeeId, { sourceType: 'dutyConductRecord', sourceId: id });
    await writeAudit(tx, actor, {
      action: 'duty.list.revoke',
      entity: 'dutyConductRecord',
      entityId: id,
      after: { reason },
    });
  });
}

export interface ConductRecord {
  id: number;
  itemId: number;
  itemTitle: string;
  polarity: Polarity;
  points: number;
  memberId: number;
  memberName: string;
  occurredOn: string;
  evidence: string;
  createdBy: string | null;
  revoked: boolean;
  revokeReason: string | null;
}

/** Occurrences of a year (staff: all or one member's; a member: only their own — the caller passes memberId). */
export async function listConductRecords(
  db: Db,
  committeeId: number,
  q: { year: number; memberId?: number; itemId?: number },
): Promise<ConductRecord[]> {
  return query<ConductRecord>(
    db,
    sql`select r.id, r.item_id as "itemId", i.title as "itemTitle", i.polarity, i.points::float8 as points,
        r.member_id as "memberId", m.name as "memberName", r.occurred_on::text as "occurredOn", r.evidence,
        r.created_by as "createdBy", r.revoked_at is not null as revoked, r.revoke_reason as "revokeReason"
      from duty_conduct_records r
        join duty_conduct_items i on i.committee_id = r.committee_id and i.id = r.item_id
        join ${memberDirectory} m on m.committee_id = r.committee_id and m.id = r.member_id
      where r.committee_id = ${committeeId} and i.year = ${q.year}
        ${q.memberId ? sql`and r.member_id = ${q.memberId}` : sql``} ${q.itemId ? sql`and r.item_id = ${q.itemId}` : sql``}
      order by r.occurred_on desc, r.id desc limit 1000`,
  );
}

export async function isOwnConductRecord(db: Db, committeeId: number, memberId: number, id: number) {
  return !!(await queryOne(
    db,
    sql`select 1 from duty_conduct_records where committee_id = ${committeeId} and id = ${id} and member_id = ${memberId}`,
  ));
}

/** The lists of a year as Excel: one row per item, with the evidence required and occurrences so far. */
export async function exportConductLists(db: Db, committeeId: number, year: number): Promise<Buffer> {
  const items = await listConductItems(db, committeeId, year);
  return xlsxOf(
    `${year}年度正负面清单`,
    [
      { header: '清单', key: 'list', width: 12 },
      { header: '事项', key: 'title', width: 40 },
      { header: '分值', key: 'points', width: 10 },
      { header: '所需佐证', key: 'evidenceRequired', width: 40 },
      { header: '状态', key: 'state', width: 10 },
      { header: '已登记次数', key: 'occurrences', width: 12 },
    ],
    items.map((i) => ({
      list: POLARITY_LABELS[i.polarity],
      title: i.title,
      points: i.polarity === 'negative' ? -i.points : i.points,
      evidenceRequired: i.evidenceRequired,
      state: i.retired ? '已停用' : '在用',
      occurrences: i.occurrences,
    })),
  );
}
