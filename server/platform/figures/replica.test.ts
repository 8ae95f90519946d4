// The figures read from a streaming replica when DATABASE_READ_URL is set (PostgreSQL suite only): a replica made with
// pg_basebackup -R from the throwaway cluster; with its replay paused, a meeting closed through the app is in the
// primary but not yet in the figures (they come from the replica), and after replay resumes it is.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { DEMO_PASSWORD } from '../../seed/demo.ts';
import { cloneTemplate } from '../../test/template.ts';
import { beijingYearOf } from '../dates.ts';
import { attachReadReplica, type Database, queryOne } from '../db/client.ts';
import { initFileStore } from '../files/files.ts';
import { type Client, signIn } from '../inject-client.ts';

const primaryUrl = process.env.TEST_DATABASE_URL;

function pgBin(): string {
  const dirs = [
    '/usr/lib/postgresql/15/bin',
    ...fs.readdirSync('/usr/lib/postgresql').map((v) => `/usr/lib/postgresql/${v}/bin`),
  ];
  const dir = process.env.PGBIN ?? dirs.find((d) => fs.existsSync(path.join(d, 'pg_basebackup')));
  if (!dir) throw new Error('PostgreSQL server binaries (pg_basebackup) not found; install postgresql-15 or set PGBIN');
  return dir;
}

describe.runIf(Boolean(primaryUrl))('figures from a read replica (DATABASE_READ_URL)', () => {
  let database: Database;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let office: Client;
  let replicaAdmin: pg.Client;
  let dir = '';
  let bin = '';
  const asPg = (cmd: string, args: string[]) =>
    process.getuid?.() === 0
      ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args])
      : execFileSync(cmd, args);

  beforeAll(async () => {
    bin = pgBin();
    database = await cloneTemplate(); // before the base backup, so the replica has this database too
    const primary = new URL(primaryUrl!);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhengxie-replica-'));
    if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
    asPg(path.join(bin, 'pg_basebackup'), [
      ...['-h', primary.hostname, '-p', primary.port, '-U', 'postgres'],
      ...['-D', path.join(dir, 'data'), '-R', '-X', 'stream', '-c', 'fast'],
    ]);
    const port = 20000 + Math.floor(Math.random() * 20000);
    // A standby refuses to start with fewer connections than its primary (with-postgres.sh starts it with 200).
    const { max } = (await queryOne<{ max: string }>(
      database.db,
      sql`select current_setting('max_connections') as max`,
    ))!;
    try {
      asPg(path.join(bin, 'pg_ctl'), [
        ...['-D', path.join(dir, 'data'), '-l', path.join(dir, 'log'), '-w', 'start'],
        ...['-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c hot_standby=on -c max_connections=${max}`],
      ]);
    } catch (err) {
      throw new Error(`replica did not start: ${fs.readFileSync(path.join(dir, 'log'), 'utf8')}`, { cause: err });
    }
    const dbName = new URL(
      (database.pool as unknown as { options: { connectionString: string } }).options.connectionString,
    ).pathname;
    const replicaUrl = new URL(primaryUrl!);
    replicaUrl.port = String(port);
    replicaUrl.pathname = dbName;
    await attachReadReplica(database, replicaUrl.toString(), 2);
    replicaAdmin = new pg.Client({ connectionString: replicaUrl.toString() });
    await replicaAdmin.connect();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhengxie-files-'));
    initFileStore(dataDir);
    app = await buildApp({
      database,
      config: loadConfig({
        ZHENGXIE_DATA_DIR: dataDir,
        RATE_LIMIT_PER_MINUTE: '1000000',
        LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
      }),
    });
    await app.ready();
    office = await signIn(app, 'office_staff', DEMO_PASSWORD);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await replicaAdmin?.end();
    await database?.close();
    if (dir) {
      spawnSync(process.getuid?.() === 0 ? 'runuser' : path.join(bin, 'pg_ctl'), [
        ...(process.getuid?.() === 0 ? ['-u', 'postgres', '--', path.join(bin, 'pg_ctl')] : []),
        ...['-D', path.join(dir, 'data'), '-m', 'immediate', 'stop'],
      ]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  /**
   * Waits until the replica has replayed everything the primary has committed so far. The target is the insert
   * position, not pg_current_wal_lsn() (the write position): the test cluster runs with synchronous_commit off, so a
   * commit's record can still sit in the WAL buffers, behind the write position, until the WAL writer flushes it.
   */
  async function caughtUp() {
    const target = (await queryOne<{ lsn: string }>(database.db, sql`select pg_current_wal_insert_lsn()::text as lsn`))!
      .lsn;
    for (let i = 0; i < 200; i++) {
      const r = await replicaAdmin.query('select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok', [target]);
      if (r.rows[0].ok) return;
      await new Promise((res) => setTimeout(res, 50));
    }
    throw new Error('replica did not catch up in 10 s');
  }

  const year = beijingYearOf(new Date());
  const held = async () => {
    const res = await office.get(`/api/figures?period=${year}&ids=meetings.held`);
    expect(res.status).toBe(200);
    return res.body.items.find((i: { id: string }) => i.id === 'meetings.held').value as number;
  };

  it('serves the figures from the replica: a change shows there once the replica has replayed it', async () => {
    await caughtUp();
    const before = await held();
    await replicaAdmin.query('select pg_wal_replay_pause()');
    const at = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
    const created = await office.post('/api/meetings', {
      kind: 'plenary',
      title: '只读副本测试会议',
      startsAt: at(-0.2),
      endsAt: at(-0.1),
      halfDays: 1,
      place: '第一会议室',
      invite: { rule: 'standing' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect((await office.post(`/api/meetings/${created.body.id}/close`)).status).toBe(200);
    // On the primary the meeting is closed; the replica, paused, has not seen it: the figure still reads the old count.
    const onPrimary = await queryOne<{ status: string }>(
      database.db,
      sql`select status from meetings where id = ${created.body.id}`,
    );
    expect(onPrimary?.status).toBe('closed');
    expect(await held()).toBe(before);
    await replicaAdmin.query('select pg_wal_replay_resume()');
    await caughtUp();
    expect(await held()).toBe(before + 1);
    const readers = await replicaAdmin.query(
      `select count(*)::int as n from pg_stat_activity where application_name = 'zhengxie-read'`,
    );
    expect(readers.rows[0].n).toBeGreaterThan(0);
  });
});
