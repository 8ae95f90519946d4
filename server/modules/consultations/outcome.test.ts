// The outcome process through the routes: every transition allowed and forbidden (state, role, guard) with a Chinese
// error and nothing changed, units' deadlines with reminders and overdue flags, 回头看 reopening a round, a unit seeing
// only its own outcomes, the public read and the to-dos.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, beijingToday, endOfBeijingDay, startOfBeijingDay } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { runDueJobs } from '../../platform/jobs/jobs.ts';
import { type Client, login, testAppForFile } from '../../test/harness.ts';
import { outcomeAction } from './test-helpers.ts';

const t = testAppForFile();
let db: Db;
let office: Client;
let leader: Client;
let unit1: Client;
let unit2: Client;
let member: Client;
let unitIds: number[];
let leaderId: number;
const today = beijingToday();

beforeAll(async () => {
  db = t.database.db;
  office = await login(t.app, 'office_staff');
  leader = await login(t.app, 'leader');
  unit1 = await login(t.app, 'unit01');
  unit2 = await login(t.app, 'unit02');
  member = await login(t.app, 'member001');
  const rows = await query<{ username: string; id: number; unit_id: number }>(
    db,
    sql`select username, id, unit_id from accounts where username in ('unit01', 'unit02', 'leader') order by username`,
  );
  leaderId = rows.find((r) => r.username === 'leader')!.id;
  unitIds = ['unit01', 'unit02'].map((u) => rows.find((r) => r.username === u)!.unit_id);
});

const state = async (id: number) =>
  (await queryOne<{ state: string }>(db, sql`select state from consultation_outcomes where id = ${id}`))!.state;
const outcomeUnitAction = (c: Client, id: number, row: number, action: string, data?: unknown, comment?: string) =>
  c.post(`/api/consultation-outcomes/${id}/units/${row}/actions`, { action, data, comment });

async function draft(title = '关于推进城乡养老服务一体化的建议案') {
  const r = await office.post('/api/consultation-outcomes', {
    kind: '建议案',
    title,
    body: '经专题协商，提出三条建议。',
    summary: '建议统筹城乡养老服务设施布局。',
    leaderAccountId: leaderId,
  });
  expect(r.status).toBe(200);
  return r.body.id as number;
}

async function toHandling(id: number) {
  expect((await outcomeAction(office, id, 'sendForSignOff')).status).toBe(200);
  expect((await outcomeAction(leader, id, 'signOff')).status).toBe(200);
  expect(
    (await outcomeAction(office, id, 'submit', { submittedTo: ['party', 'government'], submittedOn: today })).status,
  ).toBe(200);
  expect((await outcomeAction(office, id, 'handOver', { unitIds })).status).toBe(200);
}

describe('outcome process', () => {
  it('creates a draft once per client key and checks its fields', async () => {
    const body = { kind: '协商专报', title: '专报', body: '正文', clientKey: 'key-12345678' };
    const a = await office.post('/api/consultation-outcomes', body);
    const b = await office.post('/api/consultation-outcomes', body);
    expect(a.body.id).toBe(b.body.id);
    const bad = await office.post('/api/consultation-outcomes', { ...body, kind: '随便', clientKey: undefined });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('请选择正确的「成果类型」');
    const badLeader = await office.post('/api/consultation-outcomes', {
      ...body,
      leaderAccountId: 1,
      clientKey: undefined,
    });
    expect([badLeader.status, badLeader.body.message]).toEqual([400, '「牵头领导」须为本会的领导账号']);
    expect((await member.post('/api/consultation-outcomes', body)).status).toBe(403);
  });

  it('runs draft → sign-off → submitted → handed → feedback → evaluated → 回头看 → closed', async () => {
    const id = await draft();
    // forbidden: wrong state, wrong role; nothing changes
    let r = await outcomeAction(office, id, 'submit', { submittedTo: ['party'], submittedOn: today });
    expect([r.status, r.body.message]).toEqual([409, '当前状态为「草稿」，不能执行「报送」']);
    r = await outcomeAction(leader, id, 'sendForSignOff');
    expect([r.status, r.body.message]).toEqual([403, '没有权限执行「送领导签发」']);
    expect(await state(id)).toBe('draft');
    expect((await outcomeAction(office, id, 'sendForSignOff')).status).toBe(200);
    // the office may not sign; the leader must give a reason to send back
    expect((await outcomeAction(office, id, 'signOff')).status).toBe(403);
    r = await outcomeAction(leader, id, 'returnDraft');
    expect([r.status, r.body.message]).toEqual([400, '请填写「退回修改」的理由或意见']);
    expect((await leader.get('/api/todos')).body.items.map((i: any) => i.key)).toContain('outcomeSignOff');
    expect((await outcomeAction(leader, id, 'signOff')).status).toBe(200);
    expect(await state(id)).toBe('signed');
    // submission needs a target and a date not in the future
    r = await outcomeAction(office, id, 'submit', { submittedTo: [], submittedOn: today });
    expect([r.status, r.body.message]).toEqual([400, '请选择报送对象（党委或政府）']);
    r = await outcomeAction(office, id, 'submit', { submittedTo: ['party'], submittedOn: '2999-01-01' });
    expect(r.body.message).toBe('「报送日期」须为有效日期且不晚于今天');
    expect(await state(id)).toBe('signed');
    expect(
      (await outcomeAction(office, id, 'submit', { submittedTo: ['party', 'government'], submittedOn: today })).status,
    ).toBe(200);
    // an instruction after submission, on the timeline
    r = await outcomeAction(office, id, 'recordInstruction', {
      leaderName: '张书记',
      leaderOrgan: 'party',
      level: 'city',
      instructedOn: today,
      text: '请市民政局牵头研究落实。',
    });
    expect(r.status).toBe(200);
    r = await outcomeAction(office, id, 'handOver', { unitIds: [] });
    expect([r.status, r.body.message]).toEqual([400, '请至少选择一个「办理单位」']);
    expect((await outcomeAction(office, id, 'handOver', { unitIds })).status).toBe(200);
    const detail = (await office.get(`/api/consultation-outcomes/${id}`)).body;
    expect(detail.stateLabel).toBe('办理反馈中');
    expect(detail.instructions.map((i: any) => [i.leaderName, i.levelLabel])).toEqual([['张书记', '市级']]);
    expect(detail.timeline.map((e: any) => e.label)).toEqual(['送领导签发', '签发', '报送', '记录领导批示', '交办']);
    expect(detail.units).toHaveLength(2);
    // default deadline: three months after hand-over
    const due = new Date(detail.units[0].dueAt);
    expect(Math.round((due.getTime() - Date.now()) / 86_400_000)).toBeGreaterThan(85);

    // the unit: only its own row, accepts and sends feedback; the other unit may not touch it
    const seen = (await unit1.get(`/api/consultation-outcomes/${id}`)).body;
    expect(seen.units.map((u: any) => u.unitId)).toEqual([unitIds[0]]);
    expect(seen.units[0].actions.map((a: any) => a.action)).toEqual(['accept']);
    const row1 = seen.units[0].id;
    const row2 = detail.units.find((u: any) => u.unitId === unitIds[1]).id;
    r = await outcomeUnitAction(unit2, id, row1, 'accept');
    expect(r.status).toBe(404);
    r = await outcomeUnitAction(unit1, id, row1, 'feedback', { takenUp: '已采纳' });
    expect([r.status, r.body.message]).toEqual([409, '当前状态为「待签收」，不能执行「提交反馈」']);
    expect((await outcomeUnitAction(unit1, id, row1, 'accept')).status).toBe(200);
    r = await outcomeUnitAction(unit1, id, row1, 'feedback', { takenUp: '  ' });
    expect([r.status, r.body.message]).toEqual([400, '请填写「采纳吸收情况」']);
    expect(
      (
        await outcomeUnitAction(unit1, id, row1, 'feedback', {
          takenUp: '纳入年度民生实事',
          measures: '新建养老服务中心 3 个',
        })
      ).status,
    ).toBe(200);
    // evaluation waits for every unit's rated feedback
    r = await outcomeAction(office, id, 'evaluate', { transformationKinds: ['policy'] });
    expect([r.status, r.body.message]).toEqual([409, '还有办理单位的反馈未评估，请先逐一评估各单位反馈']);
    expect(await state(id)).toBe('handling');
    expect((await outcomeUnitAction(office, id, row1, 'sendBack', undefined, '请补充资金安排')).status).toBe(200);
    expect(
      (
        await outcomeUnitAction(unit1, id, row1, 'feedback', {
          takenUp: '纳入年度民生实事',
          measures: '安排资金 2000 万元',
        })
      ).status,
    ).toBe(200);
    expect(
      (await outcomeUnitAction(office, id, row1, 'rate', { adoption: 'adopted', measures: '已出台实施方案' })).status,
    ).toBe(200);
    expect((await outcomeUnitAction(unit2, id, row2, 'accept')).status).toBe(200);
    expect((await outcomeUnitAction(unit2, id, row2, 'feedback', { takenUp: '部分吸收' })).status).toBe(200);
    expect((await outcomeUnitAction(office, id, row2, 'rate', { adoption: 'partly' })).status).toBe(200);
    r = await outcomeAction(office, id, 'evaluate', {
      transformationKinds: ['policy', 'money'],
      transformationText: '出台《养老服务实施方案》',
    });
    expect(r.status).toBe(200);
    const ev = await queryOne<any>(
      db,
      sql`select state, review_due_on::text as d, transformation_kinds from consultation_outcomes where id = ${id}`,
    );
    expect(ev.state).toBe('evaluated');
    expect(ev.transformation_kinds).toEqual(['policy', 'money']);
    // 回头看: when the review date comes, the scheduler reopens a round for the same units
    await runDueJobs(db, { now: new Date(startOfBeijingDay(ev.d).getTime() + 1000), limit: 500 });
    const reopened = (await office.get(`/api/consultation-outcomes/${id}`)).body;
    expect([reopened.state, reopened.round]).toEqual(['handling', 2]);
    expect(reopened.units.filter((u: any) => u.round === 2).map((u: any) => u.state)).toEqual(['handed', 'handed']);
    expect(reopened.timeline.at(-1).label).toBe('回头看');
    for (const u of reopened.units.filter((x: any) => x.round === 2)) {
      const c = u.unitId === unitIds[0] ? unit1 : unit2;
      expect((await outcomeUnitAction(c, id, u.id, 'accept')).status).toBe(200);
      expect((await outcomeUnitAction(c, id, u.id, 'feedback', { takenUp: '已全面落实' })).status).toBe(200);
      expect((await outcomeUnitAction(office, id, u.id, 'rate', { adoption: 'adopted' })).status).toBe(200);
    }
    expect((await outcomeAction(office, id, 'evaluate', { transformationKinds: ['project'] })).status).toBe(200);
    expect((await outcomeAction(office, id, 'close')).status).toBe(200);
    expect(await state(id)).toBe('closed');
  });

  it('reminds a unit before its deadline and flags it overdue after', async () => {
    const id = await draft('关于优化营商环境的协商专报');
    await toHandling(id);
    const rows = await query<{ id: number; due_at: string }>(
      db,
      sql`select id, due_at from consultation_outcome_units where outcome_id = ${id} order by id`,
    );
    const due = new Date(rows[0].due_at);
    await runDueJobs(db, { now: new Date(due.getTime() - 14 * 86_400_000), limit: 500 });
    const n = await queryOne<{ title: string }>(
      db,
      sql`select title from notifications where account_id = ${unit1.me.account.id} and kind = 'consultationOutcome.remind' order by id desc limit 1`,
    );
    expect(n!.title).toContain('协商成果反馈即将到期');
    await runDueJobs(db, { now: new Date(due.getTime() + 60_000), limit: 500 });
    const flagged = await query<{ overdue: boolean }>(
      db,
      sql`select overdue_at is not null as overdue from consultation_outcome_units where outcome_id = ${id} order by id`,
    );
    expect(flagged.map((f) => f.overdue)).toEqual([true, true]);
    expect((await unit1.get('/api/todos')).body.items.map((i: any) => i.key)).toContain('outcomeFeedback');
  });

  it('counts the feedback deadline in working days when the committee sets them', async () => {
    const c = (await queryOne<{ c: number }>(
      db,
      sql`select committee_id as c from accounts where username = 'office_staff'`,
    ))!.c;
    await db.execute(sql`insert into settings (committee_id, key, year, value)
      values (${c}, 'consultationOutcome.rules', 0, ${JSON.stringify({ feedbackWorkingDays: 10 })}::jsonb)`);
    const id = await draft('关于职业教育的建议案');
    await toHandling(id);
    const row = await queryOne<{ due_at: string }>(
      db,
      sql`select due_at from consultation_outcome_units where outcome_id = ${id} limit 1`,
    );
    expect(new Date(row!.due_at).toISOString()).toBe(
      endOfBeijingDay(await addWorkingDays(db, c, beijingToday(), 10)).toISOString(),
    );
    await db.execute(sql`delete from settings where committee_id = ${c} and key = 'consultationOutcome.rules'`);
  });

  it('shows a unit only its own outcomes and publishes flagged ones without sign-in', async () => {
    const id = await draft('关于加强河湖治理的监督报告');
    const other = await draft('未交办的成果');
    await toHandling(id);
    const mine = (await unit1.get('/api/consultation-outcomes/unit')).body.items.map((i: any) => i.id);
    expect(mine).toContain(id);
    expect(mine).not.toContain(other);
    expect((await unit1.get(`/api/consultation-outcomes/${other}`)).status).toBe(404);
    expect((await unit1.get('/api/consultation-outcomes')).status).toBe(403);
    let r = await office.put(`/api/consultation-outcomes/${other}/public`, { isPublic: true });
    expect([r.status, r.body.message]).toEqual([409, '成果报送后才能公开']);
    expect((await office.put(`/api/consultation-outcomes/${id}/public`, { isPublic: true })).status).toBe(200);
    const code = (await queryOne<{ c: string }>(
      db,
      sql`select region_code as c from committees where name = '示例市政协'`,
    ))!.c;
    r = await t.app
      .inject({ method: 'GET', url: `/api/public/consultation-outcomes?committee=${code}` })
      .then((x) => ({ status: x.statusCode, body: x.json() }));
    expect(r.status).toBe(200);
    expect(r.body.items.map((i: any) => i.title)).toEqual(['关于加强河湖治理的监督报告']);
    expect(Object.keys(r.body.items[0]).sort()).toEqual(['feedback', 'id', 'kind', 'submittedOn', 'summary', 'title']);
    const none = await t.app.inject({ method: 'GET', url: '/api/public/consultation-outcomes?committee=000000' });
    expect(none.statusCode).toBe(404);
  });
});
