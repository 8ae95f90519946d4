// Yearly commitments (承诺践诺): the committee's list of commitment items for a year; a member picks items or writes
// their own at the year's start (until the set day), and reports at the year's end (kept or not, with text); staff
// see everyone's and export them to Excel.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { beijingToday } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { xlsxOf } from '../../platform/download.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { normaliseLine } from '../../platform/text/normalise.ts';
import type { CommitmentInput, CommitmentItemInput, CommitmentReport } from './schemas.ts';
import { getCommitmentSettings } from './settings.ts';

const notFoundC = () => notFound('commitment.not_found', '承诺不存在');

export async function addCommitmentItem(db: Db, actor: Actor, b: CommitmentItemInput): Promise<number> {
  return db.transaction(async (tx) => {
    const r = await queryOne<{ id: number }>(
      tx,
      sql`insert into commitment_items (committee_id, year, title, description, sort)
        values (${actor.committeeId}, ${b.year}, ${normaliseLine(b.title)}, ${b.description?.trim() ?? ''},
          (select coalesce(max(sort), 0) + 1 from commitment_items where committee_id = ${actor.committeeId} and year = ${b.year}))
        returning id`,
    );
    await writeAudit(tx, actor, {
      action: 'commitment.item.create',
      entity: 'commitment_item',
      entityId: r!.id,
      after: b,
    });
    return r!.id;
  });
}

export async function listCommitmentItems(db: Db, actor: Actor, year: number) {
  return query<{ id: number; title: string; description: string }>(
    db,
    sql`select id, title, description from commitment_items where committee_id = ${actor.committeeId} and year = ${year} order by sort, id`,
  );
}

export async function makeCommitment(db: Db, actor: Actor, b: CommitmentInput): Promise<number> {
  if (!actor.memberId) throw forbidden('commitment.not_member', '只有委员可以作出承诺');
  const memberId = actor.memberId;
  return db.transaction(async (tx) => {
    const s = await getCommitmentSettings(tx, actor.committeeId, b.year);
    if (beijingToday() > `${b.year}-${s.pickUntil}`)
      throw conflict('commitment.closed', `${b.year}年度承诺已于 ${b.year}-${s.pickUntil} 截止`);
    let text = b.text?.trim() ?? '';
    if (b.itemId) {
      const item = await queryOne<{ title: string }>(
        tx,
        sql`select title from commitment_items where committee_id = ${actor.committeeId} and id = ${b.itemId} and year = ${b.year}`,
      );
      if (!item) throw badRequest('commitment.item', '所选承诺事项不存在', 'itemId');
      text ||= item.title;
    }
    if (!text) throw badRequest('commitment.text', '请选择承诺事项或填写「承诺内容」', 'text');
    const n = await queryOne<{ n: number }>(
      tx,
      sql`select count(*)::int as n from commitments where committee_id = ${actor.committeeId} and member_id = ${memberId} and year = ${b.year}`,
    );
    if ((n?.n ?? 0) >= s.maxPerMember) throw conflict('commitment.too_many', `每年最多作出 ${s.maxPerMember} 项承诺`);
    const r = await queryOne<{ id: number }>(
      tx,
      sql`insert into commitments (committee_id, year, member_id, item_id, text)
        values (${actor.committeeId}, ${b.year}, ${memberId}, ${b.itemId ?? null}, ${text})
        on conflict (committee_id, member_id, item_id) where item_id is not null do nothing returning id`,
    );
    if (!r) throw conflict('commitment.duplicate', '已承诺过该事项');
    await writeAudit(tx, actor, {
      action: 'commitment.make',
      entity: 'commitment',
      entityId: r.id,
      after: { ...b, text },
    });
    return r.id;
  });
}

export async function withdrawCommitment(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const c = await queryOne<any>(
      tx,
      sql`select * from commitments where committee_id = ${actor.committeeId} and id = ${id} and member_id = ${actor.memberId ?? -1} for update`,
    );
    if (!c) throw notFoundC();
    const s = await getCommitmentSettings(tx, actor.committeeId, c.year);
    if (beijingToday() > `${c.year}-${s.pickUntil}` || c.reported_at)
      throw conflict('commitment.closed', '承诺期已截止，不能撤回');
    await tx.execute(sql`delete from commitments where committee_id = ${actor.committeeId} and id = ${id}`);
    await writeAudit(tx, actor, { action: 'commitment.withdraw', entity: 'commitment', entityId: id, before: c });
  });
}

export async function reportCommitment(db: Db, actor: Actor, id: number, b: CommitmentReport): Promise<void> {
  await db.transaction(async (tx) => {
    const c = await queryOne<any>(
      tx,
      sql`select * from commitments where committee_id = ${actor.committeeId} and id = ${id} and member_id = ${actor.memberId ?? -1} for update`,
    );
    if (!c) throw notFoundC();
    const s = await getCommitmentSettings(tx, actor.committeeId, c.year);
    if (beijingToday() < `${c.year}-${s.reportFrom}`)
      throw conflict('commitment.not_yet', `践诺情况自 ${c.year}-${s.reportFrom} 起填报`);
    await tx.execute(sql`update commitments set kept = ${b.kept}, report = ${b.report.trim()}, reported_at = now()
      where committee_id = ${actor.committeeId} and id = ${id}`);
    await writeAudit(tx, actor, {
      action: 'commitment.report',
      entity: 'commitment',
      entityId: id,
      before: { kept: c.kept, report: c.report },
      after: b,
    });
  });
}

const present = (r: any) => ({
  id: r.id,
  year: r.year,
  memberId: r.member_id,
  memberName: r.member_name,
  sectorName: r.sector_name ?? null,
  itemId: r.item_id,
  text: r.text,
  kept: r.kept,
  status: r.reported_at ? (r.kept ? '已践诺' : '未践诺') : '待践诺',
  report: r.report,
});

const listSql = (
  c: number,
  year: number,
  memberId?: number,
) => sql`select x.*, m.name as member_name, s.name as sector_name
  from commitments x join members m on m.committee_id = x.committee_id and m.id = x.member_id
  left join sectors s on s.committee_id = m.committee_id and s.id = m.sector_id
  where x.committee_id = ${c} and x.year = ${year} ${memberId ? sql`and x.member_id = ${memberId}` : sql``}
  order by m.id, x.id`;

export async function myCommitments(db: Db, actor: Actor, year: number) {
  const s = await getCommitmentSettings(db, actor.committeeId, year);
  const rows = actor.memberId ? await query<any>(db, listSql(actor.committeeId, year, actor.memberId)) : [];
  const today = beijingToday();
  return {
    items: rows.map(present),
    canPick: today <= `${year}-${s.pickUntil}`,
    canReport: today >= `${year}-${s.reportFrom}`,
    pickUntil: `${year}-${s.pickUntil}`,
    reportFrom: `${year}-${s.reportFrom}`,
    maxPerMember: s.maxPerMember,
  };
}

export async function allCommitments(db: Db, actor: Actor, year: number) {
  const rows = await query<any>(db, listSql(actor.committeeId, year));
  return { items: rows.map(present), total: rows.length };
}

export async function commitmentsXlsx(db: Db, actor: Actor, year: number): Promise<Buffer> {
  const { items } = await allCommitments(db, actor, year);
  return xlsxOf(
    `${year}年度委员承诺践诺`,
    [
      { header: '委员', key: 'memberName', width: 12 },
      { header: '界别', key: 'sectorName', width: 16 },
      { header: '承诺内容', key: 'text', width: 40 },
      { header: '践诺状态', key: 'status', width: 10 },
      { header: '践诺情况', key: 'report', width: 40 },
    ],
    items,
  );
}

/** The member's commitments of the years in a range, for the record. */
export async function memberCommitments(
  db: Db,
  committeeId: number,
  memberId: number,
  fromYear: number,
  toYear: number,
) {
  return query<any>(
    db,
    sql`select id, year, text, kept, report, reported_at from commitments
      where committee_id = ${committeeId} and member_id = ${memberId} and year between ${fromYear} and ${toYear} order by year, id`,
  );
}
