// Activities' figures in the registry: activities carried out and participations, for any range of Beijing days.
import { sql } from 'drizzle-orm';
import { eventFigureGroup } from '../meetings/event-figures.ts';

export const activityFigureGroup = eventFigureGroup({
  module: 'activities',
  moduleName: '履职活动',
  path: '/activities',
  sentence: '全年组织视察、调研等履职活动{{activities.held}}次，委员参加{{activities.participations}}人次。',
  held: {
    id: 'activities.held',
    name: '组织履职活动',
    definition: '开始时间在期间内的视察、调研、考察、委员工作室、读书等活动；取消的不计。',
  },
  checkins: {
    id: 'activities.participations',
    name: '委员参加活动',
    definition: '上述活动中已签到的人次；报名或受邀而未签到的不计。',
  },
  table: 'activities',
  people: 'activity_participants',
  key: 'activity_id',
  counted: sql`status <> 'cancelled'`,
});
