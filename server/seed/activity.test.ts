// The demo year that `npm start` writes on a fresh database: every step goes through the routes, so what staff,
// members and leaders first see is what the modules computed, on PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestContext } from '../test/harness.ts';
import { seedDemoActivity } from './activity.ts';
import { UNITS } from './demo.ts';

let t: TestContext;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoActivity(t.app);
}, 120_000);
afterAll(() => t.close());

describe('demo activity', () => {
  it('gives the proposal office a year of proposals at every stage and the annual sentence from them', async () => {
    const staff = await login(t.app, 'proposal_staff');
    const f = (await staff.get('/api/proposals/figures')).body;
    expect(f.totals).toMatchObject({ received: 19, registered: 16, answered: 10, key: 1, rejected: 1 });
    expect(f.sentence).toBe(
      '共收到提案19件，立案16件，已办理答复10件（占62.5%），所提问题已解决或建议得到采纳的提案占37.5%',
    );
    const queue = (await staff.get('/api/proposals?state=submitted')).body;
    expect(queue.items.map((p: any) => p.title).sort()).toEqual([
      '关于加强历史文化街区保护利用的建议',
      '关于规范校外培训机构管理的建议',
    ]);
    const org = await login(t.app, 'org01');
    const waiting = (await org.get('/api/proposals')).body.items;
    expect(waiting.map((p: any) => [p.title, p.stateLabel])).toEqual([
      ['关于支持民营企业参与城市更新的建议', '待负责人审批'],
    ]);
  });

  it('brings the county’s forwarded report to the city, adopted with a provincial instruction', async () => {
    const county = await login(t.app, 'county_member002');
    const mine = (await county.get('/api/opinions/mine')).body.items;
    expect(mine).toHaveLength(1);
    const d = (await county.get(`/api/opinions/${mine[0].id}`)).body;
    expect(d.adoptions.map((a: any) => a.level)).toEqual(['city']);
    expect(d.instructions.map((i: any) => [i.level, i.leaderName])).toEqual([['province', '李华']]);
    const city = (await (await login(t.app, 'liaison_staff')).get('/api/opinions/figures')).body;
    expect(city).toMatchObject({ received: 6, fromLower: 1, issues: 1, referred: 1, answered: 1 });
    const liaison = await login(t.app, 'liaison_staff');
    const titles = async (filter: string) =>
      ((await liaison.get(`/api/opinions?${filter}`)).body.items as any[]).map((r) => r.title);
    expect(await titles('referred=true')).toEqual(['关于规范电动自行车停放充电的建议']);
    const notReferred = await titles('referred=false');
    expect(notReferred).toHaveLength(5);
    expect(notReferred).not.toContain('关于规范电动自行车停放充电的建议');
    expect(await titles('instructedLevel=province')).toEqual(['关于破解县域老旧小区加装电梯难题的建议']);
  });

  it('records the plenary’s attendance as duty facts: present members score, those ending in 7 were absent', async () => {
    const present = (await (await login(t.app, 'member101')).get('/api/duty/me')).body.explanation;
    expect(present.lines.map((l: any) => l.title)).toContain('六届一次会议第一次全体会议');
    expect(present.total).toBeGreaterThan(0);
    const absent = (await (await login(t.app, 'member077')).get('/api/duty/me')).body.explanation;
    expect(absent.lines.map((l: any) => [l.kindLabel, l.points])).toEqual([['会议缺席', 0]]);
  });
});

describe('待办 on the home page, from the demo year', () => {
  const todos = async (username: string) =>
    ((await (await login(t.app, username)).get('/api/todos')).body.items as any[]).map((i) => [
      i.label,
      i.count,
      i.link,
    ]);

  it('counts each user’s waiting work and links to the page that handles it', async () => {
    expect(await todos('proposal_staff')).toEqual([['待预审的提案', 2, '/proposals?queue=preReview']]);
    expect(await todos('org01')).toEqual([['待您审批的集体提案', 1, '/proposals/mine?state=orgApproval']]);
    expect(await todos('org01_staff')).toEqual([]);
    const transport = `unit${String(UNITS.indexOf('市交通运输局') + 1).padStart(2, '0')}`;
    expect(await todos(transport)).toContainEqual([
      '交办本单位待签收的提案',
      1,
      '/proposals/inbox?assignmentState=assigned',
    ]);
    expect(await todos('liaison_staff')).toEqual([
      ['待筛选的社情民意信息', 2, '/opinions/queue?state=submitted'],
      ['已采编、待编入期刊的信息', 1, '/opinions/queue?state=accepted'],
    ]);
    // member122 filed the eighth proposal, answered and not yet rated; member101 left a draft.
    expect(await todos('member122')).toContainEqual(['已答复、待您评价的提案', 1, '/proposals/mine?state=replied']);
    expect(await todos('member101')).toContainEqual(['尚未提交的提案草稿', 1, '/proposals/mine?state=draft']);
  });

  it('drops an item once it is done', async () => {
    const member = await login(t.app, 'member122');
    const id = (await member.get('/api/proposals?state=replied')).body.items[0].id;
    const rated = await member.post(`/api/proposals/${id}/transitions`, { action: 'rate', rating: 'satisfied' });
    expect(rated.status).toBe(200);
    expect((await todos('member122')).map(([label]) => label)).not.toContain('已答复、待您评价的提案');
  });
});
