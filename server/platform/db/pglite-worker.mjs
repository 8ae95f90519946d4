// The embedded database's own thread (node:worker_threads): it owns the PGlite instance and answers the app's messages
// (pglite-thread.ts). PGlite runs every statement synchronously in WebAssembly; here that CPU is spent on the machine's
// second core and the app's event loop stays free for sockets, JSON and timers. Plain JavaScript on purpose: the
// thread starts the same under tsx, vitest and node, with no TypeScript loader of its own.
//
// Messages in:  { id, op: 'query', sql, params, rowMode, rawOids, txId?, begin? } | { id, op: 'exec', sql, txId?, begin? }
//               { id, op: 'end', txId, commit } | { id, op: 'listen', channel }
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

/**
 * Open transactions by the app's id. A transaction's first statement carries `begin`: it waits for PGlite's
 * transaction mutex (every other statement then waits for 'end', as in PGlite's own transaction()), and its BEGIN
 * travels in the same crossing as that statement: no message, no crossing and no idle connection for BEGIN alone.
 */
const txs = new Map();

// PGLITE_STATEMENT_TIMES=1: per statement text (never its parameters) the calls and milliseconds spent running it
// here, and per transaction the time it stayed open against the time its statements ran (the rest is the thread
// waiting for the app's next statement while every other statement waits for the transaction). Read and reset by the
// 'times' message (the client's statementTimes()).
const timing = process.env.PGLITE_STATEMENT_TIMES === '1';
let times = { statements: new Map(), tx: { n: 0, openMs: 0, runMs: 0 } };
const timed = async (text, open, run) => {
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
    if (open) open.runMs += ms;
  }
};
const unlisteners = new Map();

// Statements run as named prepared statements, one name per statement text. PGlite's own query() parses and plans
// every statement anew and crosses into WebAssembly six times for it (parse, describe, bind, describe, execute, sync);
// here a text is parsed and described once (its parameter types, which decide how a value is serialised, and its row
// description are kept), and each run is one crossing: bind, execute, sync in one message. PostgreSQL may then keep
// the plan too (plan_cache_mode auto). Past PREPARED_LIMIT texts (a text built with raw values would make a new one
// each time) the rest run as the unnamed statement, parsed for each run, so the set of prepared statements stays
// bounded. PGLITE_PREPARED=0 runs every statement that way (to measure the difference).
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

/** Frontend messages sent in one crossing into WebAssembly; the caller holds PGlite's query mutex. */
const send = (parts) => db.execProtocol(message(...parts), { syncToFs: false });
const BEGIN = serialize.query('BEGIN');
/** The backend messages that answer the statement after a leading BEGIN (BEGIN's own end at its ReadyForQuery). */
const afterBegin = (messages) => messages.slice(messages.findIndex((m) => m.name === 'readyForQuery') + 1);

/**
 * Runs one statement on the connection, which the caller holds (PGlite's query mutex, and its transaction's). With
 * `open` a transaction not begun yet, its BEGIN travels in the same crossing, ahead of the statement.
 */
async function runPrepared(sql, params, opts, open) {
  // BEGIN goes first in this statement's first crossing, whether that parses it or runs it.
  const withBegin = (parts) => {
    if (!open || open.begun) return parts;
    open.begun = true;
    return [BEGIN, ...parts];
  };
  let statement = prepared.get(sql);
  if (!statement) {
    // Past the bound, the unnamed statement: parsed for this run only.
    const name = prepared.size < PREPARED_LIMIT ? `zx${++statements}` : '';
    const described = await send(
      withBegin([
        serialize.parse({ name, text: sql, types: [] }),
        serialize.describe({ type: 'S', name }),
        serialize.sync(),
      ]),
    );
    // Its parameter types (how a value is serialised) and the row description every run returns (text format), so a
    // run needs no Describe of its own.
    statement = {
      name,
      types: parse.parseDescribeStatementResults(described.messages),
      row: described.messages.find((m) => m.name === 'rowDescription'),
    };
    if (name) prepared.set(sql, statement);
  }
  const values = params.map((v, i) => (v == null ? null : (db.serializers[statement.types[i]] ?? String)(v)));
  try {
    const run = withBegin([
      serialize.bind({ statement: statement.name, values }),
      serialize.execute({}),
      serialize.sync(),
    ]);
    const r = await send(run);
    const messages = run[0] === BEGIN ? afterBegin(r.messages) : r.messages;
    return parse.parseResults(statement.row ? [statement.row, ...messages] : messages, db.parsers, opts)[0];
  } catch (e) {
    // A schema change altered what the statement returns (0A000), or it is gone (26000): parse it anew next time.
    if (e?.code === '0A000' || e?.code === '26000') prepared.delete(sql);
    throw e;
  }
}

/** Opens transaction `txId`: waits for PGlite's transaction mutex, then holds it until 'end' (BEGIN comes later). */
function openTx(txId) {
  if (txs.has(txId)) throw new Error(`transaction ${txId} is already open`);
  const open = { ready: null, release: null, begun: false, at: 0, runMs: 0 };
  open.ready = new Promise((ready) => {
    db._runExclusiveTransaction(
      () =>
        new Promise((release) => {
          Object.assign(open, { release, at: performance.now() });
          ready();
        }),
    );
  });
  txs.set(txId, open);
  return open;
}

/** The open transaction `txId` once it holds the connection; `begin` opens it (the transaction's first message). */
async function held(txId, begin) {
  const open = begin ? openTx(txId) : txs.get(txId);
  if (!open) throw new Error(`transaction ${txId} is not open`);
  await open.ready;
  return open;
}

/** One statement, in the transaction `open` (held) or on its own (then after any open transaction, like PGlite's). */
async function runQuery(sql, params, opts, open) {
  if (open) return db.runExclusive(() => runPrepared(sql, params, opts, open));
  return db._runExclusiveTransaction(async () => {
    const r = await db.runExclusive(() => runPrepared(sql, params, opts));
    await db.syncToFs();
    return r;
  });
}

/** Statements as one text (simple protocol: migrations, several statements), in the transaction `open` or alone. */
async function runExec(sql, open) {
  if (!open) return db.exec(sql);
  return db.runExclusive(async () => {
    const first = !open.begun;
    open.begun = true;
    const r = await send(first ? [BEGIN, serialize.query(sql)] : [serialize.query(sql)]);
    return parse.parseResults(first ? afterBegin(r.messages) : r.messages, db.parsers);
  });
}

/** Ends transaction `txId`: COMMIT (an aborted one rolls back instead and fails with 25P02) or ROLLBACK. */
async function endTx(txId, commit) {
  const open = await held(txId, false);
  try {
    // Asked under the query mutex: a statement sent before 'end' (and carrying BEGIN) may not have run yet.
    const r = await db.runExclusive(async () =>
      open.begun ? send([serialize.query(commit ? 'COMMIT' : 'ROLLBACK')]) : null,
    );
    if (!r) return;
    await db.syncToFs();
    if (commit && r.messages.some((m) => m.name === 'commandComplete' && m.text === 'ROLLBACK'))
      throw Object.assign(new Error('Transaction was rolled back instead of committed'), { code: '25P02' });
  } finally {
    txs.delete(txId);
    open.release();
    times.tx.n++;
    times.tx.openMs += performance.now() - open.at;
    times.tx.runMs += open.runMs;
  }
}

async function handle(m) {
  switch (m.op) {
    case 'query': {
      const opts = { rowMode: m.rowMode ?? 'object' };
      if (m.rawOids?.length) opts.parsers = { ...parsers, ...Object.fromEntries(m.rawOids.map((o) => [o, raw])) };
      // Waiting for the transaction (its first message waits for the connection) is not the statement's time.
      const open = m.txId ? await held(m.txId, m.begin) : null;
      const r = await timed(m.sql, open, () => runQuery(m.sql, m.params ?? [], opts, open));
      return { rows: r.rows, fields: r.fields, affectedRows: r.affectedRows };
    }
    case 'exec': {
      const open = m.txId ? await held(m.txId, m.begin) : null;
      return (await timed(m.sql, open, () => runExec(m.sql, open))).map((r) => ({
        rows: r.rows,
        fields: r.fields,
        affectedRows: r.affectedRows,
      }));
    }
    case 'end':
      await endTx(m.txId, m.commit);
      return null;
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
