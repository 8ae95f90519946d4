// Meetings' figures in the registry: meetings held and attendances, for any range of Beijing days.
import { sql } from 'drizzle-orm';
import { query, queryOne } from '../../platform/db/client.ts';
import { beijingMonthSql, byMonth, type Period, withinDaysSql } from '../../platform/figures/period.ts';
import type { FigureGroup } from '../../platform/figures/registry.ts';

const link = (p: Period) => `/meetings?from=${p.from}&to=${p.to}`;

export const meetingFigureGroup: FigureGroup = {
  module: 'meetings',
  moduleName: '会议',
  permission: 'duty.readAll',
  basis: 'range',
  sentence: '全年召开各类会议{{meetings.held}}次，委员出席{{meetings.attendances}}人次。',
  figures: [
    {
      id: 'meetings.held',
      name: '召开会议',
      unit: '次',
      definition: '开始时间在期间内、已结束的全体会议、常委会议、主席会议、专委会和界别会议；计划中和取消的不计。',
      link,
    },
    {
      id: 'meetings.attendances',
      name: '委员出席会议',
      unit: '人次',
      definition: '上述会议中已签到（扫码或工作人员登记）的人次；请假和缺席不计。',
      link,
    },
  ],
  compute: async (db, committeeId, p) => {
    const r = await queryOne<{ held: number; attendances: number }>(
      db,
      sql`select count(*)::int as held,
          coalesce(sum((select count(*) from meeting_invitees i where i.committee_id = m.committee_id and i.meeting_id = m.id
            and i.checked_in_at is not null)), 0)::int as attendances
        from meetings m where m.committee_id = ${committeeId} and m.status = 'closed'
          and m.starts_at >= (${p.from}::date)::timestamp at time zone 'Asia/Shanghai'
          and m.starts_at < (${p.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`,
    );
    return { 'meetings.held': r?.held ?? 0, 'meetings.attendances': r?.attendances ?? 0 };
  },
  months: async (db, committeeId, from, to) =>
    byMonth(
      await query(
        db,
        sql`select ${beijingMonthSql('starts_at')} as month, count(*)::int as held from meetings
          where committee_id = ${committeeId} and status = 'closed' and ${withinDaysSql('starts_at', from, to)} group by 1`,
      ),
      { held: 'meetings.held' },
    ),
};
