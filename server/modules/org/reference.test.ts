import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { query, queryOne } from '../../platform/db/client.ts';
import { login, testAppForFile } from '../../test/harness.ts';

const t = testAppForFile({ office: 'office_staff', admin: 'admin', county: 'county_office_staff' });

const audits = (action: string) =>
  query<any>(t.database.db, sql`select entity_id, before, after from audit_log where action = ${action} order by seq`);

describe('sectors, special committees and groups', () => {
  it('creates, renames and deletes an unused sector, audited; refuses duplicates and used ones', async () => {
    const created = await t.office.post('/api/org/sectors', { name: '  港澳界 ', sort: 30 });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ name: '港澳界', sort: 30, memberCount: 0 });
    const dup = await t.office.post('/api/org/sectors', { name: '教育界' });
    expect(dup.status).toBe(400);
    expect(dup.body).toMatchObject({ message: '界别「教育界」已存在', field: 'name' });
    const renamed = await t.office.put(`/api/org/sectors/${created.body.id}`, { name: '港澳台侨界', sort: 31 });
    expect(renamed.body.name).toBe('港澳台侨界');

    const list = await t.office.get('/api/org/sectors?pageSize=100');
    const edu = list.body.items.find((s: any) => s.name === '教育界');
    expect(edu.memberCount).toBeGreaterThan(0);
    const used = await t.office.del(`/api/org/sectors/${edu.id}`);
    expect(used.status).toBe(409);
    expect(used.body.message).toBe(`该界别有 ${edu.memberCount} 名委员，不能删除`);
    expect((await t.office.get(`/api/org/sectors/${edu.id}`)).status).toBe(200);

    expect((await t.office.del(`/api/org/sectors/${created.body.id}`)).status).toBe(200);
    expect((await t.office.get(`/api/org/sectors/${created.body.id}`)).status).toBe(404);
    const trail = await audits('sector.create');
    expect(trail.at(-1).after.name).toBe('港澳界');
    expect((await audits('sector.update')).at(-1)).toMatchObject({
      before: { name: '港澳界' },
      after: { name: '港澳台侨界' },
    });
    expect((await audits('sector.delete')).at(-1).entity_id).toBe(String(created.body.id));
  });

  it('keeps groups of both kinds, filters by kind, and validates the kind', async () => {
    const work = await t.office.post('/api/org/groups', { kind: 'work', name: '营商环境工作组' });
    expect(work.body).toMatchObject({ kind: 'work', name: '营商环境工作组' });
    const studies = await t.office.get('/api/org/groups?kind=study');
    expect(studies.body.total).toBe(5);
    const bad = await t.office.post('/api/org/groups', { kind: 'party', name: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('「类型」不是允许的取值');
    const sc = await t.office.get('/api/org/special-committees');
    expect(sc.body.items[0]).toMatchObject({ name: '提案委员会' });
    expect(sc.body.items[0].memberCount).toBeGreaterThan(0);
  });

  it('exports the list as .xlsx', async () => {
    const res = await t.office.get('/api/org/sectors/export');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as any);
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as any[]).slice(1)).toEqual(['名称', '排序', '委员人数']);
    expect(ws.getRow(2).getCell(1).value).toBe('中国共产党');
  });

  it('lets only org.manage write and hides other committees’ rows', async () => {
    const proposal = await login(t.app, 'proposal_staff');
    expect((await proposal.get('/api/org/sectors')).status).toBe(200);
    expect((await proposal.post('/api/org/sectors', { name: '新界别' })).status).toBe(403);
    const citySector = (await t.office.get('/api/org/sectors')).body.items[0];
    expect((await t.county.get(`/api/org/sectors/${citySector.id}`)).status).toBe(404);
    expect((await t.county.put(`/api/org/sectors/${citySector.id}`, { name: '被改' })).status).toBe(404);
    expect((await t.county.del(`/api/org/sectors/${citySector.id}`)).status).toBe(404);
    const row = await queryOne<any>(t.database.db, sql`select name from sectors where id = ${citySector.id}`);
    expect(row.name).toBe(citySector.name);
  });
});

describe('terms and sessions', () => {
  it('keeps one current session and checks the filing deadline against the opening day', async () => {
    const term = (await t.office.get('/api/org/terms')).body.items[0];
    expect(term).toMatchObject({ name: '第六届', isCurrent: true, sessionCount: 2 });
    const bad = await t.office.post('/api/org/sessions', {
      termId: term.id,
      number: 3,
      name: '六届三次会议',
      year: 2028,
      opensOn: '2028-01-10',
      filingDeadline: '2028-01-05',
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ field: 'filingDeadline', message: '「提案截止日期」不能早于开幕日期' });
    const third = await t.office.post('/api/org/sessions', {
      termId: term.id,
      number: 3,
      name: '六届三次会议',
      year: 2028,
      opensOn: '2028-01-10',
      filingDeadline: '2028-01-15',
      isCurrent: true,
    });
    expect(third.body).toMatchObject({ termName: '第六届', isCurrent: true, opensOn: '2028-01-10' });
    const current = await query<any>(
      t.database.db,
      sql`select s.name from plenary_sessions s join committees c on c.id = s.committee_id
        where c.name = '示例市政协' and s.is_current`,
    );
    expect(current.map((x) => x.name)).toEqual(['六届三次会议']);
    const dupNumber = await t.office.post('/api/org/sessions', {
      termId: term.id,
      number: 3,
      name: '重复',
      year: 2028,
    });
    expect(dupNumber.body.message).toBe('会议「3」已存在');

    const usedTerm = await t.office.del(`/api/org/terms/${term.id}`);
    expect(usedTerm.status).toBe(409);
    expect(usedTerm.body.message).toMatch(/^该届次有 \d+ 名委员，不能删除$/);
    const countyTerm = (await t.county.get('/api/org/terms')).body.items[0];
    const cross = await t.office.post('/api/org/sessions', {
      termId: countyTerm.id,
      number: 9,
      name: '跨会',
      year: 2029,
    });
    expect(cross.status).toBe(400);
    expect(cross.body.message).toBe('所选届次不存在');
  });
});

describe('units, organisations and informants', () => {
  it('stores a unit contact phone encrypted, validates it, and refuses to delete a unit with accounts', async () => {
    const bad = await t.office.post('/api/org/units', { name: '市大数据中心', phone: '0101' });
    expect(bad.body).toMatchObject({ field: 'phone', message: '「联系电话」应为 11 位手机号码' });
    const ok = await t.office.post('/api/org/units', {
      name: '市大数据中心',
      kind: 'government',
      contactName: '刘洋',
      phone: '13800001111',
    });
    expect(ok.body).toMatchObject({ phone: '138****1111', active: true, accountCount: 0 });
    const stored = await queryOne<any>(
      t.database.db,
      sql`select phone_enc from handling_units where id = ${ok.body.id}`,
    );
    expect(stored.phone_enc).toMatch(/^sm4:/);
    const withAccounts = (await t.office.get('/api/org/units?q=发展和改革')).body.items[0];
    const del = await t.office.del(`/api/org/units/${withAccounts.id}`);
    expect(del.status).toBe(409);
    expect(del.body.message).toBe('该单位有 1 个账号，不能删除；可改为停用');
    const inactive = await t.office.put(`/api/org/units/${ok.body.id}`, { name: '市大数据中心', active: false });
    expect(inactive.body.active).toBe(false);
    expect((await t.office.get('/api/org/units?active=false')).body.items.map((u: any) => u.name)).toEqual([
      '市大数据中心',
    ]);
  });

  it('lists parties and people’s organisations by kind', async () => {
    const parties = await t.office.get('/api/org/organisations?kind=party');
    expect(parties.body.total).toBe(7);
    expect(parties.body.items[0].name).toBe('民革示例市委员会');
  });

  it('lets liaison staff manage informants and keeps office staff out', async () => {
    const liaison = await login(t.app, 'liaison_staff');
    const created = await liaison.post('/api/org/informants', {
      name: '黄网格',
      workUnit: '东城街道',
      area: '第十一网格',
      phone: '13600002222',
    });
    expect(created.body).toMatchObject({ name: '黄网格', status: 'active', phone: '136****2222' });
    expect((await liaison.get('/api/org/informants?q=网格')).body.total).toBeGreaterThanOrEqual(11);
    expect((await t.office.get('/api/org/informants')).status).toBe(403);
    const withAccount = (await liaison.get('/api/org/informants')).body.items[0];
    expect((await liaison.del(`/api/org/informants/${withAccount.id}`)).status).toBe(409);
    expect((await liaison.del(`/api/org/informants/${created.body.id}`)).status).toBe(200);
  });
});

describe('committees', () => {
  it('shows the system administrator the tree below their committee', async () => {
    const res = await t.admin.get('/api/org/committees');
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: any) => [c.name, c.level])).toEqual([
      ['示例市政协', 'city'],
      ['示例县政协', 'county'],
    ]);
    expect(res.body.items[0].memberCount).toBe(300);
    expect((await login(t.app, 'county_admin')).me.permissions).not.toContain('committee.manage');
    expect((await (await login(t.app, 'county_admin')).get('/api/org/committees')).status).toBe(403);
  });

  it('creates a county committee with its first administrator, who must change the password', async () => {
    const city = (await t.admin.get('/api/org/committees')).body.items[0];
    const wrongLevel = await t.admin.post('/api/org/committees', {
      name: '示例区政协',
      shortName: '示例区政协',
      level: 'city',
      parentId: city.id,
    });
    expect(wrongLevel.status).toBe(400);
    expect(wrongLevel.body.message).toBe('「级别」应低于上级组织（上级为市级）');
    const weak = await t.admin.post('/api/org/committees', {
      name: '示例区政协',
      shortName: '示例区政协',
      level: 'county',
      parentId: city.id,
      adminUsername: 'district_admin',
      adminPassword: 'short',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.field).toBe('adminPassword');
    const before = (await queryOne<any>(t.database.db, sql`select count(*)::int as n from committees`))!.n;
    const ok = await t.admin.post('/api/org/committees', {
      name: '示例区政协',
      shortName: '示例区政协',
      level: 'county',
      parentId: city.id,
      regionCode: '110105',
      adminUsername: 'district_admin',
      adminPassword: 'Start#2026a',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ name: '示例区政协', level: 'county', accountCount: 1 });
    expect((await queryOne<any>(t.database.db, sql`select count(*)::int as n from committees`))!.n).toBe(before + 1);
    const districtAdmin = await login(t.app, 'district_admin', 'Start#2026a');
    expect(districtAdmin.me).toMatchObject({
      committee: { name: '示例区政协' },
      account: { mustChangePassword: true, roles: ['committeeAdmin'] },
    });
    expect((await t.admin.get('/api/org/committees')).body.items.map((c: any) => c.name)).toContain('示例区政协');
    const trail = await audits('committee.create');
    expect(trail.length).toBe(2);
  });
});
