// npm run backup [-- <folder>]: a logical backup of the configured database (PGlite or DATABASE_URL), attachments and key.
import path from 'node:path';
import { loadConfig } from '../server/config.ts';
import { backupDatabase } from '../server/platform/db/backup.ts';
import { openDatabase } from '../server/platform/db/client.ts';

const config = loadConfig();
const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
const outDir = path.resolve(process.argv[2] ?? path.join(config.dataDir, '..', 'backups', `zhengxie-${stamp}`));
const database = await openDatabase(config);
try {
  const res = await backupDatabase(database, config.dataDir, outDir);
  console.log(`备份完成: ${res.dir} (${res.tables} 张表, ${res.rows} 行)`);
} finally {
  await database.close();
}
