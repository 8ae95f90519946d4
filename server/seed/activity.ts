// The demo's year of work, done through the real routes by the demo accounts: proposals at every stage (drafts,
// the review queue, units handling, replies rated), opinion reports from the county forwarded to the city, adopted
// and instructed, meetings with attendance and an activity with an output. Duty facts, numbers, notifications,
// search and the audit log follow from the routes themselves, as they would for real users. Each part has its file
// (demo-proposals.ts, demo-consultation.ts, demo-learning.ts); this one holds opinions, meetings and the order.

import type { FastifyInstance } from 'fastify';
import { beijingToday, beijingYearOf } from '../platform/dates.ts';
import { type Client, signIn } from '../platform/inject-client.ts';
import { DEMO_PASSWORD } from './demo.ts';
import { seedDemoConsultation } from './demo-consultation.ts';
import { seedDemoDuty } from './demo-duty.ts';
import { seedDemoHotline } from './demo-hotline.ts';
import { seedDemoLearning } from './demo-learning.ts';
import { proposals } from './demo-proposals.ts';
import { seedDemoPublic } from './demo-public.ts';
import { must } from './demo-steps.ts';
import { seedDemoSupervision } from './demo-supervision.ts';
import { seedDemoWorkspace } from './demo-workspace.ts';

/** Opinion reports: a county member's report forwarded to the city, adopted there with a provincial instruction. */
async function opinions(login: (u: string) => Promise<Client>) {
  const countyMember = await login('county_member002');
  const countyStaff = await login('county_liaison_staff');
  const cityStaff = await login('liaison_staff');
  const today = beijingToday();
  const submit = async (c: Client, title: string, body: string, category: string) =>
    (await must(`${c.username} 报送社情民意`, c.post('/api/opinions', { title, body, category, submit: true })))
      .id as number;

  const countyReport = await submit(
    countyMember,
    '关于破解县域老旧小区加装电梯难题的建议',
    '县城2000年以前建成的老旧小区普遍没有电梯，老年人上下楼困难。建议：一是出台加装电梯费用分摊指导意见；二是简化审批流程；三是设立专项补贴，对困难家庭给予倾斜。',
    '城乡建设',
  );
  await must('县级采编', countyStaff.post(`/api/opinions/${countyReport}/screen`, { decision: 'accept' }));
  const countyIssue = await must('县级编期', countyStaff.post('/api/opinions/issues', {}));
  await must(
    '县级入期',
    countyStaff.post(`/api/opinions/issues/${countyIssue.id}/reports`, { reportIds: [countyReport] }),
  );
  await must('县级出刊', countyStaff.post(`/api/opinions/issues/${countyIssue.id}/issue`, {}));
  await must(
    '县级报送',
    countyStaff.post(`/api/opinions/issues/${countyIssue.id}/forward`, { targets: [{ kind: 'higher' }] }),
  );

  const fromCounty = (await must('市级收到', cityStaff.get('/api/opinions?fromLower=true'))).items[0].id as number;
  const cityReports = [fromCounty];
  const texts: [string, string, string, string][] = [
    [
      'member170',
      '关于规范电动自行车停放充电的建议',
      '居民楼道内电动自行车停放充电现象普遍，火灾隐患突出。建议：一是建设集中充电车棚；二是开展楼道清理专项行动。',
      '社会治理',
    ],
    [
      'member171',
      '关于解决农村学校寄宿生生活保障问题的建议',
      '农村寄宿制学校生活老师配备不足，学生课后生活单调。建议：一是配齐生活老师；二是丰富课后活动。',
      '教育科技',
    ],
    [
      'informant01',
      '关于群众反映菜市场物价波动的情况',
      '近期部分菜市场蔬菜价格波动较大，群众反映强烈。建议：一是加强价格监测；二是增加平价蔬菜网点。',
      '社会民生',
    ],
    [
      'member172',
      '关于加强河道垃圾治理的建议',
      '部分河道沿岸垃圾堆放，汛期随水漂流。建议：一是落实河长巡河制度；二是设置拦污设施。',
      '生态环境',
    ],
  ];
  for (const [username, title, body, category] of texts)
    cityReports.push(await submit(await login(username), title, body, category));
  await submit(
    await login('member173'),
    '关于延长社区卫生服务中心夜间门诊时间的建议',
    '上班族下班后就医不便。建议社区卫生服务中心开设夜间门诊。',
    '医疗卫生',
  );

  for (const id of cityReports.slice(0, 4))
    await must('市级采编', cityStaff.post(`/api/opinions/${id}/screen`, { decision: 'accept' }));
  const issue = await must('市级编期', cityStaff.post('/api/opinions/issues', {}));
  await must(
    '市级入期',
    cityStaff.post(`/api/opinions/issues/${issue.id}/reports`, { reportIds: cityReports.slice(0, 3) }),
  );
  await must('市级出刊', cityStaff.post(`/api/opinions/issues/${issue.id}/issue`, {}));
  await must('市级采用', cityStaff.post(`/api/opinions/${fromCounty}/adoptions`, { level: 'city', adoptedOn: today }));
  await must(
    '省领导批示',
    cityStaff.post(`/api/opinions/${fromCounty}/instructions`, {
      leaderName: '李华',
      leaderTitle: '副省长',
      leaderOrgan: 'government',
      level: 'province',
      instructedOn: today,
      text: '请省住建厅会同有关部门研究，推动老旧小区加装电梯工作。',
    }),
  );
  await must(
    '市级采用',
    cityStaff.post(`/api/opinions/${cityReports[1]}/adoptions`, { level: 'city', adoptedOn: today }),
  );
  const unit = await login('unit06'); // 市公安局
  const ref = await must(
    '转办',
    cityStaff.post(`/api/opinions/${cityReports[1]}/referrals`, { unitId: unit.me.account.unitId, note: '请研究办理' }),
  );
  await must(
    '单位答复',
    unit.post(`/api/opinions/referrals/${ref.id}/respond`, {
      response: '我局已会同消防部门开展电动自行车停放充电专项整治。',
    }),
  );
  await must('审核答复', cityStaff.post(`/api/opinions/referrals/${ref.id}/review`, { decision: 'approve' }));
}

/** A plenary session with attendance, an upcoming standing meeting, and a research activity with its report. */
async function meetings(login: (u: string) => Promise<Client>) {
  const office = await login('office_staff');
  const year = beijingYearOf();
  const plenary = await must(
    '全体会议',
    office.post('/api/meetings', {
      kind: 'plenary',
      title: '六届一次会议第一次全体会议',
      startsAt: `${year}-01-12T09:00:00+08:00`,
      endsAt: `${year}-01-12T12:00:00+08:00`,
      place: '市会议中心大礼堂',
      agenda: '一、听取和审议政协常委会工作报告\n二、听取和审议提案工作情况报告',
      invite: { rule: 'all' },
    }),
  );
  // Members whose number ends in 7 were absent (about one in ten); everyone else was marked present.
  const admin = await login('admin');
  const accounts = await must('委员账号', admin.get('/api/accounts?role=member&pageSize=500'));
  const absent = new Set(
    accounts.items.filter((a: any) => /^member\d*7$/.test(a.username)).map((a: any) => a.memberId as number),
  );
  const sheet = await must('考勤表', office.get(`/api/meetings/${plenary.id}/attendance?pageSize=500`));
  for (const row of sheet.items) {
    if (absent.has(row.memberId)) continue;
    await must('标记出席', office.post(`/api/meetings/${plenary.id}/attendance/${row.memberId}`, { present: true }));
  }
  await must('结束会议', office.post(`/api/meetings/${plenary.id}/close`));
  await must(
    '常委会议',
    office.post('/api/meetings', {
      kind: 'standing',
      title: '六届常委会第五次会议',
      startsAt: `${year}-12-10T09:00:00+08:00`,
      endsAt: `${year}-12-10T11:30:00+08:00`,
      place: '市政协第一会议室',
      agenda: '协商讨论年度重点提案办理情况',
      invite: { rule: 'standing' },
    }),
  );
  const researchers = await Promise.all(['member180', 'member181', 'member182', 'member183'].map(login));
  const activity = await must(
    '调研活动',
    office.post('/api/activities', {
      kind: 'research',
      title: '营商环境专题调研',
      startsAt: `${year}-05-20T09:00:00+08:00`,
      endsAt: `${year}-05-20T17:00:00+08:00`,
      place: '高新技术产业开发区',
      registration: 'invite',
      invite: { rule: 'members', memberIds: researchers.map((c) => c.me.account.memberId) },
    }),
  );
  for (const c of researchers)
    await must(
      '活动签到',
      office.post(`/api/activities/${activity.id}/attendance/${c.me.account.memberId}`, { present: true }),
    );
  const output = await must(
    '活动成果',
    researchers[0].post(`/api/activities/${activity.id}/outputs`, {
      kind: 'report',
      title: '关于进一步优化我市营商环境的调研报告',
      body: '调研组走访企业12家，梳理问题5类，提出建议8条。',
    }),
  );
  await must('确认成果', office.post(`/api/activities/outputs/${output.id}/review`, { action: 'confirm' }));
}

/** Runs the demo year through `app` (built with login rate limits high enough for the many sign-ins). */
export async function seedDemoActivity(app: FastifyInstance): Promise<void> {
  const sessions: Client[] = [];
  const login = async (username: string) => {
    const c = await signIn(app, username, DEMO_PASSWORD);
    sessions.push(c);
    return c;
  };
  await proposals(login);
  await opinions(login);
  await meetings(login);
  await seedDemoDuty(login);
  await seedDemoConsultation(login);
  await seedDemoLearning(app, login);
  await seedDemoHotline(login);
  await seedDemoSupervision(login);
  await seedDemoPublic(app, login);
  await seedDemoWorkspace(login);
  for (const c of sessions) await c.post('/api/auth/logout');
}
