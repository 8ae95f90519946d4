// Activities' figures in the registry: activities carried out and participations, for any range of Beijing days.
import { sql } from 'drizzle-orm';
import { query, queryOne } from '../../platform/db/client.ts';
import { beijingMonthSql, byMonth, type Period, withinDaysSql } from '../../platform/figures/period.ts';
import type { FigureGroup } from '../../platform/figures/registry.ts';

const link = (p: Period) => `/activities?from=${p.from}&to=${p.to}`;

export const activityFigureGroup: FigureGroup = {
  module: 'activities',
  moduleName: '履职活动',
  permission: 'duty.readAll',
  basis: 'range',
  sentence: '全年组织视察、调研等履职活动{{activities.held}}次，委员参加{{activities.participations}}人次。',
  figures: [
    {
      id: 'activities.held',
      name: '组织履职活动',
      unit: '次',
      definition: '开始时间在期间内的视察、调研、考察、委员工作室、读书等活动；取消的不计。',
      link,
    },
    {
      id: 'activities.participations',
      name: '委员参加活动',
      unit: '人次',
      definition: '上述活动中已签到的人次；报名或受邀而未签到的不计。',
      link,
    },
  ],
  compute: async (db, committeeId, p) => {
    const r = await queryOne<{ held: number; participations: number }>(
      db,
      sql`select count(*)::int as held,
          coalesce(sum((select count(*) from activity_participants x where x.committee_id = a.committee_id and x.activity_id = a.id
            and x.checked_in_at is not null)), 0)::int as participations
        from activities a where a.committee_id = ${committeeId} and a.status <> 'cancelled'
          and a.starts_at >= (${p.from}::date)::timestamp at time zone 'Asia/Shanghai'
          and a.starts_at < (${p.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`,
    );
    return { 'activities.held': r?.held ?? 0, 'activities.participations': r?.participations ?? 0 };
  },
  months: async (db, committeeId, from, to) =>
    byMonth(
      await query(
        db,
        sql`select ${beijingMonthSql('starts_at')} as month, count(*)::int as held from activities
          where committee_id = ${committeeId} and status <> 'cancelled' and ${withinDaysSql('starts_at', from, to)} group by 1`,
      ),
      { held: 'activities.held' },
    ),
};
