// The duty-fact entry point other modules call inside their own transaction: record a countable event of a member's
// duty, or revoke the facts of a source when it is reversed (a proposal merged away, a check-in undone); and the counts
// other modules read (a commitment's progress).

import { type SQL, sql } from 'drizzle-orm';
import { beijingDateOf } from '../../platform/dates.ts';
import { type Db, query } from '../../platform/db/client.ts';

/**
 * Fact kinds. Modules use these names; rule sets give them points.
 * meeting.present / meeting.leave / meeting.absent (detail.meetingKind: plenary | standing | chairsCouncil | specialCommittee | sector)
 * activity.<kind> (research, inspection, studyVisit, supervision, studio, grassroots, training, reading, goodDeed, introduction)
 * speech.submitted / speech.selected / speech.delivered (detail.mode: oral | written)
 * proposal.filed / proposal.registered / proposal.key / proposal.commended (role: lead | cosigner | self)
 * opinion.submitted / opinion.compiled / opinion.adopted (detail.level) / opinion.instruction (detail.level)
 */
export type DutyFactKind = string;

export interface NewDutyFact {
  committeeId: number;
  memberId: number;
  kind: DutyFactKind;
  role?: 'self' | 'lead' | 'cosigner';
  sourceType: string;
  sourceId: number;
  occurredOn: Date | string;
  detail?: Record<string, unknown>;
}

// A fact's day is its Beijing calendar day: filed at 07:30 on 1 January in Beijing (23:30Z) counts for the new year.
const isoDate = (d: Date | string) => (typeof d === 'string' ? d.slice(0, 10) : beijingDateOf(d));

/** Records a fact once: recording the same (member, kind, source) again changes nothing. */
export async function recordDutyFact(tx: Db, f: NewDutyFact): Promise<void> {
  const day = isoDate(f.occurredOn);
  await tx.execute(sql`insert into duty_facts (committee_id, member_id, year, kind, role, source_type, source_id, occurred_on, detail)
    values (${f.committeeId}, ${f.memberId}, ${Number(day.slice(0, 4))}, ${f.kind}, ${f.role ?? 'self'}, ${f.sourceType}, ${f.sourceId}, ${day},
      ${JSON.stringify(f.detail ?? {})}::jsonb)
    on conflict (committee_id, member_id, kind, source_type, source_id) where revoked_at is null do nothing`);
}

/** Revokes the live facts of a source (optionally only some kinds or one member). */
export async function revokeDutyFacts(
  tx: Db,
  committeeId: number,
  source: { sourceType: string; sourceId: number; kinds?: string[]; memberId?: number },
): Promise<void> {
  await tx.execute(sql`update duty_facts set revoked_at = now()
    where committee_id = ${committeeId} and source_type = ${source.sourceType} and source_id = ${source.sourceId} and revoked_at is null
      ${source.kinds ? sql`and kind = any(${sql.param(source.kinds)}::text[])` : sql``}
      ${source.memberId ? sql`and member_id = ${source.memberId}` : sql``}`);
}

/**
 * Makes the live facts of one source match a desired set, set-based (a meeting's attendance re-derived after any
 * change). `desired` is SQL yielding rows (member_id int, want text or null for "no fact", detail jsonb, day date).
 * Facts of another kind than wanted, or of members no longer in the set, are revoked (only among `memberIds` when
 * given); missing ones are recorded with role 'self', the year taken from `day`.
 */
export async function settleSourceFacts(
  tx: Db,
  committeeId: number,
  source: { sourceType: string; sourceId: number; memberIds?: number[] },
  desired: SQL,
): Promise<void> {
  const { sourceType, sourceId, memberIds } = source;
  // Facts that no longer hold: another kind than wanted, or a member no longer in the set.
  await tx.execute(sql`update duty_facts f set revoked_at = now()
    where f.committee_id = ${committeeId} and f.source_type = ${sourceType} and f.source_id = ${sourceId} and f.revoked_at is null
      ${memberIds ? sql`and f.member_id = any(${sql.param(memberIds)}::int[])` : sql``}
      and not exists (select 1 from (${desired}) d where d.member_id = f.member_id and d.want = f.kind)`);
  await tx.execute(sql`insert into duty_facts (committee_id, member_id, year, kind, role, source_type, source_id, occurred_on, detail)
    select ${committeeId}, d.member_id, extract(year from d.day)::int, d.want, 'self', ${sourceType}, ${sourceId}, d.day, d.detail
    from (${desired}) d where d.want is not null
    on conflict (committee_id, member_id, kind, source_type, source_id) where revoked_at is null do nothing`);
}

/** Fact kinds a member's yearly commitment (承诺) may aim at, with the words a member reads. */
export const GOAL_FACT_KINDS: Record<string, string> = {
  'proposal.filed': '提交提案',
  'proposal.registered': '提案立案',
  'opinion.submitted': '报送社情民意信息',
  'opinion.adopted': '社情民意信息被采用',
  'consultation.participated': '参加协商活动',
  'discussion.participated': '参加网络议政',
  'activity.research': '参加调研',
  'activity.inspection': '参加视察',
  'activity.grassroots': '参加基层协商',
  'activity.goodDeed': '为群众办实事',
  'activity.introduction': '引进项目或人才',
  'speech.submitted': '提交大会发言',
  'meeting.present': '出席会议',
  'learning.materialFinished': '学完学习资料',
  'reading.noteWritten': '撰写读书笔记',
  'archive.submitted': '报送文史资料',
  'task.completed': '完成派单任务',
};

/** How many live facts of each kind members have in a year: { memberId: { kind: n } } (other modules read this). */
export async function memberFactCounts(
  db: Db,
  committeeId: number,
  year: number,
  kinds: string[],
  memberIds?: number[],
): Promise<Map<number, Record<string, number>>> {
  const out = new Map<number, Record<string, number>>();
  if (!kinds.length) return out;
  const rows = await query<{ member_id: number; kind: string; n: number }>(
    db,
    sql`select member_id, kind, count(*)::int as n from duty_facts
    where committee_id = ${committeeId} and year = ${year} and revoked_at is null
      and kind = any(${sql.param(kinds)}::text[])
      ${memberIds ? sql`and member_id = any(${sql.param(memberIds)}::int[])` : sql``}
    group by member_id, kind`,
  );
  for (const r of rows) {
    const m = out.get(r.member_id) ?? {};
    m[r.kind] = r.n;
    out.set(r.member_id, m);
  }
  return out;
}
