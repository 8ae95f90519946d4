// The committee's public site: staff write and publish news (audited; the public sees published ones only); the public
// reads public proposals with their public replies (names only, never phones) and the published plan; a citizen sends a
// proposal idea with a one-time code; staff hand it to a member, who alone sees it.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, queryOne } from '../../platform/db/client.ts';
import { type Client, createTestApp, login, okBody, type TestContext } from '../../test/harness.ts';
import { setSmsSender } from '../grassroots/sms.ts';
import { anonymous, smsInbox } from '../grassroots/test-helpers.ts';
import { assigned, replyAndApprove } from '../proposals/test-helpers.ts';

let t: TestContext;
let office: Client;
let code: string;
const inbox = smsInbox();
const lastCode = inbox.lastCode;

const anon = anonymous(() => t.app, '10.2.0.1');

beforeAll(async () => {
  t = await createTestApp();
  setSmsSender(inbox);
  office = await login(t.app, 'office_staff');
  code = (await queryOne<{ c: string }>(
    t.database.db,
    sql`select region_code as c from committees where name = '示例市政协'`,
  ))!.c;
});
afterAll(async () => {
  setSmsSender(null);
  await t.close();
});

describe('public site', () => {
  it('news: drafts stay private, published ones are read by anyone, unpublished ones disappear; every step audited', async () => {
    const { id } = await okBody(
      await office.post('/api/public-site/news', {
        kind: 'news',
        title: '市政协召开专题协商会',
        body: '会议围绕养老服务展开协商。',
      }),
    );
    expect((await office.post('/api/public-site/news', { kind: 'news', title: '', body: 'x' })).body.message).toMatch(
      /标题/,
    );
    expect((await anon('GET', `/api/public/c/${code}/news/${id}`)).status).toBe(404);
    expect((await anon('GET', `/api/public/c/${code}`)).body.news.total).toBe(0);
    await okBody(await office.post(`/api/public-site/news/${id}/publish`));
    expect((await office.post(`/api/public-site/news/${id}/publish`)).status).toBe(409);
    const home = await anon('GET', `/api/public/c/${code}`);
    expect(home.body.committee.name).toBe('示例市政协');
    expect(home.body.news.items).toMatchObject([{ id, title: '市政协召开专题协商会', kindLabel: '新闻' }]);
    expect((await anon('GET', `/api/public/c/${code}/news/${id}`)).body).toMatchObject({
      body: '会议围绕养老服务展开协商。',
    });
    const list = await office.get('/api/public-site/news?state=published&page=1&pageSize=10');
    expect(list.body).toMatchObject({ total: 1, items: [{ id, stateLabel: '已发布' }] });
    await okBody(await office.post(`/api/public-site/news/${id}/unpublish`));
    expect((await anon('GET', `/api/public/c/${code}/news/${id}`)).status).toBe(404);
    const audit = await query<{ action: string }>(
      t.database.db,
      sql`select action from audit_log where entity = 'publicNews' and entity_id = ${String(id)} order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'publicSite.news.create',
      'publicSite.news.publish',
      'publicSite.news.unpublish',
    ]);
    expect((await (await login(t.app, 'member001')).post('/api/public-site/news', {})).status).toBe(403);
    expect((await anon('GET', '/api/public/c/999999')).status).toBe(404);
  });

  it('public proposals show the title, the proposer and the public reply only', async () => {
    const [member, staff, unit] = await Promise.all(
      ['member001', 'proposal_staff', 'unit01'].map((u) => login(t.app, u)),
    );
    const id = await assigned(member, staff, unit.me.account.unitId, [], { title: '关于完善社区养老服务的建议' });
    await replyAndApprove(unit, staff, id);
    expect((await anon('GET', `/api/public/c/${code}/proposals`)).body.total).toBe(0);
    await okBody(await staff.put(`/api/proposals/${id}/public`, { isPublic: true }));
    const before = await anon('GET', `/api/public/c/${code}/proposals`);
    expect(before.body.items).toMatchObject([{ title: '关于完善社区养老服务的建议', replies: [] }]);
    await okBody(await staff.put(`/api/proposals/${id}/public`, { isPublic: true, repliesPublic: true }));
    const after = await anon('GET', `/api/public/c/${code}/proposals`);
    const name = (await queryOne<{ name: string }>(
      t.database.db,
      sql`select m.name from accounts a join members m on m.id = a.member_id where a.username = 'member001'`,
    ))!.name;
    expect(after.body.items[0]).toMatchObject({
      proposer: name,
      replies: [{ unitName: '市发展和改革委员会', text: '经研究，已将有关建议纳入年度工作计划。' }],
    });
    expect(after.raw).not.toMatch(/1[3-9]\d{9}|\d{17}[\dX]|"memberId"|"accountId"/);
  });

  it('a citizen sends a proposal idea; staff hand it to a member, who alone sees it', async () => {
    const phone = '13812340000';
    expect((await anon('POST', `/api/public/c/${code}/code`, { phone })).body).toEqual({ ok: true, minutes: 10 });
    const wrong = await anon('POST', `/api/public/c/${code}/ideas`, { phone, code: '12345', title: 'x', body: 'y' });
    expect(wrong.status).toBe(400);
    await okBody(
      await anon('POST', `/api/public/c/${code}/ideas`, {
        phone,
        code: lastCode(phone),
        title: '建议增设老旧小区电梯',
        body: '老旧小区老人上下楼困难，建议加快加装电梯。',
      }),
    );
    const ideas = await office.get('/api/public-site/ideas?state=new');
    expect(ideas.body.items[0]).toMatchObject({ title: '建议增设老旧小区电梯', stateLabel: '待交办' });
    expect(JSON.stringify(ideas.body)).not.toMatch(/1381234|0000/);
    const member = await login(t.app, 'member002');
    await okBody(
      await office.post(`/api/public-site/ideas/${ideas.body.items[0].id}/hand`, {
        memberId: member.me.account.memberId,
        note: '请研究是否形成提案',
      }),
    );
    const mine = await member.get('/api/public-site/ideas/mine');
    expect(mine.body.items).toMatchObject([{ title: '建议增设老旧小区电梯', note: '请研究是否形成提案' }]);
    expect((await (await login(t.app, 'member003')).get('/api/public-site/ideas/mine')).body.total).toBe(0);
    const n = await queryOne<{ title: string }>(
      t.database.db,
      sql`select n.title from notifications n join accounts a on a.id = n.account_id where a.username = 'member002' order by n.id desc limit 1`,
    );
    expect(n!.title).toBe('收到一条群众提案线索');
  });
});
