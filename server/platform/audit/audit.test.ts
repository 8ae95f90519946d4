import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestContext } from '../../test/harness.ts';
import { verifyAudit } from './audit.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
  await login(t.app, 'admin');
  await login(t.app, 'county_admin');
  await login(t.app, 'member010');
});
afterAll(() => t.close());

describe('audit chain', () => {
  it('verifies an untouched log', async () => {
    const res = await verifyAudit(t.database.db);
    expect(res.problems).toEqual([]);
    expect(res.rows).toBeGreaterThanOrEqual(5);
  });

  it('finds an altered row', async () => {
    await t.database.db.execute(sql`update audit_log set actor_name = '篡改' where committee_id = 1 and seq = 2`);
    const res = await verifyAudit(t.database.db);
    expect(res.problems).toContainEqual(expect.objectContaining({ committeeId: 1, seq: 2 }));
  });

  it('finds a deleted row', async () => {
    await t.database.db.execute(sql`delete from audit_log where committee_id = 2 and seq = 1`);
    const res = await verifyAudit(t.database.db);
    expect(res.problems.some((p) => p.committeeId === 2)).toBe(true);
  });

  it('is searchable by staff with the right role only', async () => {
    const admin = await login(t.app, 'admin');
    const res = await admin.get('/api/audit?action=auth.login');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every((i: any) => i.action === 'auth.login')).toBe(true);
    const member = await login(t.app, 'member011');
    expect((await member.get('/api/audit')).status).toBe(403);
  });

  it('exports the filtered log to Excel with Chinese action names, this committee only', async () => {
    const admin = await login(t.app, 'admin');
    const res = await admin.get('/api/audit/export?action=auth.login');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('审计日志.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('审计日志')!;
    expect(ws.getRow(1).getCell(4).value).toBe('操作');
    const rows = ws.getSheetValues().slice(2) as unknown[][];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r[4] === '登录')).toBe(true);
    const names = new Set(rows.map((r) => r[3]));
    expect(names.has('系统管理员')).toBe(true);
    expect(names.has('县政协管理员')).toBe(false);
    const member = await login(t.app, 'member011');
    expect((await member.get('/api/audit/export')).status).toBe(403);
  });
});
