// Hotline cases after import: the case list (marked 未立题 / 已立题 / 已解决), taking a recurring matter up as a room
// topic (每月一题, source 'hotline', accepted at once) with its case numbers linked, and recording on a room's agreed
// item the cases it resolves. Phone numbers in a case's text are shown in full to staff only.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { badRequest, conflict, forbidden } from '../../platform/errors.ts';
import { maskText } from '../../platform/logging.ts';
import { normaliseLine, normaliseText } from '../../platform/text/normalise.ts';
import type { HotlineCase } from './hotline-sheet.ts';
import { isStaff } from './policy.ts';
import { convenesRoom, newPublicToken, roomNotFound } from './room-service.ts';
import { itemNotFound } from './session-service.ts';

export interface HotlineCaseRow extends HotlineCase {
  id: number;
  topicId: number | null;
  topicTitle: string | null;
  roomId: number | null;
  roomName: string | null;
  agreedItemId: number | null;
  itemState: string | null;
  itemContent: string | null;
}

const MARKS = { open: '未立题', takenUp: '已立题', resolved: '已解决' } as const;
export type CaseMark = keyof typeof MARKS;

/** Resolved: an agreed item recorded as resolving it was confirmed done; taken up: it belongs to a room topic. */
export const caseMark = (c: HotlineCaseRow): CaseMark =>
  c.agreedItemId && c.itemState === 'resolved' ? 'resolved' : c.topicId || c.agreedItemId ? 'takenUp' : 'open';

export function presentCase(c: HotlineCaseRow, staff: boolean) {
  const mark = caseMark(c);
  return { ...c, content: staff ? c.content : maskText(c.content), mark, markLabel: MARKS[mark] };
}

export const caseSelect = () =>
  sql`select c.id, c.case_no as "caseNo", to_char(c.received_on, 'YYYY-MM-DD') as "receivedOn", c.area, c.category,
      c.content, c.status, c.topic_id as "topicId", t.title as "topicTitle", t.room_id as "roomId", r.name as "roomName",
      c.agreed_item_id as "agreedItemId", i.state as "itemState", i.content as "itemContent"
    from hotline_cases c
    left join grassroots_topics t on t.committee_id = c.committee_id and t.id = c.topic_id
    left join grassroots_rooms r on r.committee_id = t.committee_id and r.id = t.room_id
    left join grassroots_agreed_items i on i.committee_id = c.committee_id and i.id = c.agreed_item_id`;

export interface CaseFilter {
  month?: string;
  area?: string;
  q?: string;
  mark?: CaseMark;
  topicId?: number;
}

export async function listHotlineCases(db: Db, actor: Actor, f: CaseFilter, limit: number, offset: number) {
  const q = f.q ? normaliseLine(f.q) : '';
  const where = sql`c.committee_id = ${actor.committeeId}
    ${f.month ? sql`and c.received_on >= ${`${f.month}-01`}::date and c.received_on < (${`${f.month}-01`}::date + interval '1 month')` : sql``}
    ${f.area ? sql`and c.area = ${normaliseLine(f.area)}` : sql``}
    ${q ? sql`and (strpos(c.content, ${q}) > 0 or strpos(c.case_no, ${q}) > 0)` : sql``}
    ${f.topicId ? sql`and c.topic_id = ${f.topicId}` : sql``}
    ${f.mark === 'open' ? sql`and c.topic_id is null and c.agreed_item_id is null` : sql``}
    ${f.mark === 'takenUp' ? sql`and (c.topic_id is not null or c.agreed_item_id is not null) and i.state is distinct from 'resolved'` : sql``}
    ${f.mark === 'resolved' ? sql`and i.state = 'resolved'` : sql``}`;
  const rows = await query<HotlineCaseRow>(
    db,
    sql`${caseSelect()} where ${where} order by c.received_on desc, c.case_no desc limit ${limit} offset ${offset}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`select count(*)::int as n from hotline_cases c
      left join grassroots_agreed_items i on i.committee_id = c.committee_id and i.id = c.agreed_item_id where ${where}`,
  );
  const staff = isStaff(actor);
  return { items: rows.map((r) => presentCase(r, staff)), total: total?.n ?? 0 };
}

/** The stored cases with these numbers (locked), or a 400 naming the numbers not found. */
async function casesByNumber(tx: Db, committeeId: number, caseNos: string[]) {
  const wanted = [...new Set(caseNos.map((n) => normaliseLine(n)))];
  const rows = await query<{ id: number; case_no: string; topic_id: number | null; agreed_item_id: number | null }>(
    tx,
    sql`select id, case_no, topic_id, agreed_item_id from hotline_cases where committee_id = ${committeeId}
      and case_no = any(${sql.param(wanted)}::text[]) order by id for update`,
  );
  const found = new Set(rows.map((r) => r.case_no));
  const missing = wanted.filter((n) => !found.has(n));
  if (missing.length)
    throw badRequest('hotline.case_not_found', `工单编号不存在：${missing.slice(0, 5).join('、')}`, 'caseNos');
  return rows;
}

export interface TakeUpInput {
  roomId: number;
  title: string;
  body?: string;
  caseNos: string[];
}

/** 每月一题: staff, or the room's executive convener, make a recurring matter the room's topic, accepted at once. */
export async function takeUpMatter(tx: Db, actor: Actor, b: TakeUpInput): Promise<{ id: number }> {
  const room = await queryOne<{ id: number }>(
    tx,
    sql`select id from grassroots_rooms where committee_id = ${actor.committeeId} and id = ${b.roomId} and active`,
  );
  if (!room) throw roomNotFound();
  if (!isStaff(actor) && !(await convenesRoom(tx, actor, b.roomId)))
    throw forbidden('grassroots.convener', '只有议事室执行召集人或工作人员可以将热线诉求立为议题');
  const cases = await casesByNumber(tx, actor.committeeId, b.caseNos);
  const taken = cases.filter((c) => c.topic_id);
  if (taken.length)
    throw conflict(
      'hotline.case_taken',
      `工单 ${taken
        .slice(0, 5)
        .map((c) => c.case_no)
        .join('、')} 已立为议题，不能重复立题`,
    );
  const title = normaliseLine(b.title);
  const caseNos = cases.map((c) => c.case_no);
  const body = normaliseText(b.body ?? '') || `12345 热线反映的诉求，共 ${caseNos.length} 件工单。`;
  const [row] = await query<{ id: number }>(
    tx,
    sql`insert into grassroots_topics (committee_id, room_id, source, title, body, raised_by_account, state, answered_by,
        answered_at, public_token)
      values (${actor.committeeId}, ${b.roomId}, 'hotline', ${title}, ${body}, ${actor.accountId}, 'accepted',
        ${actor.name}, now(), ${newPublicToken()})
      returning id`,
  );
  await tx.execute(sql`update hotline_cases set topic_id = ${row.id}, updated_at = now()
    where committee_id = ${actor.committeeId} and id = any(${sql.param(cases.map((c) => c.id))}::int[])`);
  await writeAudit(tx, actor, {
    action: 'grassroots.hotline.take_up',
    entity: 'grassroots_topic',
    entityId: row.id,
    after: { roomId: b.roomId, source: 'hotline', title, caseNos },
  });
  return row;
}

/** Records on an agreed item the hotline cases it resolves (staff, or the convener of the item's room). */
export async function recordResolvedCases(tx: Db, actor: Actor, itemId: number, caseNos: string[]) {
  const item = await queryOne<{ room_id: number }>(
    tx,
    sql`select s.room_id from grassroots_agreed_items i
      join grassroots_sessions s on s.committee_id = i.committee_id and s.id = i.session_id
      where i.committee_id = ${actor.committeeId} and i.id = ${itemId}`,
  );
  if (!item) throw itemNotFound();
  if (!isStaff(actor) && !(await convenesRoom(tx, actor, item.room_id)))
    throw forbidden('grassroots.convener', '只有议事室执行召集人或工作人员可以记录解决的热线工单');
  const cases = await casesByNumber(tx, actor.committeeId, caseNos);
  const other = cases.filter((c) => c.agreed_item_id && c.agreed_item_id !== itemId);
  if (other.length)
    throw conflict('hotline.case_resolved_elsewhere', `工单 ${other[0].case_no} 已记录在另一议定事项下`);
  await tx.execute(sql`update hotline_cases set agreed_item_id = ${itemId}, updated_at = now()
    where committee_id = ${actor.committeeId} and id = any(${sql.param(cases.map((c) => c.id))}::int[])`);
  await writeAudit(tx, actor, {
    action: 'grassroots.hotline.resolve_link',
    entity: 'grassroots_agreed_item',
    entityId: itemId,
    after: { caseNos: cases.map((c) => c.case_no) },
  });
}
