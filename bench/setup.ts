// What every PostgreSQL bench does before it measures: a fresh database of its own on the server of TEST_DATABASE_URL
// (scripts/with-postgres.sh), migrated; and the process-wide secrets and file store in a throwaway data directory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, type Db, openPostgres } from '../server/platform/db/client.ts';
import { migrate } from '../server/platform/db/migrate.ts';
import { initFileStore } from '../server/platform/files/files.ts';
import { initAuditKey } from '../server/platform/secrets/audit-key.ts';
import { initFieldCrypto } from '../server/platform/secrets/field-crypto.ts';

/** TEST_DATABASE_URL, or the process ends with a hint (a bench has nothing to measure without PostgreSQL). */
export function benchDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    console.error('TEST_DATABASE_URL is not set: run under scripts/with-postgres.sh');
    process.exit(1);
  }
  return url;
}

/** Drops and creates database `name` on the bench server, opens a pool of `poolSize` connections and migrates it. */
export async function freshPostgres(name: string, poolSize: number): Promise<{ database: Database; url: string }> {
  const admin = new pg.Client({ connectionString: benchDatabaseUrl() });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(benchDatabaseUrl());
  u.pathname = `/${name}`;
  const database = await openPostgres(u.toString(), poolSize);
  await migrate(database);
  return { database, url: u.toString() };
}

/** A throwaway data directory with the file store, field encryption and audit key the app needs; returns its path. */
export function benchDataDir(): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhengxie-bench-'));
  initFileStore(dataDir);
  initFieldCrypto({ encryptionKey: null, dataDir });
  initAuditKey({ auditKey: null, dataDir, create: true });
  return dataDir;
}

/**
 * The start of every PostgreSQL bench: database `name` made fresh and migrated with a pool of `poolSize`
 * (freshPostgres), then the throwaway data directory with its secrets (benchDataDir) before the first write, since the
 * audit log's seal needs its key. Usage: `const { database, url, dataDir, db } = await benchStart('zhengxie_bench_x', 6);`
 */
export async function benchStart(
  name: string,
  poolSize: number,
): Promise<{ database: Database; url: string; dataDir: string; db: Db }> {
  const { database, url } = await freshPostgres(name, poolSize);
  const dataDir = benchDataDir();
  return { database, url, dataDir, db: database.db };
}

/** Seconds elapsed since `t0` (a `process.hrtime.bigint()` reading), for the load and re-score times benches print. */
export const secondsSince = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e9;

/** Drops the bench's database at the end of the run. */
export async function dropBenchDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: benchDatabaseUrl() });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.end();
}
