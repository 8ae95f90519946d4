// The demo's proposals: the city's year of proposals through every stage a proposal office sees.
import { beijingToday } from '../platform/dates.ts';
import type { Client } from '../platform/inject-client.ts';
import { UNITS } from './demo-reference.ts';
import { must } from './demo-steps.ts';

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
    '市发展和改革委员会',
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
    '市发展和改革委员会',
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
    '市发展和改革委员会',
  ],
];

/** Proposals of the city through every stage a proposal office sees in a year. */
export async function proposals(login: (u: string) => Promise<Client>) {
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
  const transition = (c: Client, id: number, action: string, extra = {}) =>
    must(`提案 ${id} ${action}`, c.post(`/api/proposals/${id}/transitions`, { action, ...extra }));
  const assignment = async (id: number, role = 'lead') =>
    (await must(`提案 ${id}`, staff.get(`/api/proposals/${id}`))).assignments.find((a: any) => a.role === role)
      .id as number;
  // 市发展和改革委员会 (unit01, the unit the README names) has work in every state: answered and rated (营商环境),
  // its reply waiting for the office's review (数字政府), assisting in hand (耕地保护), and one to sign for (制造业).
  const ndrc = await unit('市发展和改革委员会');
  const assignmentTransition = (c: Client, a: number, action: string, extra = {}) =>
    must(`交办 ${a} ${action}`, c.post(`/api/proposals/assignments/${a}/transitions`, { action, ...extra }));

  for (const [i, p] of PROPOSALS.entries()) {
    const member = await login(`member${101 + 3 * i}`);
    const id = await write(member, p, { submit: true });
    await transition(staff, id, 'preApprove');
    await transition(staff, id, 'register');
    const u = await unit(p[4]);
    const assisting = i === 12 ? [ndrc.me.account.unitId] : [];
    await transition(staff, id, 'assign', {
      mode: 'lead',
      leadUnitId: u.me.account.unitId,
      assistingUnitIds: assisting,
    });
    if (i >= 13) continue; // waiting in the unit's inbox
    const a = await assignment(id);
    await assignmentTransition(u, a, 'accept');
    if (assisting.length) await assignmentTransition(ndrc, await assignment(id, 'assisting'), 'accept');
    if (i === 10) {
      await must(
        '列为重点提案',
        leader.put(`/api/proposals/${id}/key`, { governmentLeader: '王副市长', supervisingLeader: '张副主席' }),
      );
    }
    if (i === 11) {
      // Replied, the reply not yet reviewed: the proposal is still being handled.
      await assignmentTransition(u, a, 'recordContact', {
        way: '电话',
        date: beijingToday(),
        notes: '电话听取提案人意见',
      });
      await assignmentTransition(u, a, 'reply', {
        outcomeClass: 'B',
        text: '经研究，已将一网通办事项清单纳入年度数字政府建设计划，分步推进。',
      });
    }
    if (i >= 10) continue; // being handled
    await assignmentTransition(u, a, 'recordContact', {
      way: '座谈',
      date: beijingToday(),
      notes: '当面听取意见',
    });
    await assignmentTransition(u, a, 'reply', {
      outcomeClass: ['A', 'A', 'B', 'A', 'C'][i % 5],
      text: `经认真研究，${p[4]}已将提案所提建议纳入年度重点工作，并制定了具体落实措施。`,
    });
    await assignmentTransition(staff, a, 'approveReply');
    if (i < 7)
      await transition(member, id, 'rate', { rating: i === 3 ? 'partlySatisfied' : 'satisfied', comment: '答复认真' });
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
  for (const c of cosigners) await transition(c, joint, 'cosignConfirm');
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
  await transition(staff, rejected, 'preApprove');
  await transition(staff, rejected, 'reject', {
    ground: '涉及党内组织和人事问题',
    comment: '机构编制事项不属于提案受理范围',
  });
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
