// The member's phone (issue 12), at 375 px: an expired session asks to sign in again in place and the save goes
// through; a reload mid-typing offers the text back; offline shows the banner and 加载失败 + 重试 (never 「暂无」), and
// back online 重试 loads the list.
import { describe, expect, it } from 'vitest';
import { apiLogin } from './api.ts';
import {
  checkScreen,
  expectNoA11yViolations,
  expectNoHorizontalOverflow,
  settleAnimations,
  shot,
  signedInPage,
  signInAndOpen,
} from './browser.ts';

const TITLE = '关于在地铁站增设老年人休息座椅的建议';
const BACKGROUND = '部分地铁站换乘通道较长，老年乘客中途无处休息。';

describe('委员的手机：不丢内容、弱网、快速加载', () => {
  it('会话过期后保存：原地弹出登录框，登录后继续保存，内容不丢', async () => {
    const page = await signInAndOpen('member041', '/proposals/new', { mobile: true });
    await page.getByRole('heading', { name: '撰写提案' }).waitFor();
    await page.getByLabel('案由（标题）').fill(TITLE);
    await page.getByLabel('案据（情况与分析）').fill(BACKGROUND);
    // The session ends while the member is typing (as after 30 idle minutes).
    await page.context().clearCookies();
    await page.getByRole('button', { name: '保存草稿' }).click();
    const dialog = page.getByRole('dialog', { name: '登录已过期，请重新登录' });
    await dialog.waitFor();
    expect(page.url()).toContain('/proposals/new');
    await settleAnimations(page);
    // The page's save buttons behind the dialog show their (faded) loading state while the save waits.
    await expectNoA11yViolations(page, { exclude: ['.ant-btn-loading'] });
    await shot(page, 'phone-sign-in-again-mobile');
    await dialog.getByLabel('密码').fill('Demo@2026');
    await dialog.getByRole('button', { name: '登录并继续' }).click();
    await page.waitForURL(/\/proposals\/\d+$/);
    await page.getByText(TITLE).first().waitFor();
  });

  it('写到一半刷新页面：本机保存的内容可以恢复', async () => {
    const page = await signInAndOpen('member042', '/proposals/new', { mobile: true });
    await page.getByLabel('案由（标题）').fill(TITLE);
    await page.getByLabel('案据（情况与分析）').fill(BACKGROUND);
    await page.reload();
    const offer = page.getByTestId('draft-offer');
    await offer.waitFor();
    expect(await page.getByLabel('案由（标题）').inputValue()).toBe('');
    await expectNoHorizontalOverflow(page);
    await shot(page, 'phone-draft-offer-mobile');
    await offer.getByRole('button', { name: '恢复这些内容' }).click();
    expect(await page.getByLabel('案由（标题）').inputValue()).toBe(TITLE);
    expect(await page.getByLabel('案据（情况与分析）').inputValue()).toBe(BACKGROUND);
    // Another account on the same phone is not offered this member's text.
    const other = await signInAndOpen('member043', '/proposals/new', { mobile: true });
    await other.getByRole('heading', { name: '撰写提案' }).waitFor();
    await other.waitForTimeout(300);
    expect(await other.getByTestId('draft-offer').count()).toBe(0);
  });

  it('断网：顶部提示，查询失败显示「加载失败」和「重试」而不是空列表；联网后重试成功', async () => {
    const page = await signInAndOpen('member001', '/proposals/mine', { mobile: true });
    await page.getByRole('heading', { name: '我的提案' }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.context().setOffline(true);
    await page.getByTestId('network-banner').waitFor();
    expect(await page.getByTestId('network-banner').textContent()).toContain('网络已断开');
    // A new search while offline: the request fails.
    await page.getByLabel('关键词').fill('养老');
    await page.getByLabel('关键词').press('Enter');
    await page.getByTestId('load-failed').waitFor({ timeout: 30_000 });
    expect(await page.getByText('暂无').count()).toBe(0);
    expect(await page.getByText('无法连接服务器').count()).toBeGreaterThan(0);
    await checkScreen(page, 'phone-offline-mobile');
    await page.context().setOffline(false);
    await page.getByText('网络已恢复').waitFor();
    await page.getByRole('button', { name: '重试' }).click();
    await page.getByRole('heading', { name: '我的提案' }).waitFor();
    await page.getByTestId('load-failed').waitFor({ state: 'detached' });
  });

  it('保存时网络断了再点一次：同一个幂等键，只有一件提案', async () => {
    const title = '关于在公交站台增设遮阳棚的建议';
    const page = await signInAndOpen('member045', '/proposals/new', { mobile: true });
    await page.getByRole('heading', { name: '撰写提案' }).waitFor();
    await page.getByLabel('案由（标题）').fill(title);
    await page.getByLabel('案据（情况与分析）').fill('夏季午后公交站台没有遮挡，候车的老人和孩子暴晒。');
    // The first save reaches the server and is stored, but its answer is lost on the way back (a crowded hall).
    const keys: string[] = [];
    let lost = false;
    await page.route('**/api/proposals', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push(route.request().headers()['idempotency-key']);
      if (lost) return route.continue();
      lost = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('无法连接服务器，请检查网络后重试').first().waitFor();
    // The member taps again: the same key, so the server answers with the first save instead of a second proposal.
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(/\/proposals\/\d+$/);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    const member = await apiLogin('member045');
    const mine = await member.get('/api/proposals?scope=mine&pageSize=100');
    expect(mine.body.items.filter((p: any) => p.title === title)).toHaveLength(1);
  });

  it('特大字号：在账号菜单中选择，记在本账号，主要页面在 375 px 不横向溢出且无障碍检查通过', async () => {
    const page = await signedInPage('member044', { mobile: true });
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '特大字号' }).click();
    await page.waitForFunction(() => document.documentElement.dataset.textSize === 'xlarge');
    for (const [path, heading] of [
      ['/', null],
      ['/proposals/mine', '我的提案'],
      ['/proposals/new', '撰写提案'],
      ['/opinions/new', '报送社情民意信息'],
      ['/duty/me', '我的履职'],
      ['/meetings', null],
      ['/activities', null],
      ['/notifications', null],
    ] as const) {
      await page.goto(path);
      if (heading) await page.getByRole('heading', { name: heading }).first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('20px');
      await checkScreen(page);
    }
    await page.goto('/proposals/new');
    await page.getByRole('heading', { name: '撰写提案' }).waitFor();
    await shot(page, 'phone-xlarge-proposal-form-mobile');
    await page.goto('/');
    await page.waitForLoadState('networkidle');
    await shot(page, 'phone-xlarge-home-mobile');
    // Remembered for this account after signing in again.
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.textSize === 'xlarge');
  }, 400_000);
});
