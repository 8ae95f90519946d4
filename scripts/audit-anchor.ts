// npm run audit:anchor -- file: seals what is committed, then writes the chain heads signed with the audit key to
// file, for the operator to keep outside the database; audit:verify --anchor file checks the chains still extend them.
import fs from 'node:fs';
import { loadConfig } from '../server/config.ts';
import { sealAudit } from '../server/platform/audit/seal.ts';
import { exportAnchor } from '../server/platform/audit/verify.ts';
import { openDatabase } from '../server/platform/db/client.ts';
import { initAuditKey } from '../server/platform/secrets/audit-key.ts';

const file = process.argv[2];
if (!file) {
  console.error('用法：npm run audit:anchor -- 文件名 (usage: npm run audit:anchor -- file)');
  process.exit(1);
}
const config = loadConfig();
initAuditKey({ auditKey: config.auditKey, dataDir: config.dataDir, create: false });
const database = await openDatabase(config);
try {
  await sealAudit(database.db);
  const anchor = await exportAnchor(database.db);
  fs.writeFileSync(file, `${JSON.stringify(anchor, null, 2)}\n`);
  console.log(`已导出 ${anchor.heads.length} 条审计链头到 ${file} (audit heads anchored)`);
} finally {
  await database.close();
}
