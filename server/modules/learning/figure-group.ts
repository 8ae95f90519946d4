// Learning's figures in the registry: materials published, study sessions held, attendances and reflections, for any
// range of Beijing days (each row carries its own date, so a quarter or a month is counted as exactly as a year).
import { sql } from 'drizzle-orm';
import { query, queryOne } from '../../platform/db/client.ts';
import { figuresById } from '../../platform/figures/by-id.ts';
import { beijingMonthSql, byMonth, type Period, withinDaysSql } from '../../platform/figures/period.ts';
import type { FigureGroup } from '../../platform/figures/registry.ts';

const link = () => '/learning';
const within = (col: string, p: Period) =>
  sql`${sql.raw(col)} >= (${p.from}::date)::timestamp at time zone 'Asia/Shanghai'
    and ${sql.raw(col)} < (${p.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`;

export const learningFigureGroup: FigureGroup = {
  module: 'learning',
  moduleName: '委员学习',
  permission: 'learning.figures',
  basis: 'range',
  sentence:
    '全年发布学习资料{{learning.materials}}篇，举办学习培训{{learning.sessions}}场，委员参加学习{{learning.attendances}}人次，提交学习心得{{learning.reflections}}篇。',
  figures: [
    {
      id: 'learning.materials',
      name: '发布学习资料',
      unit: '篇',
      definition: '发布时间在期间内、目前仍为已发布状态的学习资料；草稿和已撤回的不计。',
      link,
    },
    {
      id: 'learning.sessions',
      name: '举办学习培训',
      unit: '场',
      definition: '开始时间在期间内、已结束并确认考勤的学习培训；待举行和取消的不计。',
      link,
    },
    {
      id: 'learning.attendances',
      name: '委员参加学习',
      unit: '人次',
      definition: '期间内已举行的学习培训中确认出席的委员人次；缺席、请假的不计。',
      link,
    },
    {
      id: 'learning.reflections',
      name: '提交学习心得',
      unit: '篇',
      definition: '提交时间在期间内的学习心得（含待审、已采纳和退回修改的）；未提交的草稿不计。',
      link,
    },
  ],
  compute: async (db, c, p) => {
    const r = await queryOne<Record<string, number>>(
      db,
      sql`select
        (select count(*)::int from learning_materials where committee_id = ${c} and state = 'published'
          and ${within('published_at', p)}) as materials,
        (select count(*)::int from learning_sessions where committee_id = ${c} and state = 'held'
          and ${within('starts_at', p)}) as sessions,
        (select count(*)::int from learning_attendance a join learning_sessions s
          on s.committee_id = a.committee_id and s.id = a.session_id
          where a.committee_id = ${c} and s.state = 'held' and ${within('s.starts_at', p)}) as attendances,
        (select count(*)::int from learning_reflections where committee_id = ${c} and state <> 'draft'
          and ${within('submitted_at', p)}) as reflections`,
    );
    return figuresById('learning', r);
  },
  months: async (db, c, from, to) =>
    byMonth(
      await query(
        db,
        sql`select ${beijingMonthSql('starts_at')} as month, count(*)::int as sessions from learning_sessions
          where committee_id = ${c} and state = 'held' and ${withinDaysSql('starts_at', from, to)} group by 1`,
      ),
      { sessions: 'learning.sessions' },
    ),
};
