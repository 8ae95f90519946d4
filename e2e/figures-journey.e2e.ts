// 驾驶舱 and 统计报告 journey: a leader's home opens with the year's figures on a 1280 px desktop and a 375 px phone (axe
// clean, nothing overflowing), a number opens the list behind it, the 大屏 shows the same numbers dark and large; office
// staff build the annual report from the registry, edit the text around the numbers, check and export it, and download
// the Word file — its numbers are the dashboard's. A handling unit's home shows its own figures, each a link to its list.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiLogin } from './api.ts';
import {
  expectNoA11yViolations,
  expectNoHorizontalOverflow,
  type Page,
  pageErrorsOf,
  settleAnimations,
  signedInPage,
  signInAndOpen,
} from './browser.ts';

const shot = async (page: Page, name: string, fullPage = true) => {
  await settleAnimations(page);
  await page.screenshot({ path: `/tmp/figweb-${name}.png`, fullPage });
};
const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

describe('驾驶舱：领导首页的年度数据', () => {
  it('桌面：首页即驾驶舱，数字可点开清单，可切换大屏', async () => {
    const leader = await apiLogin('leader');
    const dash = (await leader.get('/api/figures/dashboard')).body;
    const held = dash.items.find((i: any) => i.id === 'meetings.held');
    // The monthly trend adds up to the year-so-far figure it draws.
    for (const id of ['meetings.held', 'activities.held', 'learning.sessions']) {
      const f = dash.items.find((i: any) => i.id === id);
      const sum = dash.trend.reduce((s: number, m: any) => s + (m.values[id] ?? 0), 0);
      expect(sum, id).toBe(f.value);
    }

    const page = await signedInPage('leader');
    const card = page.getByTestId('dashboard').getByTestId('figure-meetings.held');
    await card.waitFor();
    expect(await card.getByRole('link').textContent()).toBe(`${held.value.toLocaleString('zh-CN')}${held.unit}`);
    await page.getByRole('heading', { name: '月度趋势' }).waitFor();
    await page.getByRole('img', { name: /各月趋势折线图/ }).waitFor();
    await expectNoA11yViolations(page);
    await shot(page, 'leader-home-desktop');

    await card.getByRole('link').click();
    await page.waitForURL((u) => u.pathname + u.search === held.link || u.pathname === held.link.split('?')[0]);

    await page.goto('/figures');
    await page.getByTestId('figure-meetings.held').waitFor();
    await page.getByRole('heading', { name: '全部指标' }).waitFor();
    await expectNoA11yViolations(page);
    await shot(page, 'dashboard-desktop');
    await page.getByRole('button', { name: '大屏展示' }).click();
    const screen = page.getByTestId('big-screen');
    await screen.getByTestId('figure-meetings.held').waitFor();
    await screen.getByText(/每60秒自动刷新/).waitFor();
    await shot(page, 'big-screen', false);
    await screen.getByRole('button', { name: '退出大屏' }).click();
    await screen.waitFor({ state: 'detached' });

    // A county's figures only: its name under 各级对比 opens its dashboard, with nothing below it to compare.
    const county = dash.committee.name === '示例市政协' ? '示例县政协' : '';
    expect(county).toBe('示例县政协');
    await page.getByRole('link', { name: county }).click();
    await page.waitForURL(/committeeId=\d+/);
    await page.getByText(`${county} · 统计至`).waitFor();
    await page.getByTestId('figure-meetings.held').waitFor();
    expect(await page.getByRole('heading', { name: '各级对比' }).count()).toBe(0);
    await page.getByRole('link', { name: '返回本级' }).waitFor();
    expect(pageErrorsOf(page)).toEqual([]);
  });

  it('手机 375 px：数字可见，不横向溢出', async () => {
    const page = await signedInPage('leader', { mobile: true });
    await page.getByTestId('dashboard').getByTestId('figure-meetings.held').waitFor();
    await page.getByRole('img', { name: /各月趋势折线图/ }).waitFor();
    await expectNoHorizontalOverflow(page);
    await expectNoA11yViolations(page);
    await shot(page, 'leader-home-phone');
    await shot(page, 'leader-home-phone-top', false);
    await page.getByRole('heading', { name: '各级对比' }).scrollIntoViewIfNeeded();
    await shot(page, 'leader-home-phone-levels', false);
    await page.goto('/figures');
    await page.getByRole('heading', { name: '全部指标' }).waitFor();
    await expectNoHorizontalOverflow(page);
    await shot(page, 'dashboard-phone');
    expect(pageErrorsOf(page)).toEqual([]);
  });
});

describe('承办单位首页：本单位办理情况', () => {
  it('桌面和手机 375 px：本单位的数字，点开即本单位的清单', async () => {
    const unit = await apiLogin('unit01');
    const d = (await unit.get('/api/figures/unit')).body;
    expect(d.unit.name).toBe('市发展和改革委员会');
    const assigned = d.items.find((i: any) => i.id === 'proposals.unit.assigned');
    // The demo year gives unit01 proposals in every state: to sign for, in hand, reply in review, answered.
    expect(assigned.value).toBeGreaterThanOrEqual(4);
    for (const mobile of [false, true]) {
      const page = await signedInPage('unit01', { mobile });
      await page.getByRole('heading', { name: `${year}年本单位办理情况` }).waitFor();
      const card = page.getByTestId('dashboard').getByTestId('figure-proposals.unit.assigned');
      await card.waitFor();
      expect(await card.getByRole('link').textContent()).toBe(`${assigned.value}${assigned.unit}`);
      await page.getByTestId('figure-supervision.unit.dispatched').waitFor();
      await page.getByRole('heading', { name: '超期事项' }).waitFor();
      // A unit sees no committee-wide comparison.
      expect(await page.getByRole('heading', { name: '各级对比' }).count()).toBe(0);
      if (mobile) await expectNoHorizontalOverflow(page);
      await expectNoA11yViolations(page);
      await shot(page, `unit-home-${mobile ? 'phone' : 'desktop'}`);
      if (!mobile) {
        await card.getByRole('link').click();
        await page.waitForURL((u) => u.pathname === '/proposals/inbox' && u.search.includes(`year=${year}`));
        await page.getByRole('link', { name: '关于优化营商环境、降低中小企业融资成本的建议' }).first().waitFor();
      }
      expect(pageErrorsOf(page)).toEqual([]);
    }
  });
});

describe('统计报告：生成、修改、核对、导出 Word', () => {
  it('办公室生成年度工作报告，数字与驾驶舱一致', async () => {
    const page = await signInAndOpen('office_staff', '/figures/reports');
    await page.getByRole('link', { name: '新建报告' }).click();
    await page.getByRole('checkbox', { name: '委员学习' }).waitFor();
    await expectNoA11yViolations(page);
    await shot(page, 'report-new');
    await page.getByRole('button', { name: '生成报告' }).click();

    const body = page.getByRole('textbox', { name: '「协商议政」正文' });
    await body.waitFor();
    // The numbers are tags: the text around them is edited, the tag keeps its figure.
    await body.click();
    await page.keyboard.press('End');
    await page.keyboard.type('各项协商活动有序开展。');
    await page.getByRole('button', { name: '核对数字' }).click();
    await page.getByText(/按最新数据核对全部 \d+ 个数字/).waitFor();
    await expectNoA11yViolations(page);
    await shot(page, 'report-editor');
    await page.getByRole('button', { name: '导出报告' }).click();
    await page.waitForURL(/\/figures\/reports\/\d+$/);
    await page.getByText('导出后数据没有变化').waitFor();
    await page.getByText('各项协商活动有序开展。').waitFor();

    const leader = await apiLogin('leader');
    const dash = (await leader.get('/api/figures/dashboard')).body;
    const c = dash.items.find((i: any) => i.id === 'consultations.consultations');
    await page.getByText(new RegExp(`开展协商${c.value}次`)).waitFor();
    await expectNoA11yViolations(page);
    await shot(page, 'report-page');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 Word' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${year}年度工作报告.docx`);
    const file = await download.path();
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    expect(pageErrorsOf(page)).toEqual([]);
  });
});
