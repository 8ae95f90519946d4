// Journeys of the app frame: the menu follows the permission table (an administrator sees 审计日志, a member does
// not and is refused the page), the audit log with its filters and before/after view, the 404 page, and the
// notification centre's empty state, and the home page's 待办.
import { describe, expect, it } from 'vitest';
import { apiLogin } from './api.ts';
import {
  checkScreen,
  chooseOption,
  expectNoA11yViolations,
  loginAs,
  newPage,
  shot,
  signedInPage,
  signInAndOpen,
} from './browser.ts';

describe('应用框架', () => {
  it('管理员的菜单有 审计日志；委员没有，直接打开也被拒绝', async () => {
    const admin = await signedInPage('admin');
    const nav = admin.getByRole('navigation', { name: '功能菜单' });
    await nav.getByRole('menuitem', { name: '审计日志' }).waitFor();
    expect(await nav.getByText('系统管理').count()).toBe(1);
    await admin
      .getByRole('link', { name: /审计日志/ })
      .first()
      .waitFor();
    await shot(admin, 'shell-admin-home-desktop');

    const member = await signedInPage('member004');
    const memberNav = member.getByRole('navigation', { name: '功能菜单' });
    await memberNav.getByRole('menuitem', { name: '首页' }).waitFor();
    expect(await memberNav.getByRole('menuitem', { name: '审计日志' }).count()).toBe(0);
    await member.goto('/audit');
    await member.getByText('无权访问').waitFor();
    await expectNoA11yViolations(member);
  });

  it('首页的待办事项：党派团体负责人在手机上看到待审批的集体提案，点开就是这件提案', async () => {
    const page = await signedInPage('org01', { mobile: true });
    const todos = page.getByRole('list', { name: '待办事项' });
    const item = todos.getByRole('listitem').filter({ hasText: '待您审批的集体提案' });
    await item.waitFor();
    expect(await item.textContent()).toContain('1');
    await checkScreen(page, 'shell-home-todos-mobile');
    await item.click();
    await page.waitForURL('**/proposals/mine?state=orgApproval');
    await page.getByRole('link', { name: '关于支持民营企业参与城市更新的建议' }).waitFor();
  });

  it('审计日志：按操作筛选登录失败，展开看到修改前后', async () => {
    // Something to find besides the administrator's own login: a member's sign-in through the API.
    await apiLogin('member005');
    const page = await signedInPage('admin');
    await page.getByRole('navigation', { name: '功能菜单' }).getByRole('menuitem', { name: '审计日志' }).click();
    await page.waitForURL('**/audit');
    await page.getByRole('heading', { name: '审计日志' }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    expect(await page.getByRole('cell', { name: /登录/ }).count()).toBeGreaterThan(0);
    await expectNoA11yViolations(page);
    await shot(page, 'shell-audit-desktop');

    await page.getByLabel('操作人').fill('系统');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL('**/audit?actor=*');
    await page.getByLabel('操作人').fill('');
    await page.getByRole('button', { name: '重置' }).click();
    await page.waitForURL((url) => url.pathname === '/audit' && url.search === '');

    await chooseOption(page, '操作', '登录（含登录失败）');
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/audit?') && r.url().includes('action=auth.login')),
      page.getByRole('button', { name: '查询' }).click(),
    ]);
    await page.waitForURL('**/audit?action=auth.login');
    // Column 4 is 操作 (column 1 holds the expand buttons).
    const actionCells = page.locator('.ant-table-row td:nth-child(4)');
    await expect.poll(async () => (await actionCells.allTextContents()).every((a) => a.startsWith('登录'))).toBe(true);
    expect(await actionCells.count()).toBeGreaterThan(1);
    expect((await actionCells.allTextContents()).join()).not.toContain('auth.');

    await page
      .getByRole('button', { name: /^查看第 \d+ 条的修改前后$/ })
      .first()
      .click();
    await page.locator('.ant-table-expanded-row').first().waitFor();
    await shot(page, 'shell-audit-expanded-desktop');
  });

  it('管理员在 375 px 手机上的首页：每个功能一块大按钮，页面不溢出', async () => {
    const page = await signedInPage('admin', { mobile: true });
    const tiles = page.locator('main').getByRole('listitem').getByRole('link');
    await tiles.first().waitFor();
    expect(await tiles.count()).toBeGreaterThan(3);
    await page.getByRole('heading', { name: '系统管理', level: 2 }).waitFor();
    const box = await tiles.first().boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await checkScreen(page, 'shell-admin-home-mobile');
  });

  it('审计日志在 375 px 手机上：表格横向滚动，页面不溢出', async () => {
    const page = await signInAndOpen('admin', '/audit', { mobile: true });
    await page.locator('.ant-table-row').first().waitFor();
    await checkScreen(page, 'shell-audit-mobile');
  });

  it('不存在的页面显示中文 404；通知中心没有通知时有提示', async () => {
    const page = await newPage({ mobile: true });
    // A county member: the demo's meetings and proposals send notices to the city's members.
    await loginAs(page, 'county_member149');
    await page.goto('/no-such-page');
    await page.getByText('页面不存在').first().waitFor();
    await expectNoA11yViolations(page);
    await page.goto('/notifications');
    await page.getByText('暂时没有通知').waitFor();
    await checkScreen(page, 'shell-notifications-empty-mobile');
  });
});
