// 待办: what is waiting for the signed-in user across the modules, counted, each with the page that handles it. Modules
// register a provider (keyed, so building several apps in one process registers each once); the home page shows them.
import { AsyncLocalStorage } from 'node:async_hooks';
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from './context.ts';
import { type Db, queryOne } from './db/client.ts';

export interface Todo {
  key: string;
  label: string;
  count: number;
  link: string;
}

export type TodoProvider = (db: Db, actor: Actor) => Promise<Todo[]>;

const providers = new Map<string, TodoProvider>();

export function registerTodos(module: string, provider: TodoProvider): void {
  providers.set(module, provider);
}

// The home's to-dos ask a dozen modules for a row of counts each. Within todosOf, the counting queries the providers
// send in the same turn of the event loop go to the database as one statement (one round trip, one connection) instead
// of a dozen (issue 18); a provider that counts again after its first answer is batched with the next turn's.
interface Pending {
  query: SQL;
  resolve: (row: Record<string, number> | undefined) => void;
  reject: (e: unknown) => void;
}
const batches = new AsyncLocalStorage<{ db: Db; pending: Pending[] }>();

async function flush(db: Db, pending: Pending[]) {
  const columns = pending.map(
    (p, i) => sql`(select to_jsonb(t) from (${p.query}) t limit 1) as ${sql.identifier(`q${i}`)}`,
  );
  try {
    const row = await queryOne<Record<string, Record<string, number> | null>>(
      db,
      sql`select ${sql.join(columns, sql`, `)}`,
    );
    for (const [i, p] of pending.entries()) p.resolve(row?.[`q${i}`] ?? undefined);
  } catch (e) {
    for (const p of pending) p.reject(e);
  }
}

function batchedRow(db: Db, query: SQL): Promise<Record<string, number> | undefined> {
  const batch = batches.getStore();
  if (!batch || batch.db !== db) return queryOne<Record<string, number>>(db, query);
  return new Promise((resolve, reject) => {
    if (!batch.pending.length)
      setImmediate(() => {
        const pending = batch.pending;
        batch.pending = [];
        void flush(db, pending);
      });
    batch.pending.push({ query, resolve, reject });
  });
}

/** The user's non-empty to-dos, in module registration order. */
export async function todosOf(db: Db, actor: Actor): Promise<Todo[]> {
  const lists = await batches.run({ db, pending: [] }, () =>
    Promise.all([...providers.values()].map((p) => p(db, actor))),
  );
  return lists.flat().filter((t) => t.count > 0);
}

/** Runs one query returning a row of counts and makes a to-do of each entry whose key is a column of it. */
export async function countedTodos(
  db: Db,
  query: SQL,
  entries: [key: string, label: string, link: string][],
): Promise<Todo[]> {
  const counts = (await batchedRow(db, query)) ?? {};
  return entries
    .filter(([key]) => key in counts)
    .map(([key, label, link]) => ({ key, label, link, count: Number(counts[key]) }));
}

/** One group of a provider's to-dos: counted only `when` it is truthy (the reader's permission, membership or unit),
 *  by one query returning a row of counts, each entry `[key, label, link]` a column of it (as `countedTodos`). */
export interface TodoGroup {
  when: unknown;
  query: SQL;
  entries: [key: string, label: string, link: string][];
}

/** The to-dos of the groups whose `when` holds, in the groups' order; their queries go out together (one batch).
 *  Usage: return todoGroups(db, [{ when: actor.memberId, query: sql`select count(*)::int as "x" ...`, entries: [['x', '待办', '/x']] }]); */
export async function todoGroups(db: Db, groups: TodoGroup[]): Promise<Todo[]> {
  const lists = await Promise.all(groups.filter((g) => g.when).map((g) => countedTodos(db, g.query, g.entries)));
  return lists.flat();
}
