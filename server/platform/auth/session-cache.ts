// A short-lived in-process cache of resolved sessions (issue 18): a read then skips the session's database lookup.
// Correctness before speed — a sign-out, a password or role change, a disabled account, a member or informant who left
// must take effect at once in this process and within milliseconds in every other one:
// - migration 1010 makes PostgreSQL announce every such change (pg_notify on SESSION_CHANNEL with the committee, sent
//   on commit to every process, this one too) and each process drops that committee's cached sessions;
// - in this process, the end of any request that may write (not GET/HEAD/OPTIONS) drops the whole cache before its
//   answer leaves, so the caller's next request never sees the state from before its own change;
// - a lookup that raced a change stores nothing (a generation count, bumped on every drop);
// - an entry lives at most `ttlMs` (a lost notification, e.g. while the listening connection reconnects, is bounded);
// - idle and absolute expiry, and the periodic touch of last_seen_at, are decided on the database's clock kept with
//   the entry: an entry past either, or due a touch, is not used, so the lookup runs and does what it always did.
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client.ts';

/** The NOTIFY channel of migration 1010's triggers; the payload is '<committee id>' or '<committee id>:<token hash>'. */
export const SESSION_CHANNEL = 'zx_session';

/** What the session lookup read, as the resolver needs it; times in ms on the database's clock. */
export interface CachedSession {
  committeeId: number;
  accountId: number;
  csrfToken: string;
  lastSeenAt: number;
  createdAt: number;
  displayName: string;
  roles: string[];
  memberId: number | null;
  unitId: number | null;
  orgId: number | null;
  informantId: number | null;
  mustChangePassword: boolean;
  memberStatus: string | null;
  informantStatus: string | null;
}

interface Entry {
  session: CachedSession;
  /** Database clock minus this process's clock when read (ms). */
  skew: number;
  /** Process clock (ms) after which the entry is not used. */
  until: number;
}

export interface SessionCache {
  /** The cached session of a token hash, or null; `usable(dbNow)` says whether it may be used at the database time. */
  get(tokenHash: string, usable: (s: CachedSession, dbNow: number) => boolean): CachedSession | null;
  /** The current generation: pass it to `put` so that a lookup that raced a change stores nothing. */
  generation(): number;
  /** Stores a lookup's result (`dbNow`: the database's now() of that lookup, ms) if nothing changed since `generation`. */
  put(tokenHash: string, session: CachedSession, dbNow: number, generation: number): void;
  /** Drops one committee's sessions (null: every committee's), or only the one of `tokenHash`. */
  drop(committeeId: number | null, tokenHash?: string): void;
  size(): number;
}

/** A cache of at most `max` sessions, each kept at most `ttlMs`; `ttlMs` 0 keeps nothing. */
export function createSessionCache(ttlMs: number, max = 10_000): SessionCache {
  const entries = new Map<string, Entry>();
  let gen = 0;
  return {
    get(tokenHash, usable) {
      const e = entries.get(tokenHash);
      if (!e) return null;
      const now = Date.now();
      if (now > e.until || !usable(e.session, now + e.skew)) {
        entries.delete(tokenHash);
        return null;
      }
      return e.session;
    },
    generation: () => gen,
    put(tokenHash, session, dbNow, generation) {
      if (ttlMs <= 0 || generation !== gen) return;
      // Oldest first out: a Map iterates in insertion order.
      if (entries.size >= max) entries.delete(entries.keys().next().value as string);
      const now = Date.now();
      entries.set(tokenHash, { session, skew: dbNow - now, until: now + ttlMs });
    },
    drop(committeeId, tokenHash) {
      gen++;
      if (tokenHash) entries.delete(tokenHash);
      else if (committeeId == null) entries.clear();
      else for (const [k, e] of entries) if (e.session.committeeId === committeeId) entries.delete(k);
    },
    size: () => entries.size,
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Keeps `cache` true for `app`: listens on SESSION_CHANNEL (every process's committed session changes) and drops the
 * whole cache when a request that may have written answers, before the answer is sent. Stops listening on close.
 */
export async function keepSessionCacheTrue(app: FastifyInstance, database: Database, cache: SessionCache) {
  const stop = await database.listen(SESSION_CHANNEL, (payload) => {
    const [committee, tokenHash] = payload.split(':');
    const committeeId = committee ? Number(committee) : Number.NaN;
    cache.drop(Number.isInteger(committeeId) ? committeeId : null, tokenHash || undefined);
  });
  app.addHook('onClose', () => stop());
  const dropAfterWrite = async (request: { method: string }) => {
    if (!SAFE_METHODS.has(request.method)) cache.drop(null);
  };
  // onSend runs after the handler (and its transaction) finished, before the first byte of the answer; onResponse
  // covers answers that skipped onSend (a hijacked reply).
  app.addHook('onSend', dropAfterWrite);
  app.addHook('onResponse', dropAfterWrite);
}
