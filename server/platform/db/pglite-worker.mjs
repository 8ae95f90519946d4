// The embedded database's own thread (node:worker_threads): it owns the PGlite instance and answers the app's messages
// (pglite-thread.ts). PGlite runs every statement synchronously in WebAssembly; here that CPU is spent on the machine's
// second core and the app's event loop stays free for sockets, JSON and timers. Plain JavaScript on purpose: the
// thread starts the same under tsx, vitest and node, with no TypeScript loader of its own.
//
// Messages in:  { id, op: 'query', sql, params, rowMode, rawOids, txId? } | { id, op: 'exec', sql, txId? }
//               { id, op: 'begin' } | { id, op: 'end', txId, commit } | { id, op: 'listen', channel }
//               { id, op: 'unlisten', channel } | { id, op: 'dump' } | { id, op: 'close' }
// Messages out: { id, ok: true, value } | { id, ok: false, error: { message, name, code, detail, ... } }
//               { notify: channel, payload } for a NOTIFY heard on a listened channel.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const DATE_OID = 1082;
const port = parentPort;
if (!port) throw new Error('pglite-worker.mjs runs only as a worker thread');

/** int8 and numeric as numbers (counts and sums here fit a JS number); a `date` stays its 'YYYY-MM-DD' string. */
const parsers = { 20: (v) => Number(v), 1700: (v) => Number(v), [DATE_OID]: (v) => v };
const raw = (v) => v;

/** Primitive fields of an error (PostgreSQL's code, detail, constraint…): what the app reads from a database error. */
function plainError(e) {
  const out = { message: String(e?.message ?? e), name: String(e?.name ?? 'Error') };
  if (e && typeof e === 'object')
    for (const [k, v] of Object.entries(e))
      if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) out[k] = v;
  return out;
}

const { dataDir, loadDataDir } = workerData ?? {};
const db = await PGlite.create({
  dataDir,
  loadDataDir: loadDataDir ? new Blob([loadDataDir]) : undefined,
  relaxedDurability: false,
  parsers,
});

/** Open transactions by id: the PGlite transaction object and how to finish it (its callback waits for 'end'). */
const txs = new Map();
let nextTx = 1;
const ROLLBACK = Symbol('rollback');
const unlisteners = new Map();

const on = (txId) => {
  if (!txId) return db;
  const open = txs.get(txId);
  if (!open) throw new Error(`transaction ${txId} is not open`);
  return open.tx;
};

async function handle(m) {
  switch (m.op) {
    case 'query': {
      const opts = { rowMode: m.rowMode ?? 'object' };
      if (m.rawOids?.length) opts.parsers = { ...parsers, ...Object.fromEntries(m.rawOids.map((o) => [o, raw])) };
      const r = await on(m.txId).query(m.sql, m.params ?? [], opts);
      return { rows: r.rows, fields: r.fields, affectedRows: r.affectedRows };
    }
    case 'exec':
      return (await on(m.txId).exec(m.sql)).map((r) => ({
        rows: r.rows,
        fields: r.fields,
        affectedRows: r.affectedRows,
      }));
    case 'begin': {
      const txId = nextTx++;
      const open = { tx: null, commit: null, rollback: null, done: null };
      // Resolves once PGlite has the transaction (its mutex held); the transaction then lasts until 'end' arrives.
      return await new Promise((started, failed) => {
        open.done = db.transaction(
          (tx) =>
            new Promise((commit, rollback) => {
              Object.assign(open, { tx, commit, rollback });
              txs.set(txId, open);
              started(txId);
            }),
        );
        open.done.catch((e) => {
          if (!txs.has(txId)) failed(e);
        });
      });
    }
    case 'end': {
      const open = txs.get(m.txId);
      if (!open) throw new Error(`transaction ${m.txId} is not open`);
      if (m.commit) open.commit();
      else open.rollback(ROLLBACK);
      try {
        await open.done;
      } catch (e) {
        if (e !== ROLLBACK) throw e;
      } finally {
        txs.delete(m.txId);
      }
      return null;
    }
    case 'listen': {
      if (!unlisteners.has(m.channel))
        unlisteners.set(
          m.channel,
          await db.listen(m.channel, (payload) => port.postMessage({ notify: m.channel, payload })),
        );
      return null;
    }
    case 'unlisten': {
      const stop = unlisteners.get(m.channel);
      unlisteners.delete(m.channel);
      await stop?.();
      return null;
    }
    case 'dump': {
      const buf = await (await db.dumpDataDir('none')).arrayBuffer();
      return buf;
    }
    case 'close':
      await db.close();
      return null;
    default:
      throw new Error(`unknown op ${m.op}`);
  }
}

port.on('message', (m) => {
  handle(m).then(
    (value) => port.postMessage({ id: m.id, ok: true, value }, value instanceof ArrayBuffer ? [value] : []),
    (e) => port.postMessage({ id: m.id, ok: false, error: plainError(e) }),
  );
});
port.postMessage({ ready: true });
