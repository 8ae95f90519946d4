// Helpers for browser journeys. A journey file looks like:
//
//   import { describe, expect, it } from 'vitest';
//   import { expectNoA11yViolations, loginAs, newPage, shot } from './browser.ts';
//
//   it('a member sees the committee name', async () => {
//     const page = await newPage({ mobile: true });         // 375×812 touch phone; omit for a 1280×800 desktop
//     await loginAs(page, 'member001');                      // password Demo@2026 unless given
//     await page.getByTestId('committee-name').waitFor();
//     expect(await page.getByTestId('committee-name').textContent()).toBe('示例市政协');
//     await expectNoA11yViolations(page);                    // axe: fails on serious and critical findings
//     await shot(page, 'member-home-mobile');                // test-results/member-home-mobile.png — look at it
//   });
//
// One Chromium per test file, closed after the file. Each newPage() is a fresh browser context (its own cookies) with
// its own client address (X-Forwarded-For), so per-address rate limits do not couple journeys. Chromium is Debian's
// /usr/bin/chromium; a missing browser is an error, never a skipped test.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, inject } from 'vitest';

export type { Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const DEMO_PASSWORD = 'Demo@2026';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RESULTS_DIR = path.join(root, 'test-results');
/** What the running platform writes (e2e/global-setup.ts sends its output here). */
export const SERVER_LOG = path.join(RESULTS_DIR, 'e2e-server.log');

/** The running platform, e.g. http://127.0.0.1:40123 (started by e2e/global-setup.ts). */
export function baseUrl(): string {
  return inject('baseUrl');
}

let browser: Browser | null = null;
let clientCounter = 0;
const pageErrors = new WeakMap<Page, string[]>();

async function getBrowser(): Promise<Browser> {
  if (browser) return browser;
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`找不到 Chromium：${CHROMIUM}（Debian: apt-get install chromium）— browser journeys need it`);
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  return browser;
}

afterAll(async () => {
  await browser?.close();
  browser = null;
});

/** A new page in a fresh context: desktop 1280×800, or with mobile a 375×812 touch phone. Chinese, Beijing time. */
export async function newPage(opts: { mobile?: boolean } = {}): Promise<Page> {
  const b = await getBrowser();
  clientCounter += 1;
  const context = await b.newContext({
    baseURL: baseUrl(),
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    extraHTTPHeaders: {
      'x-forwarded-for': `10.${process.pid % 250}.${Math.floor(clientCounter / 250)}.${clientCounter % 250}`,
    },
    ...(opts.mobile
      ? { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }
      : { viewport: { width: 1280, height: 800 } }),
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (err) => errors.push(err.message));
  // Refusals a journey does not expect are the usual cause of a timeout: print them beside the failure.
  page.on('response', (r) => {
    const refusedWrite = r.status() >= 400 && r.request().method() !== 'GET';
    if (r.status() === 429 || r.status() >= 500 || refusedWrite)
      void r.text().then(
        (body) => console.warn(`[e2e] ${r.status()} ${r.request().method()} ${r.url()} ${body.slice(0, 200)}`),
        () => console.warn(`[e2e] ${r.status()} ${r.request().method()} ${r.url()}`),
      );
  });
  return page;
}

/** Uncaught script errors seen on the page so far (a journey may assert it is empty). */
export function pageErrorsOf(page: Page): string[] {
  return pageErrors.get(page) ?? [];
}

/** Fills the login form and waits until the app has left the login page (home, or the forced password change). */
export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名或手机号').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.waitForLoadState('networkidle');
}

/** A fresh page (desktop, or a phone with mobile) signed in as `username` with the demo password, at its home page. */
export async function signedInPage(username: string, opts: { mobile?: boolean } = {}): Promise<Page> {
  const page = await newPage(opts);
  await loginAs(page, username);
  return page;
}

/** signedInPage, then at `url`: `const phone = await signInAndOpen('member041', '/proposals/new', { mobile: true })`. */
export async function signInAndOpen(username: string, url: string, opts: { mobile?: boolean } = {}): Promise<Page> {
  const page = await signedInPage(username, opts);
  await page.goto(url);
  return page;
}

/**
 * Waits until no finite CSS animation or transition is running: a drawer sliding in or a dropdown fading out is read by
 * axe at half opacity (a false contrast failure) or while still in the page (a closed list without a name). Endless
 * ones (spinners) are ignored.
 */
export async function settleAnimations(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .every(
          (a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Number.POSITIVE_INFINITY,
        ),
    undefined,
    { polling: 50, timeout: 10_000 },
  );
}

/**
 * The dialog opened last, once its own zoom-in and its mask's fade are over, as a person waits before pressing its
 * buttons: a click during the zoom is lost on a busy machine, and axe would read the half-faded colours. Only that
 * dialog's motion counts; a toast or a list elsewhere in the page may go on moving (a page-wide wait once hung for
 * 20 s on a busy CI machine). If the zoom never reports its end within 10 s the dialog is returned anyway, and
 * Playwright's own click still waits for the button to stand still.
 */
export async function openedDialog(page: Page): Promise<Locator> {
  const dialog = page.locator('.ant-modal:visible').last();
  await dialog.waitFor();
  await page
    .waitForFunction(
      () => {
        const shown = [...document.querySelectorAll<HTMLElement>('.ant-modal')].filter(
          (m) => m.getClientRects().length,
        );
        const root = shown.at(-1)?.closest('.ant-modal-root');
        const moving = '[class*="-appear"], [class*="-enter"]';
        return !root || (!root.querySelector(moving) && !root.matches(moving));
      },
      undefined,
      { polling: 50, timeout: 10_000 },
    )
    .catch(() => undefined);
  return dialog;
}

/** Clicks the page's button named exactly `name` (the first, where a phone and a desktop copy both exist) and returns
 *  the dialog it opens, once open (see openedDialog). */
export async function openActionDialog(page: Page, name: string): Promise<Locator> {
  await page.getByRole('button', { name, exact: true }).first().click();
  return openedDialog(page);
}

/** Takes the action `name` that asks for nothing more: opens its dialog (openActionDialog) and confirms it (确定). */
export async function takeAction(page: Page, name: string): Promise<void> {
  await openActionDialog(page, name);
  await confirmDialog(page);
}

/**
 * Presses the button `okText` (default 确定) of the dialog opened last and waits until the dialog has closed. A click
 * lost during the zoom on a busy machine is tried again (three times at most) once the dialog is still open and its
 * button no longer busy; if it never closes, the error names the form's own messages (the field that is wrong).
 */
export async function confirmDialog(page: Page, okText = '确定'): Promise<void> {
  const dialog = await openedDialog(page);
  const button = dialog.getByRole('button', { name: okText }).last();
  for (let attempt = 1; ; attempt++) {
    try {
      await button.click({ timeout: 5_000 });
      await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
      return;
    } catch (err) {
      // A slow request keeps the button loading: wait for it rather than pressing it twice.
      if (await button.evaluate((b) => b.classList.contains('ant-btn-loading')).catch(() => false))
        await dialog.waitFor({ state: 'hidden' }).catch(() => undefined);
      if (!(await dialog.isVisible())) return;
      if (attempt === 3) {
        const errors = await dialog.locator('.ant-form-item-explain-error').allTextContents();
        throw errors.length ? new Error(`对话框未关闭：${errors.join('；')}`) : err;
      }
    }
  }
}

/** The SMS codes the running platform has written to its log so far (test-results/e2e-server.log), oldest first. */
function smsCodesInLog(): string[] {
  return [...(fs.existsSync(SERVER_LOG) ? fs.readFileSync(SERVER_LOG, 'utf8') : '').matchAll(/验证码是(\d{6})/g)].map(
    (m) => m[1],
  );
}

/** Presses `button` (获取验证码) and returns the SMS code the platform then logs (a new one within 5 s), failing otherwise. */
export async function requestSmsCode(button: Locator): Promise<string> {
  const before = smsCodesInLog().length;
  await button.click();
  for (let i = 0; i < 50; i++) {
    const all = smsCodesInLog();
    if (all.length > before) return all[all.length - 1];
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('5 秒内没有收到新的短信验证码');
}

/** Runs axe (WCAG 2.1 A/AA) on the current page and throws listing every serious or critical violation. */
export async function expectNoA11yViolations(page: Page, opts: { exclude?: string[] } = {}): Promise<void> {
  await settleAnimations(page);
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const sel of opts.exclude ?? []) builder = builder.exclude(sel);
  const result = await builder.analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) {
    const text = bad
      .map(
        (v) =>
          `[${v.impact}] ${v.id}: ${v.help}\n${v.nodes
            .slice(0, 5)
            .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\n/g, ' ')}`)
            .join('\n')}`,
      )
      .join('\n');
    throw new Error(`无障碍检查未通过 (${page.url()}):\n${text}`);
  }
}

/** Throws when the page scrolls sideways (the 375 px rule). */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const { scroll, width, culprits } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right > width + 1 && getComputedStyle(el).position !== 'fixed';
      })
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)}`);
    return { scroll: document.documentElement.scrollWidth, width, culprits };
  });
  if (scroll > width + 1) throw new Error(`页面横向溢出：内容宽 ${scroll}px，视口 ${width}px；${culprits.join('；')}`);
}

/**
 * A screen's standing checks, in this order: it does not scroll sideways, axe finds nothing serious, and with
 * `shotName` a screenshot test-results/<shotName>.png. `await checkScreen(phone, 'archive-published-phone')`.
 */
export async function checkScreen(page: Page, shotName?: string): Promise<void> {
  await expectNoHorizontalOverflow(page);
  await expectNoA11yViolations(page);
  if (shotName) await shot(page, shotName);
}

/** Saves a full-page PNG to test-results/<name>.png and returns its path. */
export async function shot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Chooses an option of the Select labelled `label` (typing `search` first when given) and checks that the Select now
 * shows it. On a busy machine the list can close again while it slides in, or re-render with fresh search results under
 * the pointer, so a click is lost or waits on an option that is gone: each try waits briefly, and the list is opened
 * again (never with Escape, which would close a dialog) up to three times.
 */
export async function chooseOption(page: Page, label: string, option: string, search?: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option });
  // The Select itself (not its list, which lives elsewhere in the page) shows the choice.
  const chosen = page.locator('.ant-select:not(.ant-select-dropdown)').filter({ hasText: option });
  for (let attempt = 1; ; attempt++) {
    try {
      if (!(await item.first().isVisible())) {
        if (!(await page.locator('.ant-select-dropdown:visible').count())) await field.click({ timeout: 5_000 });
        if (search) await field.fill(search, { timeout: 5_000 });
      }
      await item.first().click({ timeout: 5_000 });
      await chosen.first().waitFor({ timeout: 2_000 });
      return;
    } catch (err) {
      if (await chosen.first().isVisible()) return;
      if (attempt === 3) throw new Error(`「${label}」未能选中「${option}」：${(err as Error).message.split('\n')[0]}`);
    }
  }
}

/**
 * Types `ymd` (YYYY-MM-DD) into the DatePicker labelled `label` inside `scope` and commits it with Enter, then checks the
 * picker holds it. Clicking a calendar cell is lost when the panel is still sliding in on a busy machine.
 */
export async function pickDate(scope: Page | Locator, label: string, ymd: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  for (let attempt = 1; ; attempt++) {
    await input.click();
    await input.fill(ymd);
    await input.press('Enter');
    if ((await input.inputValue()) === ymd) return;
    if (attempt === 3) throw new Error(`「${label}」未能填入日期 ${ymd}`);
  }
}

/** Today's date in Beijing (YYYY-MM-DD), whatever the test machine's zone. */
export function beijingToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}
