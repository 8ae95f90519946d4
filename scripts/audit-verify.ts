// npm run audit:verify: walks every committee's SM3 hash chain and reports any altered, deleted or inserted row.
import { loadConfig } from '../server/config.ts';
import { verifyAudit } from '../server/platform/audit/audit.ts';
import { openDatabase } from '../server/platform/db/client.ts';

const database = await openDatabase(loadConfig());
try {
  const { rows, problems } = await verifyAudit(database.db);
  if (problems.length) {
    console.error(`审计日志校验失败：${problems.length} 处问题 (audit chain broken)`);
    for (const p of problems.slice(0, 50)) console.error(`  政协 ${p.committeeId} 第 ${p.seq} 条: ${p.problem}`);
    process.exitCode = 1;
  } else {
    console.log(`审计日志校验通过：${rows} 条记录，哈希链完整 (audit chain intact)`);
  }
} finally {
  await database.close();
}
