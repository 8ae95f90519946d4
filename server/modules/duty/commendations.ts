// Commendations (优秀委员): the year's list, commend with a reason, revoke. Audited.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { notifyMembers } from '../meetings/service.ts';
import { memberDirectory } from '../org/members-directory.ts';
import { dutyMemberUnknown } from './errors.ts';
import { memberExists } from './service.ts';

export async function listCommendations(db: Db, actor: Actor, year: number) {
  const rows = await query<{
    id: number;
    member_id: number;
    name: string;
    code: string | null;
    sector: string | null;
    year: number;
    title: string;
    reason: string;
    created_by: string | null;
    created_at: string | Date;
    total: string | number | null;
    grade: string | null;
  }>(
    db,
    sql`select k.id, k.member_id, m.name, m.code, sc.name as sector, k.year, k.title, k.reason, k.created_by, k.created_at, s.total, s.grade
      from duty_commendations k join ${memberDirectory} m on m.committee_id = k.committee_id and m.id = k.member_id
        left join sectors sc on sc.committee_id = m.committee_id and sc.id = m.sector_id
        left join duty_scores s on s.committee_id = k.committee_id and s.member_id = k.member_id and s.year = k.year
      where k.committee_id = ${actor.committeeId} and k.year = ${year} order by m.code nulls last, m.id`,
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      memberId: r.member_id,
      name: r.name,
      code: r.code,
      sector: r.sector,
      year: r.year,
      title: r.title,
      reason: r.reason,
      total: r.total === null ? null : Number(r.total),
      createdBy: r.created_by,
      createdAt: new Date(r.created_at).toISOString(),
    })),
  };
}

export async function commend(
  tx: Db,
  actor: Actor,
  b: { memberId: number; year: number; title?: string; reason: string },
) {
  await memberExists(tx, actor.committeeId, b.memberId).catch(() => {
    throw dutyMemberUnknown();
  });
  if (!b.reason.trim()) throw badRequest('duty.reason', '「表彰理由」不能为空', 'reason');
  const title = b.title?.trim() || '优秀委员';
  const dup = await queryOne(
    tx,
    sql`select 1 from duty_commendations where committee_id = ${actor.committeeId} and member_id = ${b.memberId} and year = ${b.year} and title = ${title}`,
  );
  if (dup) throw conflict('duty.commended', `该委员 ${b.year} 年已获「${title}」`);
  const [row] = await query<{ id: number }>(
    tx,
    sql`insert into duty_commendations (committee_id, member_id, year, title, reason, created_by)
      values (${actor.committeeId}, ${b.memberId}, ${b.year}, ${title}, ${b.reason.trim()}, ${actor.name}) returning id`,
  );
  await notifyMembers(tx, actor.committeeId, [b.memberId], {
    kind: 'duty.commended',
    title: `您被评为 ${b.year} 年度「${title}」`,
    body: b.reason.trim(),
    link: '/duty/me',
  });
  await writeAudit(tx, actor, { action: 'duty.commend', entity: 'dutyCommendation', entityId: row.id, after: b });
  return { id: row.id };
}

export async function revokeCommendation(tx: Db, actor: Actor, id: number) {
  const [row] = await query<{ member_id: number; year: number; title: string; reason: string }>(
    tx,
    sql`delete from duty_commendations where committee_id = ${actor.committeeId} and id = ${id} returning member_id, year, title, reason`,
  );
  if (!row) throw notFound('duty.commendation_not_found', '表彰记录不存在');
  await writeAudit(tx, actor, { action: 'duty.commend.revoke', entity: 'dutyCommendation', entityId: id, before: row });
}

/** The member's commendations (year, title, reason), newest year first. */
export async function commendationsOfMember(db: Db, committeeId: number, memberId: number) {
  return query<{ year: number; title: string; reason: string }>(
    db,
    sql`select year, title, reason from duty_commendations where committee_id = ${committeeId} and member_id = ${memberId} order by year desc, id`,
  );
}
