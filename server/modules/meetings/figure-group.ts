// Meetings' figures in the registry: meetings held and attendances, for any range of Beijing days.
import { sql } from 'drizzle-orm';
import { eventFigureGroup } from './event-figures.ts';

export const meetingFigureGroup = eventFigureGroup({
  module: 'meetings',
  moduleName: '会议',
  path: '/meetings',
  sentence: '全年召开各类会议{{meetings.held}}次，委员出席{{meetings.attendances}}人次。',
  held: {
    id: 'meetings.held',
    name: '召开会议',
    definition: '开始时间在期间内、已结束的全体会议、常委会议、主席会议、专委会和界别会议；计划中和取消的不计。',
  },
  checkins: {
    id: 'meetings.attendances',
    name: '委员出席会议',
    definition: '上述会议中已签到（扫码或工作人员登记）的人次；请假和缺席不计。',
  },
  table: 'meetings',
  people: 'meeting_invitees',
  key: 'meeting_id',
  counted: sql`status = 'closed'`,
});
