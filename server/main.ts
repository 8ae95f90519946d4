// Process entry: configuration → database (migrated, demo seeded when empty) → app → listen; graceful shutdown that
// lets in-flight requests finish and closes PGlite cleanly.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { reindexStaleSearch } from './modules/search-reindex.ts';
import { startAuditSealer } from './platform/audit/seal.ts';
import { openDatabase } from './platform/db/client.ts';
import { migrate } from './platform/db/migrate.ts';
import { initFileStore } from './platform/files/files.ts';
import { startScheduler } from './platform/jobs/jobs.ts';
import { configureMail } from './platform/notifications/notifications.ts';
import { initAuditKey } from './platform/secrets/audit-key.ts';
import { initFieldCrypto } from './platform/secrets/field-crypto.ts';
import { seedDemoActivity } from './seed/activity.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demo.ts';
import { seedDemoAllOrNothing } from './seed/first-start.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the web app when web/dist is missing or older than any web source file (or the permission table it imports). */
function ensureWebBuilt() {
  const index = path.join(root, 'web/dist/index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sources = Math.max(
    newestMtime(path.join(root, 'web')),
    fs.statSync(path.join(root, 'server/platform/auth/permissions.ts')).mtimeMs,
  );
  if (built >= sources) return;
  console.log('正在构建前端 (building the web app)…');
  const res = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) throw new Error('前端构建失败 (web build failed)');
}

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  if (process.env.ZHENGXIE_SKIP_WEB_BUILD !== '1') ensureWebBuilt();
  initFieldCrypto(config);
  initAuditKey({ auditKey: config.auditKey, dataDir: config.dataDir, create: true });
  initFileStore(config.dataDir);
  configureMail(config.smtpUrl, config.mailFrom);
  const database = await openDatabase(config);
  await migrate(database);
  let seeded = false;
  if (config.seedDemo) {
    seeded = await seedDemoAllOrNothing(database.db, async () => {
      // The demo year goes through the routes as its users would, on an app of its own without the sign-in limits.
      console.log(
        '正在写入演示业务数据：提案、社情民意、会议活动、协商、学习读书与文史 (demo proposals, reports, meetings, consultations, learning)…',
      );
      const seeding = await buildApp({
        database,
        config: { ...config, rateLimitPerMinute: 1_000_000, loginRateLimitPerMinute: 1_000_000 },
      });
      await seedDemoActivity(seeding);
      await seeding.close();
    });
  }
  const app = await buildApp({ database, config, logger: { level: config.logLevel } });
  const stopScheduler = startScheduler(database.db, config.schedulerIntervalMs, app.log);
  const stopSealer = startAuditSealer(database.db, config.auditSealIntervalMs, app.log);
  await app.listen({ port: config.port, host: config.host });
  // Rows indexed by an older version of the search tokens are rebuilt while the app serves (old vectors meanwhile).
  reindexStaleSearch(database.db, (msg) => app.log.info(msg)).catch((err) =>
    app.log.error(err, 'search reindex failed'),
  );
  const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
  const port = (app.server.address() as { port: number }).port;
  console.log(`\n数字政协履职平台已启动: http://${shownHost}:${port}`);
  console.log(
    `数据库: ${database.kind === 'pglite' ? `PGlite (${path.join(config.dataDir, 'pgdata')})` : 'PostgreSQL'}${seeded ? '，已写入演示数据' : ''}`,
  );
  if (config.seedDemo) {
    console.log(`演示账号 (密码均为 ${DEMO_PASSWORD}):`);
    for (const [u, d] of DEMO_ACCOUNTS) console.log(`  ${u.padEnd(24)} ${d}`);
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal} received, shutting down`);
    await stopScheduler();
    await stopSealer();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
