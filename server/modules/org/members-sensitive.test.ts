// Phones and ID numbers: masked for everyone by default, one value revealed by an audited action for allowed roles,
// and the members workbook carries them in full only when asked explicitly (audited, refused to other roles).
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../platform/db/client.ts';
import { decryptField } from '../../platform/secrets/field-crypto.ts';
import { login, testAppForFile } from '../../test/harness.ts';

const t = testAppForFile({ office: 'office_staff', proposal: 'proposal_staff' });
let first: any;
beforeAll(async () => {
  first = (await t.office.get('/api/org/members?sort=code&pageSize=1')).body.items[0];
});

const audits = (action: string) =>
  query<any>(
    t.database.db,
    sql`select actor_name, entity_id, after from audit_log where action = ${action} order by seq`,
  );

async function sheet(res: { raw: any }) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.raw);
  const ws = wb.worksheets[0];
  const headers = (ws.getRow(1).values as any[]).slice(1);
  const col = (h: string) => headers.indexOf(h) + 1;
  return {
    ws,
    phone: String(ws.getRow(2).getCell(col('手机号')).value),
    id: String(ws.getRow(2).getCell(col('身份证号')).value),
  };
}

describe('personal data', () => {
  it('shows masked values to office staff in the list and the detail', async () => {
    expect(first.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(first.idNumber).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
    const detail = (await t.office.get(`/api/org/members/${first.id}`)).body.member;
    expect(detail).toMatchObject({ phone: first.phone, idNumber: first.idNumber });
  });

  it('reveals one value to office staff and records who saw whose what', async () => {
    const phone = await t.office.post(`/api/org/members/${first.id}/reveal`, { field: 'phone' });
    expect(phone.status).toBe(200);
    expect(phone.body.value).toMatch(/^1\d{10}$/);
    expect(`${phone.body.value.slice(0, 3)}****${phone.body.value.slice(-4)}`).toBe(first.phone);
    const id = await t.office.post(`/api/org/members/${first.id}/reveal`, { field: 'idNumber' });
    expect(id.body.value).toMatch(/^\d{17}[\dX]$/);
    const rows = await audits('member.reveal');
    expect(rows.map((r) => [r.actor_name, r.entity_id, r.after.field])).toEqual([
      [expect.any(String), String(first.id), 'phone'],
      [expect.any(String), String(first.id), 'idNumber'],
    ]);
    expect(rows[0].after.name).toBe(first.name);
    expect(JSON.stringify(rows)).not.toContain(phone.body.value);
  });

  it('refuses the reveal and the sensitive export to a role without the right, writing no audit', async () => {
    const before = (await audits('member.reveal')).length;
    const res = await t.proposal.post(`/api/org/members/${first.id}/reveal`, { field: 'phone' });
    expect(res.status).toBe(403);
    expect((await audits('member.reveal')).length).toBe(before);
    const exp = await t.proposal.get('/api/org/members/export?sensitive=true');
    expect(exp.status).toBe(403);
    expect(exp.body.message).toBe('您没有导出手机号和身份证号的权限');
    expect(await audits('member.export_sensitive')).toEqual([]);
    const bad = await t.office.post(`/api/org/members/${first.id}/reveal`, { field: 'password' });
    expect(bad.status).toBe(400);
    const county = await login(t.app, 'county_office_staff');
    expect((await county.post(`/api/org/members/${first.id}/reveal`, { field: 'phone' })).status).toBe(404);
  });

  it('exports masked values unless the flag is set, and audits the export with full values', async () => {
    const plain = await t.office.get('/api/org/members/export?sort=code');
    expect(plain.status).toBe(200);
    expect(String(plain.headers['content-disposition'])).toContain(encodeURIComponent('脱敏'));
    const masked = await sheet(plain);
    expect(masked.phone).toBe(first.phone);
    expect(masked.id).toBe(first.idNumber);
    expect(await audits('member.export_sensitive')).toEqual([]);

    const full = await t.office.get('/api/org/members/export?sort=code&sensitive=true');
    expect(full.status).toBe(200);
    expect(String(full.headers['content-disposition'])).not.toContain(encodeURIComponent('脱敏'));
    const open = await sheet(full);
    expect(open.phone).toMatch(/^1\d{10}$/);
    expect(open.id).toMatch(/^\d{17}[\dX]$/);
    const rows = await audits('member.export_sensitive');
    expect(rows).toHaveLength(1);
    expect(rows[0].after.count).toBe(open.ws.rowCount - 1);
    expect(rows[0].after.memberIds).toContain(first.id);
  });
});

describe('informants and units', () => {
  it('lists informant phones masked and keeps the stored number when the masked one is sent back', async () => {
    const liaison = await login(t.app, 'liaison_staff');
    const created = await liaison.post('/api/org/informants', { name: '测试信息员', phone: '13812341234' });
    expect(created.status).toBe(200);
    expect(created.body.phone).toBe('138****1234');
    const list = await liaison.get('/api/org/informants?q=测试信息员');
    expect(list.body.items[0].phone).toBe('138****1234');
    const edit = await liaison.put(`/api/org/informants/${created.body.id}`, {
      name: '测试信息员',
      phone: '138****1234',
      area: '东区',
    });
    expect(edit.status).toBe(200);
    const stored = await query<{ phone_enc: string }>(
      t.database.db,
      sql`select phone_enc from informants where id = ${created.body.id}`,
    );
    expect(decryptField(stored[0].phone_enc)).toBe('13812341234');
    const wrong = await liaison.put(`/api/org/informants/${created.body.id}`, {
      name: '测试信息员',
      phone: '139****0000',
    });
    expect(wrong.status).toBe(400);
  });
});
