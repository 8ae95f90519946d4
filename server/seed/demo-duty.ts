// The members' year beyond the plenary, so that the demo's duty grades spread as a committee's do: the standing
// committee met before December, and members took part in up to three activities (by their number: those ending in 1
// in all three, 2 in two, 3 in one); members whose number ends in 7 — absent from the plenary — did nothing all year.
// The committee adopts a 基础分 + 加分 style after the published one (base 40, the plenary 30 — so a member absent
// from it fails — and bonuses for meetings, activities, reports and proposals), with a 良好 grade. Everything through the routes, as the rest of the demo year.
import { PRESETS } from '../modules/duty/rule-presets.ts';
import { addDays, beijingToday, beijingYearOf } from '../platform/dates.ts';
import { at, type Login, must, workday } from './demo-steps.ts';

/** Each activity with the last digits of the members' numbers who took part. */
const ACTIVITIES: [kind: string, title: string, place: string, digits: number[]][] = [
  ['research', '乡村振兴产业发展专题调研', '南山镇', [1, 2, 3]],
  ['inspection', '重点民生工程建设视察', '城东新区', [1, 2]],
  ['goodDeed', '“委员进社区”义诊和法律咨询', '西城街道', [1]],
];

/** A member's number from the demo username (member123 → 123). */
const numberOf = (username: string) => Number(username.replace(/^member/, ''));

export async function seedDemoDuty(login: Login) {
  const office = await login('office_staff');
  const admin = await login('admin');
  const year = beijingYearOf();
  const today = beijingToday();
  // Days of the year so far, oldest first; a demo started in January has them in the last weeks of last year.
  const daysAgo = (n: number) => workday(addDays(today, -n));
  const accounts = (await must('委员账号', admin.get('/api/accounts?role=member&pageSize=500'))).items.filter(
    (a: any) => /^member\d{3}$/.test(a.username) && numberOf(a.username) % 10 !== 7,
  ) as { username: string; memberId: number }[];
  // The chair (signs in as the leader only) takes part like any member.
  const chair = (await login('leader')).me.account.memberId as number;
  const active = new Set([...accounts.map((a) => a.memberId), chair]);

  // A meeting of those members who were active this year (the others are not invited: no absence on their record).
  const meeting = async (filter: string, body: Record<string, unknown>) => {
    const members = (await must('委员名单', office.get(`/api/org/members?${filter}&pageSize=500`))).items as {
      id: number;
    }[];
    const invited = members.map((m) => m.id).filter((id) => active.has(id));
    const m = await must(
      `会议 ${body.title}`,
      office.post('/api/meetings', { ...body, invite: { rule: 'members', memberIds: invited } }),
    );
    for (const id of invited)
      await must('标记出席', office.post(`/api/meetings/${m.id}/attendance/${id}`, { present: true }));
    await must('结束会议', office.post(`/api/meetings/${m.id}/close`));
  };
  const standingDay = daysAgo(150);
  await meeting('standingMember=true', {
    kind: 'standing',
    title: '六届常委会第四次会议',
    startsAt: at(standingDay, '09:00'),
    endsAt: at(standingDay, '11:30'),
    place: '市政协第一会议室',
    agenda: '协商讨论“十五五”规划编制有关问题',
  });

  for (const [k, [kind, title, place, digits]] of ACTIVITIES.entries()) {
    const who = accounts.filter((a) => digits.includes(numberOf(a.username) % 10)).map((a) => a.memberId);
    const day = daysAgo(120 - k * 25);
    const act = await must(
      `活动 ${title}`,
      office.post('/api/activities', {
        kind,
        title,
        startsAt: at(day, '09:00'),
        endsAt: at(day, '16:00'),
        place,
        registration: 'invite',
        invite: { rule: 'members', memberIds: who },
      }),
    );
    for (const id of who)
      await must('活动签到', office.post(`/api/activities/${act.id}/attendance/${id}`, { present: true }));
  }

  const base = PRESETS.base120.rules;
  const bonus = (label: string, kinds: string[], points: number, detail?: Record<string, string>) => ({
    category: 'bonus',
    label,
    kinds,
    points,
    ...(detail ? { detail } : {}),
  });
  await must(
    '年度履职考核办法',
    admin.put('/api/duty/rules', {
      year,
      note: '采用「基础分 + 加分」：基础分 40，出席全体会议 30 分；出席常委会议、参加履职活动等每次加 5 分',
      rules: {
        ...base,
        name: `示例市政协${year}年度委员履职考核办法`,
        base: 40,
        categories: [{ key: 'meetings', name: '全体会议', cap: 30, floor: 0 }, ...base.categories],
        items: [
          {
            category: 'meetings',
            label: '出席全体会议',
            kinds: ['meeting.present'],
            detail: { meetingKind: 'plenary' },
            points: 30,
          },
          {
            category: 'meetings',
            label: '全体会议请假',
            kinds: ['meeting.leave'],
            detail: { meetingKind: 'plenary' },
            points: 20,
          },
          ...base.items.filter((i) => i.category !== 'deductions'),
          bonus('出席常委会议', ['meeting.present'], 5, { meetingKind: 'standing' }),
          bonus('出席专委会会议', ['meeting.present'], 5, { meetingKind: 'specialCommittee' }),
          bonus(
            '参加视察、调研等履职活动',
            PRESETS.hundred.rules.items.find((i) => i.category === 'activities')!.kinds,
            5,
          ),
          bonus('提交提案', ['proposal.filed'], 5),
          bonus('报送社情民意信息', ['opinion.submitted'], 5),
          bonus('大会发言被采用', ['speech.delivered'], 5),
        ],
        grades: [
          { key: 'excellent', label: '优秀', min: 85 },
          { key: 'good', label: '良好', min: 75 },
          { key: 'competent', label: '称职', min: 60 },
          { key: 'incompetent', label: '不称职', min: -10000 },
        ],
      },
    }),
  );
}
