// Working days across the 2026 Spring Festival (holiday 15–23 February, make-up Saturdays 14 and 28 February per the
// State Council notice, as published in chinese-days) and the administrator's overrides for a year not yet published.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestContext } from '../../test/harness.ts';
import {
  addDays,
  addWorkingDays,
  addWorkingDaysIn,
  beijingToday,
  isNationalWorkingDay,
  isWorkingDay,
  PACKAGE_YEARS,
  workingDaysBetween,
} from '../dates.ts';
import { query } from '../db/client.ts';

let t: TestContext;
let committeeId: number;
let countyId: number;
const originalTz = process.env.TZ;

beforeAll(async () => {
  t = await createTestApp();
  committeeId = (await login(t.app, 'admin')).me.committee.id;
  countyId = (await login(t.app, 'county_admin')).me.committee.id;
});
afterAll(async () => {
  process.env.TZ = originalTz;
  await t.close();
});

describe('the national calendar', () => {
  it.each(['UTC', 'America/Los_Angeles', 'Asia/Shanghai'])('knows the Spring Festival 2026 under TZ=%s', (zone) => {
    process.env.TZ = zone;
    expect(isNationalWorkingDay('2026-02-13')).toBe(true); // Friday
    expect(isNationalWorkingDay('2026-02-14')).toBe(true); // Saturday, 调休上班
    expect(isNationalWorkingDay('2026-02-16')).toBe(false); // Monday, 春节
    expect(isNationalWorkingDay('2026-02-23')).toBe(false); // Monday, last day off
    expect(isNationalWorkingDay('2026-02-28')).toBe(true); // Saturday, 调休上班
    expect(isNationalWorkingDay('2026-03-01')).toBe(false); // Sunday
    expect(isNationalWorkingDay('2027-03-06')).toBe(false); // a Saturday of a year not published: weekend
    process.env.TZ = originalTz;
  });

  it('covers the years the package publishes', () => {
    expect(PACKAGE_YEARS.first).toBe(2004);
    expect(PACKAGE_YEARS.last).toBeGreaterThanOrEqual(2026);
  });
});

describe('working-day arithmetic', () => {
  it('counts across the Spring Festival and its make-up Saturdays', async () => {
    const add = (day: string, n: number) => addWorkingDays(t.database.db, committeeId, day, n);
    expect(await add('2026-02-13', 1)).toBe('2026-02-14');
    expect(await add('2026-02-13', 2)).toBe('2026-02-24');
    expect(await add('2026-02-13', 6)).toBe('2026-02-28');
    expect(await add('2026-02-13', 7)).toBe('2026-03-02');
    // "N working days before the meeting" on Tuesday 24 February.
    expect(await add('2026-02-24', -1)).toBe('2026-02-14');
    expect(await add('2026-02-24', -2)).toBe('2026-02-13');
    expect(await add('2026-02-15', 0)).toBe('2026-02-24');
    expect(await workingDaysBetween(t.database.db, committeeId, '2026-02-13', '2026-03-02')).toBe(7);
    expect(await workingDaysBetween(t.database.db, committeeId, '2026-02-24', '2026-02-13')).toBe(-2);
  });

  it('round-trips: workingDaysBetween(a, addWorkingDays(a, n)) = n', async () => {
    const cal = { isWorkingDay: isNationalWorkingDay };
    for (const n of [-15, -3, -1, 1, 4, 10, 30]) {
      const b = addWorkingDaysIn(cal, '2026-09-28', n);
      expect(await workingDaysBetween(t.database.db, committeeId, '2026-09-28', b)).toBe(n);
    }
  });
});

describe('administrator overrides', () => {
  it('sets, lists and clears a day for its own committee only, audited', async () => {
    const admin = await login(t.app, 'admin');
    // 2027 is not published yet: Monday 8 February set as 春节 off, Saturday 6 February as make-up working day.
    expect(await isWorkingDay(t.database.db, committeeId, '2027-02-08')).toBe(true);
    expect(
      (await admin.put('/api/settings/working-calendar/2027-02-08', { isWorkingDay: false, note: '春节' })).status,
    ).toBe(200);
    expect(
      (await admin.put('/api/settings/working-calendar/2027-02-06', { isWorkingDay: true, note: '春节调休上班' }))
        .status,
    ).toBe(200);
    expect(await isWorkingDay(t.database.db, committeeId, '2027-02-08')).toBe(false);
    expect(await isWorkingDay(t.database.db, countyId, '2027-02-08')).toBe(true);
    expect(await addWorkingDays(t.database.db, committeeId, '2027-02-05', 1)).toBe('2027-02-06');
    expect(await addWorkingDays(t.database.db, committeeId, '2027-02-06', 1)).toBe('2027-02-09');
    expect(await addWorkingDays(t.database.db, countyId, '2027-02-05', 1)).toBe('2027-02-08');

    const list = await admin.get('/api/settings/working-calendar?year=2027');
    expect(list.status).toBe(200);
    expect(list.body.packageCovers).toBe(PACKAGE_YEARS.last >= 2027);
    const feb8 = list.body.items.find((i: any) => i.day === '2027-02-08');
    expect(feb8).toMatchObject({ isWorkingDay: false, nationalWorkingDay: true, override: { note: '春节' } });

    const spring = await admin.get('/api/settings/working-calendar?year=2026');
    expect(spring.body.items.find((i: any) => i.day === '2026-02-14')).toMatchObject({
      isWorkingDay: true,
      name: '春节调休上班',
      override: null,
    });

    expect((await admin.del('/api/settings/working-calendar/2027-02-08')).status).toBe(200);
    expect(await isWorkingDay(t.database.db, committeeId, '2027-02-08')).toBe(true);

    const audit = await query<{ action: string; entityId: string }>(
      t.database.db,
      sql`select action, entity_id as "entityId" from audit_log where committee_id = ${committeeId}
        and entity_id like 'working_calendar:%' order by seq`,
    );
    expect(audit.map((a) => `${a.action} ${a.entityId}`)).toEqual([
      'settings.working_day_set working_calendar:2027-02-08',
      'settings.working_day_set working_calendar:2027-02-06',
      'settings.working_day_clear working_calendar:2027-02-08',
    ]);
    // The audit page's day filter takes Beijing days: today's entries are found under today's Beijing date only.
    const today = beijingToday();
    const found = await admin.get(`/api/audit?entity=setting&from=${today}&to=${today}&pageSize=100`);
    expect(found.body.items.some((i: any) => i.entityId === 'working_calendar:2027-02-08')).toBe(true);
    const tomorrow = addDays(today, 1);
    const none = await admin.get(`/api/audit?entity=setting&from=${tomorrow}&to=${tomorrow}&pageSize=100`);
    expect(none.body.items).toEqual([]);
  });

  it('refuses bad days and people without the right, ignores a committee in the body', async () => {
    const admin = await login(t.app, 'admin');
    const bad = await admin.put('/api/settings/working-calendar/2027-02-30', { isWorkingDay: false });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('日期');
    const extra = await admin.put('/api/settings/working-calendar/2027-03-01', { isWorkingDay: false, committeeId: 2 });
    // Unknown fields are dropped (the app's ajv removes them): the committee comes from the session only.
    expect(extra.status).toBe(200);
    expect(await isWorkingDay(t.database.db, committeeId, '2027-03-01')).toBe(false);
    expect(await isWorkingDay(t.database.db, countyId, '2027-03-01')).toBe(true);
    const member = await login(t.app, 'member001');
    expect((await member.put('/api/settings/working-calendar/2027-03-01', { isWorkingDay: false })).status).toBe(403);
    expect((await member.get('/api/settings/working-calendar')).status).toBe(403);
  });
});
