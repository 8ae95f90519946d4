// 我的履职, the rule editor's save (validation, permission, re-score with the reason shown), staff tables and exports,
// consequences, self-reports and commendations — through the routes, as members and staff of two committees.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../../platform/db/client.ts';
import { testAppForFile } from '../../test/harness.ts';
import { PRESETS } from './rule-presets.ts';
import { thisYear } from './service.ts';

const t = testAppForFile({ admin: 'admin', office: 'office_staff', member: 'member030', county: 'county_admin' });
const year = thisYear();
const db = () => t.database.db;

beforeAll(async () => {
  // The member attends a plenary (checked in by staff) and an activity.
  const now = Date.now();
  const meeting = await t.office.post('/api/meetings', {
    kind: 'plenary',
    title: '全体会议',
    startsAt: new Date(now - 3600_000).toISOString(),
    endsAt: new Date(now + 3600_000).toISOString(),
    place: '礼堂',
    invite: { rule: 'members', memberIds: [t.member.me.account.memberId] },
  });
  await t.office.post(`/api/meetings/${meeting.body.id}/attendance/${t.member.me.account.memberId}`, { present: true });
  const activity = await t.office.post('/api/activities', {
    kind: 'research',
    title: '乡村振兴专题调研',
    startsAt: new Date(now - 3600_000).toISOString(),
    endsAt: new Date(now + 3600_000).toISOString(),
    place: '某镇',
    registration: 'invite',
    invite: { rule: 'members', memberIds: [t.member.me.account.memberId] },
  });
  await t.office.post(`/api/activities/${activity.body.id}/attendance/${t.member.me.account.memberId}`, {
    present: true,
  });
});

describe('我的履职', () => {
  it('shows points, grade, each fact with its rule, checklist progress, reminders and the committee median', async () => {
    await t.admin.put('/api/duty/rules', { year, rules: PRESETS.hundred.rules });
    const res = await t.member.get('/api/duty/me');
    expect(res.status).toBe(200);
    const e = res.body.explanation;
    expect(e.total).toBe(52); // plenary 50 + one activity 2
    expect(e.gradeLabel).toBe('不称职');
    expect(e.lines.map((l: any) => [l.kindLabel, l.rule, l.points])).toEqual([
      ['出席会议', '出席全体会议', 50],
      ['参加调研', '参加履职活动', 2],
    ]);
    expect(e.checklist.find((k: any) => k.key === 'research')).toMatchObject({ done: true, count: 1 });
    expect(res.body.reminders).toContain(
      '年度基本要求还有 5 项未完成：提交一件提案、报送一篇社情民意信息、参加一次基层协商、办一件实事、引进一个项目或人才',
    );
    expect(res.body.reminders).toContain('目前积分 52 分，低于合格分 60 分');
    expect(res.body.median).toBe(0);
  });

  it('is for members only; staff read one member through /members/:id, another committee gets 404', async () => {
    expect((await t.office.get('/api/duty/me')).status).toBe(403);
    const id = t.member.me.account.memberId;
    const staff = await t.office.get(`/api/duty/members/${id}`);
    expect(staff.status).toBe(200);
    expect(staff.body.explanation.total).toBe(52);
    expect((await t.county.get(`/api/duty/members/${id}`)).status).toBe(404);
    expect((await t.member.get(`/api/duty/members/${id}`)).status).toBe(403);
  });
});

describe('rule editor', () => {
  it('changing a rule makes a new version, re-scores everyone and the member sees the new reason', async () => {
    const rules = structuredClone(PRESETS.hundred.rules);
    rules.items.find((i) => i.label === '参加履职活动')!.points = 4;
    rules.items.find((i) => i.label === '参加履职活动')!.label = '参加履职活动（每次 4 分）';
    const before = await t.admin.get(`/api/duty/rules?year=${year}`);
    const res = await t.admin.put('/api/duty/rules', { year, rules, note: '活动分值调整为 4 分' });
    expect(res.status).toBe(200);
    expect(res.body.version.version).toBe(before.body.current.version + 1);
    expect(res.body.rescored).toBeGreaterThan(250);
    expect(res.body.changed).toBe(1);
    const me = await t.member.get('/api/duty/me');
    expect(me.body.explanation.total).toBe(54);
    expect(me.body.explanation.lines[1]).toMatchObject({ rule: '参加履职活动（每次 4 分）', points: 4 });
    expect(me.body.explanation.version.version).toBe(res.body.version.version);
    const stored = await queryOne<{ total: number; version_id: number }>(
      db(),
      sql`select total::float8 as total, version_id from duty_scores where member_id = ${t.member.me.account.memberId} and year = ${year}`,
    );
    expect(stored).toEqual({ total: 54, version_id: res.body.version.id });
  });

  it('rejects invalid rules with a Chinese message naming the field, and saves nothing', async () => {
    const count = async () =>
      (await queryOne<{ n: number }>(db(), sql`select count(*)::int as n from duty_rule_versions`))!.n;
    const n = await count();
    const badCategory = structuredClone(PRESETS.hundred.rules);
    badCategory.items[0].category = 'nope';
    const r1 = await t.admin.put('/api/duty/rules', { year, rules: badCategory });
    expect(r1.status).toBe(400);
    expect(r1.body).toMatchObject({
      field: 'items.0.category',
      message: '第 1 个计分项「出席全体会议」的所属类别「nope」不存在',
    });
    const badGrades = structuredClone(PRESETS.hundred.rules);
    badGrades.grades[1].min = 95;
    const r2 = await t.admin.put('/api/duty/rules', { year, rules: badGrades });
    expect(r2.body.message).toBe('等次「良好」的最低分应低于「优秀」');
    const noName = structuredClone(PRESETS.hundred.rules) as any;
    noName.name = '';
    const r3 = await t.admin.put('/api/duty/rules', { year, rules: noName });
    expect(r3.status).toBe(400);
    expect(r3.body.message).toBe('「规则名称」不能为空');
    expect(await count()).toBe(n);
    expect((await t.office.put('/api/duty/rules', { year, rules: PRESETS.hundred.rules })).status).toBe(403);
  });

  it('offers the three ready sets', async () => {
    const res = await t.admin.get('/api/duty/rules/presets');
    expect(res.body.map((p: any) => p.key)).toEqual(['hundred', 'base120', 'accumulate']);
    expect(
      (await t.county.get(`/api/duty/rules/versions/${(await t.admin.get('/api/duty/rules')).body.current.id}`)).status,
    ).toBe(404);
  });
});

describe('staff views', () => {
  it('lists scores with components, filters by sector and below-bar, and exports Excel', async () => {
    const list = await t.office.get(`/api/duty/scores?year=${year}&belowPass=true&pageSize=5&sort=totalDesc`);
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({ memberId: t.member.me.account.memberId, total: 54 });
    expect(Object.keys(list.body.items[0].components)).toEqual(['meetings', 'proposals', 'activities', 'opinions']);
    expect(list.body.items[0].checklistMissing).toContain('提交一件提案');
    const sector = await queryOne<{ sector_id: number }>(
      db(),
      sql`select sector_id from members where id = ${t.member.me.account.memberId}`,
    );
    const bySector = await t.office.get(`/api/duty/scores?year=${year}&sectorId=${sector!.sector_id}&pageSize=500`);
    expect(bySector.body.items.map((i: any) => i.memberId)).toContain(t.member.me.account.memberId);
    const groups = await t.office.get(`/api/duty/groups?year=${year}&by=sector`);
    expect(groups.body.items.find((g: any) => g.id === sector!.sector_id).components.meetings).toBeGreaterThan(0);
    const xlsx = await t.office.get(`/api/duty/scores/export?year=${year}`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(
      (await t.county.get(`/api/duty/scores?year=${year}&pageSize=500`)).body.items.map((i: any) => i.memberId),
    ).not.toContain(t.member.me.account.memberId);
  });

  it('exports the quarterly bulletin to Word and Excel', async () => {
    const q = Math.floor(new Date(Date.now() + 8 * 3600_000).getUTCMonth() / 3) + 1;
    const docx = await t.office.get(`/api/duty/bulletin?year=${year}&quarter=${q}&format=docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(String(docx.headers['content-disposition']))).toContain(
      `${year}年第${q}季度委员履职情况通报`,
    );
    const xlsx = await t.office.get(`/api/duty/bulletin?year=${year}&quarter=${q}&format=xlsx`);
    expect(xlsx.raw.subarray(0, 2).toString()).toBe('PK');
    expect((await t.office.get(`/api/duty/bulletin?year=${year}&quarter=5&format=docx`)).status).toBe(400);
  });

  it('suggests and records consequences (约谈) for members below the bar', async () => {
    const c = await t.office.get(`/api/duty/consequences/candidates?year=${year}`);
    const row = c.body.items.find((i: any) => i.memberId === t.member.me.account.memberId);
    expect(row).toMatchObject({ suggestion: 'talk', suggestionLabel: '约谈', talked: false });
    expect(row.reason).toContain('低于合格分 60 分');
    const rec = await t.office.post('/api/duty/consequences', {
      memberId: t.member.me.account.memberId,
      year,
      kind: 'talk',
      happenedOn: `${year}-11-20`,
      reason: row.reason,
      outcome: '委员表示将积极履职',
    });
    expect(rec.status).toBe(200);
    const after = await t.office.get(`/api/duty/consequences/candidates?year=${year}`);
    expect(after.body.items.find((i: any) => i.memberId === t.member.me.account.memberId).talked).toBe(true);
    expect((await t.member.post('/api/duty/consequences', {})).status).toBe(403);
    expect((await t.county.del(`/api/duty/consequences/${rec.body.id}`)).status).toBe(404);
    const bad = await t.office.post('/api/duty/consequences', {
      memberId: 999999,
      year,
      kind: 'talk',
      happenedOn: `${year}-11-20`,
      reason: 'x',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('所选委员不存在');
  });

  it('pre-fills the self-report from facts; the member submits and the office returns, then accepts it', async () => {
    const draft = await t.member.get(`/api/duty/my-report?year=${year}`);
    expect(draft.body.prefilled).toBe(true);
    expect(draft.body.body).toContain('出席会议 1 次');
    expect(draft.body.body).toContain('参加调研、视察、考察、协商等履职活动 1 次');
    const sub = await t.member.put('/api/duty/my-report', { year, body: draft.body.body, submit: true });
    expect(sub.body.status).toBe('submitted');
    expect((await t.member.put('/api/duty/my-report', { year, body: '改' })).status).toBe(409);
    const noComment = await t.office.post(`/api/duty/reports/${sub.body.id}/review`, { accept: false });
    expect(noComment.body.message).toBe('退回修改时请填写「意见」');
    await t.office.post(`/api/duty/reports/${sub.body.id}/review`, { accept: false, comment: '请补充不足和打算' });
    expect((await t.member.get(`/api/duty/my-report?year=${year}`)).body).toMatchObject({
      status: 'returned',
      reviewComment: '请补充不足和打算',
    });
    await t.member.put('/api/duty/my-report', { year, body: `${draft.body.body}\n补充`, submit: true });
    expect((await t.office.post(`/api/duty/reports/${sub.body.id}/review`, { accept: true })).status).toBe(200);
    const list = await t.office.get(`/api/duty/reports?year=${year}&status=accepted`);
    expect(list.body.items.map((r: any) => r.memberId)).toContain(t.member.me.account.memberId);
    expect((await t.county.get(`/api/duty/reports/${sub.body.id}`)).status).toBe(404);
  });

  it('records commendations (优秀委员) shown on the member page, once per title and year', async () => {
    const ok = await t.office.post('/api/duty/commendations', {
      memberId: t.member.me.account.memberId,
      year,
      reason: '积极参加调研',
    });
    expect(ok.status).toBe(200);
    const dup = await t.office.post('/api/duty/commendations', {
      memberId: t.member.me.account.memberId,
      year,
      reason: '再次',
    });
    expect(dup.status).toBe(409);
    expect((await t.member.get('/api/duty/me')).body.commendations).toEqual([
      { year, title: '优秀委员', reason: '积极参加调研' },
    ]);
    expect((await t.office.get(`/api/duty/commendations?year=${year}`)).body.items).toHaveLength(1);
    expect((await t.county.get(`/api/duty/commendations?year=${year}`)).body.items).toHaveLength(0);
  });
});
