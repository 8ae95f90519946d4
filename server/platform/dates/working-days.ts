// The working-day calendar: China's public holidays and make-up working days (调休) as published by the State Council,
// taken from the chinese-days package's data, then each committee's administrator overrides (table working_calendar)
// for years the package does not cover yet or local changes. Days are Beijing calendar days 'YYYY-MM-DD'.
import { createRequire } from 'node:module';
import { sql } from 'drizzle-orm';
import { type Db, query } from '../db/client.ts';
import { addDays, daysBetween, weekdayOf } from './beijing.ts';

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

// The package's own functions read weekdays in the process TZ (2027-03-06, a Saturday, is a working day under
// TZ=America/Los_Angeles), so only its published data is used and weekdays are computed here.
const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData;
const years = Object.keys(data.holidays).map((d) => Number(d.slice(0, 4)));

/** The years whose holidays and 调休 the chinese-days package publishes (2004 … its latest year). */
export const PACKAGE_YEARS = { first: Math.min(...years), last: Math.max(...years) };

/** Longest run of non-working days ever searched through before giving up (guards against a calendar of holidays). */
const MAX_SCAN_DAYS = 366 * 3;

/** Working day by the national calendar only: a holiday is off, a 调休 day is on, else Monday–Friday. */
export function isNationalWorkingDay(day: string): boolean {
  if (data.holidays[day] !== undefined) return false;
  if (data.workdays[day] !== undefined) return true;
  return weekdayOf(day) <= 5;
}

/** The national calendar's name for a day (e.g. 春节, 春节调休上班), or '' for an ordinary day. */
export function nationalDayName(day: string): string {
  const h = data.holidays[day];
  if (h !== undefined) return h.split(',')[1] ?? '';
  const w = data.workdays[day];
  if (w !== undefined) return `${w.split(',')[1] ?? ''}调休上班`;
  return '';
}

/** A committee's calendar: the overrides it has set, looked up without a query per day. */
export interface WorkingCalendar {
  isWorkingDay(day: string): boolean;
}

/** Loads the committee's overrides once; use it for many days (lists, jobs). */
export async function loadWorkingCalendar(db: Db, committeeId: number): Promise<WorkingCalendar> {
  const rows = await query<{ day: string; isWorkingDay: boolean }>(
    db,
    sql`select to_char(day, 'YYYY-MM-DD') as "day", is_working_day as "isWorkingDay"
      from working_calendar where committee_id = ${committeeId}`,
  );
  const overrides = new Map(rows.map((r) => [r.day, r.isWorkingDay]));
  return { isWorkingDay: (day) => overrides.get(day) ?? isNationalWorkingDay(day) };
}

/** Whether Beijing day `day` is a working day for the committee (its override, else the national calendar). */
export async function isWorkingDay(db: Db, committeeId: number, day: string): Promise<boolean> {
  return (await loadWorkingCalendar(db, committeeId)).isWorkingDay(day);
}

/**
 * The n-th working day after `day` (n > 0), or before it (n < 0: "N working days before the meeting"); `day` itself
 * is never counted. n = 0 gives `day` when it is a working day, else the next working day.
 */
export function addWorkingDaysIn(cal: WorkingCalendar, day: string, n: number): string {
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let d = day;
  if (left === 0) {
    for (let i = 0; !cal.isWorkingDay(d) && i < MAX_SCAN_DAYS; i++) d = addDays(d, 1);
    return d;
  }
  for (let scanned = 0; left > 0; scanned++) {
    if (scanned > MAX_SCAN_DAYS + Math.abs(n) * 7) throw new Error(`no working day found from ${day}`);
    d = addDays(d, step);
    if (cal.isWorkingDay(d)) left--;
  }
  return d;
}

/** `addWorkingDaysIn` with the committee's calendar. */
export async function addWorkingDays(db: Db, committeeId: number, day: string, n: number): Promise<string> {
  return addWorkingDaysIn(await loadWorkingCalendar(db, committeeId), day, n);
}

/**
 * Working days in (from, to]: `from` excluded, `to` included, so that workingDaysBetween(a, addWorkingDays(a, n)) = n;
 * negative when `to` is before `from`.
 */
export function workingDaysBetweenIn(cal: WorkingCalendar, from: string, to: string): number {
  const span = daysBetween(from, to);
  const step = span < 0 ? -1 : 1;
  let count = 0;
  // Counting backwards mirrors forwards: days in [to, from) are counted, negated.
  for (let i = 0; i < Math.abs(span); i++) {
    const d = step > 0 ? addDays(from, i + 1) : addDays(from, -i - 1);
    if (cal.isWorkingDay(d)) count++;
  }
  return step * count;
}

/** `workingDaysBetweenIn` with the committee's calendar. */
export async function workingDaysBetween(db: Db, committeeId: number, from: string, to: string): Promise<number> {
  return workingDaysBetweenIn(await loadWorkingCalendar(db, committeeId), from, to);
}
