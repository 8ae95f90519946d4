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
import { GOAL_FACT_KINDS, memberFactCounts } from '../duty/facts.ts';
import { memberDirectory } from '../org/members-directory.ts';
import type { CommitmentInput, CommitmentItemInput, CommitmentReport } from './schemas.ts';
import { getCommitmentSettings } from './settings.ts';

const notFoundC = () => notFound('commitment.not_found', '承诺不存在');

/** A commitment's goal: the duty fact kind that fulfils it and how many (1 when only the kind is named). */
function goalOf(b: { factKind?: string; target?: number }): { factKind: string | null; target: number | null } {
  if (!b.factKind) {
    if (b.target) throw badRequest('commitment.goal', '设置「目标次数」时请选择「对应履职事项」', 'factKind');
    return { factKind: null, target: null };
  }
  if (!GOAL_FACT_KINDS[b.factKind]) throw badRequest('commitment.goal', '所选「对应履职事项」不存在', 'factKind');
  return { factKind: b.factKind, target: b.target ?? 1 };
}

export async function addCommitmentItem(db: Db, actor: Actor, b: CommitmentItemInput): Promise<number> {
  const goal = goalOf(b);
  return db.transaction(async (tx) => {
    const r = await queryOne<{ id: number }>(
      tx,
      sql`insert into commitment_items (committee_id, year, title, description, fact_kind, target, sort)
        values (${actor.committeeId}, ${b.year}, ${normaliseLine(b.title)}, ${b.description?.trim() ?? ''}, ${goal.factKind}, ${goal.target},
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
  const rows = await query<{
    id: number;
    title: string;
    description: string;
    factKind: string | null;
    target: number | null;
  }>(
    db,
    sql`select id, title, description, fact_kind as "factKind", target from commitment_items
      where committee_id = ${actor.committeeId} and year = ${year} order by sort, id`,
  );
  return rows.map((r) => ({ ...r, factKindLabel: r.factKind ? (GOAL_FACT_KINDS[r.factKind] ?? r.factKind) : null }));
}

export async function makeCommitment(db: Db, actor: Actor, b: CommitmentInput): Promise<number> {
  if (!actor.memberId) throw forbidden('commitment.not_member', '只有委员可以作出承诺');
  const memberId = actor.memberId;
  return db.transaction(async (tx) => {
    const s = await getCommitmentSettings(tx, actor.committeeId, b.year);
    if (beijingToday() > `${b.year}-${s.pickUntil}`)
      throw conflict('commitment.closed', `${b.year}年度承诺已于 ${b.year}-${s.pickUntil} 截止`);
    let text = b.text?.trim() ?? '';
    let goal = goalOf(b);
    if (b.itemId) {
      const item = await queryOne<{ title: string; fact_kind: string | null; target: number | null }>(
        tx,
        sql`select title, fact_kind, target from commitment_items where committee_id = ${actor.committeeId} and id = ${b.itemId} and year = ${b.year}`,
      );
      if (!item) throw badRequest('commitment.item', '所选承诺事项不存在', 'itemId');
      text ||= item.title;
      // The committee's item sets the goal; the member's own words may add one when the item has none.
      if (item.fact_kind) goal = { factKind: item.fact_kind, target: item.target ?? 1 };
    }
    if (!text) throw badRequest('commitment.text', '请选择承诺事项或填写「承诺内容」', 'text');
    const n = await queryOne<{ n: number }>(
      tx,
      sql`select count(*)::int as n from commitments where committee_id = ${actor.committeeId} and member_id = ${memberId} and year = ${b.year}`,
    );
    if ((n?.n ?? 0) >= s.maxPerMember) throw conflict('commitment.too_many', `每年最多作出 ${s.maxPerMember} 项承诺`);
    const r = await queryOne<{ id: number }>(
      tx,
      sql`insert into commitments (committee_id, year, member_id, item_id, text, fact_kind, target)
        values (${actor.committeeId}, ${b.year}, ${memberId}, ${b.itemId ?? null}, ${text}, ${goal.factKind}, ${goal.target})
        on conflict (committee_id, member_id, item_id) where item_id is not null do nothing returning id`,
    );
    if (!r) throw conflict('commitment.duplicate', '已承诺过该事项');
    await writeAudit(tx, actor, {
      action: 'commitment.make',
      entity: 'commitment',
      entityId: r.id,
      after: { ...b, text, ...goal },
    });
    return r.id;
  });
}

/** The actor's own commitment `id`, locked for update, with the settings of its year. Errors: 404 when it is not the
 *  actor's (or does not exist). */
async function lockOwnCommitment(tx: Db, actor: Actor, id: number) {
  const c = await queryOne<CommitmentRow>(
    tx,
    sql`select * from commitments where committee_id = ${actor.committeeId} and id = ${id} and member_id = ${actor.memberId ?? -1} for update`,
  );
  if (!c) throw notFoundC();
  return { c, s: await getCommitmentSettings(tx, actor.committeeId, c.year) };
}

export async function withdrawCommitment(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const { c, s } = await lockOwnCommitment(tx, actor, id);
    if (beijingToday() > `${c.year}-${s.pickUntil}` || c.reported_at)
      throw conflict('commitment.closed', '承诺期已截止，不能撤回');
    await tx.execute(sql`delete from commitments where committee_id = ${actor.committeeId} and id = ${id}`);
    await writeAudit(tx, actor, { action: 'commitment.withdraw', entity: 'commitment', entityId: id, before: c });
  });
}

export async function reportCommitment(db: Db, actor: Actor, id: number, b: CommitmentReport): Promise<void> {
  await db.transaction(async (tx) => {
    const { c, s } = await lockOwnCommitment(tx, actor, id);
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

type Counts = Map<number, Record<string, number>>;

/** A row of commitments (timestamps as the driver gives them). */
interface CommitmentRow {
  committee_id: number;
  id: number;
  year: number;
  member_id: number;
  item_id: number | null;
  text: string;
  kept: boolean | null;
  report: string | null;
  reported_at: string | Date | null;
  created_at: string | Date;
  fact_kind: string | null;
  target: number | null;
}

/** A row of listSql: a commitment with its member's and sector's names. */
interface CommitmentListRow extends CommitmentRow {
  member_name: string;
  sector_name: string | null;
}

/** The facts of the year counted against each commitment that names a kind (read from duty when listed). */
async function countsFor(db: Db, committeeId: number, year: number, rows: CommitmentRow[]): Promise<Counts> {
  const kinds = [...new Set(rows.map((r) => r.fact_kind).filter(Boolean))] as string[];
  const members = [...new Set(rows.map((r) => r.member_id))] as number[];
  return memberFactCounts(db, committeeId, year, kinds, members.length > 50 ? undefined : members);
}

function progressOf(r: CommitmentRow, counts: Counts) {
  if (!r.fact_kind) return { factKind: null, factKindLabel: null, target: null, progress: null, met: null };
  const progress = counts.get(r.member_id)?.[r.fact_kind] ?? 0;
  const target = r.target ?? 1;
  return {
    factKind: r.fact_kind as string,
    factKindLabel: GOAL_FACT_KINDS[r.fact_kind] ?? (r.fact_kind as string),
    target,
    progress,
    met: progress >= target,
  };
}

/** The 践诺 report as the platform would write it: kept when the target is met; the member may change both. */
function suggestion(p: ReturnType<typeof progressOf>) {
  if (p.progress === null) return { suggestedKept: null, suggestedReport: null };
  return {
    suggestedKept: p.met,
    suggestedReport: `本年度${p.factKindLabel} ${p.progress} 次，承诺目标 ${p.target} 次，${p.met ? '已完成' : '尚未完成'}。`,
  };
}

const present = (r: CommitmentListRow, counts: Counts = new Map()) => ({
  ...progressOf(r, counts),
  ...suggestion(progressOf(r, counts)),
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
  from commitments x join ${memberDirectory} m on m.committee_id = x.committee_id and m.id = x.member_id
  left join sectors s on s.committee_id = m.committee_id and s.id = m.sector_id
  where x.committee_id = ${c} and x.year = ${year} ${memberId ? sql`and x.member_id = ${memberId}` : sql``}
  order by m.id, x.id`;

export async function myCommitments(db: Db, actor: Actor, year: number) {
  const s = await getCommitmentSettings(db, actor.committeeId, year);
  const rows = actor.memberId
    ? await query<CommitmentListRow>(db, listSql(actor.committeeId, year, actor.memberId))
    : [];
  const counts = await countsFor(db, actor.committeeId, year, rows);
  const today = beijingToday();
  return {
    items: rows.map((r) => present(r, counts)),
    canPick: today <= `${year}-${s.pickUntil}`,
    canReport: today >= `${year}-${s.reportFrom}`,
    pickUntil: `${year}-${s.pickUntil}`,
    reportFrom: `${year}-${s.reportFrom}`,
    maxPerMember: s.maxPerMember,
  };
}

export async function allCommitments(db: Db, actor: Actor, year: number, memberId?: number) {
  const rows = await query<CommitmentListRow>(db, listSql(actor.committeeId, year, memberId));
  const counts = await countsFor(db, actor.committeeId, year, rows);
  return { items: rows.map((r) => present(r, counts)), total: rows.length };
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
      { header: '完成进度', key: 'progressText', width: 24 },
    ],
    items.map((i) => ({
      ...i,
      progressText: i.progress === null ? '' : `${i.factKindLabel} ${i.progress}/${i.target}`,
    })),
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
  return query<Pick<CommitmentRow, 'id' | 'year' | 'text' | 'kept' | 'report' | 'reported_at'>>(
    db,
    sql`select id, year, text, kept, report, reported_at from commitments
      where committee_id = ${committeeId} and member_id = ${memberId} and year between ${fromYear} and ${toYear} order by year, id`,
  );
}
