// 待办: what is waiting for the signed-in user across the modules, counted, each with the page that handles it. Modules
// register a provider (keyed, so building several apps in one process registers each once); the home page shows them.
import type { Actor } from './context.ts';
import type { Db } from './db/client.ts';

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

/** Builds to-dos from one row of counts: `counts[key]` for every entry whose key is present. */
export function todosFrom(
  counts: Record<string, number | null | undefined>,
  entries: [key: string, label: string, link: string][],
): Todo[] {
  return entries
    .filter(([key]) => key in counts)
    .map(([key, label, link]) => ({ key, label, link, count: Number(counts[key] ?? 0) }));
}
