// 履职: a member checks in to a plenary by opening the venue QR code's URL on a 375 px phone and sees the points appear
// in 我的履职 with the rule that gave them; the committee admin changes that rule in the 积分规则 form and the member's
// score changes, the new rule shown as the reason.
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../server/modules/duty/rule-presets.ts';
import { type ApiClient, apiLogin } from './api.ts';
import {
  checkScreen,
  expectNoA11yViolations,
  expectNoHorizontalOverflow,
  newPage,
  openedDialog,
  type Page,
  pageErrorsOf,
  shot,
  signedInPage,
  signInAndOpen,
} from './browser.ts';

// Absent from the demo's plenary (numbers ending in 7 were), so this plenary's points are the only meeting points.
const MEMBER = 'member077';
const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
let meetingId = 0;
let admin: ApiClient;

async function memberPoints(page: Page) {
  await page.goto('/duty/me');
  await page.getByText('本年积分').waitFor();
  return page;
}

/** On the member's duty page: the plenary's line gives `basis` (依据) and +`points`, and 本年积分 shows `points`. */
async function expectPlenaryLine(phone: Page, basis: string, points: string) {
  const line = phone.locator('.ant-list-item', { hasText: '六届一次全体会议第三次大会' });
  await line.waitFor();
  expect(await line.textContent()).toContain(`依据：${basis}`);
  expect(await line.textContent()).toContain(`+${points}`);
  expect(await phone.locator('.ant-statistic', { hasText: '本年积分' }).textContent()).toContain(points);
}

describe('履职：扫码签到 → 我的履职出现积分 → 管理员修改规则 → 积分和依据随之变化', () => {
  it('委员在手机上打开会场二维码的链接，签到成功，我的履职里出现出席全体会议 +50', async () => {
    admin = await apiLogin('admin');
    expect(
      (await admin.put('/api/duty/rules', { year, rules: PRESETS.hundred.rules, note: '演示：百分制' })).status,
    ).toBe(200);
    const office = await apiLogin('office_staff');
    const member = await apiLogin(MEMBER);
    const created = await office.post('/api/meetings', {
      kind: 'plenary',
      title: '六届一次全体会议第三次大会',
      startsAt: new Date(Date.now() - 30 * 60_000).toISOString(),
      endsAt: new Date(Date.now() + 150 * 60_000).toISOString(),
      place: '市政协大礼堂',
      agenda: '一、审议提案工作报告\n二、大会发言',
      invite: { rule: 'members', memberIds: [member.me.account.memberId] },
    });
    expect(created.status).toBe(200);
    meetingId = created.body.id;

    // The venue screen (staff, desktop).
    const screen = await signInAndOpen('office_staff', `/meetings/${meetingId}/qr`);
    await screen.getByRole('img', { name: '签到二维码' }).waitFor();
    await shot(screen, 'duty-venue-qr');
    await expectNoA11yViolations(screen);

    // The member's phone opens the URL the QR code encodes; signing in first brings them back to it.
    const code = await office.get(`/api/meetings/${meetingId}/checkin-code`);
    const url = new URL(code.body.url);
    const phone = await newPage({ mobile: true });
    await phone.goto(`${url.pathname}${url.search}`);
    await phone.waitForURL(/\/login/);
    await phone.getByLabel('用户名或手机号').fill(MEMBER);
    await phone.getByLabel('密码', { exact: true }).fill('Demo@2026');
    await phone.getByRole('button', { name: '登录' }).click();
    await phone.getByText('签到成功').waitFor();
    await expect(phone.getByText('六届一次全体会议第三次大会')).toBeTruthy();
    await shot(phone, 'duty-checkin-phone');
    await checkScreen(phone);

    await phone.getByRole('button', { name: '查看我的履职' }).click();
    await phone.getByText('本年积分').waitFor();
    await expectPlenaryLine(phone, '出席全体会议（参加会议）', '50');
    await shot(phone, 'duty-my-duty-phone');
    await checkScreen(phone);
    expect(pageErrorsOf(phone)).toEqual([]);
  });

  it('管理员在积分规则表单中把出席全体会议改为 40 分，委员看到新的积分和依据', async () => {
    const page = await signInAndOpen('admin', '/duty/rules');
    await page.locator('#items_0_points').waitFor();
    await page.locator('#items_0_label').fill('出席全体会议（每次 40 分）');
    await page.locator('#items_0_points').fill('40');
    await page.locator('#note').fill('出席全体会议改为 40 分');
    await shot(page, 'duty-rules-form');
    await page.getByRole('button', { name: '保存并重新计分' }).click();
    const dialog = await openedDialog(page);
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByText(/已保存为第 \d+ 版，重新计算了 \d+ 位委员的积分，其中 \d+ 位有变化/).waitFor();
    await expectNoA11yViolations(page);

    // A bad value is refused with the server's Chinese message at the field.
    await page.locator('#grades_1_min').fill('95');
    await page.getByRole('button', { name: '保存并重新计分' }).click();
    await (await openedDialog(page)).getByRole('button', { name: '确定' }).click();
    await page.getByText('等次「良好」的最低分应低于「优秀」').first().waitFor();
    await shot(page, 'duty-rules-invalid');

    const phone = await signedInPage(MEMBER, { mobile: true });
    await memberPoints(phone);
    await expectPlenaryLine(phone, '出席全体会议（每次 40 分）', '40');
    await shot(phone, 'duty-my-duty-after-rule-change');
    await expectNoHorizontalOverflow(phone);
    expect(pageErrorsOf(phone)).toEqual([]);
  });

  it('工作人员看到考勤表和积分表（含各项得分）', async () => {
    const page = await signInAndOpen('office_staff', `/meetings/${meetingId}`);
    await page.getByText('签到与考勤').waitFor();
    await page.locator('.ant-table-row', { hasText: '扫码' }).first().waitFor();
    await shot(page, 'duty-attendance-sheet');
    await expectNoA11yViolations(page);
    await page.goto('/duty/scores?sort=totalDesc');
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 'duty-scores');
    await expectNoA11yViolations(page);
    const phone = await signInAndOpen('office_staff', '/duty/scores', { mobile: true });
    await phone.locator('.ant-table-row').first().waitFor();
    await expectNoHorizontalOverflow(phone);
    await shot(phone, 'duty-scores-phone');
  });
});
