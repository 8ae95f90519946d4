// The embedded database's own thread (node:worker_threads): it owns the PGlite instance and answers the app's messages
// (pglite-thread.ts). PGlite runs every statement synchronously in WebAssembly; here that CPU is spent on the machine's
// second core and the app's event loop stays free for sockets, JSON and timers. Plain JavaScript on purpose: the
// thread starts the same under tsx, vitest and node, with no TypeScript loader of its own.
//
// Messages in:  { id, op: 'query', sql, params, rowMode, rawOids, txId? } | { id, op: 'exec', sql, txId? }
//               { id, op: 'begin' } | { id, op: 'end', txId, commit } | { id, op: 'listen', channel }
//               { id, op: 'unlisten', channel } | { id, op: 'dump' } | { id, op: 'close' } | { id, op: 'times' }
// Messages out: { id, ok: true, value } | { id, ok: false, error: { message, name, code, detail, ... } }
//               { notify: channel, payload } for a NOTIFY heard on a listened channel.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, parse, protocol } from '@electric-sql/pglite';

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

// PGLITE_STATEMENT_TIMES=1: per statement text (never its parameters) the calls and milliseconds spent running it
// here, and per transaction the time it stayed open against the time its statements ran (the rest is the thread
// waiting for the app's next statement while every other statement waits for the transaction). Read and reset by the
// 'times' message (the client's statementTimes()).
const timing = process.env.PGLITE_STATEMENT_TIMES === '1';
let times = { statements: new Map(), tx: { n: 0, openMs: 0, runMs: 0 } };
const timed = async (text, txId, run) => {
  if (!timing) return run();
  const t0 = performance.now();
  try {
    return await run();
  } finally {
    const ms = performance.now() - t0;
    const key = text.replace(/\s+/g, ' ').slice(0, 200);
    const s = times.statements.get(key) ?? { calls: 0, ms: 0 };
    s.calls++;
    s.ms += ms;
    times.statements.set(key, s);
    const open = txId && txs.get(txId);
    if (open) open.runMs += ms;
  }
};
let nextTx = 1;
const ROLLBACK = Symbol('rollback');
const unlisteners = new Map();

const on = (txId) => {
  if (!txId) return db;
  const open = txs.get(txId);
  if (!open) throw new Error(`transaction ${txId} is not open`);
  return open.tx;
};

// Statements run as named prepared statements, one name per statement text. PGlite's own query() parses and plans
// every statement anew and crosses into WebAssembly six times for it (parse, describe, bind, describe, execute, sync);
// here a text is parsed and described once (its parameter types, which decide how a value is serialised, are kept),
// and each run is one crossing: bind, describe, execute, sync in one message. PostgreSQL may then keep the plan too
// (plan_cache_mode auto). Past PREPARED_LIMIT texts (a text built with raw values would make a new one each time)
// the rest go through PGlite's query(), so the set of prepared statements stays bounded. PGLITE_PREPARED=0 sends every
// statement through PGlite's query() (to measure the difference).
const PREPARED_LIMIT = process.env.PGLITE_PREPARED === '0' ? 0 : 2000;
const prepared = new Map();
let statements = 0;
const { serialize } = protocol;
const message = (...parts) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** Runs one statement on the connection, which the caller holds (PGlite's query mutex, and its transaction's). */
async function runPrepared(sql, params, opts) {
  let statement = prepared.get(sql);
  if (!statement) {
    const name = `zx${++statements}`;
    const described = await db.execProtocol(
      message(
        serialize.parse({ name, text: sql, types: [] }),
        serialize.describe({ type: 'S', name }),
        serialize.sync(),
      ),
      { syncToFs: false },
    );
    statement = { name, types: parse.parseDescribeStatementResults(described.messages) };
    prepared.set(sql, statement);
  }
  const values = params.map((v, i) => (v == null ? null : (db.serializers[statement.types[i]] ?? String)(v)));
  try {
    const r = await db.execProtocol(
      message(
        serialize.bind({ statement: statement.name, values }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      ),
      { syncToFs: false },
    );
    return parse.parseResults(r.messages, db.parsers, opts)[0];
  } catch (e) {
    // A schema change altered what the statement returns (0A000), or it is gone (26000): parse it anew next time.
    if (e?.code === '0A000' || e?.code === '26000') prepared.delete(sql);
    throw e;
  }
}

/** One statement, in the transaction `txId` or on its own (then after any open transaction, like PGlite's query). */
async function runQuery(sql, params, opts, txId) {
  if (!prepared.has(sql) && prepared.size >= PREPARED_LIMIT) return on(txId).query(sql, params, opts);
  if (txId) {
    on(txId);
    return db.runExclusive(() => runPrepared(sql, params, opts));
  }
  return db._runExclusiveTransaction(async () => {
    const r = await db.runExclusive(() => runPrepared(sql, params, opts));
    await db.syncToFs();
    return r;
  });
}

async function handle(m) {
  switch (m.op) {
    case 'query': {
      const opts = { rowMode: m.rowMode ?? 'object' };
      if (m.rawOids?.length) opts.parsers = { ...parsers, ...Object.fromEntries(m.rawOids.map((o) => [o, raw])) };
      const r = await timed(m.sql, m.txId, () => runQuery(m.sql, m.params ?? [], opts, m.txId));
      return { rows: r.rows, fields: r.fields, affectedRows: r.affectedRows };
    }
    case 'exec':
      return (await timed(m.sql, m.txId, () => on(m.txId).exec(m.sql))).map((r) => ({
        rows: r.rows,
        fields: r.fields,
        affectedRows: r.affectedRows,
      }));
    case 'begin': {
      const txId = nextTx++;
      const open = { tx: null, commit: null, rollback: null, done: null, at: 0, runMs: 0 };
      // Resolves once PGlite has the transaction (its mutex held); the transaction then lasts until 'end' arrives.
      return await new Promise((started, failed) => {
        open.done = db.transaction(
          (tx) =>
            new Promise((commit, rollback) => {
              Object.assign(open, { tx, commit, rollback, at: performance.now() });
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
        times.tx.n++;
        times.tx.openMs += performance.now() - open.at;
        times.tx.runMs += open.runMs;
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
    case 'times': {
      const out = { statements: [...times.statements].map(([sql, s]) => ({ sql, ...s })), tx: times.tx };
      times = { statements: new Map(), tx: { n: 0, openMs: 0, runMs: 0 } };
      return out;
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
