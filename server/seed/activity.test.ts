// The demo year that `npm start` writes on a fresh database: every step goes through the routes, so what staff,
// members and leaders first see is what the modules computed, on PGlite and on PostgreSQL.
import { beforeAll, describe, expect, it } from 'vitest';
import { beijingToday, beijingYearOf } from '../platform/dates.ts';
import { runDueJobs } from '../platform/jobs/jobs.ts';
import { login, testAppForFile } from '../test/harness.ts';
import { seedDemoActivity } from './activity.ts';
import { UNITS } from './demo-reference.ts';

const t = testAppForFile();

beforeAll(async () => {
  await seedDemoActivity(t.app);
  // The consultation, learning, reading and archive year doubled the seed's time; a shared machine needs the margin.
}, 300_000);

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
    // unit01's reply on 数字政府 waits for review (issue 19: unit01 has work in every state).
    expect(await todos('proposal_staff')).toEqual([
      ['待预审的提案', 2, '/proposals?queue=preReview'],
      ['待审核的答复', 1, '/proposals?queue=replyReview'],
    ]);
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

  it('gives the office the consultation work waiting, a unit its outcome, members the upcoming 双月协商', async () => {
    expect(await todos('office_staff')).toEqual([
      ['待答复的协商议题建议', 3, '/consultations/plans'],
      ['待遴选的协商发言', 1, '/consultations/events?state=noticed'],
      ['单位已反馈、待评估的协商成果', 1, '/consultations/outcomes?state=handling'],
      // The demo's 随手拍 (server/seed/demo-supervision.ts, demo-public.ts): one waiting for triage, one overdue, one
      // disputed by its member.
      ['待审核的随手拍', 1, '/supervision?state=filed'],
      ['超期未答复的随手拍', 1, '/supervision?overdue=true'],
      ['委员有异议的随手拍', 1, '/supervision?disputed=true'],
    ]);
    expect(await todos(`unit${String(UNITS.indexOf('市卫生健康委员会') + 1).padStart(2, '0')}`)).toContainEqual([
      '交办本单位、待反馈的协商成果',
      1,
      '/consultations/outcomes/unit',
    ]);
    expect(await todos(`unit${String(UNITS.indexOf('市民政局') + 1).padStart(2, '0')}`)).toEqual([]);
    // member231 sent the speech text and is asked to reply to the meeting; member232 signed up and owes the text.
    expect(await todos('member231')).toEqual([['待回复的会议通知（参加或请假）', 1, '/meetings']]);
    expect(await todos('member232')).toContainEqual(['已报名、待提交发言稿的协商发言', 1, '/consultations/mine']);
  });

  it('drops an item once it is done', async () => {
    const member = await login(t.app, 'member122');
    const id = (await member.get('/api/proposals?state=replied')).body.items[0].id;
    const rated = await member.post(`/api/proposals/${id}/transitions`, { action: 'rate', rating: 'satisfied' });
    expect(rated.status).toBe(200);
    expect((await todos('member122')).map(([label]) => label)).not.toContain('已答复、待您评价的提案');
  });
});

describe('consultations in the demo year', () => {
  const year = beijingYearOf();

  it('publishes the year’s consultation and supervision plans and collects next year’s topics', async () => {
    const office = await login(t.app, 'office_staff');
    const plans = (await office.get(`/api/consultations/plans?year=${year}`)).body.items;
    expect(plans.map((p: any) => [p.kindLabel, p.stateLabel, p.items, p.documentNumber])).toEqual([
      ['年度协商计划', '已发布', 5, `示委办〔${year}〕5号`],
      ['年度民主监督计划', '已发布', 2, `示委办〔${year}〕6号`],
    ]);
    const plan = (await office.get(`/api/consultations/plans/${plans[0].id}`)).body;
    expect(plan.timeline.map((x: any) => x.action)).toEqual(['create', 'submit', 'approve', 'approve']);
    expect(new Set(plan.items.map((i: any) => i.kind)).size).toBe(5);
    const next = (await office.get(`/api/consultations/plans?year=${year + 1}`)).body.items;
    expect(next.map((p: any) => [p.stateLabel, p.suggestions, p.unanswered])).toEqual([['起草中', 4, 3]]);
    const topics = (await office.get(`/api/consultations/topics?planId=${next[0].id}`)).body.items;
    expect(new Set(topics.map((x: any) => x.suggesterTypeLabel))).toEqual(new Set(['委员', '民主党派', '承办单位']));
    const mine = (await (await login(t.app, 'member207')).get('/api/consultations/topics?mine=true')).body.items;
    expect(mine.map((x: any) => [x.stateLabel, x.planItemTopic])).toEqual([
      ['已列入计划', '推进“一老一小”服务设施共建共享'],
    ]);
  });

  it('holds a thematic consultation and a supervision inspection; the 双月协商 is noticed and waiting', async () => {
    const office = await login(t.app, 'office_staff');
    const events = (await office.get('/api/consultations/events')).body.items;
    expect(events.map((e: any) => [e.title, e.kindLabel, e.stateLabel])).toEqual([
      ['加强历史文化街区保护利用双月协商座谈会', '双月协商座谈会', '已发通知'],
      ['大气污染防治攻坚行动落实情况民主监督视察', '监督性视察', '已完成'],
      ['推进社区居家养老服务体系建设专题协商会', '专题协商', '已完成'],
    ]);
    const held = (await office.get(`/api/consultations/events/${events[2].id}`)).body;
    expect(held.speeches.map((s: any) => s.stateLabel).sort()).toEqual(['已发言', '已发言', '未遴选']);
    expect(held.timeline.map((x: any) => x.toStateLabel)).toEqual([
      '筹备中',
      '已发通知',
      '已举行',
      '纪要已形成',
      '已完成',
    ]);
    const f = (await (await login(t.app, 'leader')).get(`/api/consultations/figures?year=${held.heldOn.slice(0, 4)}`))
      .body;
    expect(f.byKind.map((k: any) => k.kind)).toContain('thematic');
    const member = await login(t.app, 'member231');
    const upcoming = (await member.get('/api/consultations/events?upcoming=true')).body.items;
    expect(upcoming.map((e: any) => [e.title, e.mine])).toEqual([['加强历史文化街区保护利用双月协商座谈会', true]]);
  });

  it('hands the outcome to two units after the leader signed it; one unit has answered', async () => {
    const office = await login(t.app, 'office_staff');
    const outcomes = (await office.get('/api/consultation-outcomes')).body.items;
    expect(outcomes.map((o: any) => [o.title, o.stateLabel, o.unitCount, o.fedBackCount, o.instructionCount])).toEqual([
      ['关于推进社区居家养老服务体系建设的建议', '办理反馈中', 2, 1, 1],
    ]);
  });
});

describe('learning, reading and the archive in the demo year', () => {
  it('gives the year a study plan, materials, one member’s progress and an accepted reflection', async () => {
    const member = await login(t.app, 'member251');
    const plans = (await member.get('/api/learning/plans')).body;
    expect(plans.map((p: any) => p.title)).toEqual([`${beijingYearOf()}年度委员学习计划`]);
    const trainee = await login(t.app, 'member253');
    expect(
      (await trainee.get('/api/learning/classes')).body.map((c: any) => [c.title, c.memberCount, c.sessionCount]),
    ).toEqual([[`${beijingYearOf()}年度委员履职能力培训班`, 4, 1]]);
    const materials = (await member.get('/api/learning/materials')).body.items;
    expect(materials.map((m: any) => [m.title, m.kindLabel, m.stateLabel, m.myPercent]).sort()).toEqual([
      ['中国人民政治协商会议章程学习读本（节选）', '文档', '已发布', 100],
      ['政协委员履职工作手册', 'PDF', '已发布', 40],
    ]);
    for (const m of materials) expect((await member.get(`/api/files/${m.fileId}`)).status).toBe(200);
    const office = await login(t.app, 'office_staff');
    const titles = async (state: string) =>
      (await office.get(`/api/learning/reflections?state=${state}`)).body.items.map((r: any) => r.title);
    expect(await titles('accepted')).toEqual(['学习政协章程的几点体会']);
    expect(await titles('submitted')).toEqual(['做新时代合格的政协委员']);
  });

  it('has a reading group with its lead reader, this month’s book list and a note', async () => {
    const reader = await login(t.app, 'member262');
    const groups = (await reader.get('/api/reading/groups')).body;
    expect(groups.map((g: any) => [g.name, g.memberCount, g.mine])).toEqual([['“书香政协”经济界别读书群', 6, true]]);
    const lists = (await reader.get(`/api/reading/lists?year=${beijingYearOf()}`)).body;
    expect(lists.map((l: any) => [l.period, l.books.length])).toEqual([[beijingToday().slice(0, 7), 3]]);
    const group = (await reader.get(`/api/reading/groups/${groups[0].id}`)).body;
    expect(group.sessions.map((s: any) => s.stateLabel)).toEqual(['待分享']);
    const f = (await (await login(t.app, 'leader')).get(`/api/reading/figures?year=${beijingYearOf()}`)).body;
    expect(f).toMatchObject({ groups: 1, participants: 6, notes: 1, lists: 1 });
  });

  it('has a 文史 topic with a member’s 三亲 account published in volume 1, another waiting, and a village history', async () => {
    const author = await login(t.app, 'member271');
    const mine = (await author.get('/api/archive/articles?mine=true')).body.items;
    expect(mine.map((a: any) => [a.title, a.accountKindLabel, a.state, a.volumeNumber])).toEqual([
      ['我参与建设第一座立交桥', '亲历', 'published', 1],
    ]);
    const office = await login(t.app, 'office_staff');
    const all = (await office.get(`/api/archive/articles?topicId=${mine[0].topicId}`)).body.items;
    expect(all.map((a: any) => a.state).sort()).toEqual(['published', 'received']);
    const villages = (await office.get('/api/archive/villages')).body.items;
    expect(villages.map((v: any) => [v.title, v.articles])).toEqual([['桃源村史', 1]]);
    const handouts = (await office.get('/api/reading/handouts')).body;
    expect(handouts.copies).toBeGreaterThan(0);
  });
});

describe('the open online discussion', () => {
  it('has 8 statements from several members and enough votes for the opinion map', async () => {
    const member = await login(t.app, 'member230');
    const [d] = (await member.get('/api/discussions')).body.items;
    expect([d.topic, d.status, d.statements, d.participants]).toEqual(['如何加快推进老旧小区加装电梯', 'open', 8, 12]);
    // The map job runs a little after the last vote; the running platform's scheduler does this by itself.
    while ((await runDueJobs(t.database.db, { now: new Date(Date.now() + 10 * 60_000), limit: 500 })) > 0);
    const map = (await member.get(`/api/discussions/${d.id}/map`)).body;
    expect(map.clustered).toBe(12);
    expect(map.groups.length).toBeGreaterThanOrEqual(2);
    expect(map.consensus.map((c: any) => c.body)).toContain('应简化审批，推行规划、消防、特种设备联合审查');
  });
});

describe('a year that looks like a real committee’s (issue 19)', () => {
  it('gives unit01, the unit the README names, proposals in every state of its inbox', async () => {
    const unit = await login(t.app, 'unit01');
    for (const state of ['assigned', 'accepted', 'replied', 'done']) {
      const res = await unit.get(`/api/proposals?scope=unit&assignmentState=${state}`);
      expect(res.body.total, state).toBeGreaterThanOrEqual(1);
    }
    const home = (await unit.get('/api/figures/unit')).body;
    const v = (id: string) => home.items.find((i: any) => i.id === id).value;
    expect([v('proposals.unit.assigned'), v('proposals.unit.replied'), v('proposals.unit.partlySatisfied')]).toEqual([
      4, 1, 1,
    ]);
  });

  it('spreads the members’ duty grades: every grade, 不称职 a minority', async () => {
    const office = await login(t.app, 'office_staff');
    const scores = (await office.get('/api/duty/scores?pageSize=500')).body;
    const by: Record<string, number> = {};
    for (const m of scores.items) by[m.gradeLabel] = (by[m.gradeLabel] ?? 0) + 1;
    for (const g of ['优秀', '良好', '称职', '不称职']) expect(by[g] ?? 0, g).toBeGreaterThanOrEqual(10);
    expect(by.不称职).toBeLessThan(scores.total / 3);
  });

  it('gives members titles that fit their work units, and a chair who is no member’s demo account', async () => {
    const office = await login(t.app, 'office_staff');
    const members = (await office.get('/api/org/members?pageSize=500')).body.items as any[];
    for (const m of members) {
      if (/学校|中学|小学/.test(m.workUnit)) expect(m.jobTitle, m.workUnit).not.toMatch(/医师|律师|工程师/);
      if (/医院/.test(m.workUnit)) expect(m.jobTitle, m.workUnit).not.toMatch(/教|律师|工程师/);
    }
    const leader = await login(t.app, 'leader');
    const admin = await login(t.app, 'admin');
    const accounts = (await admin.get('/api/accounts?role=member&pageSize=500')).body.items as any[];
    expect(accounts.some((a) => a.memberId === leader.me.account.memberId)).toBe(false);
    const member001 = await login(t.app, 'member001');
    expect(leader.me.account.displayName).not.toContain(member001.me.account.displayName);
    const chair = members.find((m) => m.id === leader.me.account.memberId);
    expect(chair.leadershipRole).toBe('chair');
  });
});

describe('the demo 随手拍', () => {
  it('has photo reports at every step, with the unit and the member each seeing theirs', async () => {
    const office = await login(t.app, 'office_staff');
    const all = (await office.get('/api/supervision/reports?pageSize=50')).body.items;
    expect(all.map((r: any) => r.state).sort()).toEqual(
      // The last dispatched one is overdue (server/seed/demo-public.ts).
      ['answered', 'closed', 'declined', 'dispatched', 'dispatched', 'disputed', 'filed', 'merged'].sort(),
    );
    const unit = await login(t.app, 'unit26');
    expect((await unit.get('/api/supervision/reports/unit')).body.items.map((r: any) => r.stateLabel)).toEqual([
      '办理中',
    ]);
    const member = await login(t.app, 'member214');
    expect((await member.get('/api/supervision/reports/mine')).body.items.map((r: any) => r.stateLabel)).toEqual([
      '已答复待确认',
    ]);
  });
});

describe('专委会工作台 in the demo (server/seed/demo-workspace.ts)', () => {
  it('gives 经济委员会 its 一委一品 and last month’s report, submitted and waiting for a leader', async () => {
    const staff = await login(t.app, 'special_staff');
    const [econ] = (await staff.get('/api/workspace')).body.specialCommittees;
    const month = beijingToday().slice(0, 7);
    const last = (await staff.get('/api/workspace/reports')).body.items;
    expect(last.map((r: any) => [r.stateLabel, r.month < month])).toEqual([['已提交', true]]);
    const report = (await staff.get(`/api/workspace/reports/${last[0].id}`)).body;
    expect(report.body).toContain('项目「助企纾困直通车」本月进展2条。');
    expect(report.body).toContain('围绕民营企业融资难题开展专题调研');
    const w = (await staff.get(`/api/workspace/special-committees/${econ.id}?year=${last[0].month.slice(0, 4)}`)).body;
    expect(w.signature.milestones.map((m: any) => [m.title, !!m.doneOn])).toEqual([
      ['完成首批50家企业走访', true],
      ['形成专题调研报告', false],
    ]);
    expect(w.signature.progress.flatMap((g: any) => g.photos.map((f: any) => f.name))).toEqual(['走访企业.png']);
    const lead = (await (await login(t.app, 'leader')).get('/api/todos')).body.items;
    expect(lead).toContainEqual({
      key: 'workspaceReportsToRead',
      label: '待批阅的专委会月汇报',
      count: 1,
      link: '/workspace/reports',
    });
  });
});
