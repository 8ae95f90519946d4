// 随手拍 in the figures registry: filed, accepted, dispatched, answered on time, overdue and disputed in the period, and
// the units' timeliness (answered on time / answered) that the appraisal of units reads.
import { sql } from 'drizzle-orm';
import { clockNow } from '../../platform/dates.ts';
import { queryOne } from '../../platform/db/client.ts';
import type { FigureGroup } from '../../platform/figures/registry.ts';
import { unitTimeliness } from './service.ts';

const day = (col: string) => sql.raw(`(${col} at time zone 'Asia/Shanghai')::date`);
const list = (q = '') => `/supervision${q}`;

export const supervisionFigureGroup: FigureGroup = {
  module: 'supervision',
  moduleName: '随手拍民主监督',
  permission: 'supervision.figures',
  basis: 'range',
  sentence:
    '委员提交随手拍{{supervision.filed}}件，受理{{supervision.accepted}}件，交办{{supervision.dispatched}}件，' +
    '承办单位按期答复{{supervision.answeredOnTime}}件，按期答复率{{supervision.timeliness}}%。',
  figures: [
    {
      id: 'supervision.filed',
      name: '提交随手拍',
      unit: '件',
      definition: '提交时间在期间内的随手拍。',
      link: () => list(),
    },
    {
      id: 'supervision.accepted',
      name: '受理',
      unit: '件',
      definition: '期间内提交、已受理的随手拍（不含不予受理和合并的）。',
      link: () => list(),
    },
    {
      id: 'supervision.dispatched',
      name: '交办',
      unit: '件',
      definition: '期间内最近一次交办承办单位的随手拍。',
      link: () => list('?state=dispatched'),
    },
    {
      id: 'supervision.answeredOnTime',
      name: '按期答复',
      unit: '件',
      definition: '期间内交办、在答复期限（工作日）内首次答复的随手拍。',
      link: () => list(),
    },
    {
      id: 'supervision.overdue',
      name: '超期未答复',
      unit: '件',
      definition: '期间内交办、已过答复期限仍未答复的随手拍（现在）。',
      link: () => list('?overdue=true'),
    },
    {
      id: 'supervision.disputed',
      name: '委员有异议',
      unit: '件',
      definition: '期间内委员对答复提出异议的随手拍（按最近一次异议的时间）。',
      link: () => list('?disputed=true'),
    },
    {
      id: 'supervision.timeliness',
      name: '按期答复率',
      unit: '%',
      definition: '期间内交办并已答复的随手拍中按期答复的比例（取整）；没有答复时为 0。',
      link: () => list(),
    },
  ],
  compute: async (db, committeeId, p) => {
    const inP = (col: string) => sql`${day(col)} between ${p.from}::date and ${p.to}::date`;
    const r = await queryOne<Record<string, number>>(
      db,
      sql`select count(*) filter (where ${inP('filed_at')})::int as filed,
          count(*) filter (where ${inP('filed_at')} and accepted_at is not null)::int as accepted,
          count(*) filter (where ${inP('dispatched_at')})::int as dispatched,
          count(*) filter (where ${inP('dispatched_at')} and answered_at is not null)::int as answered,
          count(*) filter (where ${inP('dispatched_at')} and answered_on_time)::int as on_time,
          count(*) filter (where ${inP('dispatched_at')} and state = 'dispatched' and due_at < ${clockNow().toISOString()})::int as overdue,
          count(*) filter (where ${inP('disputed_at')})::int as disputed
        from snapshot_reports where committee_id = ${committeeId}`,
    );
    const answered = r?.answered ?? 0;
    return {
      'supervision.filed': r?.filed ?? 0,
      'supervision.accepted': r?.accepted ?? 0,
      'supervision.dispatched': r?.dispatched ?? 0,
      'supervision.answeredOnTime': r?.on_time ?? 0,
      'supervision.overdue': r?.overdue ?? 0,
      'supervision.disputed': r?.disputed ?? 0,
      'supervision.timeliness': answered ? Math.round(((r?.on_time ?? 0) / answered) * 100) : 0,
    };
  },
  overdue: async (db, committeeId) => {
    const r = await queryOne<{ n: number }>(
      db,
      sql`select count(*)::int as n from snapshot_reports
        where committee_id = ${committeeId} and state = 'dispatched' and due_at < ${clockNow().toISOString()}`,
    );
    return [{ name: '随手拍超期未答复', count: r?.n ?? 0, link: list('?overdue=true') }];
  },
  unit: {
    figures: [
      {
        id: 'supervision.unit.dispatched',
        name: '交办本单位随手拍',
        unit: '件',
        definition: '期间内（按交办日期）交办本单位办理的随手拍；改交他单位的计入新单位。',
        link: () => '/supervision/unit',
      },
      {
        id: 'supervision.unit.answered',
        name: '随手拍已答复',
        unit: '件',
        definition: '期间内交办本单位、本单位已答复的。',
        link: () => '/supervision/unit',
      },
      {
        id: 'supervision.unit.answeredOnTime',
        name: '随手拍按期答复',
        unit: '件',
        definition: '已答复的随手拍中首次答复在期限内的。',
        link: () => '/supervision/unit',
      },
    ],
    compute: async (db, committeeId, unitId, p) => {
      const t = (await unitTimeliness(db, committeeId, p.from, p.to)).find((u) => u.unitId === unitId);
      return {
        'supervision.unit.dispatched': t?.dispatched ?? 0,
        'supervision.unit.answered': t?.answered ?? 0,
        'supervision.unit.answeredOnTime': t?.answeredOnTime ?? 0,
      };
    },
    overdue: async (db, committeeId, unitId) => {
      const r = await queryOne<{ n: number }>(
        db,
        sql`select count(*)::int as n from snapshot_reports where committee_id = ${committeeId} and unit_id = ${unitId}
          and state = 'dispatched' and due_at < ${clockNow().toISOString()}`,
      );
      return [{ name: '随手拍超期未答复', count: r?.n ?? 0, link: '/supervision/unit' }];
    },
  },
};
