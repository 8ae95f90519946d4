// throwaway: screenshots of the three features at 375 and 1280, overflow and error text check
import { chromium } from 'playwright-core';
const BASE = 'http://127.0.0.1:4517';
const pages = (process.env.PAGES ?? '').split(',').filter(Boolean);
const user = process.env.USER_NAME ?? 'office_staff';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
for (const mobile of [true, false]) {
  const ctx = await b.newContext({
    baseURL: BASE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
    ...(mobile ? { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 } : { viewport: { width: 1280, height: 800 } }),
  });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
  await page.goto('/login');
  await page.getByLabel('用户名或手机号').fill(user);
  await page.getByLabel('密码', { exact: true }).fill('Demo@2026');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  for (const p of pages) {
    await page.goto(p);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const r = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const culprits = [...document.querySelectorAll('body *')].filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.right > width + 1 && getComputedStyle(el).position !== 'fixed'; }).slice(0, 4).map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 50)}`);
      return { scroll: document.documentElement.scrollWidth, width, culprits, text: document.body.innerText.slice(0, 0) };
    });
    const name = `${user}-${p.replace(/[/?=&]/g, '_')}-${mobile ? 375 : 1280}`;
    await page.screenshot({ path: `/tmp/l2/shots/${name}.png`, fullPage: true });
    console.log(name, r.scroll > r.width + 1 ? `OVERFLOW ${r.scroll}/${r.width} ${r.culprits.join(' ; ')}` : 'ok');
  }
  await ctx.close();
}
await b.close();
