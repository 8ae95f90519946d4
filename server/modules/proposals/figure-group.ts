// Proposals' figures in the registry, from proposalFigures (a proposal counts in its 年度, so the basis is the year).

import { sql } from 'drizzle-orm';
import { systemActor } from '../../platform/context.ts';
import { beijingYearOf } from '../../platform/dates.ts';
import { query } from '../../platform/db/client.ts';
import { figuresById } from '../../platform/figures/by-id.ts';
import { byMonth, heldMonthSql } from '../../platform/figures/period.ts';
import type { FigureGroup } from '../../platform/figures/registry.ts';
import { deadlineBoard, proposalYearTotals } from './figures.ts';
import { OFFICE_STATES } from './states.ts';
import { unitProposalTotals } from './unit-figures.ts';

const list = (p: { year: number | null }) => `/proposals${p.year ? `?year=${p.year}` : ''}`;
/** The unit's inbox for the year, narrowed by the assignment's state. */
const inbox = (state?: string) => (p: { year: number | null }) =>
  `/proposals/inbox?${p.year ? `year=${p.year}` : ''}${state ? `&assignmentState=${state}` : ''}`;
const rated = (name: string, rating: string) => ({
  id: `proposals.unit.${rating}`,
  name: `提案人评价${name}`,
  unit: '件',
  definition: `本单位主办（或分办）并已答复的本年度提案中，提案人本轮评价为「${name}」的评价数（一件提案可有多位提案人评价）。`,
  link: (p: { year: number | null }) => `/proposals/unit-figures${p.year ? `?year=${p.year}` : ''}`,
});

export const proposalFigureGroup: FigureGroup = {
  module: 'proposals',
  moduleName: '提案',
  permission: 'proposal.figures',
  basis: 'year',
  sentence:
    '全年共收到提案{{proposals.received}}件，立案{{proposals.registered}}件，已办理答复{{proposals.answered}}件，所提问题已解决或建议被采纳的{{proposals.solved}}件；确定重点提案{{proposals.key}}件。',
  figures: [
    {
      id: 'proposals.received',
      name: '收到提案',
      unit: '件',
      definition: '本年度提交到提案委的提案，含立案、不予立案、并案、转社情民意的；不含草稿、联名未确认和撤回的。',
      link: list,
    },
    {
      id: 'proposals.registered',
      name: '立案',
      unit: '件',
      definition: '本年度经审查立案的提案（交办中、已答复、已办结）；不含并入他案的和不予立案的。',
      link: list,
    },
    {
      id: 'proposals.answered',
      name: '已办理答复',
      unit: '件',
      definition: '立案提案中承办单位答复已通过审核（已答复或已办结）的；正在办理的不计。',
      link: list,
    },
    {
      id: 'proposals.solved',
      name: '问题已解决或建议被采纳',
      unit: '件',
      definition: '立案提案中办理结果类别属于「已解决或采纳」的（按当年提案办理规则的结果分类）。',
      link: list,
    },
    {
      id: 'proposals.key',
      name: '重点提案',
      unit: '件',
      definition: '本年度确定为重点提案的件数（含重点督办）。',
      link: () => '/proposals/key',
    },
  ],
  compute: async (db, committeeId, period) => {
    const t = await proposalYearTotals(db, committeeId, period.year as number);
    return figuresById('proposals', t);
  },
  // Received proposals of the year by the month they were submitted (the proposals staff's trend).
  months: async (db, committeeId, from, to) =>
    byMonth(
      await query(
        db,
        sql`select ${heldMonthSql('coalesce(p.submitted_at, p.created_at)', from, to)} as month, count(*)::int as received
          from proposals p where p.committee_id = ${committeeId} and p.year = ${Number(from.slice(0, 4))}
            and p.state = any(${sql.param(OFFICE_STATES)}::text[]) and p.state <> 'withdrawn' group by 1`,
      ),
      { received: 'proposals.received' },
    ),
  overdue: async (db, committeeId) => {
    const b = await deadlineBoard(db, systemActor(committeeId), { days: 0 });
    return [{ name: '提案办理超期', count: b.items.filter((i) => i.overdue).length, link: '/proposals/deadlines' }];
  },
  unit: {
    figures: [
      {
        id: 'proposals.unit.assigned',
        name: '交办本单位提案',
        unit: '件',
        definition: '本年度提案中交办本单位（主办、分办或协办）的件数；退回后改交他单位的不计。',
        link: inbox(),
      },
      {
        id: 'proposals.unit.replied',
        name: '已答复',
        unit: '件',
        definition: '交办本单位的提案中，本单位答复已通过提案委审核的（协办：已提出协办意见的）。',
        link: inbox('done'),
      },
      {
        id: 'proposals.unit.onTime',
        name: '按期答复',
        unit: '件',
        definition: '已答复的提案中，审核通过的答复在办理期限内提交的。',
        link: inbox('done'),
      },
      {
        id: 'proposals.unit.overdue',
        name: '超期未答复',
        unit: '件',
        definition: '交办本单位、尚未答复且已过办理期限的（现在）。',
        link: () => '/proposals/inbox?queue=overdue',
      },
      rated('满意', 'satisfied'),
      rated('基本满意', 'partlySatisfied'),
      rated('不满意', 'unsatisfied'),
    ],
    overdue: async (db, committeeId, unitId) => {
      const t = await unitProposalTotals(db, committeeId, unitId, beijingYearOf());
      return [{ name: '提案办理超期', count: t.overdue, link: '/proposals/inbox?queue=overdue' }];
    },
    compute: async (db, committeeId, unitId, period) => {
      const t = await unitProposalTotals(db, committeeId, unitId, period.year as number);
      return {
        'proposals.unit.assigned': t.assigned,
        'proposals.unit.replied': t.replied,
        'proposals.unit.onTime': t.on_time,
        'proposals.unit.overdue': t.overdue,
        'proposals.unit.satisfied': t.satisfied,
        'proposals.unit.partlySatisfied': t.partly,
        'proposals.unit.unsatisfied': t.unsatisfied,
      };
    },
  },
};
