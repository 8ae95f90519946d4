// Tasks and commitments in the figures registry: tasks sent and completed in the year (by the task's quarter), members
// with commitments, commitments kept.
import { sql } from 'drizzle-orm';
import { queryOne } from '../../platform/db/client.ts';
import type { FigureGroup } from '../../platform/figures/registry.ts';

export const taskFigureGroup: FigureGroup = {
  module: 'tasks',
  moduleName: '派单与承诺',
  permission: 'task.manage',
  basis: 'year',
  sentence:
    '全年向委员派发任务{{tasks.sent}}人次，完成{{tasks.completed}}人次；{{tasks.committedMembers}}名委员作出承诺{{tasks.commitments}}项，已践诺{{tasks.kept}}项。',
  figures: [
    {
      id: 'tasks.sent',
      name: '派单人次',
      unit: '人次',
      definition: '年度内各季度派发给委员的任务份数（含婉拒、调换）。',
      link: () => '/tasks',
    },
    {
      id: 'tasks.completed',
      name: '完成派单人次',
      unit: '人次',
      definition: '其中委员提交成果并完成的份数。',
      link: () => '/tasks',
    },
    {
      id: 'tasks.commitments',
      name: '委员承诺',
      unit: '项',
      definition: '年度内委员作出的承诺项数。',
      link: (p) => `/commitments?year=${p.from.slice(0, 4)}`,
    },
    {
      id: 'tasks.committedMembers',
      name: '作出承诺的委员',
      unit: '人',
      definition: '年度内至少作出一项承诺的委员人数。',
      link: (p) => `/commitments?year=${p.from.slice(0, 4)}`,
    },
    {
      id: 'tasks.kept',
      name: '已践诺',
      unit: '项',
      definition: '委员年终报告为已践诺的承诺项数。',
      link: (p) => `/commitments?year=${p.from.slice(0, 4)}`,
    },
  ],
  compute: async (db, committeeId, p) => {
    const year = Number(p.from.slice(0, 4));
    const r = await queryOne<{ sent: number; completed: number; commitments: number; members: number; kept: number }>(
      db,
      sql`select
        (select count(*)::int from task_assignments a join tasks t on t.committee_id = a.committee_id and t.id = a.task_id
          where a.committee_id = ${committeeId} and t.quarter like ${`${year}-Q%`}) as sent,
        (select count(*)::int from task_assignments a join tasks t on t.committee_id = a.committee_id and t.id = a.task_id
          where a.committee_id = ${committeeId} and t.quarter like ${`${year}-Q%`} and a.state = 'completed') as completed,
        (select count(*)::int from commitments where committee_id = ${committeeId} and year = ${year}) as commitments,
        (select count(distinct member_id)::int from commitments where committee_id = ${committeeId} and year = ${year}) as members,
        (select count(*)::int from commitments where committee_id = ${committeeId} and year = ${year} and kept) as kept`,
    );
    return {
      'tasks.sent': r?.sent ?? 0,
      'tasks.completed': r?.completed ?? 0,
      'tasks.commitments': r?.commitments ?? 0,
      'tasks.committedMembers': r?.members ?? 0,
      'tasks.kept': r?.kept ?? 0,
    };
  },
};
