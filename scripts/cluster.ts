// npm run start:cluster: N app processes (CLUSTER_PROCESSES, default the CPU count) on one PostgreSQL behind nginx.
// The first process starts alone (it migrates and, on an empty database, writes the demo); the others follow once it
// answers. Every process runs the scheduler: jobs are claimed with FOR UPDATE SKIP LOCKED, so each runs once.
// SIGINT/SIGTERM stop nginx first (no new requests), then the app processes (each finishes its requests).
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../server/config.ts';
import { initAuditKey } from '../server/platform/secrets/audit-key.ts';
import { initFieldCrypto } from '../server/platform/secrets/field-crypto.ts';
import { findNginx, NGINX_MISSING, renderNginxConfig, startNginx, waitForHealthy } from './nginx-config.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function intEnv(name: string, def: number, min: number, max: number): number {
  const raw = process.env[name];
  if (!raw) return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    fail(`${name}=${raw}: 应为 ${min}–${max} 之间的整数 (must be an integer from ${min} to ${max})`);
  return n;
}

const children: ChildProcess[] = [];
let stopping = false;
/** Stops nginx, then the app processes, then exits: never leaves a child running behind us. */
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  const exit = (c: ChildProcess) =>
    c.exitCode !== null || c.signalCode
      ? Promise.resolve()
      : Promise.race([new Promise((r) => c.once('exit', r)), new Promise((r) => setTimeout(r, 15_000))]);
  // nginx first (quit: finishes open requests, takes no new ones), then the app processes (each finishes its own).
  const [proxy, ...apps] = children;
  if (proxy) {
    proxy.kill('SIGQUIT');
    await exit(proxy);
  }
  for (const c of apps) c.kill('SIGTERM');
  await Promise.all(apps.map(exit));
  for (const c of children) if (c.exitCode === null && !c.signalCode) c.kill('SIGKILL');
  process.exit(code);
}

async function main() {
  if (!process.env.DATABASE_URL)
    fail(
      '多进程运行需要 PostgreSQL：请设置 DATABASE_URL=postgres://…（内置数据库 PGlite 只能由一个进程打开）\n' +
        '(start:cluster needs PostgreSQL: set DATABASE_URL; the embedded PGlite database belongs to one process)',
    );
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  const nginx = findNginx();
  if (!nginx) fail(NGINX_MISSING);
  const count = intEnv('CLUSTER_PROCESSES', os.availableParallelism(), 1, 256);
  const basePort = intEnv('CLUSTER_APP_PORT', 3101, 1024, 65000);
  const ports = Array.from({ length: count }, (_, i) => basePort + i);
  // The keys in the data folder are made once here, before any process could race another to write a different one.
  initFieldCrypto(config);
  initAuditKey({ auditKey: config.auditKey, dataDir: config.dataDir, create: true });
  const prefix = path.join(config.dataDir, 'nginx');
  fs.mkdirSync(prefix, { recursive: true });
  renderNginxConfig({
    prefix,
    listen: `${config.host === '0.0.0.0' ? '' : `${config.host}:`}${config.port}`,
    appPorts: ports,
    uploadMaxMb: Math.round(config.uploadMaxBytes / 1048576),
    workers: Math.min(count, 4),
  });

  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  const ng = startNginx(nginx, prefix);
  children.push(ng);
  ng.on('exit', (code) => {
    if (!stopping) {
      console.error(`nginx 已退出 (exited with ${code})，见 ${path.join(prefix, 'error.log')}`);
      void stop(1);
    }
  });
  for (const [i, port] of ports.entries()) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        PORT: String(port),
        // Only nginx reaches the processes; they believe its X-Forwarded-For (the member's address, not nginx's).
        HOST: '127.0.0.1',
        TRUST_PROXY: 'true',
        // The first process writes the demo on an empty database; two at once would each find it half written.
        ...(i > 0 ? { ZHENGXIE_SEED_DEMO: 'false', ZHENGXIE_SKIP_WEB_BUILD: '1' } : {}),
      },
    });
    children.push(child);
    child.on('exit', (code, signal) => {
      if (!stopping) {
        console.error(`应用进程 :${port} 已退出 (app process exited: ${signal ?? code})`);
        void stop(1);
      }
    });
    // The first one alone: it migrates, builds the web app and seeds before the others start (up to 10 minutes).
    if (i === 0) await waitForHealthy(`http://127.0.0.1:${port}/healthz`, 600_000, () => child.exitCode === null);
  }
  await Promise.all(
    ports.map((p, i) =>
      waitForHealthy(`http://127.0.0.1:${p}/healthz`, 120_000, () => children[i + 1].exitCode === null),
    ),
  );
  const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
  console.log(`\n${count} 个应用进程 (${ports.join(', ')}) 经 nginx 提供服务: http://${shown}:${config.port}`);
}

main().catch((err) => {
  console.error(err);
  void stop(1);
});
