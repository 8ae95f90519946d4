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

export function embeddedDbQueue(app: FastifyInstance, opts: QueueOptions): void {
  let active = 0;
  const waiting: { start: () => void }[] = [];
  const holders = new WeakSet<FastifyRequest>();

  const release = (request: FastifyRequest) => {
    if (!holders.delete(request)) return;
    active--;
    const next = waiting.shift();
    if (next) next.start();
  };
  const busy = (reply: FastifyReply) =>
    reply
      .status(503)
      .header('retry-after', String(Math.ceil(opts.maxWaitMs / 1000)))
      .send(BUSY);

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    if (active < opts.concurrency) {
      active++;
      holders.add(request);
      return;
    }
    if (waiting.length >= opts.maxWaiting) return busy(reply);
    const admitted = await new Promise<boolean>((resolve) => {
      const entry = {
        start: () => {
          clearTimeout(timer);
          active++;
          holders.add(request);
          resolve(true);
        },
      };
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(entry), 1);
        resolve(false);
      }, opts.maxWaitMs);
      waiting.push(entry);
    });
    if (!admitted) return busy(reply);
  });
  app.addHook('onResponse', async (request) => release(request));
  app.addHook('onRequestAbort', async (request) => release(request));
}
