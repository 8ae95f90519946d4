// The proposal office's pages on a desktop and a phone: 提案管理 queues, 办理督办, 提案统计 with the annual sentence,
// 民主评议 scoring, 优秀提案, 提案规则, and a unit's inbox on a phone — each readable, accessible and without sideways
// scrolling. A few proposals are prepared through the API first.
import { describe, expect, it } from 'vitest';
import { apiLogin } from './api.ts';
import {
  checkScreen,
  expectNoA11yViolations,
  expectNoHorizontalOverflow,
  pageErrorsOf,
  shot,
  signedInPage,
  signInAndOpen,
} from './browser.ts';

const TEXT = {
  background: '城区背街小巷路灯缺失、路面破损，群众夜间出行不便。',
  suggestions: '建议开展背街小巷整治专项行动，完善照明和路面设施。',
  category: '社会建设',
};

let unitName = '';

describe('提案委的工作页面', () => {
  it('准备数据：立案并交办两件提案', async () => {
    const staff = await apiLogin('proposal_staff');
    const member = await apiLogin('member050');
    const unit = await apiLogin('unit02');
    unitName = unit.me.account.displayName as string;
    for (const title of ['关于整治城区背街小巷的建议', '关于完善城区夜间照明设施的建议']) {
      const res = await member.post('/api/proposals', { title, ...TEXT, submit: true });
      expect(res.status).toBe(200);
      for (const body of [
        { action: 'preApprove' },
        { action: 'register' },
        { action: 'assign', mode: 'lead', leadUnitId: unit.me.account.unitId },
      ]) {
        expect((await staff.post(`/api/proposals/${res.body.id}/transitions`, body)).status).toBe(200);
      }
    }
  });

  it('提案管理、办理督办、统计、评议、优秀提案和规则页面在电脑上可用', async () => {
    const page = await signedInPage('proposal_staff');
    const pages: [string, string][] = [
      ['/proposals?queue=all', '提案管理'],
      ['/proposals/deadlines?days=365', '办理督办'],
      ['/proposals/figures', '提案统计'],
      ['/proposals/appraisal', '民主评议'],
      ['/proposals/commendations', '优秀提案'],
      ['/proposals/rules', '提案规则'],
    ];
    for (const [url, heading] of pages) {
      await page.goto(url);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      await expectNoA11yViolations(page);
      await shot(page, `proposals-page-${url.split('?')[0].split('/').pop()}`);
    }
    await page.goto('/proposals/figures');
    await page.getByText(/全年共收到提案\d+件，立案\d+件/).waitFor();
    await page.goto('/proposals/deadlines?days=365');
    await page.getByRole('link', { name: '关于整治城区背街小巷的建议' }).waitFor();
    expect(pageErrorsOf(page)).toEqual([]);
  });

  it('没有数据的年度：统计页的承办单位表格（普通 antd 表格）空状态文字清晰可读（axe 对比度）', async () => {
    // Seven years back the demo holds no proposals: the table's empty text is the app-wide renderEmpty (EmptyText).
    const empty = new Date(Date.now() + 8 * 3600_000).getUTCFullYear() - 7;
    const page = await signInAndOpen('proposal_staff', `/proposals/figures?year=${empty}`);
    const card = page.locator('.ant-card').filter({ hasText: '承办单位办理情况' });
    await card.locator('.ant-table-placeholder').getByText('暂无数据').waitFor();
    await checkScreen(page, 'proposals-figures-empty-year');
    expect(pageErrorsOf(page)).toEqual([]);
  });

  it('统计和列表在手机上不横向溢出；承办单位在手机上看到待办', async () => {
    const phone = await signedInPage('proposal_staff', { mobile: true });
    for (const url of ['/proposals?queue=all', '/proposals/figures']) {
      await phone.goto(url);
      await phone.waitForLoadState('networkidle');
      await expectNoHorizontalOverflow(phone);
    }
    await shot(phone, 'proposals-figures-mobile');
    const unit = await signInAndOpen('unit02', '/proposals/inbox', { mobile: true });
    await unit.getByRole('link', { name: '关于整治城区背街小巷的建议' }).waitFor();
    await checkScreen(unit, 'proposals-inbox-mobile');
    // The unit's own figures: both proposals assigned to it, neither answered yet.
    await unit.goto('/proposals/unit-figures');
    await unit.getByRole('heading', { name: '本单位办理情况' }).waitFor();
    const row = unit.locator('.ant-table-row').filter({ hasText: unitName });
    await row.waitFor();
    expect(await row.locator('td').nth(1).textContent()).toBe('2');
    expect(await row.locator('td').nth(3).textContent()).toBe('2');
    await checkScreen(unit, 'proposals-unit-figures-mobile');
  });
});
