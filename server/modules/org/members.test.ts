import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { query, queryOne } from '../../platform/db/client.ts';
import { type Client, login, testAppForFile } from '../../test/harness.ts';

const t = testAppForFile({ office: 'office_staff', proposal: 'proposal_staff' });
let ref: any;
beforeAll(async () => {
  ref = (await t.office.get('/api/org/reference')).body;
});

const sectorId = (name: string) => ref.sectors.find((s: any) => s.name === name).id;
const count = async () =>
  (await queryOne<{ n: number }>(t.database.db, sql`select count(*)::int as n from members`))!.n;

// 11010519800101002? with its right check digit is …0024; the wrong one ends in 5.
const GOOD_ID = '110105198001010024';
const BAD_ID = '110105198001010025';

describe('member list', () => {
  it('finds members by a two-character word and filters by sector, with totals', async () => {
    const all = await t.office.get('/api/org/members?q=医院&pageSize=500');
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThan(0);
    for (const m of all.body.items) expect(`${m.name}${m.workUnit}${m.jobTitle}${m.sectorName}`).toContain('医院');
    const edu = sectorId('教育界');
    const filtered = await t.office.get(`/api/org/members?q=医院&sectorId=${edu}&pageSize=500`);
    expect(filtered.body.items.length).toBe(filtered.body.total);
    expect(filtered.body.total).toBeLessThan(all.body.total);
    for (const m of filtered.body.items) expect(m.sectorName).toBe('教育界');
  });

  it('filters standing members, leaders, gender and pages in a stable order', async () => {
    const chairs = await t.office.get('/api/org/members?leadershipRole=any');
    expect(chairs.body.total).toBe(6);
    const standing = await t.office.get('/api/org/members?standingMember=true&pageSize=1');
    expect(standing.body.total).toBe(54);
    expect(standing.body.items).toHaveLength(1);
    const p1 = await t.office.get('/api/org/members?gender=女&page=1&pageSize=10&sort=code');
    const p2 = await t.office.get('/api/org/members?gender=女&page=2&pageSize=10&sort=code');
    expect(p1.body.items.every((m: any) => m.gender === '女')).toBe(true);
    expect(p1.body.items[9].code < p2.body.items[0].code).toBe(true);
  });

  it('shows phone and ID number masked to office staff and proposal staff alike', async () => {
    const first = (c: Client) => c.get('/api/org/members?sort=code&pageSize=1').then((r) => r.body.items[0]);
    const [ofOffice, ofProposal] = [await first(t.office), await first(t.proposal)];
    expect(ofOffice.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(ofOffice.idNumber).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
    expect(ofProposal).toMatchObject({ phone: ofOffice.phone, idNumber: ofOffice.idNumber });
  });

  it('refuses roles without org.read and hides another committee’s member', async () => {
    const member = await login(t.app, 'member010');
    expect((await member.get('/api/org/members')).status).toBe(403);
    const county = await login(t.app, 'county_office_staff');
    const cityMember = (await t.office.get('/api/org/members?pageSize=1')).body.items[0];
    expect((await county.get(`/api/org/members/${cityMember.id}`)).status).toBe(404);
    const put = await county.put(`/api/org/members/${cityMember.id}`, { name: '改名', sectorId: 1 });
    expect(put.status).toBe(404);
    const list = await county.get('/api/org/members?pageSize=500');
    expect(list.body.items.some((m: any) => m.id === cityMember.id)).toBe(false);
  });

  it('exports the filtered list as .xlsx, masked for those who may not see sensitive fields', async () => {
    const edu = sectorId('教育界');
    const expected = (await t.office.get(`/api/org/members?sectorId=${edu}`)).body.total;
    const res = await t.proposal.get(`/api/org/members/export?sectorId=${edu}`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('脱敏'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as any);
    const ws = wb.worksheets[0];
    const headers = (ws.getRow(1).values as any[]).slice(1);
    expect(headers).toEqual(
      expect.arrayContaining(['姓名', '界别', '工作单位及职务', '手机号', '身份证号', '是否常委']),
    );
    expect(ws.rowCount - 1).toBe(expected);
    const phoneCol = headers.indexOf('手机号') + 1;
    expect(String(ws.getRow(2).getCell(phoneCol).value)).toMatch(/^\d{3}\*{4}\d{4}$/);
  });
});

describe('member create, edit and status', () => {
  it('rejects a wrong ID check digit with the field named, writing nothing', async () => {
    const before = await count();
    const res = await t.office.post('/api/org/members', {
      name: '钱学文',
      sectorId: sectorId('教育界'),
      idNumber: BAD_ID,
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ field: 'idNumber', message: '「身份证号」校验位不正确' });
    const phone = await t.office.post('/api/org/members', {
      name: '钱学文',
      sectorId: sectorId('教育界'),
      phone: '12345',
    });
    expect(phone.body.message).toBe('「手机号」应为 11 位手机号码');
    const missing = await t.office.post('/api/org/members', { name: '钱学文' });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toBe('「界别」为必填项');
    expect(await count()).toBe(before);
  });

  it('creates a member with encrypted phone and ID, searchable at once, audited', async () => {
    const res = await t.office.post('/api/org/members', {
      name: '钱学文',
      gender: '男',
      ethnicity: '汉族',
      birthDate: '1980-01-01',
      party: '九三学社社员',
      sectorId: sectorId('科学技术界'),
      specialCommitteeIds: [ref.specialCommittees[1].id],
      groupIds: [ref.groups[0].id],
      workUnit: '示例市量子计算研究所',
      jobTitle: '所长',
      phone: '13912345678',
      idNumber: GOOD_ID,
      standingMember: true,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: '钱学文',
      sectorName: '科学技术界',
      phone: '139****5678',
      idNumber: '1101**********0024',
      standingMember: true,
      status: 'active',
      specialCommittees: [{ name: ref.specialCommittees[1].name }],
    });
    const row = await queryOne<any>(
      t.database.db,
      sql`select phone_enc, id_number_enc from members where id = ${res.body.id}`,
    );
    expect(row.phone_enc).not.toContain('13912345678');
    expect(row.id_number_enc).not.toContain(GOOD_ID);
    const found = await t.office.get('/api/org/members?q=量子');
    expect(found.body.items.map((m: any) => m.id)).toEqual([res.body.id]);
    const audit = await query<any>(
      t.database.db,
      sql`select action, after from audit_log where entity = 'member' and entity_id = ${String(res.body.id)}`,
    );
    expect(audit.map((a) => a.action)).toEqual(['member.create']);
    expect(JSON.stringify(audit[0].after)).not.toContain('13912345678');
    const dup = await t.office.post('/api/org/members', {
      name: '另一人',
      sectorId: sectorId('经济界'),
      idNumber: GOOD_ID,
    });
    expect(dup.status).toBe(400);
    expect(dup.body.message).toBe('「身份证号」与本届委员「钱学文」重复');
  });

  it('edits a member, keeping phone and ID when not sent, and updates search', async () => {
    const id = (await t.office.get('/api/org/members?q=量子')).body.items[0].id;
    const res = await t.office.put(`/api/org/members/${id}`, {
      name: '钱学文',
      sectorId: sectorId('科学技术界'),
      workUnit: '示例市人工智能研究院',
      jobTitle: '院长',
      leadershipRole: 'viceChair',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ phone: '139****5678', leadershipRole: 'viceChair' });
    const kept = await t.office.post(`/api/org/members/${id}/reveal`, { field: 'idNumber' });
    expect(kept.body).toEqual({ value: GOOD_ID });
    expect((await t.office.get('/api/org/members?q=量子')).body.total).toBe(0);
    expect((await t.office.get('/api/org/members?q=人工智能')).body.items[0].id).toBe(id);
    const detail = await t.proposal.get(`/api/org/members/${id}`);
    expect(detail.body.member.phone).toBe('139****5678');
    expect(detail.body.account).toBeNull();
  });

  it('changes status with a date and a reason, and refuses it to staff without org.manage', async () => {
    const id = (await t.office.get('/api/org/members?q=人工智能')).body.items[0].id;
    const noReason = await t.office.post(`/api/org/members/${id}/status`, { status: 'exited', date: '2026-05-01' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toBe('「原因」为必填项');
    expect(
      (await t.proposal.post(`/api/org/members/${id}/status`, { status: 'exited', date: '2026-05-01', reason: 'x' }))
        .status,
    ).toBe(403);
    const ok = await t.office.post(`/api/org/members/${id}/status`, {
      status: 'exited',
      date: '2026-05-01',
      reason: '工作调动',
    });
    expect(ok.body).toMatchObject({ status: 'exited', statusDate: '2026-05-01', statusReason: '工作调动' });
    expect((await t.office.get(`/api/org/members?q=人工智能&status=active`)).body.total).toBe(0);
    const audit = await queryOne<any>(
      t.database.db,
      sql`select before, after from audit_log where action = 'member.status' and entity_id = ${String(id)}`,
    );
    expect(audit.before.status).toBe('active');
    expect(audit.after).toMatchObject({ status: 'exited', statusReason: '工作调动' });
  });
});
