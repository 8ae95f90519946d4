// Dates shown the Chinese way in Beijing time (2026年11月23日 14:05), whatever the browser's own time zone.
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import relativeTime from 'dayjs/plugin/relativeTime';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(relativeTime);
dayjs.locale('zh-cn');

/** Beijing time is UTC+8 all year and has been since 1991 (no summer time), so the browser shifts by a fixed 480
 *  minutes instead of asking the time-zone database: dayjs's tz() cost ~140 ms of a phone's first screen (its first
 *  Intl.DateTimeFormat and formatToParts on every call). The server keeps the time-zone database (Intl) — see
 *  docs/decisions/0022-fixed-beijing-offset-in-the-browser.md. */
const BEIJING_OFFSET_MINUTES = 8 * 60;
const beijing = (d: Dayjs) => d.utcOffset(BEIJING_OFFSET_MINUTES);
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

type DateInput = string | number | Date | Dayjs | null | undefined;

function toShanghai(value: DateInput): Dayjs | null {
  if (value === null || value === undefined || value === '') return null;
  // A plain calendar date has no time zone: show it as written.
  if (typeof value === 'string' && DATE_ONLY.test(value)) return dayjs(value);
  const d = dayjs(value);
  return d.isValid() ? beijing(d) : null;
}

/** 2026年11月23日 14:05 — or '—' when there is no value. */
export function formatDateTime(value: DateInput): string {
  return toShanghai(value)?.format('YYYY年M月D日 HH:mm') ?? '—';
}

/** 2026年11月23日 — or '—' when there is no value. */
export function formatDate(value: DateInput): string {
  return toShanghai(value)?.format('YYYY年M月D日') ?? '—';
}

/** 3 分钟前, 2 天前 … for recent events. */
export function formatRelative(value: DateInput): string {
  const d = toShanghai(value);
  return d ? d.fromNow() : '—';
}

/** A date picker's value as the API's YYYY-MM-DD. */
export function toApiDate(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format('YYYY-MM-DD') : undefined;
}

/** The current year in Beijing (on 1 January at 07:30 Beijing it is already the new year, whatever the browser's zone). */
export function beijingYear(): number {
  return beijing(dayjs()).year();
}

/** Today's Beijing calendar day as a date picker's value (a local dayjs on that day, sent on as YYYY-MM-DD). */
export function beijingToday(): Dayjs {
  return dayjs(beijing(dayjs()).format('YYYY-MM-DD'));
}

/** The current hour in Beijing (0–23), for greetings. */
export function shanghaiHour(): number {
  return beijing(dayjs()).hour();
}

export { dayjs };
