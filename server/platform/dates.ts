// The ONE module that computes dates: Beijing calendar days ('YYYY-MM-DD' strings) and instants (Date), deadlines,
// and the working-day calendar (chinese-days data + per-committee overrides). See docs/decisions/0007-beijing-dates.md.
export * from './dates/beijing.ts';
export * from './dates/working-days.ts';

/**
 * A database timestamp (a Date, or the string a driver gives) as the ISO 8601 UTC string the API returns, e.g.
 * '2026-03-01T02:00:00.000Z'; null, undefined or an empty value gives null. Throws RangeError on an unreadable string.
 * Usage: `checkedInAt: iso(r.checked_in_at)`.
 */
export const iso = (d: unknown): string | null => (d ? new Date(d as string).toISOString() : null);
