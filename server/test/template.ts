// Builds the migrated, demo-seeded template database once per test run (PGlite: a data-dir dump; PostgreSQL: a
// template database) and hands each test file its own clone.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../platform/db/client.ts';
import { migrate } from '../platform/db/migrate.ts';
import { setAuditKeyForTests } from '../platform/secrets/audit-key.ts';
import { setFieldKeyForTests } from '../platform/secrets/field-crypto.ts';
import { seedDemo } from '../seed/demo.ts';

export const TEST_KEY = '0123456789abcdef0123456789abcdef';
export const TEST_AUDIT_KEY = 'a0'.repeat(32);
export const TEMPLATE_DB = 'zhengxie_test_template';
// One folder per checkout, so test runs in two working trees on one machine never share a template.
const checkoutTag = crypto.createHash('sha1').update(process.cwd()).digest('hex').slice(0, 8);
const tmpRoot = path.join(os.tmpdir(), `zhengxie-test-${checkoutTag}`);
export const PGLITE_TEMPLATE = path.join(tmpRoot, 'template.tar');

/** The admin URL of the PostgreSQL cluster under test, or null to test on PGlite. */
export const postgresUrl = () => process.env.TEST_DATABASE_URL || null;

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function buildTemplate(): Promise<void> {
  setFieldKeyForTests(TEST_KEY);
  setAuditKeyForTests(TEST_AUDIT_KEY);
  fs.mkdirSync(tmpRoot, { recursive: true });
  const url = postgresUrl();
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${TEMPLATE_DB}`);
    await admin.query(`create database ${TEMPLATE_DB}`);
    const database = await openPostgres(withDatabase(url, TEMPLATE_DB), 2);
    await migrate(database);
    await seedDemo(database.db);
    await database.close();
    await admin.end();
    return;
  }
  const database = await openPglite({});
  await migrate(database);
  await seedDemo(database.db);
  const dump = await database.pglite!.dumpDataDir('none');
  fs.writeFileSync(PGLITE_TEMPLATE, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}

/** A new, empty database of the kind under test (for restore tests). */
export async function emptyDatabase(): Promise<Database> {
  const url = postgresUrl();
  if (!url) return openPglite({});
  const name = `zhengxie_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return openPostgres(withDatabase(url, name), 2);
}

/** A fresh copy of the template for one test file. */
export async function cloneTemplate(): Promise<Database> {
  setFieldKeyForTests(TEST_KEY);
  setAuditKeyForTests(TEST_AUDIT_KEY);
  const url = postgresUrl();
  if (url) {
    const name = `zhengxie_test_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${TEMPLATE_DB}`);
    await admin.end();
    const database = await openPostgres(withDatabase(url, name), 5);
    const close = database.close;
    database.close = async () => {
      await close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists ${name}`);
      await a.end();
    };
    return database;
  }
  const blob = new Blob([fs.readFileSync(PGLITE_TEMPLATE)]);
  return openPglite({ loadDataDir: blob });
}
