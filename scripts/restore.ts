// npm run restore -- <backup folder> [--force]: loads a backup into the configured database (PGlite or DATABASE_URL).
import path from 'node:path';
import { loadConfig } from '../server/config.ts';
import { restoreDatabase } from '../server/platform/db/backup.ts';
import { openDatabase } from '../server/platform/db/client.ts';

const args = process.argv.slice(2);
const from = args.find((a) => !a.startsWith('--'));
if (!from) {
  console.error('用法: npm run restore -- <备份目录> [--force]');
  process.exit(2);
}
const config = loadConfig();
const database = await openDatabase(config);
try {
  const rows = await restoreDatabase(database, config.dataDir, path.resolve(from), { force: args.includes('--force') });
  console.log(`恢复完成: ${rows} 行`);
} catch (err) {
  console.error(`恢复失败: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
