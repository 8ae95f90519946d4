// Journeys of signing in: the committee name after login (desktop and phone), the wrong-password message, lockout
// after five wrong passwords, changing the password and signing in with the new one, logout, and ?next after login.
import { describe, expect, it } from 'vitest';
import { apiLogin } from './api.ts';
import {
  checkScreen,
  expectNoA11yViolations,
  expectNoHorizontalOverflow,
  loginAs,
  newPage,
  type Page,
  pageErrorsOf,
  shot,
  signedInPage,
} from './browser.ts';

async function submitLogin(page: Page, username: string, password: string) {
  await page.getByLabel('用户名或手机号').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  // Wait for the server's answer, so the next attempt never overtakes this one.
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/auth/login')),
    page.getByRole('button', { name: '登录' }).click(),
  ]);
}

async function loginError(page: Page): Promise<string> {
  const alert = page.getByTestId('login-error');
  await alert.waitFor();
  return (await alert.textContent()) ?? '';
}

describe('登录', () => {
  it('委员 member001 登录后在页头看到 示例市政协 和自己的角色（电脑）', async () => {
    const page = await newPage();
    await page.goto('/');
    await page.waitForURL('**/login');
    await expectNoA11yViolations(page);
    await shot(page, 'auth-login-desktop');
    await loginAs(page, 'member001');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByTestId('committee-name').textContent()).toBe('示例市政协');
    expect(await page.getByTestId('user-menu').getAttribute('aria-label')).toContain('委员');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/好，/);
    await expectNoA11yViolations(page);
    await shot(page, 'auth-member-home-desktop');
    expect(pageErrorsOf(page)).toEqual([]);
  });

  it('在 375 px 手机上登录：菜单收进抽屉，没有横向滚动', async () => {
    const page = await newPage({ mobile: true });
    await page.goto('/login');
    await checkScreen(page, 'auth-login-mobile');
    await loginAs(page, 'member001');
    expect(await page.getByTestId('committee-name').textContent()).toBe('示例市政协');
    await checkScreen(page, 'auth-member-home-mobile');
    const menuButton = page.getByRole('button', { name: '打开功能菜单' });
    const box = await menuButton.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expect(box!.width).toBeGreaterThanOrEqual(44);
    await menuButton.click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('menuitem', { name: '通知中心' }).waitFor();
    expect(await drawer.getByRole('menuitem', { name: '审计日志' }).count()).toBe(0);
    await expectNoA11yViolations(page);
    await shot(page, 'auth-member-menu-mobile');
    await drawer.getByRole('menuitem', { name: '通知中心' }).click();
    await page.waitForURL('**/notifications');
    await page.getByRole('heading', { name: '通知中心' }).waitFor();
    await expectNoHorizontalOverflow(page);
  });

  it('密码错误时显示服务器的中文提示，不透露账号是否存在或还剩几次', async () => {
    const page = await newPage({ mobile: true });
    await page.goto('/login');
    await submitLogin(page, 'member002', 'Wrong@2026');
    const text = await loginError(page);
    expect(text).toContain('用户名或密码错误');
    expect(text).not.toContain('次');
    await submitLogin(page, 'no_such_user', 'Wrong@2026');
    expect(await loginError(page)).toBe(text);
    expect(new URL(page.url()).pathname).toBe('/login');
    await expectNoA11yViolations(page);
    await shot(page, 'auth-wrong-password-mobile');
  });

  it('连续输错 5 次后要等一会儿才能再试，正确密码也要等', async () => {
    const page = await newPage();
    await page.goto('/login');
    for (let i = 1; i <= 5; i++) {
      await submitLogin(page, 'member290', `Wrong@${i}`);
      expect(await loginError(page)).toContain('用户名或密码错误');
    }
    await submitLogin(page, 'member290', 'Demo@2026');
    await page.getByText(/登录尝试过多，请 \d+ 秒后再试/).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await expectNoA11yViolations(page);
    await shot(page, 'auth-locked-desktop');
  });

  it('member289 修改密码后，旧密码失效，新密码可以登录', async () => {
    const page = await signedInPage('member289', { mobile: true });
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '修改密码' }).click();
    await page.waitForURL('**/account/password');
    await page.getByText('至少 8 个字符').first().waitFor();
    await page.getByLabel('原密码').fill('Demo@2026');
    await page.getByLabel('新密码', { exact: true }).fill('abcdefgh');
    await page.getByLabel('再次输入新密码').fill('abcdefgh');
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.getByText('密码需包含大写字母、小写字母、数字、符号中的至少三种').waitFor();
    await checkScreen(page, 'auth-password-policy-mobile');

    // The server's own check: a wrong old password is reported on that field.
    await page.getByLabel('原密码').fill('Wrong@2026');
    await page.getByLabel('新密码', { exact: true }).fill('Qiu#Shui2027');
    await page.getByLabel('再次输入新密码').fill('Qiu#Shui2027');
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.getByText('原密码不正确').waitFor();

    await page.getByLabel('原密码').fill('Demo@2026');
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.getByText('密码已修改，请牢记新密码').waitFor();
    await shot(page, 'auth-password-changed-mobile');

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL('**/login');
    await submitLogin(page, 'member289', 'Demo@2026');
    expect(await loginError(page)).toContain('用户名或密码错误');
    await submitLogin(page, 'member289', 'Qiu#Shui2027');
    await page.waitForURL((url) => url.pathname === '/');
    expect(await page.getByTestId('committee-name').textContent()).toBe('示例市政协');
  });

  it('未登录打开某页，登录后回到该页', async () => {
    const page = await newPage();
    await page.goto('/notifications?show=unread');
    await page.waitForURL('**/login?next=*');
    await submitLogin(page, 'member003', 'Demo@2026');
    await page.waitForURL('**/notifications?show=unread');
    await page.getByRole('heading', { name: '通知中心' }).waitFor();
  });
});

describe('首次登录', () => {
  it('管理员新建的账号首次登录必须先改密码，改完进入首页', async () => {
    const admin = await apiLogin('admin');
    const created = await admin.post('/api/accounts', {
      username: 'e2e_leader',
      password: 'Init#2026ab',
      displayName: '测试领导',
      roles: ['leader'],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body.mustChangePassword).toBe(true);

    const page = await newPage({ mobile: true });
    await loginAs(page, 'e2e_leader', 'Init#2026ab');
    expect(new URL(page.url()).pathname).toBe('/password');
    await page.getByText('首次登录，请先修改密码').waitFor();
    // Every other page sends the user back here.
    await page.goto('/notifications');
    await page.waitForURL('**/password');
    await checkScreen(page, 'auth-first-password-mobile');

    await page.getByLabel('原密码').fill('Init#2026ab');
    await page.getByLabel('新密码', { exact: true }).fill('Leader#2027');
    await page.getByLabel('再次输入新密码').fill('Leader#2027x');
    await page.getByRole('button', { name: '修改密码并进入平台' }).click();
    await page.getByText('两次输入的新密码不一致').waitFor();
    await page.getByLabel('再次输入新密码').fill('Leader#2027');
    await page.getByRole('button', { name: '修改密码并进入平台' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    expect(await page.getByTestId('committee-name').textContent()).toBe('示例市政协');
    expect(await page.getByTestId('user-menu').getAttribute('aria-label')).toContain('领导');
  });
});
