// Lists, search and figures: filters and Chinese full-text search, my proposals and a unit's inbox, office queues,
// similar proposals with scores, unit suggestions learned from assignments, Excel/Word exports, key proposals,
// commendation, unit appraisal, public flags, rules, and the annual-report sentence computed from the data.

import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { type Client, createTestApp, login, type TestContext } from '../../test/harness.ts';
import {
  assigned,
  detail,
  registered,
  replyAndApprove,
  transition,
  tryTransition,
  unitIdOf,
  write,
} from './test-helpers.ts';

let t: TestContext;
let db: Db;
let staff: Client;
let leader: Client;
let admin: Client;
let m1: Client;
let m2: Client;
let m3: Client;
let u1: Client;
let u2: Client;
let countyStaff: Client;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
  [staff, leader, admin, m1, m2, m3, u1, u2, countyStaff] = await Promise.all(
    [
      'proposal_staff',
      'leader',
      'admin',
      'member020',
      'member021',
      'member022',
      'unit01',
      'unit02',
      'county_proposal_staff',
    ].map((u) => login(t.app, u)),
  );
  // A small year of proposals: three handled by units with ratings, one under review, one rejected, one draft.
  ids.care = await assigned(m1, staff, unitIdOf(u2), [], {
    title: '关于发展普惠托育服务的建议',
    background: '我市0至3岁婴幼儿入托率不足10%，普惠性托育机构数量少、收费高。',
    suggestions: '建议将普惠托育纳入民生实事，给予建设和运营补贴。',
    category: '社会建设',
  });
  ids.road = await assigned(m2, staff, unitIdOf(u1), [], {
    title: '关于加快城乡公交一体化的建议',
    background: '农村地区公交线路少、班次稀，群众出行不便。',
    suggestions: '建议统筹城乡公交线网，推进农村客运公交化改造。',
    category: '经济建设',
  });
  ids.elder = await assigned(m3, staff, unitIdOf(u2), [], {
    title: '关于推进医养结合养老服务的建议',
    background: '失能半失能老人照护需求大，医疗与养老资源衔接不畅。',
    suggestions: '建议推动社区卫生服务中心与养老机构签约合作。',
    category: '社会建设',
  });
  await replyAndApprove(u2, staff, ids.care, 'A');
  await transition(m1, ids.care, 'rate', { rating: 'satisfied' });
  await replyAndApprove(u1, staff, ids.road, 'B');
  await transition(m2, ids.road, 'rate', { rating: 'partlySatisfied' });
  ids.review = await write(m1, {
    title: '关于建设城市智慧停车平台的建议',
    background: '停车信息不共享，停车难问题突出。',
    suggestions: '建议整合停车资源，建设全市统一的智慧停车平台。',
    category: '经济建设',
    submit: true,
  });
  ids.rejected = await write(m2, { title: '关于为本人企业产品做宣传的建议', submit: true });
  await transition(staff, ids.rejected, 'preApprove');
  await transition(staff, ids.rejected, 'reject', { ground: '宣传推介作品、产品', comment: '不属于提案范围' });
  ids.draft = await write(m1, { title: '关于草稿不应出现在列表中的建议' });
});
afterAll(() => t.close());

describe('lists', () => {
  it('shows a member only their own proposals, drafts included', async () => {
    const res = await m1.get('/api/proposals?pageSize=50');
    expect(res.body.scope).toBe('mine');
    expect(res.body.items.map((i: any) => i.id).sort()).toEqual([ids.care, ids.review, ids.draft].sort());
    const care = res.body.items.find((i: any) => i.id === ids.care);
    expect(care).toMatchObject({ stateLabel: '办理完毕', units: '市教育局', kindLabel: '个人提案' });
  });

  it("gives a unit its inbox with its own assignment's state and deadline", async () => {
    const res = await u2.get('/api/proposals');
    expect(res.body.scope).toBe('unit');
    expect(res.body.items.map((i: any) => i.id).sort()).toEqual([ids.care, ids.elder].sort());
    const todo = await u2.get('/api/proposals?assignmentState=assigned');
    expect(todo.body.items.map((i: any) => [i.id, i.myAssignment.stateLabel])).toEqual([[ids.elder, '待签收']]);
  });

  it('gives the office everything that reached it, never drafts, with queues and filters', async () => {
    const all = await staff.get('/api/proposals?pageSize=100');
    const allIds = all.body.items.map((i: any) => i.id);
    expect(allIds).not.toContain(ids.draft);
    expect(all.body.total).toBe(5);
    const pre = await staff.get('/api/proposals?queue=preReview');
    expect(pre.body.items.map((i: any) => i.id)).toEqual([ids.review]);
    const byCat = await staff.get(`/api/proposals?category=${encodeURIComponent('经济建设')}&sort=number&order=asc`);
    expect(byCat.body.items.map((i: any) => i.id)).toEqual([ids.road, ids.review]);
    const byUnit = await staff.get(`/api/proposals?unitId=${unitIdOf(u2)}&sort=number&order=asc`);
    expect(byUnit.body.items.map((i: any) => i.id)).toEqual([ids.care, ids.elder]);
    const byProposer = await staff.get(`/api/proposals?proposerId=${m2.me.account.memberId}`);
    expect(byProposer.body.items.map((i: any) => i.id).sort()).toEqual([ids.road, ids.rejected].sort());
    const states = await staff.get('/api/proposals?state=rejected&state=submitted');
    expect(states.body.total).toBe(2);
    const paged = await staff.get('/api/proposals?pageSize=2&page=3&sort=number&order=asc');
    expect(paged.body.items).toHaveLength(1);
    expect(paged.body.total).toBe(5);
    // Past the tenth page the limit and offset are parameters, not text (list-service pageClause): same answers.
    const byNumber = await staff.get('/api/proposals?pageSize=100&sort=number&order=asc');
    const fifth = await staff.get('/api/proposals?pageSize=1&page=5&sort=number&order=asc');
    expect(fifth.body.items.map((i: any) => i.id)).toEqual([byNumber.body.items[4].id]);
    const deep = await staff.get('/api/proposals?pageSize=1&page=11');
    expect(deep.body.items).toEqual([]);
    expect(deep.body.total).toBe(5);
    const bad = await staff.get('/api/proposals?state=nonsense');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/状态/);
  });

  it('finds two- and four-character Chinese words in title and text', async () => {
    const two = await staff.get(`/api/proposals?q=${encodeURIComponent('托育')}`);
    expect(two.body.items.map((i: any) => i.id)).toEqual([ids.care]);
    const four = await staff.get(`/api/proposals?q=${encodeURIComponent('客运公交')}`);
    expect(four.body.items.map((i: any) => i.id)).toEqual([ids.road]);
    const name = await staff.get(`/api/proposals?q=${encodeURIComponent(m3.me.account.displayName)}`);
    expect(name.body.items.map((i: any) => i.id)).toContain(ids.elder);
    const none = await staff.get(`/api/proposals?q=${encodeURIComponent('航天')}`);
    expect(none.body.total).toBe(0);
  });

  it('exports any list to Excel with the visible columns', async () => {
    const res = await staff.get(
      `/api/proposals/export.xlsx?category=${encodeURIComponent('社会建设')}&sort=number&order=asc`,
    );
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain("filename*=UTF-8''");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as any);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(2).value).toBe('案由');
    const titles = [ws.getRow(2).getCell(2).value, ws.getRow(3).getCell(2).value];
    expect(titles).toEqual(['关于发展普惠托育服务的建议', '关于推进医养结合养老服务的建议']);
    // The rejected proposal of the same category has no number and comes last.
    expect(ws.rowCount).toBe(4);
  });
});

describe('similar proposals and unit suggestions', () => {
  it('offers similar proposals of this and earlier sessions with a 0–100 score while writing', async () => {
    const res = await m2.post('/api/proposals/similar', {
      title: '关于加快发展普惠性托育服务的建议',
      text: '婴幼儿托育机构少，建议给予普惠托育建设运营补贴。',
    });
    expect(res.status).toBe(200);
    // m1's registered proposal is offered to m2 by title and score; m2 cannot open it, so no link is given.
    expect(res.body.items[0]).toMatchObject({ id: ids.care, title: '关于发展普惠托育服务的建议', canOpen: false });
    expect(
      (await m1.post('/api/proposals/similar', { title: '关于发展普惠托育服务的建议' })).body.items[0],
    ).toMatchObject({
      id: ids.care,
      canOpen: true,
    });
    // Another member's proposal still under review stays private to the office; staff see it.
    const reviewTitle = (await staff.get(`/api/proposals/${ids.review}`)).body.title;
    const asMember = await m2.post('/api/proposals/similar', { title: reviewTitle });
    expect(asMember.body.items.map((i: any) => i.id)).not.toContain(ids.review);
    const asStaff = await staff.post('/api/proposals/similar', { title: reviewTitle });
    expect(asStaff.body.items.map((i: any) => i.id)).toContain(ids.review);
    expect(res.body.items[0].score).toBeGreaterThan(50);
    expect(res.body.items[0].score).toBeLessThanOrEqual(100);
    // Drafts of others never show up.
    const drafts = await m2.post('/api/proposals/similar', { title: '关于草稿不应出现在列表中的建议' });
    expect(drafts.body.items.map((i: any) => i.id)).not.toContain(ids.draft);
    // Another committee's proposals are not offered.
    const county = await countyStaff.post('/api/proposals/similar', { title: '关于发展普惠托育服务的建议' });
    expect(county.body.items).toEqual([]);
  });

  it('suggests units from how earlier alike proposals were assigned', async () => {
    const res = await staff.post('/api/proposals/suggest-units', {
      title: '关于增加普惠托育机构的建议',
      text: '托育服务供给不足',
    });
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ unitId: unitIdOf(u2), name: '市教育局', score: 100 });
    expect((await m1.post('/api/proposals/suggest-units', { title: '托育' })).status).toBe(403);
    const merge = await staff.get(`/api/proposals/${ids.review}/similar`);
    expect(merge.status).toBe(200);
    const forOne = await staff.get(`/api/proposals/${ids.review}/suggest-units`);
    expect(forOne.status).toBe(200);
  });
});

describe('figures', () => {
  it('computes the counts, shares and the annual-report sentence from the data', async () => {
    const res = await staff.get('/api/proposals/figures?year=2026');
    expect(res.status).toBe(200);
    const f = res.body;
    expect(f.totals).toMatchObject({ received: 5, registered: 3, answered: 2, solved: 1, rejected: 1 });
    expect(f.sentence).toBe(
      '2026年全年共收到提案5件，立案3件，已办理答复2件（占66.7%），所提问题已解决或建议得到采纳的提案占33.3%',
    );
    expect(f.byCategory.find((c: any) => c.key === '社会建设')).toMatchObject({ count: 3, registered: 2 });
    expect(f.outcome.map((o: any) => [o.key, o.count])).toEqual([
      ['A', 1],
      ['B', 1],
      ['C', 0],
    ]);
    expect(f.onTime).toEqual({ replied: 2, due: 2, onTime: 2, rate: 100 });
    expect(f.satisfaction).toMatchObject({ satisfied: 1, partlySatisfied: 1, unsatisfied: 0, satisfiedRate: 100 });
    const edu = f.byUnit.find((u: any) => u.unitId === unitIdOf(u2));
    expect(edu).toMatchObject({ name: '市教育局', assigned: 2, replied: 1, open: 1, onTimeRate: 100 });
    expect((await m1.get('/api/proposals/figures')).status).toBe(403);
    expect((await leader.get('/api/proposals/figures')).status).toBe(200);
    const own = await u2.get('/api/proposals/unit-figures');
    expect(own.body.byUnit.map((u: any) => u.unitId)).toEqual([unitIdOf(u2)]);
    const xlsx = await staff.get('/api/proposals/figures.xlsx?year=2026');
    expect(xlsx.raw.subarray(0, 2).toString()).toBe('PK');
    // Another committee's figures count only its own proposals.
    const county = await countyStaff.get('/api/proposals/figures');
    expect(county.body.totals.received).toBe(0);
  });
});

describe('key proposals, commendation, appraisal, public flags', () => {
  it('selects a key proposal with its leaders, records visits and progress, and records the duty fact', async () => {
    const notYet = await staff.put(`/api/proposals/${ids.review}/key`, {
      governmentLeader: '副市长 王强',
      supervisingLeader: '副主席 李明',
    });
    expect(notYet.status).toBe(409);
    expect(
      (await m1.put(`/api/proposals/${ids.elder}/key`, { governmentLeader: 'a', supervisingLeader: 'b' })).status,
    ).toBe(403);
    const empty = await leader.put(`/api/proposals/${ids.elder}/key`, { governmentLeader: '', supervisingLeader: 'x' });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toBe('「领办的政府领导」不能为空');
    expect(
      (
        await leader.put(`/api/proposals/${ids.elder}/key`, {
          governmentLeader: '副市长 王强',
          supervisingLeader: '副主席 李明',
        })
      ).status,
    ).toBe(200);
    const ev = await staff.post(`/api/proposals/${ids.elder}/key/events`, {
      kind: 'visit',
      date: '2026-05-10',
      text: '督办组赴市卫健委实地视察医养结合工作',
    });
    expect(ev.status).toBe(200);
    const d = await detail(m3, ids.elder);
    expect(d.isKey).toBe(true);
    expect(d.key).toMatchObject({ governmentLeader: '副市长 王强', supervisingLeader: '副主席 李明' });
    expect(d.key.events.map((e: any) => [e.kindLabel, e.date])).toEqual([['督办视察', '2026-05-10']]);
    const fact = await queryOne<{ n: number }>(
      db,
      sql`select count(*)::int as n from duty_facts where kind = 'proposal.key' and source_id = ${ids.elder} and revoked_at is null`,
    );
    expect(fact!.n).toBe(1);
    const keyList = await staff.get('/api/proposals?isKey=true');
    expect(keyList.body.items.map((i: any) => i.id)).toEqual([ids.elder]);
    expect(
      (await countyStaff.put(`/api/proposals/${ids.elder}/key`, { governmentLeader: 'a', supervisingLeader: 'b' }))
        .status,
    ).toBe(404);
  });

  it('takes a proposal through nomination, evaluation and publication, then credits its proposers', async () => {
    const early = await staff.post(`/api/proposals/${ids.care}/commendation`, { action: 'publish' });
    expect(early.status).toBe(409);
    expect(
      (await staff.post(`/api/proposals/${ids.care}/commendation`, { action: 'nominate', reason: '调研深入' })).body
        .state,
    ).toBe('nominated');
    const noScore = await staff.post(`/api/proposals/${ids.care}/commendation`, { action: 'evaluate' });
    expect(noScore.body.field).toBe('score');
    await staff.post(`/api/proposals/${ids.care}/commendation`, {
      action: 'evaluate',
      score: 92,
      opinion: '建议具体可行',
    });
    expect((await leader.post(`/api/proposals/${ids.care}/commendation`, { action: 'publish' })).body.stateLabel).toBe(
      '已表彰',
    );
    const list = await leader.get('/api/proposals/commendations?year=2026');
    expect(list.body.items.map((i: any) => [i.proposalId, i.stateLabel, i.score])).toEqual([[ids.care, '已表彰', 92]]);
    const fact = await queryOne<{ member_id: number }>(
      db,
      sql`select member_id from duty_facts where kind = 'proposal.commended' and source_id = ${ids.care}`,
    );
    expect(fact!.member_id).toBe(m1.me.account.memberId);
    expect((await m1.post(`/api/proposals/${ids.care}/commendation`, { action: 'nominate' })).status).toBe(403);
  });

  it('scores units on the appraisal dimensions out of 100 and grades them', async () => {
    const bad = await staff.put('/api/proposals/appraisals', {
      year: 2026,
      unitId: unitIdOf(u2),
      scores: { organisation: 30, mechanism: 20, contact: 20, results: 25, replyQuality: 15 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ field: 'scores.organisation', message: '「组织领导」得分须在 0–20 之间' });
    const missing = await staff.put('/api/proposals/appraisals', {
      year: 2026,
      unitId: unitIdOf(u2),
      scores: { organisation: 20 },
    });
    expect(missing.body.field).toBe('scores.mechanism');
    const res = await staff.put('/api/proposals/appraisals', {
      year: 2026,
      unitId: unitIdOf(u2),
      scores: { organisation: 19, mechanism: 18, contact: 17, results: 20, replyQuality: 12 },
      comment: '办理认真',
    });
    expect(res.body).toEqual({ total: 86, grade: '良好' });
    const list = await leader.get('/api/proposals/appraisals?year=2026');
    expect(list.body.items.find((i: any) => i.unitId === unitIdOf(u2))).toMatchObject({
      total: 86,
      grade: '良好',
      assigned: 2,
    });
    expect(
      (await leader.put('/api/proposals/appraisals', { year: 2026, unitId: unitIdOf(u2), scores: {} })).status,
    ).toBe(403);
    const xlsx = await staff.get('/api/proposals/appraisals.xlsx?year=2026');
    expect(xlsx.status).toBe(200);
  });

  it('marks a proposal and its reply public', async () => {
    expect((await staff.put(`/api/proposals/${ids.care}/public`, { isPublic: true, repliesPublic: true })).status).toBe(
      200,
    );
    const d = await detail(m1, ids.care);
    expect(d.isPublic).toBe(true);
    expect(d.replies.every((r: any) => r.isPublic)).toBe(true);
    expect((await staff.put(`/api/proposals/${ids.review}/public`, { isPublic: true })).status).toBe(409);
    expect((await m1.put(`/api/proposals/${ids.care}/public`, { isPublic: false })).status).toBe(403);
  });

  it('exports a proposal to Word in the official layout', async () => {
    const res = await m1.get(`/api/proposals/${ids.care}/word`);
    expect(res.status).toBe(200);
    expect(res.raw.subarray(0, 2).toString()).toBe('PK');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('六届一次会议第');
    expect((await m2.get(`/api/proposals/${ids.care}/word`)).status).toBe(404);
  });
});

describe('rules', () => {
  it('reads the defaults and lets the office change them per year, checked and audited', async () => {
    const res = await m1.get('/api/proposals/rules');
    expect(res.body).toMatchObject({ titleMaxLength: 50, replyMonths: 3, extensionMonths: 1, ratingDays: 15 });
    expect(res.body.outcomeClasses.map((c: any) => c.code)).toEqual(['A', 'B', 'C']);
    expect(res.body.rejectionGrounds).toHaveLength(10);
    expect((await m1.put('/api/proposals/rules', { year: 2027, titleMaxLength: 40 })).status).toBe(403);
    const bad = await staff.put('/api/proposals/rules', { year: 2027, titleMaxLength: 5 });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('「案由字数上限」不能小于 10');
    expect((await staff.put('/api/proposals/rules', { year: 2027, titleMaxLength: 40 })).status).toBe(200);
    expect((await m1.get('/api/proposals/rules?year=2027')).body.titleMaxLength).toBe(40);
    expect((await m1.get('/api/proposals/rules?year=2026')).body.titleMaxLength).toBe(50);
    const audit = await query<{ action: string }>(
      db,
      sql`select action from audit_log where entity = 'setting' and entity_id = 'proposal.rules:2027'`,
    );
    expect(audit).toHaveLength(1);
    void admin;
    void tryTransition;
    void registered;
  });
});
