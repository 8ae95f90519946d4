// Every figure of the groups a small year touches, against values counted by hand: a year built through the routes
// (proposals, opinion reports, meetings, an activity, a consultation, a 随手拍 item) on a committee that had nothing
// this year, then each figure of proposals, opinions, meetings, activities, duty, consultations and supervision, and
// each section the report builder writes from them. (figures.test.ts compares the same figures with plain-SQL recounts.)
import { describe, expect, it } from 'vitest';
import { eventAction } from '../../modules/consultations/test-helpers.ts';
import { assigned, registered, replyAndApprove, transition, write } from '../../modules/proposals/test-helpers.ts';
import { type Client, login, okBody, testAppForFile } from '../../test/harness.ts';
import { beijingToday } from '../dates.ts';

const t = testAppForFile({
  leader: 'leader',
  office: 'office_staff',
  staff: 'proposal_staff',
  m1: 'member070',
  m2: 'member071',
  unit: 'unit09',
});
const year = Number(beijingToday().slice(0, 4));
const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
const MODULES = ['proposals', 'opinions', 'meetings', 'activities', 'duty', 'consultations', 'supervision'];

const figures = async () => {
  const items = (await okBody(await t.leader.get(`/api/figures?period=${year}`))).items as any[];
  return Object.fromEntries(items.filter((i) => MODULES.includes(i.module)).map((i) => [i.id, i.value])) as Record<
    string,
    number
  >;
};

async function buildYear() {
  const ids = [t.m1, t.m2].map((m) => m.me.account.memberId as number);
  // Proposals: a draft (not counted), one submitted, one registered, one answered (class A: solved) and made key,
  // one withdrawn (not counted).
  await write(t.m1, {});
  await write(t.m1, { submit: true });
  await registered(t.m2, t.staff);
  const answered = await assigned(t.m1, t.staff, t.unit.me.account.unitId as number);
  await replyAndApprove(t.unit, t.staff, answered, 'A');
  await okBody(
    await t.leader.put(`/api/proposals/${answered}/key`, {
      governmentLeader: '王副市长',
      supervisingLeader: '张副主席',
    }),
  );
  const gone = await write(t.m2, { submit: true });
  await transition(t.m2, gone, 'withdraw');
  // Opinion reports: two sent, one draft.
  for (const [i, submit] of [true, true, false].entries())
    await okBody(
      await t.m1.post('/api/opinions', {
        title: `关于第${i + 1}社区增设养老服务站的建议`,
        body: '社区养老服务站数量不足，建议增设。',
        category: '社会民生',
        submit,
      }),
    );
  // Meetings: one held (both invited members present), one cancelled.
  const meeting = async (title: string) =>
    (
      await okBody(
        await t.office.post('/api/meetings', {
          kind: 'standing',
          title,
          startsAt: hoursAgo(3),
          endsAt: hoursAgo(1),
          place: '第一会议室',
          invite: { rule: 'members', memberIds: ids },
        }),
      )
    ).id as number;
  const held = await meeting('常委会第五次会议');
  for (const id of ids) await okBody(await t.office.post(`/api/meetings/${held}/attendance/${id}`, { present: true }));
  await okBody(await t.office.post(`/api/meetings/${held}/close`));
  await okBody(await t.office.post(`/api/meetings/${await meeting('取消的会议')}/cancel`));
  // An activity: two invited, one checked in.
  const act = await okBody(
    await t.office.post('/api/activities', {
      kind: 'research',
      title: '营商环境专题调研',
      startsAt: hoursAgo(5),
      endsAt: hoursAgo(4),
      place: '高新区',
      registration: 'invite',
      invite: { rule: 'members', memberIds: ids },
    }),
  );
  await okBody(await t.office.post(`/api/activities/${act.id}/attendance/${ids[0]}`, { present: true }));
  // A consultation held: two members and one official take part, one member checked in at its meeting.
  const ev = await okBody(
    await t.office.post('/api/consultations/events', {
      kind: 'thematic',
      title: '推进城市更新专题协商会',
      startsAt: hoursAgo(8),
      endsAt: hoursAgo(6),
      place: '市政协三楼会议室',
      counterpartBody: '市住房和城乡建设局',
      agenda: [{ part: 'speech', title: '委员发言', minutes: 40 }],
    }),
  );
  await okBody(
    await t.office.post(`/api/consultations/events/${ev.id}/participants`, {
      rule: 'members',
      memberIds: ids,
      guests: [{ kind: 'official', name: '李局长', organisation: '市住房和城乡建设局' }],
    }),
  );
  await okBody(await eventAction(t.office, ev.id, 'sendNotice'));
  const e = await okBody(await t.office.get(`/api/consultations/events/${ev.id}`));
  await okBody(await t.office.post(`/api/meetings/${e.meetingId}/attendance/${ids[0]}`, { present: true }));
  await okBody(await eventAction(t.office, ev.id, 'hold'));
  // A 随手拍 item filed, accepted, dispatched and answered in time.
  const up = await okBody(await t.m2.upload('/api/supervision/uploads', '现场.png', png));
  const snap = await okBody(
    await t.m2.post('/api/supervision/reports', { text: '幸福路口井盖破损', place: '幸福路口', fileIds: [up.id] }),
  );
  const reportAction = (c: Client, action: string, extra: Record<string, unknown> = {}) =>
    c.post(`/api/supervision/reports/${snap.id}/actions`, { action, ...extra });
  await okBody(await reportAction(t.office, 'accept'));
  await okBody(await reportAction(t.office, 'dispatch', { unitId: t.unit.me.account.unitId }));
  const photo = await okBody(await t.unit.upload('/api/supervision/uploads', '整改.png', png));
  await okBody(await reportAction(t.unit, 'answer', { comment: '已更换井盖', fileIds: [photo.id] }));
}

describe('the figures of a small year, counted by hand', () => {
  it('gives every figure of the groups it touches, and the report builder’s sentences', async () => {
    const before = await figures();
    expect(Object.values(before).every((v) => v === 0)).toBe(true);
    await buildYear();
    const after = await figures();
    const hand: Record<string, number> = {
      'proposals.received': 3,
      'proposals.registered': 2,
      'proposals.answered': 1,
      'proposals.solved': 1,
      'proposals.key': 1,
      'opinions.received': 2,
      'opinions.compiled': 0,
      'opinions.adopted': 0,
      'opinions.instructions': 0,
      'opinions.answered': 0,
      // The standing meeting and the consultation's own meeting (its notice calls it); 2 + 1 present.
      'meetings.held': 2,
      'meetings.attendances': 3,
      'activities.held': 1,
      'activities.participations': 1,
      // 3 proposals filed (the withdrawn one's fact revoked), 2 registered, 1 key; 2 reports sent; 3 present and 1
      // absent at meetings; 1 activity; 1 consultation taken part in; 1 随手拍 accepted.
      'duty.facts': 15,
      'duty.activeMembers': 2,
      'consultations.consultations': 1,
      'consultations.supervisions': 0,
      'consultations.participants': 3,
      'consultations.speeches': 0,
      'supervision.filed': 1,
      'supervision.accepted': 1,
      'supervision.dispatched': 1,
      'supervision.answeredOnTime': 1,
      'supervision.overdue': 0,
      'supervision.disputed': 0,
      'supervision.timeliness': 100,
    };
    expect(after).toEqual(hand);
    // The report builder writes each section from the same figures.
    const admin = await login(t.app, 'admin');
    const c = await okBody(await admin.get(`/api/figures/report/compose?period=${year}&modules=${MODULES.join(',')}`));
    const text = (c.sections as any[]).map((x) => x.filled).join('\n');
    const h = (id: string) => hand[id];
    for (const sentence of [
      `全年共收到提案${h('proposals.received')}件，立案${h('proposals.registered')}件，已办理答复${h('proposals.answered')}件，所提问题已解决或建议被采纳的${h('proposals.solved')}件；确定重点提案${h('proposals.key')}件。`,
      `全年报送社情民意信息${h('opinions.received')}条，编发0条，被采用0条，获领导批示0条，部门回复办理0条。`,
      `全年召开各类会议${h('meetings.held')}次，委员出席${h('meetings.attendances')}人次。`,
      `全年组织视察、调研等履职活动${h('activities.held')}次，委员参加${h('activities.participations')}人次。`,
      `全年记录委员履职${h('duty.facts')}条，${h('duty.activeMembers')}名委员有履职记录。`,
      `全年共开展协商${h('consultations.consultations')}次、民主监督0次，参加${h('consultations.participants')}人次，发言0篇。`,
      '委员提交随手拍1件，受理1件，交办1件，承办单位按期答复1件，按期答复率100%。',
    ])
      expect(text).toContain(sentence);
  });
});
