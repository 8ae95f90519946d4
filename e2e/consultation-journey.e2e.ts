// 协商: a party suggests a topic on a 375 px phone → the office takes it into the plan → the leader records 主席会议审议
// and 党委批准 (date, 文号) → the plan is published → a 专题协商 from that item is noticed, a member signs up and submits a
// speech on the phone, the office selects it, the event is held and the speech delivered → the year sentence counts it.
import { describe, expect, it } from 'vitest';
import { type ApiClient, apiLogin, okBody } from './api.ts';
import {
  checkScreen,
  expectNoA11yViolations,
  expectNoHorizontalOverflow,
  openedDialog,
  pageErrorsOf,
  pickDate,
  shot,
  signInAndOpen,
} from './browser.ts';

const YEAR = 2030;
let office: ApiClient;
let planId = 0;
let topicId = 0;
let eventId = 0;

describe('协商：党派提出议题 → 计划批准发布 → 专题协商举行、委员发言', () => {
  it('党派在手机上提出协商议题建议，办公室列入计划后党派看到答复', async () => {
    office = await apiLogin('office_staff');
    planId = okBody(
      await office.post('/api/consultations/plans', {
        year: YEAR,
        kind: 'consultation',
        title: '协商工作计划',
        collectUntil: '2099-12-31',
      }),
    ).id;

    const phone = await signInAndOpen('org01', `/consultations/plans/${planId}`, { mobile: true });
    await phone.getByText('提出协商议题建议').waitFor();
    await phone.getByLabel('议题名称').fill('关于推进社区居家养老服务体系建设的协商议题');
    await phone.getByLabel('理由').fill('我市老龄化程度加深，社区养老服务供给不足，建议开展专题协商。');
    await phone.getByLabel('建议牵头单位').fill('社会和法制委员会');
    await shot(phone, 'consultation-topic-form-phone');
    await checkScreen(phone);
    await phone.getByRole('button', { name: '提交议题建议' }).click();
    await phone.getByText('待答复').waitFor();

    topicId = okBody(await office.get(`/api/consultations/topics?planId=${planId}`)).items[0].id;
    const itemId = okBody(
      await office.post(`/api/consultations/plans/${planId}/items`, {
        topic: '推进社区居家养老服务体系建设',
        kind: 'thematic',
        leadingLeader: '王副主席',
        counterpartBody: '市民政局',
        plannedMonth: 6,
      }),
    ).id;
    okBody(await office.post(`/api/consultations/topics/${topicId}/answer`, { action: 'take', planItemId: itemId }));
    await phone.reload();
    await phone.getByText('答复：已列入计划：推进社区居家养老服务体系建设').waitFor();
    await shot(phone, 'consultation-topic-answered-phone');
    expect(pageErrorsOf(phone)).toEqual([]);
  });

  it('领导在计划页上记录主席会议审议和党委批准（日期、文号），计划发布', async () => {
    okBody(await office.post(`/api/consultations/plans/${planId}/actions`, { action: 'submit' }));
    const page = await signInAndOpen('leader', `/consultations/plans/${planId}`);
    await page.getByRole('button', { name: '主席会议审议通过' }).click();
    await openedDialog(page);
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.getByText('待党委批准').waitFor();
    await page.getByRole('button', { name: '党委批准通过' }).click();
    await openedDialog(page);
    const dialog = page.getByRole('dialog');
    await pickDate(dialog, '批准日期', '2030-02-10');
    await dialog.getByLabel('文号').fill('示委办〔2030〕3号');
    await shot(page, 'consultation-plan-approve');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByText('文号：示委办〔2030〕3号').waitFor();
    await page.getByText('已发布').first().waitFor();
    await expectNoA11yViolations(page);
  });

  it('委员在手机上看到即将举行的专题协商，报名发言并提交发言稿；会议举行后显示已发言', async () => {
    const plan = okBody(await office.get(`/api/consultations/plans/${planId}`));
    const member = await apiLogin('member010');
    const start = new Date(Date.now() + 20 * 86_400_000);
    eventId = okBody(
      await office.post('/api/consultations/events', {
        kind: 'thematic',
        title: '推进社区居家养老服务专题协商会',
        planItemId: plan.items[0].id,
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 3 * 3_600_000).toISOString(),
        place: '市政协三楼会议室',
        counterpartBody: '市民政局',
        agenda: [
          { part: 'briefing', title: '市民政局通报全市养老服务工作', minutes: 15 },
          { part: 'speech', title: '委员发言', minutes: 40 },
        ],
      }),
    ).id;
    okBody(
      await office.post(`/api/consultations/events/${eventId}/participants`, {
        rule: 'members',
        memberIds: [member.me.account.memberId],
      }),
    );
    okBody(await office.post(`/api/consultations/events/${eventId}/actions`, { action: 'sendNotice' }));

    const phone = await signInAndOpen('member010', '/consultations/events', { mobile: true });
    await phone.getByText('推进社区居家养老服务专题协商会').click();
    await phone.getByText('市民政局通报全市养老服务工作').waitFor();
    await phone.getByLabel('发言题目').fill('让老人在家门口享受养老服务');
    await phone.getByLabel('发言稿（可稍后提交）').fill('建议在每个街道建设一所综合养老服务中心，推广助餐点进社区。');
    await checkScreen(phone);
    await phone.getByRole('button', { name: '报名发言' }).click();
    await phone.getByText('已提交发言稿').first().waitFor();
    await shot(phone, 'consultation-speech-phone');

    const ev = okBody(await office.get(`/api/consultations/events/${eventId}`));
    const speech = ev.speeches[0];
    okBody(
      await office.post(`/api/consultations/speeches/${speech.id}/decision`, {
        action: 'select',
        position: 1,
        minutesAllowed: 5,
      }),
    );
    okBody(
      await office.post(`/api/meetings/${ev.meetingId}/attendance/${member.me.account.memberId}`, { present: true }),
    );
    okBody(await office.post(`/api/consultations/events/${eventId}/actions`, { action: 'hold' }));
    okBody(await office.post(`/api/consultations/speeches/${speech.id}/decision`, { action: 'deliver' }));
    await phone.reload();
    await phone.getByText('已发言').first().waitFor();
    await phone.getByText('已举行').first().waitFor();
    await shot(phone, 'consultation-held-phone');
    await expectNoHorizontalOverflow(phone);
    expect(pageErrorsOf(phone)).toEqual([]);

    const year = new Date(start.getTime() + 8 * 3_600_000).getUTCFullYear();
    const f = okBody(await (await apiLogin('leader')).get(`/api/consultations/figures?year=${year}`));
    expect(f.sentence).toContain('专题协商');
    expect(f.delivered).toBeGreaterThanOrEqual(1);
  });
});
