// 界别活动・界别提案: per sector and year, what its members did as duty facts record it (activity participations,
// sector meetings attended, proposals they filed as lead or sole proposer) plus what the sector did as a body: sector
// meetings held (meetings of kind sector) and collective proposals filed in the name of the sector's organisation
// (an organisation of kind sector with the sector's name). Staff table and Excel.
import { sql } from 'drizzle-orm';
import { type Db, query } from '../../platform/db/client.ts';
import { xlsxOf } from '../../platform/download.ts';
import { memberDirectory } from '../org/members-directory.ts';

export interface SectorCounts {
  sectorId: number;
  sector: string;
  members: number;
  sectorMeetings: number;
  activityParticipations: number;
  activeMembers: number;
  memberProposals: number;
  collectiveProposals: number;
  proposals: number;
}

export async function sectorCounts(db: Db, committeeId: number, year: number): Promise<SectorCounts[]> {
  // Members counted are those of a term covering the year, as duty scoring does.
  const rows = await query<Omit<SectorCounts, 'proposals'>>(
    db,
    sql`with mem as (
        select m.id, m.sector_id from ${memberDirectory} m join terms tm on tm.committee_id = m.committee_id and tm.id = m.term_id
        where m.committee_id = ${committeeId} and m.sector_id is not null
          and coalesce(extract(year from tm.start_date)::int, 0) <= ${year}
          and ${year} <= coalesce(extract(year from tm.end_date)::int, 9999)
      ), facts as (
        select mem.sector_id, f.member_id, f.kind, f.role, f.source_id from duty_facts f join mem on mem.id = f.member_id
        where f.committee_id = ${committeeId} and f.year = ${year} and f.revoked_at is null
          and (f.kind like 'activity.%' or f.kind = 'proposal.filed')
      )
      select s.id as "sectorId", s.name as sector,
        (select count(*)::int from mem where mem.sector_id = s.id) as members,
        -- The sector's own meetings (界别活动 as a body), not cancelled, by their Beijing start day.
        (select count(*)::int from meetings mt where mt.committee_id = s.committee_id and mt.kind = 'sector'
          and mt.sector_id = s.id and mt.status <> 'cancelled'
          and extract(year from mt.starts_at at time zone 'Asia/Shanghai')::int = ${year}) as "sectorMeetings",
        (select count(*)::int from facts where facts.sector_id = s.id and facts.kind like 'activity.%') as "activityParticipations",
        (select count(distinct member_id)::int from facts where facts.sector_id = s.id and facts.kind like 'activity.%') as "activeMembers",
        -- Proposals led by (or filed alone by) a member of the sector: one per proposal, co-signers not counted again.
        (select count(distinct source_id)::int from facts where facts.sector_id = s.id and facts.kind = 'proposal.filed'
          and facts.role in ('lead', 'self')) as "memberProposals",
        (select count(*)::int from proposals p join organisations o on o.committee_id = p.committee_id and o.id = p.org_id
          where p.committee_id = s.committee_id and p.kind = 'collective' and o.kind = 'sector' and o.name = s.name
            and p.year = ${year} and p.submitted_at is not null and p.merged_into_id is null) as "collectiveProposals"
      from sectors s where s.committee_id = ${committeeId}
      order by s.sort, s.id`,
  );
  return rows.map((r) => ({ ...r, proposals: r.memberProposals + r.collectiveProposals }));
}

export async function sectorCountsXlsx(db: Db, committeeId: number, year: number): Promise<Buffer> {
  const rows = await sectorCounts(db, committeeId, year);
  return xlsxOf(
    `${year}年度界别活动与界别提案`,
    [
      { header: '界别', key: 'sector', width: 20 },
      { header: '委员人数', key: 'members', width: 10 },
      { header: '界别活动（次）', key: 'sectorMeetings', width: 14 },
      { header: '委员参加活动（人次）', key: 'activityParticipations', width: 18 },
      { header: '参加活动委员（人）', key: 'activeMembers', width: 16 },
      { header: '界别集体提案（件）', key: 'collectiveProposals', width: 16 },
      { header: '界别委员提案（件）', key: 'memberProposals', width: 16 },
      { header: '界别提案合计（件）', key: 'proposals', width: 16 },
    ],
    rows as unknown as Record<string, unknown>[],
  );
}
