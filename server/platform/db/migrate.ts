// Applies the plain SQL migrations of the platform and of every module, in file-name order, once each.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './client.ts';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Migration files: server/platform/db/migrations/*.sql and server/modules/<name>/migrations/*.sql, ordered by file name (a global numeric prefix). */
export function listMigrations(): { name: string; file: string }[] {
  const dirs = [path.join(serverDir, 'platform/db/migrations')];
  const modulesDir = path.join(serverDir, 'modules');
  for (const m of fs.existsSync(modulesDir) ? fs.readdirSync(modulesDir) : []) {
    const d = path.join(modulesDir, m, 'migrations');
    if (fs.existsSync(d)) dirs.push(d);
  }
  const files = dirs.flatMap((d) =>
    fs
      .readdirSync(d)
      .filter((f) => f.endsWith('.sql'))
      .map((f) => ({ name: f, file: path.join(d, f) })),
  );
  files.sort((a, b) => a.name.localeCompare(b.name));
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.name)) throw new Error(`duplicate migration name ${f.name}`);
    seen.add(f.name);
  }
  return files;
}

export async function migrate(database: Database): Promise<string[]> {
  const exec = await openExecutor(database);
  try {
    await exec.run(
      'create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())',
    );
    const done = new Set((await exec.rows('select name from schema_migrations')).map((r) => r.name as string));
    const applied: string[] = [];
    for (const m of listMigrations()) {
      if (done.has(m.name)) continue;
      const text = fs.readFileSync(m.file, 'utf8');
      await exec.run(
        `begin;\n${text};\ninsert into schema_migrations (name) values ('${m.name.replace(/'/g, "''")}');\ncommit;`,
      );
      applied.push(m.name);
    }
    return applied;
  } catch (e) {
    await exec.run('rollback').catch(() => {});
    throw e;
  } finally {
    await exec.release();
  }
}

/** One connection for the whole run; on PostgreSQL it holds an advisory lock so that of several starting processes one migrates and the others wait. */
async function openExecutor(database: Database) {
  if (database.kind === 'pglite') {
    const pglite = database.pglite!;
    return {
      run: async (text: string) => void (await pglite.exec(text)),
      rows: async (text: string) => (await pglite.query<Record<string, unknown>>(text)).rows,
      release: async () => {},
    };
  }
  const client = await database.pool!.connect();
  await client.query('select pg_advisory_lock(730001)');
  return {
    run: async (text: string) => void (await client.query(text)),
    rows: async (text: string) => (await client.query(text)).rows as Record<string, unknown>[],
    release: async () => {
      await client.query('select pg_advisory_unlock(730001)').catch(() => {});
      client.release();
    },
  };
}
