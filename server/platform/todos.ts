// 待办: what is waiting for the signed-in user across the modules, counted, each with the page that handles it. Modules
// register a provider (keyed, so building several apps in one process registers each once); the home page shows them.
import type { SQL } from 'drizzle-orm';
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

/** The user's non-empty to-dos, in module registration order. */
export async function todosOf(db: Db, actor: Actor): Promise<Todo[]> {
  const lists = await Promise.all([...providers.values()].map((p) => p(db, actor)));
  return lists.flat().filter((t) => t.count > 0);
}

/** Runs one query returning a row of counts and makes a to-do of each entry whose key is a column of it. */
export async function countedTodos(
  db: Db,
  query: SQL,
  entries: [key: string, label: string, link: string][],
): Promise<Todo[]> {
  const counts = (await queryOne<Record<string, number>>(db, query)) ?? {};
  return entries
    .filter(([key]) => key in counts)
    .map(([key, label, link]) => ({ key, label, link, count: Number(counts[key]) }));
}
