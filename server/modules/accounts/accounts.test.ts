import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from '../../platform/auth/passwords.ts';
import { query, queryOne } from '../../platform/db/client.ts';
import { login, testAppForFile } from '../../test/harness.ts';
import { temporaryPassword } from './service.ts';

const t = testAppForFile({ admin: 'admin', countyAdmin: 'county_admin' });

const tryLogin = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const idOf = async (username: string) =>
  (await queryOne<{ id: number }>(t.database.db, sql`select id from accounts where username = ${username}`))!.id;

describe('account list', () => {
  it('lists and searches the committee’s accounts by role, never with password hashes', async () => {
    const units = await t.admin.get('/api/accounts?role=unitUser&pageSize=100');
    expect(units.status).toBe(200);
    expect(units.body.total).toBe(40);
    expect(units.body.items[0]).toMatchObject({
      username: 'unit01',
      unitName: '市发展和改革委员会',
      roleNames: ['承办单位'],
    });
    expect(JSON.stringify(units.body)).not.toMatch(/argon2|password_hash|passwordHash/);
    const search = await t.admin.get('/api/accounts?q=member00');
    expect(search.body.items.map((a: any) => a.username)).toEqual(
      Array.from({ length: 9 }, (_, i) => `member00${i + 1}`),
    );
    expect(search.body.items[0].phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    const county = await t.countyAdmin.get('/api/accounts?pageSize=500');
    expect(county.body.items.every((a: any) => a.username.startsWith('county_'))).toBe(true);
    expect((await t.countyAdmin.get(`/api/accounts/${await idOf('admin')}`)).status).toBe(404);
    const staff = await login(t.app, 'office_staff');
    expect((await staff.get('/api/accounts')).status).toBe(403);
  });

  it('exports the filtered accounts', async () => {
    const res = await t.admin.get('/api/accounts/export?role=orgAccount');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('spreadsheetml');
  });
});

/** POSTs a new account as the admin, with the initial password Init#2026ab unless `fields` give one: the raw response. */
const newAccount = (fields: Record<string, unknown>) =>
  t.admin.post('/api/accounts', { password: 'Init#2026ab', ...fields });

describe('account lifecycle', () => {
  it('creates an account linked to a member; the initial password must be changed at first login', async () => {
    const members = (await t.admin.get('/api/org/members?q=医院&pageSize=1')).body.items;
    const weak = await newAccount({
      username: 'new_member',
      password: 'abc',
      displayName: members[0].name,
      roles: ['member'],
      memberId: members[0].id,
    });
    expect(weak.status).toBe(400);
    expect(weak.body.field).toBe('password');
    const unlinked = await newAccount({
      username: 'new_member',
      displayName: '某委员',
      roles: ['member'],
    });
    expect(unlinked.body).toMatchObject({ field: 'memberId', message: '「委员」角色需要关联委员' });
    const taken = await newAccount({
      username: 'Member001',
      displayName: 'x',
      roles: ['leader'],
    });
    expect(taken.body.message).toBe('「用户名」Member001 已被使用');
    const ok = await newAccount({
      username: 'new_member',
      displayName: members[0].name,
      roles: ['member'],
      memberId: members[0].id,
      phone: '13511112222',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ mustChangePassword: true, memberName: members[0].name, phone: '135****2222' });
    const first = await login(t.app, 'new_member', 'Init#2026ab');
    expect(first.me.account.mustChangePassword).toBe(true);
    expect((await first.get('/api/org/reference')).status).toBe(403);
    const audit = await queryOne<any>(
      t.database.db,
      sql`select after from audit_log where action = 'account.create' and entity_id = ${String(ok.body.id)}`,
    );
    expect(audit.after.username).toBe('new_member');
    expect(JSON.stringify(audit.after)).not.toContain('argon2');
  });

  it('creates an organisation’s responsible person, who is also an organisation account', async () => {
    const orgs = (await t.admin.get('/api/org/reference')).body.organisations;
    const unlinked = await newAccount({
      username: 'org_head',
      displayName: '某负责人',
      roles: ['orgLeader'],
    });
    expect(unlinked.body).toMatchObject({ field: 'orgId', message: '「党派团体负责人」角色需要关联党派团体' });
    const ok = await newAccount({
      username: 'org_head',
      displayName: '某负责人',
      roles: ['orgLeader'],
      orgId: orgs[0].id,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.roleNames).toEqual(['党派团体负责人', '党派团体']);
    expect(ok.body.orgName).toBe(orgs[0].name);
  });

  it('resets a password to a one-time temporary one and ends the old sessions', async () => {
    const id = await idOf('member020');
    const old = await login(t.app, 'member020');
    const res = await t.admin.post(`/api/accounts/${id}/reset-password`);
    expect(res.status).toBe(200);
    const temp = res.body.temporaryPassword;
    expect(checkPasswordPolicy(temp)).toBeNull();
    expect((await old.get('/api/auth/me')).status).toBe(401);
    expect((await tryLogin('member020', 'Demo@2026')).statusCode).toBe(401);
    const fresh = await login(t.app, 'member020', temp);
    expect(fresh.me.account.mustChangePassword).toBe(true);
    expect((await t.admin.get(`/api/accounts/${id}`)).body.temporaryPassword).toBeUndefined();
  });

  it('unlocks a locked account', async () => {
    for (let i = 0; i < 5; i++) await tryLogin('member021', 'wrong');
    const id = await idOf('member021');
    expect((await t.admin.get(`/api/accounts/${id}`)).body.locked).toBe(true);
    expect((await t.admin.get('/api/accounts?state=locked')).body.items.map((a: any) => a.username)).toContain(
      'member021',
    );
    const res = await t.admin.post(`/api/accounts/${id}/unlock`);
    expect(res.body).toMatchObject({ locked: false, failedLogins: 0 });
    expect((await tryLogin('member021', 'Demo@2026')).statusCode).toBe(200);
  });

  it('disables and enables an account; a disabled one cannot sign in and its sessions end', async () => {
    const id = await idOf('member022');
    const session = await login(t.app, 'member022');
    const off = await t.admin.post(`/api/accounts/${id}/disable`);
    expect(off.body.disabled).toBe(true);
    expect((await session.get('/api/auth/me')).status).toBe(401);
    expect((await tryLogin('member022', 'Demo@2026')).statusCode).toBe(401);
    expect((await t.admin.post(`/api/accounts/${id}/disable`)).body.message).toBe('该账号已停用');
    const on = await t.admin.post(`/api/accounts/${id}/enable`);
    expect(on.body.disabled).toBe(false);
    expect((await tryLogin('member022', 'Demo@2026')).statusCode).toBe(200);
    const self = await t.admin.post(`/api/accounts/${await idOf('admin')}/disable`);
    expect(self.body.message).toBe('不能停用自己的账号');
    const actions = await query<any>(
      t.database.db,
      sql`select action from audit_log where action like 'account.%' and entity_id = ${String(id)} order by seq`,
    );
    expect(actions.map((a) => a.action)).toEqual(['account.disable', 'account.enable']);
  });

  it('edits roles, and keeps the system administrator role and account out of a committee admin’s reach', async () => {
    const id = await idOf('office_staff');
    const edited = await t.admin.put(`/api/accounts/${id}`, {
      displayName: '办公室 吴刚',
      roles: ['officeStaff', 'liaisonStaff'],
      office: '办公室',
    });
    expect(edited.body.roleNames).toEqual(['办公室工作人员', '社情民意工作人员']);
    const countyStaff = await idOf('county_office_staff');
    const grant = await t.countyAdmin.put(`/api/accounts/${countyStaff}`, { displayName: 'x', roles: ['sysAdmin'] });
    expect(grant.status).toBe(400);
    expect(grant.body.message).toBe('只有系统管理员可以授予「系统管理员」角色');
    const cityAdminId = await idOf('admin');
    expect((await t.countyAdmin.post(`/api/accounts/${cityAdminId}/reset-password`)).status).toBe(404);
    const roles = await t.countyAdmin.get('/api/accounts/roles');
    expect(roles.body.map((r: any) => r.value)).not.toContain('sysAdmin');
    expect(
      await queryOne(
        t.database.db,
        sql`select 1 from accounts where 'sysAdmin' = any(roles) and username = 'county_office_staff'`,
      ),
    ).toBeUndefined();
  });

  it('makes temporary passwords that pass the policy', () => {
    for (let i = 0; i < 50; i++) expect(checkPasswordPolicy(temporaryPassword())).toBeNull();
  });
});
