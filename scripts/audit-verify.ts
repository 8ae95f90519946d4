// npm run audit:verify [-- --anchor file]: checks every audit chain with the audit key (ZHENGXIE_AUDIT_KEY or
// <dataDir>/audit.key) and, given an anchor exported earlier by audit:anchor, that the chains still extend it.
import fs from 'node:fs';
import { loadConfig } from '../server/config.ts';
import { verifyAudit } from '../server/platform/audit/verify.ts';
import { openDatabase } from '../server/platform/db/client.ts';
import { AuditKeyMissing, initAuditKey } from '../server/platform/secrets/audit-key.ts';

const config = loadConfig();
const at = process.argv.indexOf('--anchor');
const anchor = at > 0 ? JSON.parse(fs.readFileSync(process.argv[at + 1], 'utf8')) : undefined;
try {
  initAuditKey({ auditKey: config.auditKey, dataDir: config.dataDir, create: false });
} catch (err) {
  if (!(err instanceof AuditKeyMissing)) throw err;
  console.error(err.message);
  process.exit(1);
}
const database = await openDatabase(config);
try {
  const { rows, problems } = await verifyAudit(database.db, { anchor });
  if (problems.length) {
    console.error(`审计日志校验失败：${problems.length} 处问题 (audit chain broken)`);
    for (const p of problems.slice(0, 50))
      console.error(`  ${p.committeeId ? `政协 ${p.committeeId}` : '平台'} 第 ${p.seq} 条: ${p.problem}`);
    process.exitCode = 1;
  } else {
    console.log(
      `审计日志校验通过：${rows} 条记录，哈希链完整${anchor ? '，且延续锚定的链头' : ''} (audit chain intact)`,
    );
  }
} finally {
  await database.close();
}
