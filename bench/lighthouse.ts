// Lighthouse mobile performance of the login page and a member's home page (issue 12: target ≥ 90 each), against the
// built app served by the real server (what `npm start` runs) on a fresh demo database, in /usr/bin/chromium.
//   npx tsx bench/lighthouse.ts                       builds web/ (NO_BUILD=1 skips), starts a server, prints scores
//   LH_BASE_URL=http://127.0.0.1:3000 npx tsx bench/lighthouse.ts    measures a server already running
// Lighthouse is not a project dependency (it is large and only this script uses it): install it anywhere and point
// LIGHTHOUSE_DIR at its node_modules, e.g. `npm install --prefix /tmp/lh lighthouse@13` then
// LIGHTHOUSE_DIR=/tmp/lh/node_modules. Not part of `npm test`: scores move with the machine's load.
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const MEMBER = process.env.LH_MEMBER ?? 'member001';
const PASSWORD = process.env.LH_PASSWORD ?? 'Demo@2026';

/** Lighthouse and chrome-launcher from the project, or from LIGHTHOUSE_DIR (a node_modules holding them). */
async function load(name: string): Promise<any> {
  const dir = process.env.LIGHTHOUSE_DIR;
  try {
    if (dir) {
      const req = createRequire(path.join(dir, 'noop.js'));
      return await import(pathToFileURL(req.resolve(name)).href);
    }
    return await import(name);
  } catch {
    console.error(
      `找不到 ${name}：请安装 lighthouse（npm install --prefix /tmp/lh lighthouse@13）并设置 LIGHTHOUSE_DIR`,
    );
    process.exit(2);
  }
}

async function startServer(): Promise<{ url: string; child: ChildProcess | null }> {
  if (process.env.LH_BASE_URL) return { url: process.env.LH_BASE_URL.replace(/\/$/, ''), child: null };
  if (process.env.NO_BUILD !== '1') execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
  const port = 3900 + Math.floor(Math.random() * 90);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhengxie-lh-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, ZHENGXIE_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`服务器启动失败（退出码 ${child.exitCode}）`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('服务器 300 秒内未就绪');
}

async function sessionCookie(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: MEMBER, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`登录 ${MEMBER} 失败：${res.status}`);
  return (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
}

const { default: lighthouse } = await load('lighthouse');
const chromeLauncher = await load('chrome-launcher');
const { url, child } = await startServer();
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage'],
});
try {
  const cookie = await sessionCookie(url);
  const pages: [string, string, Record<string, string> | undefined][] = [
    ['登录页 /login', `${url}/login`, undefined],
    [`委员首页 / (${MEMBER})`, `${url}/`, { Cookie: cookie }],
  ];
  for (const [name, pageUrl, extraHeaders] of pages) {
    // Scores fall when other processes share the CPU: the 1-minute load average goes beside each figure.
    const load = os.loadavg()[0].toFixed(1);
    // Lighthouse's default config is the mobile preset (Moto G Power, simulated slow 4G, 4× CPU slowdown).
    const result = await lighthouse(pageUrl, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      extraHeaders,
    });
    const lhr = result.lhr;
    // LH_JSON_DIR=dir keeps each page's whole report (long tasks, main-thread breakdown) for a closer look.
    if (process.env.LH_JSON_DIR) {
      fs.writeFileSync(
        path.join(process.env.LH_JSON_DIR, `${new URL(pageUrl).pathname.slice(1) || 'home'}.json`),
        result.report,
      );
    }
    const audit = (id: string) => lhr.audits[id]?.displayValue ?? '-';
    const score = Math.round((lhr.categories.performance.score ?? 0) * 100);
    console.log(
      `${name.padEnd(24)} 性能 ${String(score).padStart(3)}  FCP ${audit('first-contentful-paint')}  LCP ${audit('largest-contentful-paint')}` +
        `  TBT ${audit('total-blocking-time')}  CLS ${audit('cumulative-layout-shift')}  (${lhr.finalDisplayedUrl}; load ${load})`,
    );
    // Below the target: what Lighthouse would fix first (its opportunities, largest estimated saving first).
    if (score < 90) {
      const hints = Object.values(lhr.audits as Record<string, any>)
        .filter((a) => (a.details?.overallSavingsMs ?? 0) > 0 || (a.score !== null && a.score < 0.5 && a.displayValue))
        .sort((a, b) => (b.details?.overallSavingsMs ?? 0) - (a.details?.overallSavingsMs ?? 0))
        .slice(0, 6);
      for (const a of hints) console.log(`    - ${a.title}${a.displayValue ? `: ${a.displayValue}` : ''}`);
    }
  }
} finally {
  await chrome.kill();
  child?.kill('SIGTERM');
}
