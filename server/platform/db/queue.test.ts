import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { embeddedDbQueue, releaseDbSlot } from './queue.ts';

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
    // Retry-After: the estimated wait in whole seconds, at least one.
    expect(replies[4].headers['retry-after']).toBe('1');
    expect((await app.inject({ method: 'GET', url: '/api/work/9' })).statusCode).toBe(200);
    await app.close();
  });

  it('turns a request away once it has waited too long, so no one waits for minutes', async () => {
    const app = Fastify();
    embeddedDbQueue(app, { concurrency: 1, maxWaiting: 100, maxWaitMs: 100 });
    let finish = () => {};
    let entered = () => {};
    const held = new Promise<void>((r) => {
      finish = r;
    });
    const inside = new Promise<void>((r) => {
      entered = r;
    });
    app.get('/api/hold', async () => {
      entered();
      await held;
      return { ok: true };
    });
    app.get('/api/quick', async () => ({ ok: true }));
    await app.ready();
    const first = app.inject({ method: 'GET', url: '/api/hold' }).then((r) => r);
    await inside;
    const t0 = Date.now();
    const others = await Promise.all(Array.from({ length: 4 }, () => app.inject({ method: 'GET', url: '/api/quick' })));
    expect(others.map((r) => r.statusCode)).toEqual([503, 503, 503, 503]);
    expect(Date.now() - t0).toBeLessThan(5000);
    finish();
    expect((await first).statusCode).toBe(200);
    // The slot is given back on the turn after the response; then the line is empty and a request goes straight in.
    await new Promise((r) => setTimeout(r, 0));
    expect((await app.inject({ method: 'GET', url: '/api/quick' })).statusCode).toBe(200);
    await app.close();
  });

  it('under a flood, lets in only what can end within the deadline, in arrival order, and turns the rest away at once', async () => {
    // The queue's own clock, advanced only by the work: each request runs exactly 100 ms of it. Counted, not timed.
    let clock = 0;
    const app = Fastify();
    const stats = embeddedDbQueue(app, {
      concurrency: 1,
      maxWaiting: 1000,
      maxWaitMs: 1000,
      serviceMs: 100,
      now: () => clock,
    });
    const order: number[] = [];
    app.get('/api/work/:n', async (request) => {
      order.push(Number((request.params as { n: string }).n));
      clock += 100;
      await new Promise((r) => setImmediate(r));
      return { ok: true };
    });
    await app.ready();
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, n) => app.inject({ method: 'GET', url: `/api/work/${n}` })),
    );
    const ok = replies.filter((r) => r.statusCode === 200).length;
    expect(ok + replies.filter((r) => r.statusCode === 503).length).toBe(40);
    expect(ok).toBeGreaterThanOrEqual(10);
    expect(ok).toBeLessThan(40);
    expect(stats.admitted).toBe(ok);
    expect(stats.rejectedAtArrival).toBe(40 - ok);
    expect(stats.rejectedAfterWait).toBe(0);
    // No request that was let in took longer than the deadline from its arrival to its end.
    expect(stats.longestMs).toBeLessThanOrEqual(1000);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    await app.close();
  });

  it('an open event stream gives its slot back, so open tabs never turn other requests away', async () => {
    const app = Fastify();
    embeddedDbQueue(app, { concurrency: 1, maxWaiting: 10, maxWaitMs: 200 });
    app.get('/api/stream', async (request, reply) => {
      releaseDbSlot(request);
      reply.hijack();
      reply.raw.writeHead(200, { 'content-type': 'text/event-stream' });
      reply.raw.write('retry: 5000\n\n');
    });
    app.get('/api/quick', async () => ({ ok: true }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const streams = await Promise.all(
      [1, 2, 3].map(
        () =>
          new Promise<http.ClientRequest>((resolve) => {
            const req = http.get({ port, host: '127.0.0.1', path: '/api/stream' }, (res) =>
              res.once('data', () => resolve(req)),
            );
          }),
      ),
    );
    const res = await fetch(`http://127.0.0.1:${port}/api/quick`);
    expect(res.status).toBe(200);
    for (const s of streams) s.destroy();
    await app.close();
  });
});
