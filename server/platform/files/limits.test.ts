// Upload quotas (per account per day, per committee in total), uploads only for roles with something to attach to,
// and the job that removes files left unattached: row and stored content gone, attached files kept.
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { login, testAppForFile } from '../../test/harness.ts';
import { query, queryOne } from '../db/client.ts';
import { runDueJobs } from '../jobs/jobs.ts';
import { storedPath } from './limits.ts';

const t = testAppForFile({ admin: 'admin' });

const PDF = 'application/pdf';

/** A PDF of exactly n bytes; `tag` makes its content (and so its stored copy) distinct. */
const pdf = (n: number, tag: string) => {
  const head = Buffer.from(`%PDF-1.4\n%${tag}\n`);
  return Buffer.concat([head, Buffer.alloc(n - head.length, 0x20)]);
};
const MB = 1024 * 1024;
const setLimits = (v: { accountDailyMb: number; committeeTotalMb: number; unattachedHours: number }) =>
  t.admin.put('/api/settings/file-limits', v);

describe('upload quotas', () => {
  it('refuses the 6th of five uploads of a fifth of the daily quota, naming the limit', async () => {
    expect((await t.admin.get('/api/settings/file-limits')).body).toEqual({
      accountDailyMb: 200,
      committeeTotalMb: 5120,
      unattachedHours: 24,
    });
    expect((await setLimits({ accountDailyMb: 1, committeeTotalMb: 5120, unattachedHours: 24 })).status).toBe(200);
    const member = await login(t.app, 'member040');
    for (let i = 0; i < 5; i++)
      expect((await member.upload('/api/files', `材料${i}.pdf`, pdf(MB / 5, `a${i}`), PDF)).status).toBe(200);
    const sixth = await member.upload('/api/files', '材料5.pdf', pdf(MB / 5, 'a5'), PDF);
    expect(sixth.status).toBe(400);
    expect(sixth.body).toMatchObject({
      error: 'file.quota_account',
      message: '今日上传已达上限：每个账号每天最多上传 1 MB（今日已上传 1 MB），请明天再试或联系管理员',
    });
    // Another account still has its own day's room.
    expect(
      (await (await login(t.app, 'member041')).upload('/api/files', '材料.pdf', pdf(MB / 5, 'b0'), PDF)).status,
    ).toBe(200);
  });

  it('refuses an upload past the committee total', async () => {
    const used = (await queryOne<{ n: number }>(
      t.database.db,
      sql`select coalesce(sum(size), 0)::float8 as n from files`,
    ))!.n;
    // Room for one more megabyte in the committee, whatever the tests before stored.
    const put = await setLimits({ accountDailyMb: 200, committeeTotalMb: used / MB + 1, unattachedHours: 24 });
    expect(put.status).toBe(200);
    const member = await login(t.app, 'member042');
    expect((await member.upload('/api/files', '大1.pdf', pdf(0.6 * MB, 'c0'), PDF)).status).toBe(200);
    const res = await member.upload('/api/files', '大2.pdf', pdf(0.6 * MB, 'c1'), PDF);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('file.quota_committee');
    expect(res.body.message).toMatch(
      /^本单位附件存储已达上限 [\d.]+ MB（已用 [\d.]+ MB），请联系管理员清理或调整上限$/,
    );
    await setLimits({ accountDailyMb: 200, committeeTotalMb: 5120, unattachedHours: 24 });
  });

  it('lets only roles with something to attach to upload', async () => {
    expect((await (await login(t.app, 'leader')).upload('/api/files', '领导.pdf', pdf(1000, 'd0'), PDF)).status).toBe(
      403,
    );
    expect(
      (await (await login(t.app, 'informant01')).upload('/api/files', '信息.pdf', pdf(1000, 'd1'), PDF)).status,
    ).toBe(200);
    expect((await login(t.app, 'member043').then((m) => m.put('/api/settings/file-limits', {}))).status).toBe(403);
  });
});

describe('unattached files', () => {
  it('removes a file left unattached past the setting, row and content, and keeps an attached one', async () => {
    const member = await login(t.app, 'member044');
    const loose = (await member.upload('/api/files', '未使用.pdf', pdf(2000, 'e0'), PDF)).body;
    const kept = (await member.upload('/api/files', '已附上.pdf', pdf(2000, 'e1'), PDF)).body;
    expect(kept.id).toBeGreaterThan(0);
    await t.database.db.execute(sql`update files set entity = 'proposal', entity_id = 1 where id = ${kept.id}`);
    const blob = async (id: number) => {
      const f = await queryOne<{ sha256: string }>(t.database.db, sql`select sha256 from files where id = ${id}`);
      return storedPath(f!.sha256);
    };
    const looseBlob = await blob(loose.id);
    const keptBlob = await blob(kept.id);
    expect(fs.existsSync(looseBlob)).toBe(true);

    await runDueJobs(t.database.db, { now: new Date(Date.now() + 23 * 3600_000) });
    expect(await query(t.database.db, sql`select id from files where id = ${loose.id}`)).toHaveLength(1);

    await runDueJobs(t.database.db, { now: new Date(Date.now() + 25 * 3600_000) });
    expect(await query(t.database.db, sql`select id from files where id = ${loose.id}`)).toHaveLength(0);
    expect(fs.existsSync(looseBlob)).toBe(false);
    expect(await query(t.database.db, sql`select id from files where id = ${kept.id}`)).toHaveLength(1);
    expect(fs.existsSync(keptBlob)).toBe(true);
    const audit = await queryOne<any>(
      t.database.db,
      sql`select actor_name, before from audit_log where action = 'file.expire' and entity_id = ${String(loose.id)}`,
    );
    expect(audit).toMatchObject({ actor_name: '系统', before: { name: '未使用.pdf' } });
    expect((await member.get(`/api/files/${loose.id}`)).status).toBe(403);
  });
});
