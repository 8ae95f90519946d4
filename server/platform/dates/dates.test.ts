// Beijing days and deadlines hold under any process TZ: each check runs under several zones (Node re-reads TZ).
import { afterAll, describe, expect, it } from 'vitest';
import {
  addDays,
  addMonthsClamped,
  beijingDateOf,
  beijingMonthOf,
  beijingToday,
  beijingYearOf,
  beijingYearRange,
  clockNow,
  daysBetween,
  deadlineMonthsAfter,
  deadlineOf,
  endOfBeijingDay,
  formatBeijingDate,
  formatBeijingDateTime,
  instantOf,
  isDay,
  setTestClock,
  startOfBeijingDay,
  weekdayOf,
} from '../dates.ts';

const ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
const originalTz = process.env.TZ;
afterAll(() => {
  process.env.TZ = originalTz;
  setTestClock(null);
});

describe.each(ZONES)('under TZ=%s', (zone) => {
  const inZone = (fn: () => void) => () => {
    process.env.TZ = zone;
    try {
      fn();
    } finally {
      process.env.TZ = originalTz;
    }
  };

  it(
    'gives the Beijing day and year of an instant: 2026-12-31T23:30Z is 1 January 2027',
    inZone(() => {
      const newYear = new Date('2026-12-31T23:30:00Z');
      expect(beijingDateOf(newYear)).toBe('2027-01-01');
      expect(beijingYearOf(newYear)).toBe(2027);
      expect(beijingMonthOf(newYear)).toBe('2027-01');
      expect(beijingToday(newYear)).toBe('2027-01-01');
      expect(beijingDateOf(new Date('2026-12-31T15:59:59.999Z'))).toBe('2026-12-31');
      expect(beijingDateOf(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    }),
  );

  it(
    'bounds a Beijing day by instants: a date-only deadline ends at 23:59:59.999 Beijing',
    inZone(() => {
      expect(startOfBeijingDay('2026-12-15').toISOString()).toBe('2026-12-14T16:00:00.000Z');
      expect(startOfBeijingDay('1988-06-01').toISOString()).toBe('1988-05-31T15:00:00.000Z'); // summer time then
      // Every day 1991–2040: its first instant is that Beijing day, the instant before it the day before.
      for (let day = '1991-01-01'; day < '2041-01-01'; day = addDays(day, 1)) {
        const start = startOfBeijingDay(day);
        expect([beijingDateOf(start), beijingDateOf(new Date(start.getTime() - 1))]).toEqual([day, addDays(day, -1)]);
      }
      expect(endOfBeijingDay('2026-12-15').toISOString()).toBe('2026-12-15T15:59:59.999Z');
      expect(deadlineOf('2026-12-15')?.toISOString()).toBe('2026-12-15T15:59:59.999Z');
      expect(deadlineOf('2026-12-15T09:00:00+08:00')?.toISOString()).toBe('2026-12-15T01:00:00.000Z');
      expect(deadlineOf('2026-02-30')).toBeNull();
      expect(instantOf('2026-12-10')?.toISOString()).toBe('2026-12-09T16:00:00.000Z');
      const y = beijingYearRange(2027);
      expect([y.start.toISOString(), y.end.toISOString()]).toEqual([
        '2026-12-31T16:00:00.000Z',
        '2027-12-31T16:00:00.000Z',
      ]);
    }),
  );

  it(
    'adds months clamped to the month end, and days across years',
    inZone(() => {
      expect(addMonthsClamped('2026-11-30', 3)).toBe('2027-02-28');
      expect(addMonthsClamped('2027-11-30', 3)).toBe('2028-02-29');
      expect(addMonthsClamped('2026-03-15', 3)).toBe('2026-06-15');
      expect(addMonthsClamped('2026-01-31', 1)).toBe('2026-02-28');
      expect(addMonthsClamped('2026-03-31', -1)).toBe('2026-02-28');
      expect(addMonthsClamped('2026-12-31', 12)).toBe('2027-12-31');
      expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
      expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
      expect(daysBetween('2026-11-30', '2027-02-28')).toBe(90);
      expect(weekdayOf('2026-02-14')).toBe(6);
      expect(weekdayOf('2026-02-15')).toBe(7);
      // Assigned at 09:00 Beijing on 30 November: due at the end of 28 February 2027 in Beijing.
      expect(deadlineMonthsAfter(new Date('2026-11-30T01:00:00Z'), 3).toISOString()).toBe('2027-02-28T15:59:59.999Z');
      // Assigned at 07:30 Beijing on 1 December (still 30 November in UTC): counted from 1 December.
      expect(deadlineMonthsAfter(new Date('2026-11-30T23:30:00Z'), 3).toISOString()).toBe('2027-03-01T15:59:59.999Z');
    }),
  );

  it(
    'shows one format in Beijing time',
    inZone(() => {
      expect(formatBeijingDateTime(new Date('2026-12-10T01:00:00Z'))).toBe('2026年12月10日 09:00');
      expect(formatBeijingDateTime('2026-12-31T23:30:00Z')).toBe('2027年1月1日 07:30');
      expect(formatBeijingDate('2026-12-15')).toBe('2026年12月15日');
      expect(formatBeijingDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027年1月1日');
      expect(formatBeijingDateTime(null)).toBe('—');
    }),
  );
});

describe('days and the test clock', () => {
  it('accepts only real days', () => {
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2027-02-29')).toBe(false);
    expect(isDay('2026-2-1')).toBe(false);
    expect(() => addDays('2026-13-01', 1)).toThrow();
  });

  it('stands still at the test clock', () => {
    setTestClock('2026-12-31T23:30:00Z');
    expect(clockNow().toISOString()).toBe('2026-12-31T23:30:00.000Z');
    expect(beijingToday()).toBe('2027-01-01');
    expect(beijingYearOf()).toBe(2027);
    setTestClock(null);
    expect(Math.abs(clockNow().getTime() - Date.now())).toBeLessThan(1000);
  });
});
