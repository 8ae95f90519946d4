// Opinion reports' figures in the registry, counted as the year figures count them (a report counts in its year).
import { sql } from 'drizzle-orm';
import { query } from '../../platform/db/client.ts';
import { figuresById } from '../../platform/figures/by-id.ts';
import { byMonth, heldMonthSql } from '../../platform/figures/period.ts';
import type { FigureGroup } from '../../platform/figures/registry.ts';
import { registryCounts } from './figures.ts';

const link = (p: { year: number | null }) => `/opinions/figures${p.year ? `?year=${p.year}` : ''}`;

export const opinionFigureGroup: FigureGroup = {
  module: 'opinions',
  moduleName: '社情民意信息',
  permission: 'opinion.figures',
  basis: 'year',
  sentence:
    '全年报送社情民意信息{{opinions.received}}条，编发{{opinions.compiled}}条，被采用{{opinions.adopted}}条，获领导批示{{opinions.instructions}}条，部门回复办理{{opinions.answered}}条。',
  figures: [
    {
      id: 'opinions.received',
      name: '报送社情民意信息',
      unit: '条',
      definition: '本年度委员、党派团体、信息员等报送及下级政协上报的信息；不含草稿。',
      link,
    },
    {
      id: 'opinions.compiled',
      name: '编发',
      unit: '条',
      definition: '编入本年度各期《社情民意》刊物的信息条数。',
      link,
    },
    {
      id: 'opinions.adopted',
      name: '被采用',
      unit: '条',
      definition: '本年度被各级党政机关采用的信息（同一条被多级采用各级分别计）。',
      link,
    },
    {
      id: 'opinions.instructions',
      name: '获领导批示',
      unit: '条',
      definition: '本年度获各级领导批示的信息（同一条在同一级多次批示计一条）。',
      link,
    },
    {
      id: 'opinions.answered',
      name: '部门回复办理',
      unit: '条',
      definition: '转交部门办理、部门回复已审核通过的信息。',
      link,
    },
  ],
  // Reports of the year by the month they were sent (the liaison office's trend).
  months: async (db, committeeId, from, to) =>
    byMonth(
      await query(
        db,
        sql`select ${heldMonthSql('coalesce(submitted_at, created_at)', from, to)} as month, count(*)::int as received
          from opinion_reports where committee_id = ${committeeId} and year = ${Number(from.slice(0, 4))}
            and state not in ('draft', 'none') group by 1`,
      ),
      { received: 'opinions.received' },
    ),
  compute: async (db, committeeId, period) => {
    const f = await registryCounts(db, committeeId, period.year as number);
    return figuresById('opinions', f);
  },
};
