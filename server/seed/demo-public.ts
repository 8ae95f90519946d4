// The demo's public site and loose ends of issue 15, through the routes: news and a notice published on the public site,
// two proposals with their replies made public, a member studio with a reception rota (委员会客室) around today, and one
// 随手拍 overdue — dispatched "25 working days ago" by moving the platform clock back for its filing and dispatch only
// (the demo has no history otherwise; the clock is restored before anything else runs).
import type { FastifyInstance } from 'fastify';
import { addDays, beijingToday, setTestClock } from '../platform/dates.ts';
import { type Login, must } from './demo-steps.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const NEWS: [string, string, string][] = [
  [
    'news',
    '市政协召开“推进养老服务体系建设”专题协商会',
    '会上，委员们围绕社区嵌入式养老、医养结合和养老人才队伍建设建言献策，有关部门负责同志现场回应。',
  ],
  [
    'news',
    '委员工作室开展“委员会客室”接待日活动',
    '委员工作室每周安排委员值班，在线答复群众提问，未及时答复的问题自动转给下一位值班委员。',
  ],
  [
    'notice',
    '关于征集明年提案线索的公告',
    '欢迎社会各界通过本网站“提案线索”栏目提出意见建议，我们将整理后交委员研究，择优形成提案。',
  ],
];

export async function seedDemoPublic(_app: FastifyInstance, login: Login): Promise<void> {
  const office = await login('office_staff');
  for (const [kind, title, body] of NEWS) {
    const { id } = await must('新闻公告', office.post('/api/public-site/news', { kind, title, body }));
    await must('发布新闻公告', office.post(`/api/public-site/news/${id}/publish`));
  }

  // Two proposals already answered, made public with their replies.
  const staff = await login('proposal_staff');
  const done = await must('办结提案', staff.get('/api/proposals?state=completed&pageSize=2'));
  for (const p of done.items)
    await must('公开提案', staff.put(`/api/proposals/${p.id}/public`, { isPublic: true, repliesPublic: true }));

  // A studio of three members with one on duty each day from yesterday for a week.
  const members = await Promise.all(['member216', 'member217', 'member218'].map((u) => login(u)));
  const ids = members.map((m) => m.me.account.memberId as number);
  const studio = await must(
    '委员工作室',
    office.post('/api/grassroots/studios', {
      name: '东城街道委员工作室',
      kind: 'township',
      place: '东城街道党群服务中心二楼',
      leaderMemberId: ids[0],
      memberIds: ids,
    }),
  );
  const today = beijingToday();
  const entries = [-1, 0, 1, 2, 3, 4, 5].map((d, i) => ({ date: addDays(today, d), memberId: ids[i % 3] }));
  await must('会客室值班', office.put(`/api/grassroots/studios/${studio.id}/rota`, { entries }));

  // One 随手拍 past its deadline: filed and dispatched five weeks ago, not yet answered.
  const member = members[1];
  const units = (await must('承办单位', office.get('/api/org/units?pageSize=500'))).items as {
    id: number;
    name: string;
  }[];
  try {
    setTestClock(new Date(Date.now() - 35 * 86_400_000));
    const photo = await member.upload('/api/supervision/uploads', '现场照片.png', PNG);
    if (photo.status !== 200) throw new Error(`演示数据：上传照片失败 (${photo.status})`);
    const { id } = await must(
      '随手拍',
      member.post('/api/supervision/reports', {
        text: '东城街道菜市场后巷排水沟堵塞，污水外溢，气味很大。',
        place: '东城街道菜市场后巷',
        urgent: false,
        fileIds: [photo.body.id],
      }),
    );
    const reportAction = (action: string, extra: object = {}) =>
      must(`随手拍${action}`, office.post(`/api/supervision/reports/${id}/actions`, { action, ...extra }));
    await reportAction('accept');
    await reportAction('dispatch', { unitId: units.find((u) => u.name === '市交通运输局')!.id });
  } finally {
    setTestClock(null);
  }
}
