// The figures registry against a recount: a year built through the routes (proposals filed, registered, answered and
// solved; meetings held with attendance; activities with check-ins; a proposal of last year), then every registered
// figure of GET /api/figures compared with a count by plain SQL over the tables; periods; and two counties under a city.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assigned, registered, replyAndApprove, transition, write } from '../../modules/proposals/test-helpers.ts';
import { type Client, createTestApp, login, type TestContext } from '../../test/harness.ts';
import { beijingToday } from '../dates.ts';
import { type Db, queryOne } from '../db/client.ts';
import { recountModules } from './recount-modules.ts';

let t: TestContext;
let db: Db;
let leader: Client;
let office: Client;
let staff: Client;
let m1: Client;
let m2: Client;
let unit: Client;
let city: number;
const year = Number(beijingToday().slice(0, 4));
const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
  [leader, office, staff, m1, m2, unit] = await Promise.all(
    ['leader', 'office_staff', 'proposal_staff', 'member050', 'member051', 'unit05'].map((u) => login(t.app, u)),
  );
  city = leader.me.committee.id as number;
});
afterAll(() => t.close());

async function buildYear() {
  // Proposals: one draft (not counted), one submitted only, two registered, one answered with class A, one withdrawn.
  await write(m1, {});
  await write(m1, { submit: true });
  await registered(m1, staff);
  const answered = await assigned(m2, staff, unit.me.account.unitId as number);
  await replyAndApprove(unit, staff, answered, 'A');
  const gone = await write(m2, { submit: true });
  await transition(m2, gone, 'withdraw');
  // Meetings: one held with two check-ins, one cancelled (not counted).
  const mk = async (title: string) => {
    const res = await office.post('/api/meetings', {
      kind: 'standing',
      title,
      startsAt: hoursAgo(3),
      endsAt: hoursAgo(1),
      place: '第一会议室',
      invite: { rule: 'members', memberIds: [m1.me.account.memberId, m2.me.account.memberId] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.id as number;
  };
  const held = await mk('常委会第五次会议');
  for (const m of [m1, m2]) {
    const r = await office.post(`/api/meetings/${held}/attendance/${m.me.account.memberId}`, { present: true });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }
  expect((await office.post(`/api/meetings/${held}/close`)).status).toBe(200);
  const cancelled = await mk('取消的会议');
  expect((await office.post(`/api/meetings/${cancelled}/cancel`)).status).toBe(200);
  // An activity with one check-in.
  const act = await office.post('/api/activities', {
    kind: 'research',
    title: '营商环境专题调研',
    startsAt: hoursAgo(5),
    endsAt: hoursAgo(4),
    place: '高新区',
    registration: 'invite',
    invite: { rule: 'members', memberIds: [m1.me.account.memberId, m2.me.account.memberId] },
  });
  expect(act.status, JSON.stringify(act.body)).toBe(200);
  const r = await office.post(`/api/activities/${act.body.id}/attendance/${m1.me.account.memberId}`, { present: true });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

/** Each registered figure counted again by plain SQL, from the definitions' words. */
function recount(c: number, from: string, to: string, y: number): Record<string, ReturnType<typeof sql>> {
  const days = (col: string) =>
    sql.raw(`${col} >= ('${from}'::date)::timestamp at time zone 'Asia/Shanghai'
      and ${col} < ('${to}'::date + 1)::timestamp at time zone 'Asia/Shanghai'`);
  const office = sql`state not in ('draft', 'cosigning', 'orgApproval')`;
  const reg = sql`state in ('registered', 'assignPending', 'handling', 'replied', 'completed')`;
  const heldEvents = (cat: string) =>
    sql`select count(*)::int as n from consultation_events where committee_id = ${c} and category = ${cat}
      and state in ('held', 'minuted', 'done') and extract(year from held_on)::int = ${y}`;
  return {
    'proposals.received': sql`select count(*)::int as n from proposals where committee_id = ${c} and year = ${y} and ${office} and state <> 'withdrawn'`,
    'proposals.registered': sql`select count(*)::int as n from proposals where committee_id = ${c} and year = ${y} and ${reg}`,
    'proposals.answered': sql`select count(*)::int as n from proposals where committee_id = ${c} and year = ${y} and state in ('replied', 'completed')`,
    'proposals.solved': sql`select count(*)::int as n from proposals where committee_id = ${c} and year = ${y} and ${reg} and outcome_class = 'A'`,
    'proposals.key': sql`select count(*)::int as n from proposals where committee_id = ${c} and year = ${y} and ${office} and is_key`,
    'opinions.received': sql`select count(*)::int as n from opinion_reports where committee_id = ${c} and year = ${y} and state not in ('draft', 'none')`,
    'opinions.compiled': sql`select count(*)::int as n from opinion_reports r join opinion_issues i on i.committee_id = r.committee_id and i.id = r.issue_id where r.committee_id = ${c} and i.year = ${y}`,
    'opinions.adopted': sql`select coalesce(sum(n), 0)::int as n from (select count(distinct report_id) as n from opinion_adoptions where committee_id = ${c} and extract(year from adopted_on)::int = ${y} group by level) x`,
    'opinions.instructions': sql`select coalesce(sum(n), 0)::int as n from (select count(distinct report_id) as n from opinion_instructions where committee_id = ${c} and extract(year from instructed_on)::int = ${y} group by level) x`,
    'opinions.answered': sql`select count(distinct report_id)::int as n from opinion_referrals where committee_id = ${c} and state = 'approved' and extract(year from created_at at time zone 'Asia/Shanghai')::int = ${y}`,
    'meetings.held': sql`select count(*)::int as n from meetings where committee_id = ${c} and status = 'closed' and ${days('starts_at')}`,
    'meetings.attendances': sql`select count(*)::int as n from meeting_invitees i join meetings m on m.committee_id = i.committee_id and m.id = i.meeting_id where m.committee_id = ${c} and m.status = 'closed' and i.checked_in_at is not null and ${days('m.starts_at')}`,
    'activities.held': sql`select count(*)::int as n from activities where committee_id = ${c} and status <> 'cancelled' and ${days('starts_at')}`,
    'activities.participations': sql`select count(*)::int as n from activity_participants x join activities a on a.committee_id = x.committee_id and a.id = x.activity_id where a.committee_id = ${c} and a.status <> 'cancelled' and x.checked_in_at is not null and ${days('a.starts_at')}`,
    'duty.facts': sql`select count(*)::int as n from duty_facts where committee_id = ${c} and revoked_at is null and occurred_on between ${from}::date and ${to}::date`,
    'duty.activeMembers': sql`select count(distinct member_id)::int as n from duty_facts where committee_id = ${c} and revoked_at is null and occurred_on between ${from}::date and ${to}::date`,
    'consultations.consultations': heldEvents('consultation'),
    'consultations.supervisions': heldEvents('supervision'),
    'consultations.participants': sql`select count(*)::int as n from consultation_participants p join consultation_events e on e.committee_id = p.committee_id and e.id = p.event_id where e.committee_id = ${c} and e.state in ('held', 'minuted', 'done') and extract(year from e.held_on)::int = ${y}`,
    'consultations.speeches': sql`select count(*)::int as n from consultation_speeches x join consultation_events e on e.committee_id = x.committee_id and e.id = x.event_id where e.committee_id = ${c} and e.state in ('held', 'minuted', 'done') and extract(year from e.held_on)::int = ${y} and x.state <> 'withdrawn'`,
    'outcomes.submitted': sql`select count(*)::int as n from consultation_outcomes where committee_id = ${c} and submitted_on between ${`${y}-01-01`} and ${`${y}-12-31`}`,
    ...recountModules(c, from, to, y),
    'liaison.contacts': sql`select count(*)::int as n from liaison_contacts where committee_id = ${c} and contacted_on between ${from}::date and ${to}::date`,
    'liaison.linksContacted': sql`select count(distinct link_id)::int as n from liaison_contacts where committee_id = ${c} and contacted_on between ${from}::date and ${to}::date`,
    // 随手拍 (server/modules/supervision/figure-group.ts)
    'supervision.filed': sql`select count(*)::int as n from snapshot_reports where committee_id = ${c} and ${days('filed_at')}`,
    'supervision.accepted': sql`select count(*)::int as n from snapshot_reports where committee_id = ${c} and ${days('filed_at')} and accepted_at is not null`,
    'supervision.dispatched': sql`select count(*)::int as n from snapshot_reports where committee_id = ${c} and ${days('dispatched_at')}`,
    'supervision.answeredOnTime': sql`select count(*)::int as n from snapshot_reports where committee_id = ${c} and ${days('dispatched_at')} and answered_on_time`,
    'supervision.overdue': sql`select count(*)::int as n from snapshot_reports where committee_id = ${c} and ${days('dispatched_at')} and state = 'dispatched' and due_at < now()`,
    'supervision.disputed': sql`select count(*)::int as n from snapshot_reports where committee_id = ${c} and ${days('disputed_at')}`,
    'supervision.timeliness': sql`select case when count(answered_at) = 0 then 0 else round(100.0 * count(*) filter (where answered_on_time) / count(answered_at))::int end as n from snapshot_reports where committee_id = ${c} and ${days('dispatched_at')}`,
  };
}

describe('GET /api/figures', () => {
  it('gives every registered figure with its definition, equal to a recount by plain SQL', async () => {
    await buildYear();
    const res = await leader.get(`/api/figures?period=${year}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.period).toMatchObject({ from: `${year}-01-01`, to: `${year}-12-31`, label: `${year}年` });
    const items = res.body.items as { id: string; value: number; definition: string; link: string; name: string }[];
    const sqls = recount(city, `${year}-01-01`, `${year}-12-31`, year);
    const checked: string[] = [];
    for (const f of items) {
      expect(f.definition.length, f.id).toBeGreaterThan(10);
      expect(f.link.startsWith('/'), f.id).toBe(true);
      const q = sqls[f.id];
      if (!q) continue;
      const n = (await queryOne<{ n: number }>(db, q))!.n;
      expect(f.value, `${f.id} ${f.name}`).toBe(n);
      checked.push(f.id);
    }
    // The year built above shows in the figures (hand-counted), so the recount compares real numbers, not zeros.
    const v = (id: string) => items.find((f) => f.id === id)!.value;
    expect(v('meetings.held')).toBeGreaterThanOrEqual(1);
    expect(v('meetings.attendances')).toBeGreaterThanOrEqual(2);
    expect(v('activities.participations')).toBeGreaterThanOrEqual(1);
    expect(v('proposals.registered')).toBeGreaterThanOrEqual(2);
    expect(v('proposals.solved')).toBeGreaterThanOrEqual(1);
    expect(v('duty.facts')).toBeGreaterThanOrEqual(3);
    // Every figure but two outcome figures whose recount is the module's own test (outcome-figures.test.ts).
    expect(items.length - checked.length).toBeLessThanOrEqual(2);
  });

  it('takes quarters, months and ranges; a year-kept figure for part of a year is null with the reason', async () => {
    const q = await leader.get(`/api/figures?period=${year}-Q2&ids=meetings.held,proposals.received`);
    expect(q.status).toBe(200);
    expect(q.body.period).toMatchObject({ from: `${year}-04-01`, to: `${year}-06-30`, label: `${year}年第二季度` });
    const byId = Object.fromEntries(q.body.items.map((i: any) => [i.id, i]));
    expect(byId['proposals.received']).toMatchObject({ value: null, note: '该项按年度统计，请选择整年' });
    expect(typeof byId['meetings.held'].value).toBe('number');
    expect(q.body.items).toHaveLength(2);
    const today = beijingToday();
    const r = await leader.get(`/api/figures?period=${today}..${today}&ids=meetings.held`);
    const n = (await queryOne<{ n: number }>(db, recount(city, today, today, year)['meetings.held']))!.n;
    expect(r.body.items[0].value).toBe(n);
    const bad = await leader.get('/api/figures?period=2026-13');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('统计期间');
  });

  it('shows a member nothing, and each role only its modules’ figures', async () => {
    expect((await m1.get(`/api/figures?period=${year}`)).status).toBe(403);
    const liaison = await login(t.app, 'liaison_staff');
    const res = await liaison.get(`/api/figures?period=${year}`);
    expect(res.status).toBe(200);
    const modules = new Set(res.body.items.map((i: any) => i.module));
    expect(modules.has('opinions')).toBe(true);
    expect(modules.has('proposals')).toBe(false);
  });
});

describe('figures across levels: two counties under a city', () => {
  it('shows each county side by side and summed; a county’s figures only on drill-down; nothing upward', async () => {
    const admin = await login(t.app, 'admin');
    const county = await queryOne<{ id: number }>(
      db,
      sql`select id from committees where parent_id = ${city} order by id limit 1`,
    );
    const made = await admin.post('/api/org/committees', {
      name: '示例二县政协',
      shortName: '二县政协',
      level: 'county',
      parentId: city,
    });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    // A meeting in the first county (the second county has none).
    const countyOffice = await login(t.app, 'county_office_staff');
    const cm = await countyOffice.post('/api/meetings', {
      kind: 'plenary',
      title: '县政协全体会议',
      startsAt: hoursAgo(3),
      endsAt: hoursAgo(2),
      place: '县政协会议室',
      invite: { rule: 'all' },
    });
    expect(cm.status, JSON.stringify(cm.body)).toBe(200);
    expect((await countyOffice.post(`/api/meetings/${cm.body.id}/close`)).status).toBe(200);

    const res = await leader.get(`/api/figures/levels?period=${year}&ids=meetings.held,proposals.received`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.lower.map((l: any) => l.committee.name)).toEqual(['示例县政协', '示例二县政协']);
    const val = (items: any[], id: string) => items.find((i) => i.id === id).value;
    const held = res.body.lower.map((l: any) => val(l.items, 'meetings.held'));
    for (const [i, l] of res.body.lower.entries()) {
      const q = recount(l.committee.id, `${year}-01-01`, `${year}-12-31`, year)['meetings.held'];
      expect(held[i]).toBe((await queryOne<{ n: number }>(db, q))!.n);
    }
    expect(held[0]).toBeGreaterThanOrEqual(1);
    expect(held[1]).toBe(0);
    expect(val(res.body.sum, 'meetings.held')).toBe(held[0] + held[1]);

    const drill = await leader.get(`/api/figures?period=${year}&committeeId=${county!.id}`);
    expect(drill.status).toBe(200);
    expect(drill.body.committee.name).toBe('示例县政协');
    const countyLeader = await login(t.app, 'county_leader');
    expect((await countyLeader.get(`/api/figures?period=${year}&committeeId=${city}`)).status).toBe(404);
    expect((await countyLeader.get(`/api/figures?period=${year}&committeeId=${made.body.id}`)).status).toBe(404);
  });

  it('gives the leader’s dashboard: the year so far against the same days last year, overdue, monthly trend', async () => {
    const res = await leader.get('/api/figures/dashboard');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.period).toEqual({ from: `${year}-01-01`, to: beijingToday() });
    const held = res.body.items.find((i: any) => i.id === 'meetings.held');
    expect(held.change).toBe(held.value - held.lastYear);
    expect(held.comparedWith).toBe(`${year - 1}-01-01至${year - 1}${beijingToday().slice(4)}`);
    expect(res.body.overdue.map((o: any) => o.name)).toContain('提案办理超期');
    // Each trend figure, counted month by month in one query, adds up to the year so far counted as a whole.
    const trendIds = Object.keys(res.body.trend[0].values).sort();
    expect(trendIds).toEqual([
      'activities.held',
      'learning.sessions',
      'meetings.held',
      'opinions.received',
      'proposals.received',
    ]);
    for (const id of trendIds) {
      const sum = res.body.trend.reduce((s: number, m: any) => s + m.values[id], 0);
      expect(sum, id).toBe(res.body.items.find((i: any) => i.id === id).value);
    }
    expect(held.value).toBeGreaterThan(0);
  });
});

describe('report builder', () => {
  it('writes each section from the registry, checks tokens, keeps the exported figures and shows later differences', async () => {
    const office = await login(t.app, 'proposal_staff');
    const c = await office.get(`/api/figures/report/compose?period=${year}&modules=proposals`);
    expect(c.status, JSON.stringify(c.body)).toBe(200);
    const [section] = c.body.sections;
    expect(section.text).toContain('全年共收到提案{{proposals.received}}件，立案{{proposals.registered}}件');
    const received = (await queryOne<{ n: number }>(
      db,
      recount(city, `${year}-01-01`, `${year}-12-31`, year)['proposals.received'],
    ))!.n;
    const registeredN = (await queryOne<{ n: number }>(
      db,
      recount(city, `${year}-01-01`, `${year}-12-31`, year)['proposals.registered'],
    ))!.n;
    expect(section.filled).toContain(`全年共收到提案${received}件，立案${registeredN}件`);
    const admin = await login(t.app, 'admin');
    const q = await admin.get(`/api/figures/report/compose?period=${year}-Q1&modules=meetings`);
    expect(q.body.sections[0].text.startsWith('本季度召开各类会议')).toBe(true);

    const bad = await office.post('/api/figures/reports', {
      title: '年度工作报告',
      period: String(year),
      body: '共{{proposals.nothing}}件',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('proposals.nothing');
    const body = `一、提案工作\n${section.text}`;
    const saved = await office.post('/api/figures/reports', {
      title: `${year}年度工作报告`,
      period: String(year),
      body,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.text).toContain(`立案${registeredN}件`);
    const doc = await t.app.inject({
      method: 'GET',
      url: `/api/figures/reports/${saved.body.id}/docx`,
      headers: { cookie: office.cookie },
    });
    expect(doc.statusCode).toBe(200);
    expect(doc.rawPayload.subarray(0, 2).toString()).toBe('PK');

    // The data changes after the export: one more registered proposal shows as a difference.
    await registered(m1, staff);
    const after = await office.get(`/api/figures/reports/${saved.body.id}`);
    expect(after.status).toBe(200);
    expect(after.body.text).toContain(`立案${registeredN}件`);
    expect(after.body.differences).toContainEqual({
      id: 'proposals.registered',
      name: '立案',
      unit: '件',
      exported: registeredN,
      now: registeredN + 1,
    });
    const audit = await queryOne<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_log where action = 'figureReport.export' and entity_id = ${String(saved.body.id)}`,
    );
    expect(audit!.n).toBe(1);
    // Another committee sees no such report.
    const county = await login(t.app, 'county_proposal_staff');
    expect((await county.get(`/api/figures/reports/${saved.body.id}`)).status).toBe(404);
  });
});
