// The opinion map off the event loop: at plenary size (100,000 votes) the computation takes about a second, which would
// stall every request of the process; it runs in a worker thread instead. Small discussions are computed inline (a few
// milliseconds, cheaper than starting a worker). The worker gets the votes as three typed arrays (transferred, not copied).
import { Worker } from 'node:worker_threads';
import { computeOpinionMap, type MapVote, type OpinionMap } from './discussion-map.ts';

/** Under this many votes the map is computed inline: well under 50 ms of event loop. */
export const INLINE_VOTES = 5_000;

interface Packed {
  accounts: Int32Array;
  statements: Int32Array;
  votes: Int8Array;
}

function pack(votes: MapVote[]): Packed {
  const p = {
    accounts: new Int32Array(votes.length),
    statements: new Int32Array(votes.length),
    votes: new Int8Array(votes.length),
  };
  votes.forEach((v, i) => {
    p.accounts[i] = v.accountId;
    p.statements[i] = v.statementId;
    p.votes[i] = v.vote;
  });
  return p;
}

/** The map of these votes, computed in a worker thread when they are many. Same result as computeOpinionMap. */
export async function computeOpinionMapOffThread(
  votes: MapVote[],
  opts: { inlineBelow?: number } = {},
): Promise<OpinionMap> {
  if (votes.length < (opts.inlineBelow ?? INLINE_VOTES)) return computeOpinionMap(votes);
  // One map at a time per process: the worker is started once (loading takes seconds) and then reused.
  const run = queue.then(() => inWorker(pack(votes)));
  queue = run.catch(() => undefined);
  return run;
}

let worker: Worker | null = null;
let queue: Promise<unknown> = Promise.resolve();

function inWorker(packed: Packed): Promise<OpinionMap> {
  if (!worker) {
    worker = new Worker(new URL('./discussion-map-thread.mjs', import.meta.url));
    // An idle worker does not keep the process alive (tests, scripts and shutdown end as before).
    worker.unref();
  }
  const w = worker;
  return new Promise<OpinionMap>((resolve, reject) => {
    const fail = (err: Error) => {
      worker = null; // a broken worker is replaced on the next map
      reject(err);
    };
    const onExit = (code: number) => fail(new Error(`意见地图计算线程异常退出（${code}）`));
    w.ref();
    w.once('error', fail);
    w.once('exit', onExit);
    w.once('message', (m: OpinionMap) => {
      w.off('error', fail);
      w.off('exit', onExit);
      w.unref();
      resolve(m);
    });
    w.postMessage(packed, [packed.accounts.buffer, packed.statements.buffer, packed.votes.buffer] as ArrayBuffer[]);
  });
}
