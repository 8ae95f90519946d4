// Members' duty figures in the registry: duty records (facts not revoked) and the members they belong to, by the day
// the duty happened, for any range of Beijing days.
import { sql } from 'drizzle-orm';
import { queryOne } from '../../platform/db/client.ts';
import type { FigureGroup } from '../../platform/figures/registry.ts';

export const dutyFigureGroup: FigureGroup = {
  module: 'duty',
  moduleName: '委员履职',
  permission: 'duty.readAll',
  basis: 'range',
  sentence: '全年记录委员履职{{duty.facts}}条，{{duty.activeMembers}}名委员有履职记录。',
  figures: [
    {
      id: 'duty.facts',
      name: '履职记录',
      unit: '条',
      definition: '发生日期在期间内的委员履职记录（出席会议、参加活动、提案、社情民意、发言等）；已撤销的不计。',
      link: (p) => `/duty/scores?year=${p.from.slice(0, 4)}`,
    },
    {
      id: 'duty.activeMembers',
      name: '有履职记录的委员',
      unit: '人',
      definition: '期间内至少有一条未撤销履职记录的委员人数。',
      link: (p) => `/duty/scores?year=${p.from.slice(0, 4)}`,
    },
  ],
  compute: async (db, committeeId, p) => {
    const r = await queryOne<{ facts: number; members: number }>(
      db,
      sql`select count(*)::int as facts, count(distinct member_id)::int as members from duty_facts
        where committee_id = ${committeeId} and revoked_at is null and occurred_on between ${p.from}::date and ${p.to}::date`,
    );
    return { 'duty.facts': r?.facts ?? 0, 'duty.activeMembers': r?.members ?? 0 };
  },
};
