// The demo's consultation year, through the routes by the demo accounts: the year's consultation and supervision plans
// approved (主席会议审议, 党委批准), next year's topic collection open, a thematic consultation held with its outcome
// handed to units, an upcoming 双月协商座谈会 with its notice sent, a supervision inspection and an open online
// discussion with enough votes for the opinion map. Dates are relative to the demo's today, in Beijing days.

import { addDays, beijingToday, beijingYearOf } from '../platform/dates.ts';
import type { Client } from '../platform/inject-client.ts';
import { discussion } from './demo-discussion.ts';
import { at, type Login, must, unitName, workday } from './demo-steps.ts';

const earlier = (a: string, b: string) => (a < b ? a : b);
const monthOf = (day: string) => Number(day.slice(5, 7));

export interface Ctx {
  login: Login;
  office: Client;
  special: Client;
  leader: Client;
  today: string;
  year: number;
  memberId: (username: string) => Promise<number>;
}

/** Opens, drafts and publishes a plan through both approval steps; returns the item ids in order. */
async function publishPlan(c: Ctx, kind: 'consultation' | 'supervision', title: string, items: object[], doc: string) {
  const plan = await must(
    title,
    c.office.post('/api/consultations/plans', {
      year: c.year,
      kind,
      title,
      collectUntil: earlier(`${c.year}-01-05`, c.today),
    }),
  );
  const ids: number[] = [];
  for (const item of items)
    ids.push((await must('计划项目', c.office.post(`/api/consultations/plans/${plan.id}/items`, item))).id);
  const planAction = (who: Client, body: object) =>
    must('计划审批', who.post(`/api/consultations/plans/${plan.id}/actions`, body));
  await planAction(c.office, { action: 'submit' });
  await planAction(c.leader, { action: 'approve', comment: '主席会议原则通过' });
  await planAction(c.office, {
    action: 'approve',
    date: earlier(`${c.year}-02-26`, c.today),
    documentNumber: `示委办〔${c.year}〕${doc}号`,
  });
  return ids;
}

/** Next year's topic collection: suggestions from a member, a party organisation and a unit; one taken already. */
async function topicCollection(c: Ctx) {
  const next = c.year + 1;
  const plan = await must(
    '征集明年议题',
    c.office.post('/api/consultations/plans', {
      year: next,
      kind: 'consultation',
      title: `${next}年度政协协商工作计划`,
      collectUntil: addDays(c.today, 45),
    }),
  );
  const suggest = async (username: string, body: object) =>
    (
      await must(
        `${username} 提出议题建议`,
        (await c.login(username)).post(`/api/consultations/plans/${plan.id}/topics`, body),
      )
    ).id as number;
  const taken = await suggest('member207', {
    title: '关于推进“一老一小”服务设施共建共享的协商议题',
    reason:
      '我市托育机构和社区养老设施分属不同部门建设，场地重复投入、利用率不高。建议围绕“一老一小”设施统筹规划、共建共享开展专题协商。',
    suggestedKind: 'thematic',
    leadBody: '社会和法制委员会',
  });
  await suggest('org03_staff', {
    title: '关于提升民营企业融资便利度的意见征集',
    reason:
      '民营中小企业首贷难、续贷难问题依然突出，政府性融资担保覆盖面不足。建议与市地方金融监督管理局开展对口协商。',
    suggestedKind: 'counterpart',
    leadBody: '经济委员会',
  });
  await suggest(unitName('市生态环境局'), {
    title: '城乡生活污水治理提质增效',
    reason: '部分乡镇污水处理设施负荷率偏低、管网不配套，建议围绕农村生活污水治理长效运维开展协商，听取委员意见。',
    suggestedKind: 'counterpart',
    leadBody: '人口资源环境委员会',
  });
  await suggest('member208', {
    title: '加强农村留守儿童关爱服务',
    reason: '农村留守儿童心理健康、课后看护问题较多，建议开展界别协商，推动学校、社区、家庭协同关爱。',
    suggestedKind: 'sector',
    leadBody: '教科卫体委员会',
  });
  const item = await must(
    '明年计划项目',
    c.office.post(`/api/consultations/plans/${plan.id}/items`, {
      topic: '推进“一老一小”服务设施共建共享',
      kind: 'thematic',
      leadingLeader: '李副主席',
      counterpartBody: '市民政局',
      plannedMonth: 5,
      form: 'meeting',
    }),
  );
  await must(
    '答复议题建议',
    c.office.post(`/api/consultations/topics/${taken}/answer`, {
      action: 'take',
      planItemId: item.id,
      comment: '已列入明年协商计划，拟于5月开展专题协商。',
    }),
  );
}

const AGENDA = (briefing: string, speaker: string) => [
  { part: 'briefing', title: briefing, speaker, minutes: 15 },
  { part: 'speech', title: '委员发言', minutes: 45 },
  { part: 'question', title: '委员提问', minutes: 20 },
  { part: 'answer', title: '部门回应', minutes: 20 },
];

/** Creates an event, invites the members and guests and sends the notice; returns the event with its meeting. */
async function noticedEvent(c: Ctx, by: Client, body: object, members: string[], guests: object[]) {
  const ev = await must('协商活动', by.post('/api/consultations/events', body));
  const memberIds = await Promise.all(members.map(c.memberId));
  await must(
    '参加人员',
    by.post(`/api/consultations/events/${ev.id}/participants`, { rule: 'members', memberIds, guests }),
  );
  await must('发通知', by.post(`/api/consultations/events/${ev.id}/actions`, { action: 'sendNotice' }));
  const e = await must('协商活动详情', by.get(`/api/consultations/events/${ev.id}`));
  return { id: ev.id as number, meetingId: e.meetingId as number, memberIds };
}

/** Held with every member checked in but the last (absent), the minutes and completion returned for later. */
async function holdEvent(by: Client, e: { id: number; meetingId: number; memberIds: number[] }, minutes: string) {
  for (const [i, m] of e.memberIds.entries())
    if (i !== e.memberIds.length - 1)
      await must('签到', by.post(`/api/meetings/${e.meetingId}/attendance/${m}`, { present: true }));
  const eventAction = (body: object) => must('协商活动', by.post(`/api/consultations/events/${e.id}/actions`, body));
  await eventAction({ action: 'hold' });
  return async () => {
    await eventAction({ action: 'recordMinutes', minutes });
    await eventAction({ action: 'complete' });
  };
}

/** The thematic consultation on elderly care: speeches selected and delivered, minutes, an outcome handed to units. */
async function elderlyCare(c: Ctx, itemId: number, day: string) {
  const speakers = ['member211', 'member212', 'member213'];
  const e = await noticedEvent(
    c,
    c.office,
    {
      kind: 'thematic',
      title: '推进社区居家养老服务体系建设专题协商会',
      planItemId: itemId,
      counterpartBody: '市民政局',
      startsAt: at(day, '09:00'),
      endsAt: at(day, '11:30'),
      place: '市政协三楼会议室',
      agenda: AGENDA('市民政局通报全市养老服务体系建设情况', '市民政局局长'),
    },
    [...speakers, 'member214', 'member215', 'member216', 'member217', 'member218'],
    [
      { kind: 'official', name: '刘建华', organisation: '市民政局' },
      { kind: 'official', name: '孙立平', organisation: '市卫生健康委员会' },
      { kind: 'expert', name: '赵文涛', organisation: '示例大学社会学院' },
      { kind: 'citizen', name: '陈秀兰', organisation: '幸福社区居民代表' },
    ],
  );
  // The first two are selected and delivered; the third is kept for the written speeches.
  const speeches = [
    ['以社区嵌入式服务破解“养老难”', '建议每个街道建设一处社区养老服务综合体，嵌入助餐、日间照料、康复护理等功能……'],
    ['完善养老护理人才培养和激励机制', '建议将养老护理员纳入紧缺职业目录，落实入职补贴和岗位津贴，稳定护理队伍……'],
    ['推广“时间银行”互助养老模式', '建议在有条件的社区试点“时间银行”，低龄老人为高龄老人服务，服务时长可兑换……'],
  ];
  const speechIds: number[] = [];
  for (const [i, [title, body]] of speeches.entries()) {
    const s = await must(
      '提交发言稿',
      (await c.login(speakers[i])).post(`/api/consultations/events/${e.id}/speeches`, { title, body }),
    );
    speechIds.push(s.id);
    const decision =
      i < 2
        ? { action: 'select', position: i + 1, minutesAllowed: 8 }
        : { action: 'reject', comment: '内容将在书面发言中汇编' };
    await must('遴选发言', c.office.post(`/api/consultations/speeches/${s.id}/decision`, decision));
  }
  const finish = await holdEvent(
    c.office,
    e,
    '会议听取了市民政局关于全市养老服务体系建设情况的通报，2位委员作了大会发言，5位委员现场提问，市民政局、市卫健委作了回应。' +
      '会议认为，应着力补齐社区养老服务设施短板，加强养老护理人才队伍建设，推动医养康养融合发展。',
  );
  for (const id of speechIds.slice(0, 2))
    await must('确认已发言', c.office.post(`/api/consultations/speeches/${id}/decision`, { action: 'deliver' }));
  await finish();

  const o = await must(
    '协商成果',
    c.office.post('/api/consultation-outcomes', {
      kind: '建议案',
      title: '关于推进社区居家养老服务体系建设的建议',
      body:
        '一、加快建设社区嵌入式养老服务设施，2年内实现街道养老服务综合体全覆盖。\n' +
        '二、完善养老护理人才培养、评价和激励机制，落实入职补贴和岗位津贴。\n' +
        '三、推进医养康养融合，支持社区卫生服务中心与养老机构签约合作。',
      summary: '建议补齐社区养老设施短板，稳定护理队伍，推进医养结合。',
      eventId: e.id,
      planItemId: itemId,
      leaderAccountId: c.leader.me.account.id,
    }),
  );
  const outcomeAction = (who: Client, action: string, data?: object) =>
    must(`成果 ${action}`, who.post(`/api/consultation-outcomes/${o.id}/actions`, { action, data }));
  await outcomeAction(c.office, 'sendForSignOff');
  await outcomeAction(c.leader, 'signOff');
  const submittedOn = earlier(addDays(day, 10), c.today);
  await outcomeAction(c.office, 'submit', { submittedTo: ['party', 'government'], submittedOn });
  await outcomeAction(c.office, 'recordInstruction', {
    leaderName: '陈立新',
    leaderOrgan: 'party',
    level: 'city',
    instructedOn: earlier(addDays(submittedOn, 3), c.today),
    text: '请市民政局会同市卫健委认真研究吸收，抓好落实。',
  });
  const civil = await c.login(unitName('市民政局'));
  const health = await c.login(unitName('市卫生健康委员会'));
  await outcomeAction(c.office, 'handOver', {
    unitIds: [civil.me.account.unitId, health.me.account.unitId],
    dueOn: addDays(c.today, 45),
  });
  const row = (await must('单位查看成果', civil.get(`/api/consultation-outcomes/${o.id}`))).units[0].id;
  const outcomeUnitAction = (action: string, data?: object) =>
    must(`单位 ${action}`, civil.post(`/api/consultation-outcomes/${o.id}/units/${row}/actions`, { action, data }));
  await outcomeUnitAction('accept');
  await outcomeUnitAction('feedback', {
    takenUp: '建议已纳入我局明年养老服务体系建设重点任务，社区养老服务综合体建设列入市政府民生实事。',
    measures: '新建街道养老服务综合体6个，落实养老护理员入职补贴，开展护理员职业技能培训800人次。',
  });
}

/** Runs the consultation part of the demo year. */
export async function seedDemoConsultation(login: Login): Promise<void> {
  const today = beijingToday();
  const office = await login('office_staff');
  const ids = new Map<string, number>();
  const c: Ctx = {
    login,
    office,
    special: await login('special_staff'),
    leader: await login('leader'),
    today,
    year: beijingYearOf(),
    memberId: async (u) => {
      if (!ids.has(u)) ids.set(u, (await login(u)).me.account.memberId);
      return ids.get(u)!;
    },
  };
  const held = workday(addDays(today, -40));
  const inspected = workday(addDays(today, -18));
  // Far enough ahead for the notice to go out before its due date (15 working days before the meeting).
  const upcoming = workday(addDays(today, 25));
  // [topic, kind, leading chair, counterpart or supervised body, month, form]; supervision items carry their form too.
  const item = (
    [topic, kind, leadingLeader, body, plannedMonth, form]: (string | number)[],
    supervisionForm?: string,
  ) =>
    supervisionForm
      ? { topic, kind, leadingLeader, supervisedBody: body, supervisionForm, plannedMonth, form }
      : { topic, kind, leadingLeader, counterpartBody: body, plannedMonth, form };
  const [, elderly, , heritage] = await publishPlan(
    c,
    'consultation',
    `${c.year}年度政协协商工作计划`,
    [
      ['推动制造业数字化转型', 'standingThematic', '张副主席', '市工业和信息化局', 6, 'meeting'],
      ['推进社区居家养老服务体系建设', 'thematic', '李副主席', '市民政局', monthOf(held), 'meeting'],
      ['优化营商环境、降低企业融资成本', 'counterpart', '王副主席', '市地方金融监督管理局', 8, 'site'],
      ['加强历史文化街区保护利用', 'bimonthly', '主席', '市文化广电旅游局', monthOf(upcoming), 'meeting'],
      ['加快推进老旧小区加装电梯', 'sector', '赵副主席', '市住房和城乡建设局', 10, 'online'],
    ].map((x) => item(x)),
    '5',
  );
  const [air] = await publishPlan(
    c,
    'supervision',
    `${c.year}年度政协民主监督工作计划`,
    [
      item(
        ['大气污染防治攻坚行动落实情况', 'inspection', '赵副主席', '市生态环境局', monthOf(inspected), 'site'],
        'inspection',
      ),
      item(['惠企政策落实情况', 'supervisoryResearch', '王副主席', '市发展和改革委员会', 9, 'site'], 'research'),
    ],
    '6',
  );
  await topicCollection(c);
  await elderlyCare(c, elderly, held);

  const inspection = await noticedEvent(
    c,
    c.special,
    {
      kind: 'inspection',
      title: '大气污染防治攻坚行动落实情况民主监督视察',
      planItemId: air,
      supervisedBody: '市生态环境局',
      supervisionForm: 'inspection',
      startsAt: at(inspected, '08:30'),
      endsAt: at(inspected, '17:00'),
      place: '市经济技术开发区、城东工业园',
    },
    ['member241', 'member242', 'member243', 'member244', 'member245', 'member246'],
    [{ kind: 'official', name: '何志强', organisation: '市生态环境局' }],
  );
  const done = await holdEvent(
    c.special,
    inspection,
    '视察组实地察看了3家重点排污企业和2个空气质量自动监测站，听取了市生态环境局的情况汇报。' +
      '视察组建议：加强重点行业超低排放改造，严格施工扬尘管控，完善重污染天气应急响应机制。',
  );
  await done();

  const bimonthly = await noticedEvent(
    c,
    c.office,
    {
      kind: 'bimonthly',
      title: '加强历史文化街区保护利用双月协商座谈会',
      planItemId: heritage,
      counterpartBody: '市文化广电旅游局',
      startsAt: at(upcoming, '15:00'),
      endsAt: at(upcoming, '17:30'),
      place: '市政协第一会议室',
      agenda: AGENDA('市文化广电旅游局通报历史文化街区保护利用情况', '市文化广电旅游局局长'),
    },
    ['member231', 'member232', 'member233', 'member234', 'member235', 'member236'],
    [{ kind: 'expert', name: '周明远', organisation: '市规划设计研究院' }],
  );
  // One member has sent the text (waiting for selection), another signed up and still owes it.
  await must(
    '提交发言稿',
    (await login('member231')).post(`/api/consultations/events/${bimonthly.id}/speeches`, {
      title: '让历史街区“留得住、活起来”',
      body: '建议编制街区保护利用导则，引入社会资本参与老建筑活化利用，同时保障原住民权益……',
    }),
  );
  await must(
    '报名发言',
    (await login('member232')).post(`/api/consultations/events/${bimonthly.id}/speeches`, {
      title: '关于设立历史建筑保护专项资金的建议',
    }),
  );
  await discussion(c);
}
