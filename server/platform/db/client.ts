// Database client: PGlite in a data folder by default, PostgreSQL when DATABASE_URL is set; one Drizzle type for both.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { is, Name, Param, Placeholder, SQL, StringChunk } from 'drizzle-orm';
import { drizzle as drizzlePg, NodePgSession } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { type EmbeddedPglite, startPgliteThread } from './pglite-thread.ts';

/** A database or a transaction: every service function takes one of these. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /**
   * Calls back with the payload of each NOTIFY on the channel. PostgreSQL delivers a NOTIFY only when its transaction
   * commits (and to every app process), so a listener never hears of work that was rolled back.
   */
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
  /** The embedded database, run in its own thread (pglite-thread.ts). */
  pglite?: EmbeddedPglite;
  pool?: pg.Pool;
  /**
   * Where read-heavy figures read (DATABASE_READ_URL, a streaming replica; may lag the primary by about a second).
   * Absent: they read from `db`. Never used for writes, sessions or anything a user just changed and expects to see.
   */
  read?: Db;
}

// node-postgres returns int8 and numeric as strings; counts and sums here always fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
// A `date` column is a Beijing calendar day: it stays the string 'YYYY-MM-DD' (both drivers would otherwise make a Date
// at midnight of the process TZ or of UTC, and its day would change with the server's TZ).
const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (v) => v);

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** PGlite is one process's database: a lock file keeps a second process (a backup, a second server) out. */
function lockDataDir(dataDir: string): () => void {
  const lock = path.join(dataDir, '..', `${path.basename(dataDir)}.lock`);
  if (fs.existsSync(lock)) {
    const pid = Number(fs.readFileSync(lock, 'utf8'));
    if (pid && pid !== process.pid && pidAlive(pid)) {
      throw new Error(`数据目录 ${dataDir} 正被进程 ${pid} 使用，请先停止平台 (data folder in use by pid ${pid})`);
    }
  }
  fs.writeFileSync(lock, String(process.pid));
  return () => fs.rmSync(lock, { force: true });
}

export async function openPglite(opts: { dataDir?: string; loadDataDir?: Blob }): Promise<Database> {
  let unlock = () => {};
  if (opts.dataDir) {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    unlock = lockDataDir(opts.dataDir);
  }
  // PGlite runs in a thread of its own: its statements use the second core and never block the app's event loop.
  const client = await startPgliteThread({ dataDir: opts.dataDir, loadDataDir: opts.loadDataDir }).catch((e) => {
    unlock();
    throw e;
  });
  const db = drizzlePglite({ client: client as never }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    listen: async (channel, callback) => {
      const unlisten = await client.listen(channel, callback);
      return () => unlisten();
    },
    close: async () => {
      await client.close();
      unlock();
    },
  };
}

export async function openPostgres(url: string, max = 10, applicationName = 'zhengxie'): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max, application_name: applicationName });
  await pool.query('select 1');
  const db = drizzlePg({ client: pool }) as unknown as Db;
  // Listeners share one connection of their own, outside the pool, opened on the first listen and reopened (with its
  // LISTENs) five seconds after it drops.
  const listeners: { channel: string; callback: (payload: string) => void }[] = [];
  let listener: Promise<pg.Client> | null = null;
  let closed = false;
  const quote = (channel: string) => `"${channel.replace(/"/g, '')}"`;
  const connectListener = async () => {
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => {});
    client.on('end', () => {
      listener = null;
      if (!closed)
        setTimeout(() => {
          if (!closed && !listener) listener = connectListener().catch(() => null as never);
        }, 5000).unref();
    });
    client.on('notification', (m) => {
      for (const l of listeners) if (l.channel === m.channel) l.callback(m.payload ?? '');
    });
    await client.connect();
    for (const channel of new Set(listeners.map((l) => l.channel))) await client.query(`listen ${quote(channel)}`);
    return client;
  };
  return {
    db,
    kind: 'postgres',
    pool,
    listen: async (channel, callback) => {
      const entry = { channel, callback };
      listeners.push(entry);
      if (!listener) listener = connectListener();
      else await (await listener).query(`listen ${quote(channel)}`);
      await listener;
      return async () => {
        listeners.splice(listeners.indexOf(entry), 1);
        if (listeners.some((l) => l.channel === channel)) return;
        const client = await listener?.catch(() => null);
        await client?.query(`unlisten ${quote(channel)}`).catch(() => {});
      };
    },
    close: async () => {
      closed = true;
      const client = await listener?.catch(() => null);
      await client?.end().catch(() => {});
      await pool.end();
    },
  };
}

export async function openDatabase(config: {
  databaseUrl: string | null;
  databaseReadUrl?: string | null;
  dataDir: string;
}): Promise<Database> {
  if (!config.databaseUrl) return openPglite({ dataDir: path.join(config.dataDir, 'pgdata') });
  const primary = await openPostgres(config.databaseUrl);
  if (config.databaseReadUrl) await attachReadReplica(primary, config.databaseReadUrl);
  return primary;
}

/** Opens the replica's pool (named zhengxie-read in pg_stat_activity) as `database.read`, closed with the primary. */
export async function attachReadReplica(database: Database, url: string, max = 10): Promise<void> {
  const replica = await openPostgres(url, max, 'zhengxie-read');
  const close = database.close;
  database.read = replica.db;
  database.close = async () => {
    await replica.close();
    await close();
  };
}

// Reads on PostgreSQL run as named prepared statements, one name per statement text: each pool connection parses a
// text once and PostgreSQL may keep its plan (plan_cache_mode auto), where an unnamed query is parsed and planned on
// every call (planning was the largest cost of a list page, issue 18). Texts are few (values are parameters), but one
// built with sql.raw values would make a new one each time: past PREPARED_LIMIT texts a process runs the rest unnamed,
// so neither the process nor a connection holds an unbounded number of statements.
const PREPARED_LIMIT = 2000;
const preparedNames = new Map<string, string>();

function preparedName(text: string): string | undefined {
  const known = preparedNames.get(text);
  if (known || preparedNames.size >= PREPARED_LIMIT || !/^\s*(select|with)\b/i.test(text)) return known;
  const name = `zx_${crypto.createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
  preparedNames.set(text, name);
  return name;
}

/** A statement as the driver takes it: the text with $1…$n and the values in order. */
export interface BuiltQuery {
  sql: string;
  params: unknown[];
}

/**
 * The text and values of `q`, exactly as drizzle's PostgreSQL dialect builds them (`sqlToQuery`), for the parts our
 * raw statements are made of: text, nested `sql`, values, `sql.param`, `sql.identifier`. drizzle builds a fresh object
 * and copies its options at every nesting level; on a statement of a few hundred parts (the proposal's detail page)
 * that was 0.3 ms a request, a seventh of the app's own CPU (issue 18, decision 0032). Returns undefined for anything
 * else (tables, columns, arrays, placeholders, inlined values…): the caller then asks drizzle.
 */
export function compileSql(q: SQL, escapeName: (name: string) => string): BuiltQuery | undefined {
  const params: unknown[] = [];
  let text = '';
  const inlined = (x: SQL) => (x as unknown as { shouldInlineParams: boolean }).shouldInlineParams;
  const walk = (chunks: unknown[]): boolean => {
    for (const chunk of chunks) {
      if (chunk === undefined) continue;
      if (chunk === null || typeof chunk !== 'object') {
        if (typeof chunk === 'function' || typeof chunk === 'symbol') return false;
        params.push(chunk);
        text += `$${params.length}`;
      } else if (is(chunk, StringChunk)) text += chunk.value.join('');
      else if (is(chunk, SQL)) {
        if (inlined(chunk) || !walk(chunk.queryChunks)) return false;
      } else if (is(chunk, Param)) {
        if (is(chunk.value, Placeholder)) return false;
        const value = chunk.value === null ? null : chunk.encoder.mapToDriverValue(chunk.value);
        if (is(value, SQL)) return false;
        params.push(value);
        text += `$${params.length}`;
      } else if (is(chunk, Name)) text += escapeName(chunk.value);
      else if (chunk instanceof Date) {
        params.push(chunk);
        text += `$${params.length}`;
      } else return false;
    }
    return true;
  };
  return !inlined(q) && walk(q.queryChunks) ? { sql: text, params } : undefined;
}

// Under the tests, every statement compileSql builds is built by drizzle too and must come out the same.
const CROSS_CHECK = !!process.env.VITEST;
function sameAsDrizzle(fast: BuiltQuery, drizzle: BuiltQuery) {
  if (fast.sql !== drizzle.sql || !isDeepStrictEqual(fast.params, drizzle.params))
    throw new Error(`compileSql built another statement than drizzle:\n${fast.sql}\n---\n${drizzle.sql}`);
}

/** Runs raw SQL and returns its rows, the same on both drivers. */
export async function query<T = Record<string, unknown>>(db: Db, q: SQL): Promise<T[]> {
  // A transaction's session is a NodePgSession too (on its pool client): the statement is prepared on that connection.
  const d = db as unknown as {
    session: unknown;
    dialect: { sqlToQuery(q: SQL): BuiltQuery; escapeName(name: string): string };
  };
  if (is(d.session, NodePgSession)) {
    const fast = compileSql(q, d.dialect.escapeName);
    if (fast && CROSS_CHECK) sameAsDrizzle(fast, d.dialect.sqlToQuery(q));
    const built = fast ?? d.dialect.sqlToQuery(q);
    const name = preparedName(built.sql);
    if (name) {
      const res = await d.session.prepareQuery(built, undefined, name, false).execute();
      return (res as unknown as { rows: T[] }).rows;
    }
  }
  const res = (await db.execute(q)) as unknown as { rows: T[] };
  return res.rows;
}

export async function queryOne<T = Record<string, unknown>>(db: Db, q: SQL): Promise<T | undefined> {
  return (await query<T>(db, q))[0];
}
