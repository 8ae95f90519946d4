// Consequences (约谈, 劝辞): candidates by the rules' thresholds, list, record, delete. Audited.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { type Db, query } from '../../platform/db/client.ts';
import { countOf } from '../../platform/db/count.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { memberDirectory } from '../org/members-directory.ts';
import { dutyMemberUnknown } from './errors.ts';
import { currentVersion } from './rule-versions.ts';
import { ensureScores } from './scoring.ts';
import { type MemberYearRow, memberExists } from './service.ts';

export const CONSEQUENCE_LABELS: Record<string, string> = { talk: '约谈', resignationAdvice: '劝辞' };

export async function consequenceCandidates(db: Db, actor: Actor, year: number) {
  const c = actor.committeeId;
  await ensureScores(db, c, year);
  await ensureScores(db, c, year - 1).catch(() => {});
  const v = await currentVersion(db, c, year);
  const prev = await currentVersion(db, c, year - 1);
  const rows = await query<{
    member_id: number;
    name: string;
    code: string | null;
    total: string | number;
    prev_total: string | number | null;
    plenary_absences: number;
    talked: boolean;
    advised: boolean;
  }>(
    db,
    sql`select s.member_id, m.name, m.code, s.total, p.total as prev_total,
        (select count(*)::int from duty_facts f where f.committee_id = s.committee_id and f.member_id = s.member_id and f.year = ${year}
          and f.revoked_at is null and f.kind = 'meeting.absent' and f.detail ->> 'meetingKind' = 'plenary') as plenary_absences,
        exists (select 1 from duty_consequences k where k.committee_id = s.committee_id and k.member_id = s.member_id and k.year = ${year} and k.kind = 'talk') as talked,
        exists (select 1 from duty_consequences k where k.committee_id = s.committee_id and k.member_id = s.member_id and k.year = ${year} and k.kind = 'resignationAdvice') as advised
      from duty_scores s join ${memberDirectory} m on m.committee_id = s.committee_id and m.id = s.member_id
        left join duty_scores p on p.committee_id = s.committee_id and p.member_id = s.member_id and p.year = ${year - 1}
      where s.committee_id = ${c} and s.year = ${year} and m.status = 'active'
        and (s.total < ${v.rules.passMark}
          or (select count(*) from duty_facts f where f.committee_id = s.committee_id and f.member_id = s.member_id and f.year = ${year}
            and f.revoked_at is null and f.kind = 'meeting.absent' and f.detail ->> 'meetingKind' = 'plenary') >= 2)
      order by s.total, m.code nulls last, m.id`,
  );
  return {
    passMark: v.rules.passMark,
    items: rows.map((r) => {
      const twoYears =
        r.prev_total !== null && Number(r.prev_total) < prev.rules.passMark && Number(r.total) < v.rules.passMark;
      const suggest = twoYears || r.plenary_absences >= 2 ? 'resignationAdvice' : 'talk';
      const reasons: string[] = [];
      if (Number(r.total) < v.rules.passMark)
        reasons.push(`${year} 年得分 ${Number(r.total)} 分，低于合格分 ${v.rules.passMark} 分`);
      if (twoYears) reasons.push(`连续两年低于合格分（${year - 1} 年 ${Number(r.prev_total)} 分）`);
      if (r.plenary_absences >= 2) reasons.push(`全体会议无故缺席 ${r.plenary_absences} 次`);
      return {
        memberId: r.member_id,
        name: r.name,
        code: r.code,
        total: Number(r.total),
        previousTotal: r.prev_total === null ? null : Number(r.prev_total),
        plenaryAbsences: r.plenary_absences,
        suggestion: suggest,
        suggestionLabel: CONSEQUENCE_LABELS[suggest],
        reason: reasons.join('；'),
        talked: r.talked,
        advised: r.advised,
      };
    }),
  };
}

export async function listConsequences(
  db: Db,
  actor: Actor,
  q: { year?: number; kind?: string; memberId?: number },
  limit: number,
  offset: number,
) {
  const where = sql.join(
    [
      sql`k.committee_id = ${actor.committeeId}`,
      q.year ? sql`k.year = ${q.year}` : null,
      q.kind ? sql`k.kind = ${q.kind}` : null,
      q.memberId ? sql`k.member_id = ${q.memberId}` : null,
    ].filter((x) => x !== null),
    sql` and `,
  );
  const rows = await query<
    MemberYearRow & {
      kind: string;
      happened_on: string;
      reason: string;
      outcome: string;
      created_by: string | null;
      created_at: string | Date;
    }
  >(
    db,
    sql`select k.id, k.member_id, m.name, m.code, k.year, k.kind, k.happened_on::text as happened_on, k.reason, k.outcome, k.created_by, k.created_at
      from duty_consequences k join ${memberDirectory} m on m.committee_id = k.committee_id and m.id = k.member_id
      where ${where} order by k.happened_on desc, k.id desc limit ${limit} offset ${offset}`,
  );
  return {
    total: await countOf(db, sql`select count(*)::int as n from duty_consequences k where ${where}`),
    items: rows.map((r) => ({
      id: r.id,
      memberId: r.member_id,
      name: r.name,
      code: r.code,
      year: r.year,
      kind: r.kind,
      kindLabel: CONSEQUENCE_LABELS[r.kind],
      happenedOn: r.happened_on,
      reason: r.reason,
      outcome: r.outcome,
      createdBy: r.created_by,
      createdAt: new Date(r.created_at).toISOString(),
    })),
  };
}

export async function recordConsequence(
  tx: Db,
  actor: Actor,
  b: {
    memberId: number;
    year: number;
    kind: 'talk' | 'resignationAdvice';
    happenedOn: string;
    reason: string;
    outcome?: string;
  },
) {
  await memberExists(tx, actor.committeeId, b.memberId).catch(() => {
    throw dutyMemberUnknown();
  });
  if (!b.reason.trim()) throw badRequest('duty.reason', '「原因」不能为空', 'reason');
  const [row] = await query<{ id: number }>(
    tx,
    sql`insert into duty_consequences (committee_id, member_id, year, kind, happened_on, reason, outcome, created_by)
      values (${actor.committeeId}, ${b.memberId}, ${b.year}, ${b.kind}, ${b.happenedOn}, ${b.reason.trim()}, ${b.outcome?.trim() ?? ''}, ${actor.name})
      returning id`,
  );
  await writeAudit(tx, actor, {
    action: `duty.consequence.${b.kind}`,
    entity: 'dutyConsequence',
    entityId: row.id,
    after: b,
  });
  return { id: row.id };
}

export async function deleteConsequence(tx: Db, actor: Actor, id: number) {
  const [row] = await query<{ member_id: number; year: number; kind: string; happened_on: string; reason: string }>(
    tx,
    sql`delete from duty_consequences where committee_id = ${actor.committeeId} and id = ${id}
      returning member_id, year, kind, happened_on::text as happened_on, reason`,
  );
  if (!row) throw notFound('duty.consequence_not_found', '记录不存在');
  await writeAudit(tx, actor, {
    action: 'duty.consequence.delete',
    entity: 'dutyConsequence',
    entityId: id,
    before: row,
  });
}
