// Proposals' figures in the registry, from proposalFigures (a proposal counts in its 年度, so the basis is the year).
import { systemActor } from '../../platform/context.ts';
import type { FigureGroup } from '../../platform/figures/registry.ts';
import { deadlineBoard, proposalYearTotals } from './figures.ts';

const list = (p: { year: number | null }) => `/proposals${p.year ? `?year=${p.year}` : ''}`;

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
    return {
      'proposals.received': t.received,
      'proposals.registered': t.registered,
      'proposals.answered': t.answered,
      'proposals.solved': t.solved,
      'proposals.key': t.key,
    };
  },
  overdue: async (db, committeeId) => {
    const b = await deadlineBoard(db, systemActor(committeeId), { days: 0 });
    return [{ name: '提案办理超期', count: b.items.filter((i) => i.overdue).length, link: '/proposals/deadlines' }];
  },
};
