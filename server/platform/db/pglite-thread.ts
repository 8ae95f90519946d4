// The app's side of the embedded database's thread (pglite-worker.mjs): a client with the part of PGlite's interface
// that Drizzle, the migrations, the tests and the backup use (query, exec, transaction, listen, dumpDataDir, close),
// each call a message to the thread. Transactions keep PGlite's rule: one at a time, and while one is open every other
// statement waits for it (inside the thread), so the app's transaction helper works unchanged. A transaction costs no
// message of its own to begin: its first statement opens it (decision 0033).
import { Worker } from 'node:worker_threads';
import type { QueryOptions, Results } from '@electric-sql/pglite';

/** A transaction on the thread: statements run inside it until the callback given to `transaction` settles. */
export interface EmbeddedTransaction {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string): Promise<Results[]>;
  /** Rolls back by throwing; the transaction ends when the callback's promise rejects with it. */
  rollback(): Promise<never>;
  readonly closed: boolean;
}

/** The embedded database, owned by its own thread. Errors keep PostgreSQL's fields (code, detail, constraint…). */
export interface EmbeddedPglite {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string): Promise<Results[]>;
  transaction<T>(callback: (tx: EmbeddedTransaction) => Promise<T>): Promise<T>;
  /** Calls back with each NOTIFY payload on the channel; returns the function that stops it. */
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
  /** The whole data folder as an uncompressed tar (what `loadDataDir` takes back); only 'none' is offered. */
  dumpDataDir(compression?: 'none'): Promise<Blob>;
  /**
   * With PGLITE_STATEMENT_TIMES=1 in the environment (a profiling switch; empty otherwise): since the last call, per
   * statement text (never its parameters) its calls and the milliseconds the thread spent running it, and how long
   * transactions stayed open (`openMs`) against the time their statements ran (`runMs`). Resets the counts.
   */
  statementTimes(): Promise<StatementTimes>;
  close(): Promise<void>;
}

export interface StatementTimes {
  statements: { sql: string; calls: number; ms: number }[];
  tx: { n: number; openMs: number; runMs: number };
}

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: Record<string, unknown> };

function toError(fields: Record<string, unknown>): Error {
  const e = new Error(String(fields.message));
  return Object.assign(e, fields);
}

/**
 * Starts the thread and opens PGlite in it: `dataDir` a folder (created by PGlite), or neither for memory only;
 * `loadDataDir` a tar from `dumpDataDir` to start from. Rejects with PGlite's error if it cannot open.
 */
export async function startPgliteThread(opts: { dataDir?: string; loadDataDir?: Blob }): Promise<EmbeddedPglite> {
  const load = opts.loadDataDir ? await opts.loadDataDir.arrayBuffer() : undefined;
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData: { dataDir: opts.dataDir, loadDataDir: load },
    transferList: load ? [load] : [],
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners = new Map<string, Set<(payload: string) => void>>();
  let nextId = 1;
  let failure: Error | null = null;
  // The thread keeps the process alive only while the app waits on it, like the in-process database did.
  worker.unref();
  const settle = (id: number) => {
    const p = pending.get(id);
    pending.delete(id);
    if (!pending.size) worker.unref();
    return p;
  };
  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (m: Reply | { ready: true } | { notify: string; payload: string }) => {
      if ('ready' in m) return resolve();
      if ('notify' in m) {
        for (const cb of listeners.get(m.notify) ?? []) cb(m.payload);
        return;
      }
      const p = settle(m.id);
      if (m.ok) p?.resolve(m.value);
      else p?.reject(toError(m.error));
    });
    const fail = (e: Error) => {
      failure = e;
      reject(e);
      for (const id of [...pending.keys()]) settle(id)?.reject(e);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`嵌入式数据库线程已退出 (pglite thread exited, code ${code})`)));
  });
  worker.ref();
  await ready;
  worker.unref();

  const call = <T>(message: Record<string, unknown>): Promise<T> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    if (!pending.size) worker.ref();
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...message, id });
    });
  };
  // Parsers are functions and cannot cross threads: the thread leaves those types' values raw, they are parsed here.
  // In a transaction, the first statement carries `begin` (the thread then waits for the connection and sends BEGIN
  // with it); `tx.begun` says whether the thread has to end it.
  type Tx = { id: number; begun: boolean };
  const inTx = (tx?: Tx) => {
    if (!tx) return {};
    const begin = !tx.begun;
    tx.begun = true;
    return { txId: tx.id, begin };
  };
  const query = async <T>(sql: string, params: unknown[] = [], options: QueryOptions = {}, tx?: Tx) => {
    const parsers = options.parsers ?? {};
    const rawOids = Object.keys(parsers).map(Number);
    const r = await call<Results<T>>({ op: 'query', sql, params, rowMode: options.rowMode, rawOids, ...inTx(tx) });
    if (!rawOids.length) return r;
    const rows = r.rows as unknown as Record<string | number, unknown>[];
    r.fields.forEach((f, i) => {
      const parse = parsers[f.dataTypeID];
      const key = options.rowMode === 'array' ? i : f.name;
      if (parse) for (const row of rows) if (row[key] != null) row[key] = parse(row[key] as string);
    });
    return r;
  };
  const exec = (sql: string, tx?: Tx) => call<Results[]>({ op: 'exec', sql, ...inTx(tx) });
  let nextTx = 1;

  return {
    query: (sql, params, options) => query(sql, params, options),
    exec: (sql) => exec(sql),
    transaction: async (callback) => {
      const open: Tx = { id: nextTx++, begun: false };
      let closed = false;
      const tx: EmbeddedTransaction = {
        query: (sql, params, options) => query(sql, params, options, open),
        exec: (sql) => exec(sql, open),
        rollback: () => Promise.reject(new Error('rollback')),
        get closed() {
          return closed;
        },
      };
      // A transaction that ran no statement never held the connection: nothing to end.
      const end = (commit: boolean) => (open.begun ? call({ op: 'end', txId: open.id, commit }) : undefined);
      let result: Awaited<ReturnType<typeof callback>>;
      try {
        result = await callback(tx);
      } catch (e) {
        closed = true;
        await end(false)?.catch(() => {});
        throw e;
      }
      closed = true;
      await end(true);
      return result;
    },
    listen: async (channel, callback) => {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(callback);
      await call({ op: 'listen', channel });
      return async () => {
        set.delete(callback);
        if (set.size) return;
        listeners.delete(channel);
        await call({ op: 'unlisten', channel });
      };
    },
    statementTimes: () => call<StatementTimes>({ op: 'times' }),
    dumpDataDir: async () => new Blob([await call<ArrayBuffer>({ op: 'dump' })]),
    close: async () => {
      if (!failure) await call({ op: 'close' });
      failure = new Error('嵌入式数据库已关闭 (pglite closed)');
      await worker.terminate();
    },
  };
}
