// The duty-fact entry point other modules call inside their own transaction: record a countable event of a member's
// duty, or revoke the facts of a source when it is reversed (a proposal merged away, a check-in undone).

import { sql } from 'drizzle-orm';
import { beijingDateOf } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/client.ts';

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
