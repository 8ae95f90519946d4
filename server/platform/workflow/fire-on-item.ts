// Firing an action on one workflow item a module loads by id: the row locked in one transaction, an item missing or
// hidden from the actor answered as not found, then the transition. One function for the fireXAction services that
// each wrote the same transaction by hand.
// Usage: const SESSION = { load: loadSessionItem, process: sessionProcess, notFound: E.sessionNotFound };
//   await fireOnItem(db, actor, id, SESSION, { action, comment });
import type { Actor } from '../context.ts';
import type { Db } from '../db/client.ts';
import { type FireOptions, fireTransition, type Process, type WorkflowItem } from './engine.ts';

/** What `fireOnItem` needs to know of one kind of item. */
export interface ItemKind<I extends WorkflowItem> {
  /** Reads the committee's item `id`, locked `for update` when `lock`; null or undefined when there is none. */
  load: (tx: Db, committeeId: number, id: number, lock: boolean) => Promise<I | null | undefined>;
  process: Process<I>;
  /** The error for an item that is missing or hidden from the actor (a 404 AppError). */
  notFound: () => Error;
  /** Whether the actor may see the item; without it every item found is visible. */
  visible?: (item: I, actor: Actor) => boolean;
}

/**
 * Fires `opts.action` on the committee's item `id` as `actor`, in one transaction, and returns the item's new state.
 * Errors: `kind.notFound()` for an item missing or not visible; fireTransition's (unknown action, wrong state, not
 * allowed) otherwise. The transaction rolls back on any error.
 */
export async function fireOnItem<I extends WorkflowItem, D = unknown>(
  db: Db,
  actor: Actor,
  id: number,
  kind: ItemKind<I>,
  opts: FireOptions<D>,
): Promise<string> {
  return db.transaction(async (tx) => {
    const item = await kind.load(tx, actor.committeeId, id, true);
    if (!item || (kind.visible && !kind.visible(item, actor))) throw kind.notFound();
    return fireTransition(tx, kind.process, actor, item, opts);
  });
}
