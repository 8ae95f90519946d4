// The demo's year of work, done through the real routes by the demo accounts: proposals at every stage (drafts,
// the review queue, units handling, replies rated), opinion reports from the county forwarded to the city, adopted
// and instructed, meetings with attendance and an activity with an output. Duty facts, numbers, notifications,
// search and the audit log follow from the routes themselves, as they would for real users.

import type { FastifyInstance } from 'fastify';
import { beijingToday, beijingYearOf } from '../platform/dates.ts';
import { type Client, signIn } from '../platform/inject-client.ts';
import { DEMO_PASSWORD, UNITS } from './demo.ts';
import { seedDemoConsultation } from './demo-consultation.ts';
import { seedDemoLearning } from './demo-learning.ts';
import { seedDemoSupervision } from './demo-supervision.ts';

type Call = { status: number; body: any };

async function must(what: string, call: Promise<Call>): Promise<any> {
  const res = await call;
  if (res.status !== 200) throw new Error(`演示数据：${what} 失败 (${res.status}) ${JSON.stringify(res.body)}`);
  return res.body;
}

// [title, category, background, suggestions, lead unit]
const PROPOSALS: [string, string, string, string, string][] = [
  [
    '关于加快发展社区居家养老服务的建议',
    '社会建设',
    '我市60岁以上人口占比超过20%，社区居家养老服务供给不足，助餐、助浴、助医等服务覆盖面有限。',
    '一是加快建设社区养老服务综合体；二是完善养老服务补贴制度；三是培养专业养老护理队伍。',
    '市民政局',
  ],
  [
    '关于推进老旧小区加装电梯的建议',
    '社会建设',
    '2000年以前建成的老旧小区普遍没有电梯，老年人上下楼困难，加装工作存在资金分摊难、审批环节多等问题。',
    '一是出台费用分摊指导意见；二是实行联合审查、简化审批；三是设立专项补贴。',
    '市住房和城乡建设局',
  ],
  [
    '关于缓解中小学校门口交通拥堵的建议',
    '社会建设',
    '早晚高峰时段，城区多所中小学校门口接送车辆乱停乱放，造成交通拥堵和安全隐患。',
    '一是推行错峰上下学；二是在学校周边设置临时停车泊位；三是组织家长志愿者协助疏导。',
    '市公安局',
  ],
  [
    '关于优化营商环境、降低中小企业融资成本的建议',
    '经济建设',
    '我市中小企业普遍反映融资难、融资贵，担保体系不健全，首贷获得率偏低。',
    '一是扩大政府性融资担保规模；二是建立中小企业信用信息共享平台；三是设立应急转贷资金。',
    '市地方金融监督管理局',
  ],
  [
    '关于加强城市生活垃圾分类工作的建议',
    '生态文明建设',
    '我市垃圾分类投放设施不足，居民分类意识有待提高，分类运输和处理环节衔接不畅。',
    '一是完善小区分类投放设施；二是建立分类运输专用车队；三是开展垃圾分类进校园、进社区活动。',
    '市城市管理局',
  ],
  [
    '关于推动职业教育与产业深度融合的建议',
    '文化建设',
    '我市职业院校专业设置与本地主导产业匹配度不高，校企合作多停留在浅层次。',
    '一是建立专业动态调整机制；二是推行现代学徒制；三是支持企业举办职业教育。',
    '市人力资源和社会保障局',
  ],
  [
    '关于提升基层医疗卫生服务能力的建议',
    '社会建设',
    '乡镇卫生院和社区卫生服务中心人才流失严重，设备陈旧，群众就近就医需求难以满足。',
    '一是推进紧密型医共体建设；二是落实基层医务人员待遇；三是开展县乡一体化远程医疗。',
    '市卫生健康委员会',
  ],
  [
    '关于加大农村饮水安全保障力度的建议',
    '生态文明建设',
    '部分偏远村组供水设施老化，水质检测不及时，枯水季节供水不稳定。',
    '一是实施农村供水管网改造；二是建立水质定期检测制度；三是推进城乡供水一体化。',
    '市水利局',
  ],
  [
    '关于促进文旅融合发展的建议',
    '文化建设',
    '我市历史文化资源丰富，但旅游产品同质化，文化内涵挖掘不够，游客停留时间短。',
    '一是打造精品文旅线路；二是发展夜间文旅消费；三是加强文旅品牌宣传推广。',
    '市文化广电旅游局',
  ],
  [
    '关于完善退役军人就业创业扶持政策的建议',
    '社会建设',
    '退役军人就业渠道较窄，创业贷款门槛较高，技能培训与岗位需求衔接不紧。',
    '一是开展订单式技能培训；二是落实创业贴息贷款；三是设立退役军人就业服务站。',
    '市退役军人事务局',
  ],
  [
    '关于加强食品安全监管的建议',
    '社会建设',
    '校园周边和农村集市食品安全隐患较多，监管力量不足，抽检覆盖面有限。',
    '一是加大校园周边食品抽检频次；二是推行“互联网+明厨亮灶”；三是充实基层监管力量。',
    '市市场监督管理局',
  ],
  [
    '关于推进数字政府建设、提升政务服务效能的建议',
    '政治建设',
    '各部门信息系统分散，数据共享不充分，群众办事仍需多头跑、重复交材料。',
    '一是建设统一的数据共享交换平台；二是推行“一件事一次办”；三是拓展掌上办事事项。',
    '市数据资源管理局',
  ],
  [
    '关于加强耕地保护和高标准农田建设的建议',
    '经济建设',
    '部分地区耕地“非农化”问题仍然存在，已建高标准农田管护不到位。',
    '一是落实耕地保护责任制；二是建立高标准农田建后管护机制；三是加大财政投入。',
    '市农业农村局',
  ],
  [
    '关于完善城市公共自行车系统的建议',
    '生态文明建设',
    '公共自行车站点分布不均，部分车辆损坏未及时维修，与公交换乘衔接不便。',
    '一是优化站点布局；二是建立车辆巡检维修制度；三是实现与公交一卡通用。',
    '市交通运输局',
  ],
  [
    '关于加强未成年人心理健康教育的建议',
    '文化建设',
    '中小学生心理问题呈上升趋势，学校专职心理教师配备不足，家校协同不够。',
    '一是按标准配齐专职心理教师；二是建立心理问题早期筛查机制；三是开设家长课堂。',
    '市卫生健康委员会',
  ],
  [
    '关于推动制造业数字化转型的建议',
    '经济建设',
    '我市规模以上工业企业数字化水平参差不齐，中小企业转型意愿强但能力弱。',
    '一是设立数字化转型专项资金；二是培育本地工业互联网平台；三是开展“智能制造诊断”服务。',
    '市工业和信息化局',
  ],
];

/** Proposals of the city through every stage a proposal office sees in a year. */
async function proposals(login: (u: string) => Promise<Client>) {
  const staff = await login('proposal_staff');
  const leader = await login('leader');
  const unitAccounts = new Map<string, Client>();
  const unit = async (name: string) => {
    const username = `unit${String(UNITS.indexOf(name) + 1).padStart(2, '0')}`;
    if (!unitAccounts.has(name)) unitAccounts.set(name, await login(username));
    return unitAccounts.get(name)!;
  };
  const write = async (c: Client, [title, category, background, suggestions]: string[], extra = {}) =>
    (
      await must(
        `${c.username} 撰写提案`,
        c.post('/api/proposals', { title, category, background, suggestions, ...extra }),
      )
    ).id as number;
  const act = (c: Client, id: number, action: string, extra = {}) =>
    must(`提案 ${id} ${action}`, c.post(`/api/proposals/${id}/transitions`, { action, ...extra }));
  const assignment = async (id: number) =>
    (await must(`提案 ${id}`, staff.get(`/api/proposals/${id}`))).assignments[0].id as number;
  const aact = (c: Client, a: number, action: string, extra = {}) =>
    must(`交办 ${a} ${action}`, c.post(`/api/proposals/assignments/${a}/transitions`, { action, ...extra }));

  for (const [i, p] of PROPOSALS.entries()) {
    const member = await login(`member${101 + 3 * i}`);
    const id = await write(member, p, { submit: true });
    await act(staff, id, 'preApprove');
    await act(staff, id, 'register');
    const u = await unit(p[4]);
    await act(staff, id, 'assign', { mode: 'lead', leadUnitId: u.me.account.unitId });
    if (i >= 13) continue; // waiting in the unit's inbox
    const a = await assignment(id);
    await aact(u, a, 'accept');
    if (i === 10) {
      await must(
        '列为重点提案',
        leader.put(`/api/proposals/${id}/key`, { governmentLeader: '王副市长', supervisingLeader: '张副主席' }),
      );
    }
    if (i >= 10) continue; // being handled
    await aact(u, a, 'recordContact', {
      way: '座谈',
      date: beijingToday(),
      notes: '当面听取意见',
    });
    await aact(u, a, 'reply', {
      outcomeClass: ['A', 'A', 'B', 'A', 'C'][i % 5],
      text: `经认真研究，${p[4]}已将提案所提建议纳入年度重点工作，并制定了具体落实措施。`,
    });
    await aact(staff, a, 'approveReply');
    if (i < 7)
      await act(member, id, 'rate', { rating: i === 3 ? 'partlySatisfied' : 'satisfied', comment: '答复认真' });
  }

  // A joint proposal whose co-signers confirmed, and an individual one, both waiting for pre-review.
  const lead = await login('member160');
  const cosigners = await Promise.all(['member161', 'member162'].map(login));
  const joint = await write(
    lead,
    [
      '关于加强历史文化街区保护利用的建议',
      '文化建设',
      '部分历史建筑年久失修，保护与利用的矛盾突出。',
      '一是编制街区保护规划；二是引入社会资本活化利用；三是建立保护专项资金。',
    ],
    {
      kind: 'joint',
      cosignerIds: cosigners.map((c) => c.me.account.memberId),
      submit: true,
    },
  );
  for (const c of cosigners) await act(c, joint, 'cosignConfirm');
  await write(
    await login('member163'),
    [
      '关于规范校外培训机构管理的建议',
      '社会建设',
      '部分校外培训机构资质不全，预收费风险较大。',
      '一是建立预收费资金监管制度；二是开展联合执法检查。',
    ],
    { submit: true },
  );
  // A rejection with a published ground.
  const rejected = await write(
    await login('member164'),
    ['关于给我单位增加编制的建议', '其他', '我单位人手紧张。', '建议增加编制。'],
    { submit: true },
  );
  await act(staff, rejected, 'preApprove');
  await act(staff, rejected, 'reject', { ground: '涉及党内组织和人事问题', comment: '机构编制事项不属于提案受理范围' });
  // A collective proposal awaiting the organisation's responsible person, and a member's unfinished draft.
  await write(
    await login('org01_staff'),
    [
      '关于支持民营企业参与城市更新的建议',
      '经济建设',
      '城市更新项目投资大、周期长，民营企业参与渠道有限。',
      '一是公开城市更新项目清单；二是完善社会资本合作机制。',
    ],
    {
      kind: 'collective',
      submit: true,
    },
  );
  await write(await login('member101'), ['关于建设口袋公园的建议', '生态文明建设', '', '']);
}

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
  await seedDemoConsultation(login);
  await seedDemoLearning(app, login);
  await seedDemoSupervision(app, login);
  for (const c of sessions) await c.post('/api/auth/logout');
}
