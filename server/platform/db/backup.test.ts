import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { createTestApp, login, type TestContext } from '../../test/harness.ts';
import { emptyDatabase } from '../../test/template.ts';
import { verifyAudit } from '../audit/verify.ts';
import { backupDatabase, restoreDatabase } from './backup.ts';
import { type Database, query } from './client.ts';

let t: TestContext;
let target: Database;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zhengxie-backup-'));

beforeAll(async () => {
  t = await createTestApp();
  target = await emptyDatabase();
});
afterAll(async () => {
  await t.close();
  await target.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const counts = async (db: Database) =>
  Object.fromEntries(
    (
      await query<{ t: string; n: number }>(
        db.db,
        sql`select 'accounts' as t, count(*)::int as n from accounts union all select 'members', count(*)::int from members
          union all select 'audit_log', count(*)::int from audit_log union all select 'units', count(*)::int from handling_units`,
      )
    ).map((r) => [r.t, r.n]),
  );

describe('backup and restore', () => {
  it('restores every row into an empty database, with an intact audit chain and working logins', async () => {
    await login(t.app, 'member020');
    const dataDir = path.join(tmp, 'src');
    fs.mkdirSync(path.join(dataDir, 'files'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'files', 'marker'), 'x');
    const res = await backupDatabase(t.database, dataDir, path.join(tmp, 'backup'));
    expect(res.rows).toBeGreaterThan(500);

    const restoredDir = path.join(tmp, 'restored');
    const loaded = await restoreDatabase(target, restoredDir, path.join(tmp, 'backup'), { force: false });
    expect(loaded).toBe(res.rows);
    expect(await counts(target)).toEqual(await counts(t.database));
    expect((await verifyAudit(target.db)).problems).toEqual([]);
    expect(fs.existsSync(path.join(restoredDir, 'files', 'marker'))).toBe(true);

    // New rows get fresh ids after the restored ones, and the restored accounts sign in.
    const app = await buildApp({ database: target, config: loadConfig({ ZHENGXIE_DATA_DIR: restoredDir }) });
    const c = await login(app, 'member021');
    expect(c.me.committee.name).toBe('示例市政协');
    await app.close();
  });

  it('refuses to overwrite a database that has data unless forced', async () => {
    await expect(
      restoreDatabase(target, path.join(tmp, 'restored'), path.join(tmp, 'backup'), { force: false }),
    ).rejects.toThrow(/--force/);
  });
});
