import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { embeddedDbQueue } from './queue.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function appWith(opts: { concurrency: number; maxWaiting: number; maxWaitMs: number }, workMs: number) {
  const app = Fastify();
  embeddedDbQueue(app, opts);
  const order: number[] = [];
  app.get('/api/work/:n', async (request) => {
    order.push(Number((request.params as { n: string }).n));
    await sleep(workMs);
    return { ok: true };
  });
  await app.ready();
  return { app, order };
}

describe('queue in front of the embedded database', () => {
  it('serves waiting requests in arrival order, and answers 503 with Retry-After when the queue is full', async () => {
    const { app, order } = await appWith({ concurrency: 1, maxWaiting: 3, maxWaitMs: 5000 }, 30);
    const replies = await Promise.all(
      Array.from({ length: 6 }, (_, n) => app.inject({ method: 'GET', url: `/api/work/${n}` })),
    );
    expect(replies.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 503, 503]);
    expect(order).toEqual([0, 1, 2, 3]);
    expect(replies[4].json()).toEqual({ error: 'server.busy', message: '系统繁忙，请稍后重试' });
    expect(replies[4].headers['retry-after']).toBe('5');
    expect((await app.inject({ method: 'GET', url: '/api/work/9' })).statusCode).toBe(200);
    await app.close();
  });

  it('turns a request away once it has waited too long, so no one waits for minutes', async () => {
    const { app } = await appWith({ concurrency: 1, maxWaiting: 100, maxWaitMs: 100 }, 80);
    const t0 = Date.now();
    const replies = await Promise.all(
      Array.from({ length: 5 }, (_, n) => app.inject({ method: 'GET', url: `/api/work/${n}` })),
    );
    const codes = replies.map((r) => r.statusCode);
    expect(codes.slice(0, 2)).toEqual([200, 200]);
    expect(codes.slice(2)).toEqual([503, 503, 503]);
    expect(Date.now() - t0).toBeLessThan(1000);
    await app.close();
  });
});
