// A bounded FIFO queue in front of the embedded database's single connection: a few API requests run at once, the
// rest wait their turn in arrival order. Its rule is a deadline for the whole request, not only for the wait: a request
// is let in only if, by the queue's own estimate, it can wait its turn and run within `maxWaitMs`; otherwise it gets a
// clear 503 with Retry-After at once, instead of after waiting (the web client shows 重试 on 503).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface QueueOptions {
  /** Requests that run at once. */
  concurrency: number;
  /** Requests that may wait (FIFO); one more is turned away at once. */
  maxWaiting: number;
  /** Milliseconds a request may take from arrival to its end (wait plus run) by the estimate; also the longest wait. */
  maxWaitMs: number;
  /** First estimate of one request's run time in ms, until requests have been measured (default 50). */
  serviceMs?: number;
  /** The clock in ms (default performance.now); a test gives its own to count instead of timing. */
  now?: () => number;
}

/** What the queue measured: requests let in, turned away at arrival or after waiting, and the longest time in it. */
export interface QueueStats {
  admitted: number;
  rejectedAtArrival: number;
  rejectedAfterWait: number;
  /** Longest arrival-to-end time of a request that was let in, in ms of the queue's clock. */
  longestMs: number;
  /** The current estimate of one request's run time (moving average of the measured ones), ms. */
  serviceMs: number;
}

const BUSY = { error: 'server.busy', message: '系统繁忙，请稍后重试' };
const releasers = new WeakMap<FastifyRequest, () => void>();

/**
 * A long-lived response (server-sent events) gives its slot back once its reads are done and before it starts to
 * stream: it holds no database work while open, and a few open tabs would otherwise hold every slot and turn everyone
 * else away. Call it before `reply.hijack()`; harmless without the queue (PostgreSQL) or when called twice.
 */
export function releaseDbSlot(request: FastifyRequest): void {
  releasers.get(request)?.();
}

/**
 * Puts the queue in front of every /api/ request of the app; returns its live counters. The estimate: a request that
 * would be n-th in line waits about n × serviceMs / concurrency, then runs about serviceMs (serviceMs is the moving
 * average of measured runs, which already includes sharing the connection with the others running).
 */
export function embeddedDbQueue(app: FastifyInstance, opts: QueueOptions): QueueStats {
  const now = opts.now ?? (() => performance.now());
  const stats: QueueStats = {
    admitted: 0,
    rejectedAtArrival: 0,
    rejectedAfterWait: 0,
    longestMs: 0,
    serviceMs: opts.serviceMs ?? 50,
  };
  let active = 0;
  const waiting: { admit: () => boolean }[] = [];
  const holders = new WeakMap<FastifyRequest, { arrived: number; admitted: number }>();

  // A freed slot passes straight to the oldest waiter (FIFO), on the next turn of the event loop, so that a busy
  // connection never starves the sockets, timers and the queue itself.
  const release = (request: FastifyRequest) => {
    const held = holders.get(request);
    if (!held) return;
    holders.delete(request);
    releasers.delete(request);
    const end = now();
    stats.serviceMs = 0.8 * stats.serviceMs + 0.2 * (end - held.admitted);
    stats.longestMs = Math.max(stats.longestMs, end - held.arrived);
    setImmediate(() => {
      for (let next = waiting.shift(); next; next = waiting.shift()) if (next.admit()) return;
      active--;
    });
  };
  const hold = (request: FastifyRequest, arrived: number) => {
    stats.admitted++;
    holders.set(request, { arrived, admitted: now() });
    releasers.set(request, () => release(request));
  };
  const busy = (reply: FastifyReply, waitMs: number) =>
    reply
      .status(503)
      .header('retry-after', String(Math.max(1, Math.ceil(waitMs / 1000))))
      .send(BUSY);

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const arrived = now();
    if (active < opts.concurrency && !waiting.length) {
      active++;
      hold(request, arrived);
      return;
    }
    // Its turn comes after everyone waiting and one of the running requests; then it runs itself.
    const expectedWait = ((waiting.length + 1) * stats.serviceMs) / opts.concurrency;
    if (waiting.length >= opts.maxWaiting || expectedWait + stats.serviceMs > opts.maxWaitMs) {
      stats.rejectedAtArrival++;
      return busy(reply, expectedWait);
    }
    const admitted = await new Promise<boolean>((resolve) => {
      let settled = false;
      const entry = {
        admit: () => {
          if (settled) return false;
          settled = true;
          clearTimeout(timer);
          hold(request, arrived);
          resolve(true);
          return true;
        },
      };
      // The estimate was wrong (a slow request ahead): leave the line while there is still time to run.
      const timer = setTimeout(
        () => {
          if (settled) return;
          settled = true;
          const at = waiting.indexOf(entry);
          if (at >= 0) waiting.splice(at, 1);
          resolve(false);
        },
        Math.max(opts.maxWaitMs / 10, opts.maxWaitMs - stats.serviceMs),
      );
      waiting.push(entry);
    });
    if (!admitted) {
      stats.rejectedAfterWait++;
      return busy(reply, opts.maxWaitMs);
    }
  });
  app.addHook('onResponse', async (request) => release(request));
  app.addHook('onRequestAbort', async (request) => release(request));
  return stats;
}
