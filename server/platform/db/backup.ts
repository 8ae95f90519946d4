// Logical backup and restore that work the same on PGlite and PostgreSQL (and move data between them): every table
// as JSON rows in a gzip file, plus the attachment store and the field-encryption key.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { type Database, query } from './client.ts';
import { migrate } from './migrate.ts';

const CHUNK = 2000;

/** Tables in creation order (oid): a table is created after the tables it references, so loading in this order keeps foreign keys satisfied. */
async function tablesInOrder(database: Database): Promise<string[]> {
  const rows = await query<{ name: string }>(
    database.db,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and c.relname <> 'schema_migrations' order by c.oid`,
  );
  return rows.map((r) => r.name);
}

async function primaryKeyColumns(database: Database, table: string): Promise<string[]> {
  const rows = await query<{ col: string }>(
    database.db,
    sql`select a.attname as col from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indrelid = ${table}::regclass and i.indisprimary order by a.attnum`,
  );
  return rows.map((r) => r.col);
}

export async function backupDatabase(
  database: Database,
  dataDir: string,
  outDir: string,
): Promise<{ tables: number; rows: number; dir: string }> {
  fs.mkdirSync(outDir, { recursive: true });
  const gz = zlib.createGzip();
  const out = fs.createWriteStream(path.join(outDir, 'database.ndjson.gz'));
  gz.pipe(out);
  const migrations = await query<{ name: string }>(database.db, sql`select name from schema_migrations order by name`);
  gz.write(
    `${JSON.stringify({ format: 'zhengxie-backup-1', createdAt: new Date().toISOString(), migrations: migrations.map((m) => m.name) })}\n`,
  );
  let total = 0;
  const tables = await tablesInOrder(database);
  for (const table of tables) {
    const pk = await primaryKeyColumns(database, table);
    const order = pk.length ? sql.raw(pk.map((c) => `"${c}"`).join(', ')) : sql.raw('1');
    for (let offset = 0; ; offset += CHUNK) {
      const [{ rows }] = await query<{ rows: unknown[] | null }>(
        database.db,
        sql`select json_agg(t) as rows from (select * from ${sql.identifier(table)} order by ${order} limit ${CHUNK} offset ${offset}) t`,
      );
      if (!rows?.length) break;
      gz.write(`${JSON.stringify({ table, rows })}\n`);
      total += rows.length;
      if (rows.length < CHUNK) break;
    }
  }
  gz.end();
  await new Promise<void>((resolve, reject) => out.on('finish', resolve).on('error', reject));
  const filesDir = path.join(dataDir, 'files');
  if (fs.existsSync(filesDir)) fs.cpSync(filesDir, path.join(outDir, 'files'), { recursive: true });
  for (const name of ['secret.key', 'audit.key']) {
    const key = path.join(dataDir, name);
    if (fs.existsSync(key)) fs.copyFileSync(key, path.join(outDir, name));
  }
  return { tables: tables.length, rows: total, dir: outDir };
}

/** Restores a backup into a database (migrated first; every table emptied); returns the rows loaded. */
export async function restoreDatabase(
  database: Database,
  dataDir: string,
  fromDir: string,
  opts: { force: boolean },
): Promise<number> {
  const file = path.join(fromDir, 'database.ndjson.gz');
  if (!fs.existsSync(file)) throw new Error(`备份文件不存在: ${file}`);
  await migrate(database);
  const tables = await tablesInOrder(database);
  const [{ n }] = await query<{ n: number }>(database.db, sql`select count(*)::int as n from committees`);
  if (n > 0 && !opts.force)
    throw new Error('目标数据库已有数据；确认覆盖请加 --force (target has data; use --force to overwrite)');
  let loaded = 0;
  await database.db.transaction(async (tx) => {
    await tx.execute(sql.raw(`truncate ${tables.map((t) => `"${t}"`).join(', ')} cascade`));
    // Created right before iterating: lines read before the iterator exists would be lost.
    const lines = readline.createInterface({
      input: fs.createReadStream(file).pipe(zlib.createGunzip()),
      crlfDelay: Infinity,
    });
    let header = true;
    for await (const line of lines) {
      if (!line) continue;
      const rec = JSON.parse(line);
      if (header) {
        if (rec.format !== 'zhengxie-backup-1') throw new Error('不是本平台的备份文件 (unknown backup format)');
        header = false;
        continue;
      }
      await tx.execute(
        sql`insert into ${sql.identifier(rec.table)} overriding system value select * from json_populate_recordset(null::${sql.identifier(rec.table)}, ${JSON.stringify(rec.rows)}::json)`,
      );
      loaded += rec.rows.length;
    }
    // Identity sequences continue after the restored ids.
    const identities = await query<{ table_name: string; column_name: string }>(
      tx,
      sql`select table_name, column_name from information_schema.columns where table_schema = 'public' and is_identity = 'YES'`,
    );
    for (const c of identities) {
      await tx.execute(
        sql.raw(
          `select setval(pg_get_serial_sequence('"${c.table_name}"', '${c.column_name}'), coalesce((select max("${c.column_name}") from "${c.table_name}"), 0) + 1, false)`,
        ),
      );
    }
  });
  const files = path.join(fromDir, 'files');
  if (fs.existsSync(files)) fs.cpSync(files, path.join(dataDir, 'files'), { recursive: true });
  for (const name of ['secret.key', 'audit.key']) {
    const key = path.join(fromDir, name);
    if (fs.existsSync(key)) {
      fs.mkdirSync(dataDir, { recursive: true });
      fs.copyFileSync(key, path.join(dataDir, name));
    }
  }
  return loaded;
}
