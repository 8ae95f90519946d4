// Periods of the figures: a year, half-year, quarter, month or any range of Beijing days, parsed from one query string
// ('2026', '2026-H1', '2026-Q3', '2026-05', '2026-01-01..2026-03-31') so a link to a figure carries its period.
import { sql } from 'drizzle-orm';
import { addDays, daysInMonth, isDay } from '../dates.ts';
import { badRequest } from '../errors.ts';
import type { MonthCounts } from './registry.ts';

export interface Period {
  /** First and last Beijing day, both included. */
  from: string;
  to: string;
  /** The calendar year when the period is exactly one whole year; figures kept by year are computed only then. */
  year: number | null;
  key: string;
  label: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function range(key: string, label: string, y: number, m1: number, m2: number): Period {
  return {
    from: `${y}-${pad(m1)}-01`,
    to: `${y}-${pad(m2)}-${pad(daysInMonth(y, m2))}`,
    year: m1 === 1 && m2 === 12 ? y : null,
    key,
    label,
  };
}

export function parsePeriod(raw: string): Period {
  const s = raw.trim();
  let m = /^(\d{4})$/.exec(s);
  if (m) return range(s, `${m[1]}年`, Number(m[1]), 1, 12);
  m = /^(\d{4})-H([12])$/.exec(s);
  if (m) {
    const h = Number(m[2]);
    return range(s, `${m[1]}年${h === 1 ? '上' : '下'}半年`, Number(m[1]), h === 1 ? 1 : 7, h === 1 ? 6 : 12);
  }
  m = /^(\d{4})-Q([1-4])$/.exec(s);
  if (m) {
    const q = Number(m[2]);
    return range(s, `${m[1]}年第${'一二三四'[q - 1]}季度`, Number(m[1]), q * 3 - 2, q * 3);
  }
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    return range(s, `${m[1]}年${Number(m[2])}月`, Number(m[1]), Number(m[2]), Number(m[2]));
  }
  m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(s);
  if (m && isDay(m[1]) && isDay(m[2]) && m[1] <= m[2]) {
    const [from, to] = [m[1], m[2]];
    const whole = from.endsWith('-01-01') && to === `${from.slice(0, 4)}-12-31`;
    return { from, to, year: whole ? Number(from.slice(0, 4)) : null, key: s, label: `${from}至${to}` };
  }
  throw badRequest(
    'figures.period',
    '「统计期间」应为年份（2026）、半年（2026-H1）、季度（2026-Q1）、月份（2026-03）或日期范围（2026-01-01..2026-03-31）',
    'period',
  );
}

/** The same days one year earlier (29 February becomes the 28th): 「同比」 compares a period with this. */
export function sameDaysLastYear(p: Period): Period {
  const back = (d: string) => {
    const y = Number(d.slice(0, 4)) - 1;
    const md = d.slice(5) === '02-29' ? '02-28' : d.slice(5);
    return `${y}-${md}`;
  };
  const from = back(p.from);
  const to = back(p.to);
  return {
    from,
    to,
    year: p.year === null ? null : p.year - 1,
    key: `${from}..${to}`,
    label: `${from}至${to}`,
  };
}

/** Each month of a period (for trend charts), clipped to the period's days. */
export function monthsOf(p: Period): Period[] {
  const out: Period[] = [];
  let d = `${p.from.slice(0, 7)}-01`;
  while (d <= p.to) {
    const y = Number(d.slice(0, 4));
    const mo = Number(d.slice(5, 7));
    const from = d < p.from ? p.from : d;
    const end = `${y}-${pad(mo)}-${pad(daysInMonth(y, mo))}`;
    const to = end > p.to ? p.to : end;
    out.push({ from, to, year: null, key: `${y}-${pad(mo)}`, label: `${mo}月` });
    d = addDays(end, 1);
  }
  return out;
}

/** SQL: the Beijing month 'YYYY-MM' of a timestamptz column — the key of FigureGroup.months. */
export const beijingMonthSql = (column: string) =>
  sql`to_char(${sql.raw(column)} at time zone 'Asia/Shanghai', 'YYYY-MM')`;

/** SQL: a timestamptz column within Beijing days `from`..`to` (both 'YYYY-MM-DD', inclusive). */
export const withinDaysSql = (column: string, from: string, to: string) =>
  sql`${sql.raw(column)} >= (${from}::date)::timestamp at time zone 'Asia/Shanghai'
    and ${sql.raw(column)} < (${to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`;

/** FigureGroup.months from rows of (month, one column per figure): `ids` maps a column to its figure id. */
export function byMonth(
  rows: ({ month: string } & Record<string, number | string>)[],
  ids: Record<string, string>,
): MonthCounts {
  return {
    figures: Object.values(ids),
    months: Object.fromEntries(
      rows.map((r) => [r.month, Object.fromEntries(Object.entries(ids).map(([col, id]) => [id, Number(r[col])]))]),
    ),
  };
}

/**
 * SQL: the month key of a row of a year-kept figure (a proposal's 年度), by the Beijing month of `column`, held within
 * `from`..`to`'s months, so that the months of a year add up to the year's figure (a proposal of next year filed in
 * December counts in January).
 */
export const heldMonthSql = (column: string, from: string, to: string) =>
  sql`least(greatest(${beijingMonthSql(column)}, ${from.slice(0, 7)}), ${to.slice(0, 7)})`;
