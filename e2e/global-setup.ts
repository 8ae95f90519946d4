// Starts the real platform for the browser journeys: `node --import tsx server/main.ts` (what `npm start` runs) on a
// free port with a fresh data folder (migrated and demo-seeded on first start), waits for /healthz, hands the base URL
// to the tests (inject('baseUrl')) and stops the server (SIGTERM, so PGlite closes cleanly) afterwards.
// The server's output goes to test-results/e2e-server.log. E2E_BASE_URL=<url> uses an already running platform instead.
// Under scripts/with-postgres.sh (TEST_DATABASE_URL set) the platform runs on a fresh PostgreSQL database of that
// cluster instead of PGlite, so the same journeys cover both backends.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const START_TIMEOUT_MS = 240_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `平台启动失败 (server exited with ${child.exitCode}); see ${logFile}:\n${fs.readFileSync(logFile, 'utf8').slice(-3000)}`,
      );
    }
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`平台 ${START_TIMEOUT_MS / 1000} 秒内未就绪 (server not healthy in time); see ${logFile}`);
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export default async function setup(project: TestProject) {
  // E2E_BASE_URL=http://127.0.0.1:3000 reuses a platform you started yourself (quicker while writing a journey;
  // journeys that change data, like a password, then pass only once per fresh database).
  if (process.env.E2E_BASE_URL) {
    project.provide('baseUrl', process.env.E2E_BASE_URL.replace(/\/$/, ''));
    return;
  }
  if (!fs.existsSync(path.join(root, 'web/dist/index.html'))) {
    throw new Error('web/dist 不存在：请先运行 `npx vite build`（`npm run test:e2e` 会先构建）');
  }
  const started = Date.now();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhengxie-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
  const logFile = path.join(root, 'test-results/e2e-server.log');
  const log = fs.openSync(logFile, 'w');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ZHENGXIE_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    ZHENGXIE_SKIP_WEB_BUILD: '1',
    LOG_LEVEL: 'warn',
    // Each browser context sends its own X-Forwarded-For (e2e/browser.ts), so per-address limits do not couple journeys.
    TRUST_PROXY: '1',
  };
  delete env.DATABASE_URL;
  let dropDatabase = async () => {};
  const pgAdmin = process.env.TEST_DATABASE_URL;
  if (pgAdmin) {
    const name = `zhengxie_e2e_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: pgAdmin });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(pgAdmin);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    dropDatabase = async () => {
      const a = new pg.Client({ connectionString: pgAdmin });
      await a.connect();
      await a.query(`drop database if exists ${name}`);
      await a.end();
    };
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', log, log],
  });
  try {
    await waitForHealth(baseUrl, child, logFile);
  } catch (err) {
    await stop(child);
    await dropDatabase();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const backend = env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
  console.log(`[e2e] 平台已就绪 ${baseUrl}（${backend}，${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
  project.provide('baseUrl', baseUrl);
  return async () => {
    await stop(child);
    await dropDatabase();
    fs.closeSync(log);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
