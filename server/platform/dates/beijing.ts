// Calendar days and instants in Beijing time (Asia/Shanghai), whatever the server's TZ: the only place that turns an
// instant into a day, year or month, or a date-only input into an instant. Units: a "day" is a Beijing calendar day
// written 'YYYY-MM-DD' (a string, never a Date); a Date is an instant. Rule source: DOMAIN.md (deadlines are calendar
// days and months as offices count them in China) and issue 10 § "Dates and deadlines in Beijing time".
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The committee's time zone (China has one, without daylight saving since 1991). */
export const BEIJING_TZ = 'Asia/Shanghai';

const BEIJING_OFFSET_MS = 8 * 3_600_000;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Splits a Beijing day 'YYYY-MM-DD' into numbers; throws on anything else (a programming error, not user input). */
function partsOf(day: string): [number, number, number] {
  const m = DAY_RE.exec(day);
  if (!m || !isDay(day)) throw new Error(`not a calendar day 'YYYY-MM-DD': ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Pure calendar arithmetic on UTC fields: the result never depends on the process TZ. */
function dayOfUtc(y: number, m: number, d: number): string {
  const t = new Date(Date.UTC(y, m - 1, d));
  const yy = t.getUTCFullYear();
  const mm = String(t.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(t.getUTCDate()).padStart(2, '0');
  return `${String(yy).padStart(4, '0')}-${mm}-${dd}`;
}

/** True when `s` is a real calendar day written 'YYYY-MM-DD' (2026-02-30 is not). */
export function isDay(s: string): boolean {
  const m = DAY_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Days in month `month` (1–12) of `year` (Gregorian). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// One formatter, made once: dayjs's tz() took 0.43 ms a call (formatToParts twice), the largest cost of a vote's
// duty fact in bench/discussions.ts; this takes microseconds. en-CA writes days as 'YYYY-MM-DD'.
const BEIJING_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: BEIJING_TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Beijing calendar day 'YYYY-MM-DD' of instant `d` (2026-12-31T23:30Z → '2027-01-01'). */
export function beijingDateOf(d: Date | string | number): string {
  return BEIJING_DAY.format(d instanceof Date ? d : new Date(d));
}

/** Today's Beijing calendar day 'YYYY-MM-DD' at instant `now` (default: the clock, see `clockNow`). */
export function beijingToday(now: Date = clockNow()): string {
  return beijingDateOf(now);
}

/** The Beijing calendar year of instant `d` (2026-12-31T23:30Z → 2027). */
export function beijingYearOf(d: Date | string | number = clockNow()): number {
  return Number(beijingDateOf(d).slice(0, 4));
}

/** The Beijing calendar month 'YYYY-MM' of instant `d`, for monthly counts. */
export function beijingMonthOf(d: Date | string | number): string {
  return beijingDateOf(d).slice(0, 7);
}

/** The instant Beijing day `day` begins (00:00:00.000 Beijing = 16:00Z the day before). */
export function startOfBeijingDay(day: string): Date {
  const [y, m, d] = partsOf(day);
  // China has kept UTC+8 without daylight saving since 1992: arithmetic, where dayjs's tz() cost a detail page's
  // every assignment a formatToParts (issue 18). Earlier days (summer time 1986–1991, local mean time) ask the zone data.
  if (y >= 1992) return new Date(Date.UTC(y, m - 1, d) - BEIJING_OFFSET_MS);
  return dayjs.tz(`${day}T00:00:00`, BEIJING_TZ).toDate();
}

/** The last instant of Beijing day `day` (23:59:59.999 Beijing): when a date-only deadline ends. */
export function endOfBeijingDay(day: string): Date {
  return new Date(startOfBeijingDay(addDays(day, 1)).getTime() - 1);
}

/** Day `day` plus `n` calendar days (n may be negative). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = partsOf(day);
  return dayOfUtc(y, m, d + n);
}

/**
 * Day `day` plus `months` calendar months, clamped to the end of a shorter month, as offices count "three months from"
 * (2026-11-30 + 3 → 2027-02-28; 2026-03-15 + 3 → 2026-06-15). `months` may be negative.
 */
export function addMonthsClamped(day: string, months: number): string {
  const [y, m, d] = partsOf(day);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = index - ty * 12 + 1;
  return dayOfUtc(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/** Calendar days from `from` to `to` (positive when `to` is later; same day → 0). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = partsOf(from);
  const [y2, m2, d2] = partsOf(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** ISO weekday of a Beijing day: 1 = Monday … 7 = Sunday. */
export function weekdayOf(day: string): number {
  const [y, m, d] = partsOf(day);
  const w = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return w === 0 ? 7 : w;
}

/**
 * A deadline `months` calendar months after instant `from`: the end of that Beijing day
 * (assigned 2026-11-30 in Beijing, 3 months → due at the end of 2027-02-28 in Beijing).
 */
export function deadlineMonthsAfter(from: Date, months: number): Date {
  return endOfBeijingDay(addMonthsClamped(beijingDateOf(from), months));
}

/** A deadline `days` calendar days after instant `from`: the end of that Beijing day. */
export function deadlineDaysAfter(from: Date, days: number): Date {
  return endOfBeijingDay(addDays(beijingDateOf(from), days));
}

/** When to remind of a deadline `daysBefore` days ahead: 09:00 Beijing on the day that many days before its day. */
export function reminderAt(dueAt: Date, daysBefore: number): Date {
  return new Date(startOfBeijingDay(addDays(beijingDateOf(dueAt), -daysBefore)).getTime() + 9 * 3_600_000);
}

/**
 * A deadline as a user or form gives it: a date-only 'YYYY-MM-DD' means the end of that day in Beijing; a full ISO
 * timestamp with a zone is that instant. Returns null for anything unreadable.
 */
export function deadlineOf(input: string | Date): Date | null {
  if (input instanceof Date) return Number.isNaN(input.getTime()) ? null : input;
  if (isDay(input)) return endOfBeijingDay(input);
  if (DAY_RE.test(input)) return null;
  const d = new Date(input);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Like `deadlineOf`, but a date-only input is the start of that Beijing day (a "from" bound, a meeting's day). */
export function instantOf(input: string | Date): Date | null {
  if (typeof input === 'string' && isDay(input)) return startOfBeijingDay(input);
  if (typeof input === 'string' && DAY_RE.test(input)) return null;
  const d = input instanceof Date ? input : new Date(input);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The instants a Beijing calendar year spans: [start, end) for range filters on timestamps. */
export function beijingYearRange(year: number): { start: Date; end: Date } {
  return { start: startOfBeijingDay(`${year}-01-01`), end: startOfBeijingDay(`${year + 1}-01-01`) };
}

/** The one display format of a time: 2026年12月10日 09:00 (Beijing time); '—' when empty. Same as web/app/format.ts. */
export function formatBeijingDateTime(d: Date | string | number | null | undefined): string {
  if (d === null || d === undefined || d === '') return '—';
  const t = dayjs(d);
  return t.isValid() ? t.tz(BEIJING_TZ).format('YYYY年M月D日 HH:mm') : '—';
}

/** The one display format of a day: 2026年12月10日; a 'YYYY-MM-DD' day is shown as written, an instant in Beijing. */
export function formatBeijingDate(d: Date | string | number | null | undefined): string {
  if (d === null || d === undefined || d === '') return '—';
  if (typeof d === 'string' && isDay(d)) {
    const [y, m, day] = partsOf(d);
    return `${y}年${m}月${day}日`;
  }
  const t = dayjs(d);
  return t.isValid() ? t.tz(BEIJING_TZ).format('YYYY年M月D日') : '—';
}

// The clock. Code that needs "now" for a date rule calls clockNow(), so a test can stand at 2026-12-31T23:30Z
// without faking timers (setTestClock); production never sets it.
let fixedNow: Date | null = null;

/** The current instant (the test clock when one is set). */
export function clockNow(): Date {
  return fixedNow ? new Date(fixedNow.getTime()) : new Date();
}

/** Tests only: makes clockNow() return `d` (null restores the real clock). */
export function setTestClock(d: Date | string | null): void {
  fixedNow = d === null ? null : new Date(d);
}
