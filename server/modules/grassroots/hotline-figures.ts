// The hotline's year figures in the grassroots group: cases imported (by their date of receipt), recurring matters taken
// up as room topics (每月一题), and cases resolved through rooms (their agreed item confirmed done in the period).
import { sql } from 'drizzle-orm';
import { type Db, queryOne } from '../../platform/db/client.ts';
import type { Period } from '../../platform/figures/period.ts';

const within = (column: ReturnType<typeof sql>, p: Period) =>
  sql`${column} >= (${p.from}::date)::timestamp at time zone 'Asia/Shanghai'
    and ${column} < (${p.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`;

export const hotlineFigures = [
  {
    id: 'grassroots.hotlineCases',
    name: '12345热线工单',
    unit: '件',
    definition: '导入的 12345 热线工单中受理日期在期间内的（同一工单编号只计一次）。',
    link: () => '/grassroots/hotline?tab=cases',
  },
  {
    id: 'grassroots.hotlineTakenUp',
    name: '每月一题立题',
    unit: '个',
    definition: '期间内由反复出现的热线诉求立为协商议事室议题的（每月一题）。',
    link: () => '/grassroots/hotline',
  },
  {
    id: 'grassroots.hotlineResolved',
    name: '议事室解决热线工单',
    unit: '件',
    definition: '记录在议定事项下、该议定事项在期间内经确认办结的热线工单。',
    link: () => '/grassroots/hotline?tab=cases&mark=resolved',
  },
];

export async function hotlineFigureValues(db: Db, c: number, p: Period) {
  const r = await queryOne<Record<string, number>>(
    db,
    sql`select
      (select count(*)::int from hotline_cases where committee_id = ${c}
        and received_on between ${p.from}::date and ${p.to}::date) as cases,
      (select count(*)::int from grassroots_topics t where t.committee_id = ${c} and t.source = 'hotline'
        and ${within(sql`t.created_at`, p)}) as taken,
      (select count(*)::int from hotline_cases h join grassroots_agreed_items i
          on i.committee_id = h.committee_id and i.id = h.agreed_item_id
        where h.committee_id = ${c} and i.state = 'resolved' and ${within(sql`i.resolved_at`, p)}) as resolved`,
  );
  return {
    'grassroots.hotlineCases': r?.cases ?? 0,
    'grassroots.hotlineTakenUp': r?.taken ?? 0,
    'grassroots.hotlineResolved': r?.resolved ?? 0,
  };
}
