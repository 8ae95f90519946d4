// Consultation's figures in the registry: events held and outcomes, by year, counted as the year figures pages count
// them (figures-events.ts, outcome-figures.ts) in one round trip each.
import { beijingYearOf } from '../../platform/dates.ts';
import { figuresById } from '../../platform/figures/by-id.ts';
import type { FigureGroup } from '../../platform/figures/registry.ts';
import { registryCounts } from './figures-events.ts';
import { outcomeRegistryCounts, outcomeUnitCounts } from './outcome-figures.ts';

const events = () => '/consultations/events';
const outcomes = () => '/consultations/figures';

export const consultationFigureGroup: FigureGroup = {
  module: 'consultations',
  moduleName: '协商议政',
  permission: 'consultation.figures',
  basis: 'year',
  sentence:
    '全年共开展协商{{consultations.consultations}}次、民主监督{{consultations.supervisions}}次，参加{{consultations.participants}}人次，发言{{consultations.speeches}}篇。',
  figures: [
    {
      id: 'consultations.consultations',
      name: '开展协商',
      unit: '次',
      definition: '本年度已举行的协商活动（已举行、已形成纪要、已办结），按举行日期计；筹备中和取消的不计。',
      link: events,
    },
    {
      id: 'consultations.supervisions',
      name: '开展民主监督',
      unit: '次',
      definition: '本年度已举行的民主监督活动，口径同协商活动。',
      link: events,
    },
    {
      id: 'consultations.participants',
      name: '参加协商监督',
      unit: '人次',
      definition: '本年度已举行活动的参加人次（委员、部门、专家等均计）。',
      link: events,
    },
    {
      id: 'consultations.speeches',
      name: '报名发言',
      unit: '篇',
      definition: '本年度已举行活动中的发言（撤回的不计）。',
      link: events,
    },
  ],
  compute: async (db, committeeId, period) =>
    figuresById('consultations', await registryCounts(db, committeeId, period.year as number)),
};

export const outcomeFigureGroup: FigureGroup = {
  module: 'outcomes',
  moduleName: '协商成果',
  permission: 'consultationOutcome.figures',
  basis: 'year',
  sentence:
    '全年报送协商成果{{outcomes.submitted}}件，获领导批示{{outcomes.instructions}}次，部门反馈{{outcomes.fedBack}}件。',
  figures: [
    {
      id: 'outcomes.submitted',
      name: '报送协商成果',
      unit: '件',
      definition: '本年度报送党委政府的协商成果（按报送日期）；未报送的草稿不计。',
      link: outcomes,
    },
    {
      id: 'outcomes.instructions',
      name: '协商成果获批示',
      unit: '次',
      definition: '本年度各级领导对协商成果的批示次数（按批示日期）。',
      link: outcomes,
    },
    {
      id: 'outcomes.fedBack',
      name: '部门反馈',
      unit: '件',
      definition: '本年度报送成果中承办部门已反馈的部门件数。',
      link: outcomes,
    },
  ],
  compute: async (db, committeeId, period) => {
    const f = await outcomeRegistryCounts(db, committeeId, period.year as number);
    return {
      'outcomes.submitted': f.submitted,
      'outcomes.instructions': f.instructions,
      'outcomes.fedBack': f.fed_back,
    };
  },
  overdue: async (db, committeeId) => {
    const f = await outcomeRegistryCounts(db, committeeId, beijingYearOf());
    return [{ name: '协商成果反馈超期', count: f.overdue, link: '/consultations/figures' }];
  },
  unit: {
    figures: [
      {
        id: 'outcomes.unit.handed',
        name: '交办本单位协商成果',
        unit: '件',
        definition: '本年度报送的协商成果中交办本单位办理的（每轮交办计一次，「回头看」再交办另计）。',
        link: () => '/consultations/outcomes/unit',
      },
      {
        id: 'outcomes.unit.fedBack',
        name: '已反馈采纳落实情况',
        unit: '件',
        definition: '交办本单位的协商成果中本单位已反馈的。',
        link: () => '/consultations/outcomes/unit',
      },
    ],
    compute: async (db, committeeId, unitId, period) => {
      const f = await outcomeUnitCounts(db, committeeId, unitId, period.year as number);
      return { 'outcomes.unit.handed': f.handed, 'outcomes.unit.fedBack': f.fed_back };
    },
    overdue: async (db, committeeId, unitId) => {
      const f = await outcomeUnitCounts(db, committeeId, unitId, beijingYearOf());
      return [{ name: '协商成果反馈超期', count: f.overdue, link: '/consultations/outcomes/unit' }];
    },
  },
};
