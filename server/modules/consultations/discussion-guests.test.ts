// Invited citizens of an online discussion: staff make an invitation link (staff only, with a QR code); a citizen signs
// in with the grassroots one-time code and takes part in that discussion only — cannot read another one nor any staff
// route, sees no member names when the discussion is anonymous, writes within per-guest limits; expired or used-up
// links refuse.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, queryOne } from '../../platform/db/client.ts';
import { type Client, createTestApp, login, okBody, type TestContext } from '../../test/harness.ts';
import { setSmsSender } from '../grassroots/sms.ts';
import { guestVisitor, signInGuest as signIn, type Visitor } from './discussion-guest-helpers.ts';
import { GUEST_LIMITS } from './discussion-guest-routes.ts';
import { invite, openDiscussion, signedInGuest } from './guests.fixtures.ts';
import { inDays } from './test-helpers.ts';

let t: TestContext;
let office: Client;
let member: Client;
let other: number;
const sent: { phone: string; text: string }[] = [];

const open = (topic: string, audience = 'members') => ({
  topic,
  background: '请围绕社区养老服务提出建议。',
  audience,
  opensAt: inDays(-1),
  closesAt: inDays(14),
  anonymous: true,
});

const visitor = (ip: string) => guestVisitor(() => t.app, ip);
const signInGuest = (v: Visitor, phone: string, tok: string) => signIn(v, sent, phone, tok);
const guest = (ip: string, phone: string, tok: string) => signedInGuest(() => t.app, sent, ip, phone, tok);
/** Each test's own discussion (so it counts only its own invitations, votes and audit rows), with a member's statement. */
const elderCare = async () =>
  (
    await openDiscussion(office, open('社区养老服务如何补短板'), {
      member,
      body: '建议在每个街道建一处日间照料中心',
    })
  ).id;

beforeAll(async () => {
  t = await createTestApp();
  setSmsSender({ send: async (phone, text) => void sent.push({ phone, text }) });
  office = await login(t.app, 'office_staff');
  member = await login(t.app, 'member101');
  other = (await okBody(await office.post('/api/discussions', open('另一场讨论：停车难', 'committee')))).id;
});
afterAll(async () => {
  setSmsSender(null);
  await t.close();
});

describe('invitations', () => {
  it('are made by staff only, with a link and a QR code, and audited', async () => {
    const id = await elderCare();
    expect((await member.post(`/api/discussions/${id}/invitations`, { days: 7, maxUses: 2 })).status).toBe(403);
    const inv = await okBody(await office.post(`/api/discussions/${id}/invitations`, { days: 7, maxUses: 2 }));
    const token = inv.token;
    expect(inv.path).toBe(`/join/discussion/${token}`);
    expect(inv.qrSvg).toContain('<svg');
    expect((await okBody(await office.get(`/api/discussions/${id}/invitations`))).map((i: any) => i.uses)).toEqual([0]);
    const audit = await queryOne<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where action = 'discussion.invitation.create'
        and entity = 'discussion' and entity_id = ${String(id)}`,
    );
    expect(audit!.n).toBe(1);
  });

  it('show the topic before sign-in, but nothing to read or write until the phone is confirmed', async () => {
    const { token } = await invite(office, await elderCare(), 2);
    const v = visitor('10.1.0.1');
    const page = await v.get(`/api/public/discussions/${token}`);
    expect([page.status, page.body.topic, page.body.signedIn]).toEqual([200, '社区养老服务如何补短板', false]);
    expect((await v.get(`/api/public/discussions/${token}/next`)).body.message).toBe('请先验证手机号');
    expect((await v.post(`/api/public/discussions/${token}/statements`, { body: '未登录的观点' })).status).toBe(401);
    const wrong = await v.post(`/api/public/discussions/${token}/sign-in`, { phone: '13800000001', code: '000000' });
    expect(wrong.status).toBe(400);
  });
});

describe('an invited citizen', () => {
  it('signs in with the one-time code and votes and writes in that discussion', async () => {
    const id = await elderCare();
    const { token } = await invite(office, id, 2);
    const v = visitor('10.1.0.2');
    expect((await signInGuest(v, '13900000002', token)).status).toBe(200);
    expect(v.cookie).toMatch(/^zx_discussion_guest=/);
    const next = await v.get(`/api/public/discussions/${token}/next`);
    // Anonymous discussion: the member who wrote it is 参与者, no name, no phone.
    expect([next.body.statement.body, next.body.statement.author]).toEqual([
      '建议在每个街道建一处日间照料中心',
      '参与者',
    ]);
    expect(JSON.stringify(next.body)).not.toMatch(/member101|委员/);
    const sid = next.body.statement.id;
    expect((await v.put(`/api/public/discussions/${token}/statements/${sid}/vote`, { vote: 'agree' })).body).toEqual({
      changed: true,
    });
    // A retry counts once.
    expect((await v.put(`/api/public/discussions/${token}/statements/${sid}/vote`, { vote: 'agree' })).body).toEqual({
      changed: false,
    });
    const mine = await v.post(`/api/public/discussions/${token}/statements`, {
      body: '建议为独居老人配备紧急呼叫设备',
    });
    expect(mine.status).toBe(200);
    const votes = await query<{ account_id: number }>(
      t.database.db,
      sql`select account_id from discussion_votes where discussion_id = ${id} and account_id < 0`,
    );
    expect(votes.length).toBe(2); // its vote and its own statement's implicit agree
    // Members see the citizen's statement as an anonymous participant's.
    const list = (await okBody(await member.get(`/api/discussions/${id}/statements`))).items;
    expect(list.find((s: any) => s.body === '建议为独居老人配备紧急呼叫设备').author).toBe('参与者');
    // Staff see who: an invited citizen.
    const staffList = (await okBody(await office.get(`/api/discussions/${id}/statements`))).items;
    expect(staffList.find((s: any) => s.body === '建议为独居老人配备紧急呼叫设备').author).toBe('受邀群众');
  });

  it('cannot reach another discussion nor any signed-in route with its cookie', async () => {
    const id = await elderCare();
    const v = await guest('10.1.0.8', '13900000008', (await invite(office, id, 2)).token);
    const inv2 = await okBody(await office.post(`/api/discussions/${other}/invitations`, { days: 7, maxUses: 5 }));
    // Its cookie is for the first discussion: the second one's link asks it to sign in.
    expect((await v.get(`/api/public/discussions/${inv2.token}/next`)).status).toBe(401);
    expect((await v.get(`/api/public/discussions/${inv2.token}`)).body.signedIn).toBe(false);
    // The cookie is not a session: the members' routes answer "sign in".
    const r = await t.app.inject({ method: 'GET', url: `/api/discussions/${id}`, headers: { cookie: v.cookie } });
    expect(r.statusCode).toBe(401);
    const list = await t.app.inject({ method: 'GET', url: '/api/discussions', headers: { cookie: v.cookie } });
    expect(list.statusCode).toBe(401);
  });

  it('writes within per-guest limits', async () => {
    const { token } = await invite(office, await elderCare(), 2);
    const v = await guest('10.1.0.9', '13900000009', token);
    let last = 0;
    for (let i = 0; i <= GUEST_LIMITS.statements; i++)
      last = (await v.post(`/api/public/discussions/${token}/statements`, { body: `限流测试观点第${i}条` })).status;
    expect(last).toBe(429);
  });

  it('uses the link up: the limit of uses and the expiry refuse new citizens, not the ones already in', async () => {
    // The link takes two citizens; 13900000002 is the first one in.
    const { token } = await invite(office, await elderCare(), 2);
    await guest('10.1.0.2', '13900000002', token);
    expect((await signInGuest(visitor('10.1.0.3'), '13900000003', token)).status).toBe(200);
    const full = await signInGuest(visitor('10.1.0.4'), '13900000004', token);
    expect([full.status, full.body.message]).toEqual([410, '邀请链接已失效，请联系工作人员']);
    // Signing in again (another device) does not use the link up.
    expect((await signInGuest(visitor('10.1.0.5'), '13900000002', token)).status).toBe(200);
    await t.database.db.execute(
      sql`update discussion_invitations set expires_at = now() - interval '1 minute' where token = ${token}`,
    );
    expect((await visitor('10.1.0.6').get(`/api/public/discussions/${token}`)).status).toBe(410);
  });
});

describe('revoking a link', () => {
  it('is for staff only, audited once, and shuts the link for everyone', async () => {
    const id = await elderCare();
    const inv = await invite(office, id, 5);
    const v = visitor('10.1.0.7');
    expect((await signInGuest(v, '13900000007', inv.token)).status).toBe(200);
    const url = `/api/discussions/${id}/invitations/${inv.id}/revoke`;
    expect((await member.post(url, {})).status).toBe(403);
    expect((await office.post(`/api/discussions/${other}/invitations/${inv.id}/revoke`, {})).status).toBe(404);
    expect((await okBody(await office.post(url, {}))).ok).toBe(true);
    expect((await okBody(await office.post(url, {}))).ok).toBe(true);
    const listed = (await okBody(await office.get(`/api/discussions/${id}/invitations`))).find(
      (i: any) => i.id === inv.id,
    );
    expect(listed.revoked).toBe(true);
    // The guest already in loses the pages too; the link says so in Chinese.
    const after = await v.get(`/api/public/discussions/${inv.token}/next`);
    expect([after.status, after.body.message]).toEqual([410, '邀请链接已失效，请联系工作人员']);
    const audit = await queryOne<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where action = 'discussion.invitation.revoke'
        and entity = 'discussion' and entity_id = ${String(id)}`,
    );
    expect(audit!.n).toBe(1);
  });
});
