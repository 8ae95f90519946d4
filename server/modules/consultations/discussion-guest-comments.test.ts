// Invited citizens comment: on a statement and in reply to a member, through the members' own service (length, word
// filter, audit, per-guest limits); members see them as 受邀群众, staff see which verified citizen (the audit), the
// citizen sees no member's private data, and another discussion's citizen can neither read nor write here.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, queryOne } from '../../platform/db/client.ts';
import { type Client, createTestApp, login, okBody, type TestContext } from '../../test/harness.ts';
import { setSmsSender } from '../grassroots/sms.ts';
import { guestVisitor, signInGuest } from './discussion-guest-helpers.ts';
import { GUEST_LIMITS } from './discussion-guest-routes.ts';
import { invite, openDiscussion, signedInGuest } from './guests.fixtures.ts';
import { inDays } from './test-helpers.ts';

let t: TestContext;
let office: Client;
let member: Client;
const sent: { phone: string; text: string }[] = [];
const PHONE = '13900000021';
const url = (tok: string) => `/api/public/discussions/${tok}/comments`;

const open = (topic: string) => ({
  topic,
  audience: 'members',
  opensAt: inDays(-1),
  closesAt: inDays(14),
  anonymous: false,
});

beforeAll(async () => {
  t = await createTestApp();
  setSmsSender({ send: async (phone, text) => void sent.push({ phone, text }) });
  office = await login(t.app, 'office_staff');
  member = await login(t.app, 'member101');
});
afterAll(async () => {
  setSmsSender(null);
  await t.close();
});

/**
 * Each test's own discussion 老旧小区加装电梯怎么推进 (so it reads only its own comments, sign-ins and close): the
 * member's statement `sid` and comment on it, a link (`token`, five uses) and the citizen signed in on it from `ip`
 * with `phone` (a phone and an address get a few codes an hour, so each test has its own).
 */
async function elevator(phone: string, ip: string) {
  const { id, sid } = await openDiscussion(office, open('老旧小区加装电梯怎么推进'), {
    member,
    body: '加装电梯应当按楼层分摊费用',
  });
  const comment = { body: '一楼住户的意见也要听', statementId: sid };
  const memberComment: number = okBody(await member.post(`/api/discussions/${id}/comments`, comment)).id;
  const { token } = await invite(office, id, 5);
  const citizen = await signedInGuest(() => t.app, sent, ip, phone, token);
  return { id, sid, memberComment, token, citizen };
}

describe('an invited citizen', () => {
  it('reads the comments without any member’s private data', async () => {
    const { sid, memberComment, token, citizen } = await elevator('13900000031', '10.2.1.1');
    const r = await citizen.get(url(token));
    expect(r.status).toBe(200);
    const c = r.body.items.find((x: any) => x.id === memberComment);
    expect([c.body, c.statementId, c.mine]).toEqual(['一楼住户的意见也要听', sid, false]);
    // The fields of a comment, no account id, no phone.
    expect(Object.keys(c).sort()).toEqual(
      ['adopted', 'author', 'body', 'createdAt', 'id', 'mine', 'parentId', 'state', 'statementId'].sort(),
    );
    expect(JSON.stringify(r.body)).not.toMatch(/1[3-9]\d{9}|accountId|author_account_id/);
  });

  it('comments on a statement and replies to a member; members see 受邀群众, staff see which citizen', async () => {
    const { id, sid, memberComment, token, citizen } = await elevator(PHONE, '10.2.0.1');
    const mine = await citizen.post(url(token), { body: '建议政府补贴一部分', statementId: sid });
    expect([mine.status, mine.body.state]).toEqual([200, 'shown']);
    const reply = await citizen.post(url(token), {
      body: '同意，一楼也受益',
      statementId: sid,
      parentId: memberComment,
    });
    expect(reply.status).toBe(200);
    const own = (await citizen.get(url(token))).body.items.filter((c: any) => c.mine);
    expect(own.map((c: any) => [c.body, c.parentId])).toEqual([
      ['建议政府补贴一部分', null],
      ['同意，一楼也受益', memberComment],
    ]);
    const seen = (await okBody(await member.get(`/api/discussions/${id}/comments`))).items;
    expect(seen.find((c: any) => c.id === mine.body.id).author).toBe('受邀群众');
    expect(seen.find((c: any) => c.id === reply.body.id).parentId).toBe(memberComment);
    const staff = (await okBody(await office.get(`/api/discussions/${id}/comments`))).items;
    expect(staff.find((c: any) => c.id === mine.body.id).author).toBe('受邀群众');
    // Who, for staff: the audit names the citizen whose phone the one-time code verified (as for statements).
    const row = await queryOne<{ author_account_id: number }>(
      t.database.db,
      sql`select author_account_id from discussion_comments where id = ${mine.body.id}`,
    );
    const citizenId = -row!.author_account_id;
    const signIn = await query<{ actor_name: string; after: any }>(
      t.database.db,
      sql`select actor_name, after from audit_log where action = 'discussion.guest.sign_in' and entity_id = ${id}`,
    );
    expect(signIn.map((a) => [a.actor_name, a.after.citizenId])).toEqual([['受邀群众（139****0021）', citizenId]]);
    const audit = await queryOne<{ actor_name: string; actor_id: number }>(
      t.database.db,
      sql`select actor_name, actor_id from audit_log where action = 'discussion.comment' and entity_id = ${mine.body.id}`,
    );
    expect(audit).toEqual({ actor_name: `受邀群众（${citizenId}号）`, actor_id: -citizenId });
  });

  it('is told which field is wrong, and a listed word waits for moderation', async () => {
    const { id, sid, token, citizen } = await elevator('13900000033', '10.2.1.3');
    const empty = await citizen.post(url(token), { body: '   ', statementId: sid });
    expect([empty.status, empty.body.field, empty.body.message]).toEqual([400, 'body', '「评论」不能为空']);
    const long = await citizen.post(url(token), { body: '长'.repeat(1001), statementId: sid });
    expect([long.status, long.body.field]).toEqual([400, 'body']);
    expect(long.body.message).toMatch(/^「评论」/);
    await okBody(await office.put('/api/discussions/settings', { maxLength: 140, words: ['违禁词'] }));
    const held = await citizen.post(url(token), { body: '这里有违禁词', statementId: sid });
    expect([held.status, held.body.state]).toEqual([200, 'pending']);
    const members = (await okBody(await member.get(`/api/discussions/${id}/comments`))).items;
    expect(members.some((c: any) => c.id === held.body.id)).toBe(false);
    const own = (await citizen.get(url(token))).body.items.find((c: any) => c.id === held.body.id);
    expect(own.state).toBe('pending');
  });

  it('cannot read or write another discussion’s comments', async () => {
    const { id, sid, token, citizen } = await elevator('13900000034', '10.2.1.4');
    const { id: other, sid: otherSid } = await openDiscussion(office, open('另一场讨论：背街小巷停车'), {
      member,
      body: '夜间开放机关停车场',
    });
    const otherToken = (await invite(office, other, 5)).token;
    const stranger = await signedInGuest(() => t.app, sent, '10.2.0.2', '13900000022', otherToken);
    // The other discussion's citizen on this link: not signed in here.
    const read = await stranger.get(url(token));
    expect([read.status, read.body.message]).toEqual([401, '请先验证手机号']);
    const write = await stranger.post(url(token), { body: '越界评论', statementId: sid });
    expect([write.status, write.body.message]).toEqual([401, '请先验证手机号']);
    // This discussion's citizen naming the other discussion's statement or comment.
    const cross = await citizen.post(url(token), { body: '越界评论', statementId: otherSid });
    expect([cross.status, cross.body.field, cross.body.message]).toEqual([400, 'statementId', '评论的观点不存在']);
    const strangerOwn = await stranger.post(url(otherToken), { body: '停车场要公开', statementId: otherSid });
    expect(strangerOwn.status).toBe(200);
    const parent = await citizen.post(url(token), {
      body: '越界回复',
      statementId: sid,
      parentId: strangerOwn.body.id,
    });
    expect([parent.status, parent.body.field]).toEqual([400, 'parentId']);
    expect((await citizen.get(url(token))).body.items.some((c: any) => c.body === '停车场要公开')).toBe(false);
    // An unknown link, and the members' route with the guest cookie.
    const unknown = await citizen.get(url('x'.repeat(24)));
    expect([unknown.status, unknown.body.message]).toEqual([404, '邀请链接不存在']);
    const members = await t.app.inject({
      method: 'GET',
      url: `/api/discussions/${id}/comments`,
      headers: { cookie: citizen.cookie },
    });
    expect(members.statusCode).toBe(401);
    expect(
      await queryOne(t.database.db, sql`select 1 from discussion_comments where body like '越界%'`),
    ).toBeUndefined();
  });

  it('comments within its per-guest limit, and not after the close', async () => {
    const { id, sid, token, citizen } = await elevator('13900000035', '10.2.1.5');
    const late = guestVisitor(() => t.app, '10.2.0.3');
    expect((await signInGuest(late, sent, '13900000023', token)).status).toBe(200);
    let last = { status: 0, body: {} as any };
    for (let i = 0; i <= GUEST_LIMITS.comments; i++)
      last = await late.post(url(token), { body: `限流测试评论第${i}条`, statementId: sid });
    expect([last.status, last.body.message]).toEqual([429, '操作过于频繁，请稍后再试']);
    await t.database.db.execute(sql`update discussions set closes_at = now() - interval '1 minute' where id = ${id}`);
    const closed = await citizen.post(url(token), { body: '截止后的评论', statementId: sid });
    expect([closed.status, closed.body.message]).toEqual([409, '网络议政不在开放时间内']);
    // Reading stays possible after the close.
    expect((await citizen.get(url(token))).status).toBe(200);
  });
});
