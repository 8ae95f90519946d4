// A bounded FIFO queue in front of the embedded database's single connection: a few API requests run at once, the
// rest wait their turn in arrival order, and when the queue is full or a request has waited too long it gets a clear
// 503 with Retry-After instead of a reply many seconds later.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface QueueOptions {
  concurrency: number;
  maxWaiting: number;
  maxWaitMs: number;
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

export function embeddedDbQueue(app: FastifyInstance, opts: QueueOptions): void {
  let active = 0;
  const waiting: { admit: () => boolean }[] = [];
  const holders = new WeakSet<FastifyRequest>();

  // A freed slot passes straight to the oldest waiter (FIFO), on the next turn of the event loop: PGlite runs its
  // queries synchronously, and without that turn a busy connection would starve the sockets, timers and the queue.
  const release = (request: FastifyRequest) => {
    if (!holders.delete(request)) return;
    releasers.delete(request);
    setImmediate(() => {
      for (let next = waiting.shift(); next; next = waiting.shift()) if (next.admit()) return;
      active--;
    });
  };
  const busy = (reply: FastifyReply) =>
    reply
      .status(503)
      .header('retry-after', String(Math.ceil(opts.maxWaitMs / 1000)))
      .send(BUSY);

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    if (active < opts.concurrency && !waiting.length) {
      active++;
      holders.add(request);
      releasers.set(request, () => release(request));
      return;
    }
    if (waiting.length >= opts.maxWaiting) return busy(reply);
    const admitted = await new Promise<boolean>((resolve) => {
      let settled = false;
      const entry = {
        admit: () => {
          if (settled) return false;
          settled = true;
          clearTimeout(timer);
          holders.add(request);
          releasers.set(request, () => release(request));
          resolve(true);
          return true;
        },
      };
      const timer = setTimeout(() => {
        if (settled) return;
        settled = true;
        const at = waiting.indexOf(entry);
        if (at >= 0) waiting.splice(at, 1);
        resolve(false);
      }, opts.maxWaitMs);
      waiting.push(entry);
    });
    if (!admitted) return busy(reply);
  });
  app.addHook('onResponse', async (request) => release(request));
  app.addHook('onRequestAbort', async (request) => release(request));
}
