// Staff's completion view of a year's study: per member (materials finished, sessions attended, reflections accepted)
// or summed by sector or special committee, and the same as an Excel workbook. From this module's own tables.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { beijingYearRange } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { xlsxOf } from '../../platform/download.ts';
import { memberDirectory } from '../org/members-directory.ts';
import { currentTermId } from '../org/members-service.ts';

/** The counts of one member or group; sums may come back as numeric text, hence Number() when shaping. */
interface GroupCounts {
  id: number;
  name: string;
  members: number | string;
  finished: number | string;
  attended: number | string;
  submitted: number | string;
  accepted: number | string;
}

export interface CompletionRow {
  id: number;
  name: string;
  members: number;
  materialsFinished: number;
  /** Share of (members × published materials) finished, 0–100 with one decimal. */
  completionRate: number;
  sessionsAttended: number;
  reflectionsSubmitted: number;
  reflectionsAccepted: number;
}

export async function learningCompletion(
  db: Db,
  actor: Actor,
  year: number,
  by: 'member' | 'sector' | 'specialCommittee' = 'member',
) {
  const c = actor.committeeId;
  const { start, end } = beijingYearRange(year);
  const termId = await currentTermId(db, c);
  const mats = await queryOne<{ n: number }>(
    db,
    sql`select count(*)::int as n from learning_materials where committee_id = ${c} and state = 'published' and published_at < ${end}`,
  );
  const perMember = sql`select m.id as member_id, m.name, m.sector_id,
      (select count(*)::int from learning_progress p where p.committee_id = m.committee_id and p.member_id = m.id
        and p.finished_at >= ${start} and p.finished_at < ${end}) as finished,
      (select count(*)::int from learning_attendance a where a.committee_id = m.committee_id and a.member_id = m.id
        and extract(year from a.attended_on)::int = ${year}) as attended,
      (select count(*)::int from learning_reflections r where r.committee_id = m.committee_id and r.member_id = m.id
        and r.state <> 'draft' and r.submitted_at >= ${start} and r.submitted_at < ${end}) as submitted,
      (select count(*)::int from learning_reflections r where r.committee_id = m.committee_id and r.member_id = m.id
        and r.state = 'accepted' and r.reviewed_at >= ${start} and r.reviewed_at < ${end}) as accepted
    from ${memberDirectory} m where m.committee_id = ${c} and m.status = 'active' and m.term_id = ${termId ?? -1}`;
  const group =
    by === 'sector'
      ? sql`join sectors g on g.committee_id = ${c} and g.id = pm.sector_id`
      : sql`join member_special_committees x on x.committee_id = ${c} and x.member_id = pm.member_id
          join special_committees g on g.committee_id = x.committee_id and g.id = x.special_committee_id`;
  const rows =
    by === 'member'
      ? await query<GroupCounts>(
          db,
          sql`select pm.member_id as id, pm.name, 1 as members, pm.finished, pm.attended, pm.submitted, pm.accepted
            from (${perMember}) pm order by pm.finished desc, pm.member_id`,
        )
      : await query<GroupCounts>(
          db,
          sql`select g.id, g.name, count(*)::int as members, sum(pm.finished)::int as finished, sum(pm.attended)::int as attended,
              sum(pm.submitted)::int as submitted, sum(pm.accepted)::int as accepted
            from (${perMember}) pm ${group} group by g.id, g.name order by g.name`,
        );
  const materials = mats!.n;
  const items: CompletionRow[] = rows.map((r) => ({
    id: r.id,
    name: r.name,
    members: Number(r.members),
    materialsFinished: Number(r.finished),
    completionRate: materials > 0 ? Math.round((Number(r.finished) * 1000) / (Number(r.members) * materials)) / 10 : 0,
    sessionsAttended: Number(r.attended),
    reflectionsSubmitted: Number(r.submitted),
    reflectionsAccepted: Number(r.accepted),
  }));
  return { year, by, materials, items };
}

const BY_LABEL = { member: '委员', sector: '界别', specialCommittee: '专委会' };

export async function completionXlsx(data: Awaited<ReturnType<typeof learningCompletion>>): Promise<Buffer> {
  const head = BY_LABEL[data.by];
  return xlsxOf(
    `${data.year}年学习完成情况`,
    [
      { header: head, key: 'name', width: 24 },
      ...(data.by === 'member' ? [] : [{ header: '委员人数', key: 'members', width: 10 }]),
      { header: '学完资料数', key: 'materialsFinished', width: 12 },
      { header: `完成率（%，共${data.materials}份资料）`, key: 'completionRate', width: 22 },
      { header: '参加培训课次', key: 'sessionsAttended', width: 14 },
      { header: '提交心得', key: 'reflectionsSubmitted', width: 10 },
      { header: '心得通过', key: 'reflectionsAccepted', width: 10 },
    ],
    data.items as unknown as Record<string, unknown>[],
  );
}
