// The opinion figures' 「每月收到信息」: reports received per Beijing calendar month, recounted from the rows in
// JavaScript (UTC+8, no database time zone involved) and compared with the API; the year sentence uses a Chinese comma.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { query } from '../../platform/db/client.ts';
import { testAppForFile } from '../../test/harness.ts';
import { ELEVATOR } from './test-helpers.ts';

const t = testAppForFile({ staff: 'liaison_staff', member: 'member050' });

describe('reports received per month', () => {
  it('counts eight reports in November (one at 00:30 on 1 November Beijing time) and one at 01:00 on 1 December in December', async () => {
    const at = [
      '2026-11-02T01:00:00Z',
      '2026-11-05T08:00:00Z',
      '2026-11-10T08:00:00Z',
      '2026-11-16T08:00:00Z',
      '2026-11-20T08:00:00Z',
      '2026-11-25T08:00:00Z',
      '2026-11-30T15:30:00Z', // 23:30 on 30 November in Beijing
      '2026-11-30T17:00:00Z', // 01:00 on 1 December in Beijing
      '2026-10-31T16:30:00Z', // 00:30 on 1 November in Beijing
    ];
    for (const [i, when] of at.entries()) {
      const res = await t.member.post('/api/opinions', {
        ...ELEVATOR,
        title: `关于老旧小区加装电梯的建议（${i + 1}）`,
        submit: true,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      await t.database.db.execute(
        sql`update opinion_reports set submitted_at = ${when}::timestamptz, year = 2026 where id = ${res.body.id}`,
      );
    }
    const f = (await t.staff.get('/api/opinions/figures?year=2026')).body;
    const rows = await query<{ submitted_at: string }>(
      t.database.db,
      sql`select submitted_at from opinion_reports where year = 2026 and state not in ('draft', 'none')`,
    );
    const recount = new Map<number, number>();
    for (const r of rows) {
      const month = new Date(new Date(r.submitted_at).getTime() + 8 * 3_600_000).getUTCMonth() + 1;
      recount.set(month, (recount.get(month) ?? 0) + 1);
    }
    expect(f.byMonth).toEqual([...recount].sort((a, b) => a[0] - b[0]).map(([month, count]) => ({ month, count })));
    expect(f.byMonth).toEqual([
      { month: 11, count: 8 },
      { month: 12, count: 1 },
    ]);
    expect(f.received).toBe(rows.length);
    expect(f.sentence).not.toContain(',');
  });
});
