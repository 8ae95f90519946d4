// The rate limiter over real HTTP: a request whose client hung up before the limiter saw it is dropped without an
// error in the log, the server keeps serving, and a live client over the limit still gets the Chinese 429 body.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedLog, createTestApp, type TestContext } from '../test/harness.ts';

let t: TestContext;
let port: number;
const log = capturedLog();
const lines = log.lines;

beforeAll(async () => {
  t = await createTestApp(
    // As in production: no request log (which would read the client's address while the socket is still open).
    { RATE_LIMIT_PER_MINUTE: '3', LOG_REQUESTS: 'false' },
    {
      logger: log.logger,
      extend: (app) => {
        // Stands for a request that waited (the database queue, the session look-up) while its client hung up.
        app.addHook('onRequest', async (req) => {
          if (req.headers['x-test-wait-close'])
            await new Promise<void>((resolve) =>
              req.raw.socket.destroyed ? resolve() : req.raw.socket.once('close', () => resolve()),
            );
        });
        app.get('/test/ping', async () => ({ ok: true }));
      },
    },
  );
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as net.AddressInfo).port;
});
afterAll(() => t.close());

/** Sends one request over a fresh connection and destroys it before any answer. */
function hangUp(path: string, headers: Record<string, string> = {}) {
  return new Promise<void>((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => {
      const extra = Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('');
      s.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\n${extra}\r\n`, () => {
        s.destroy();
        resolve();
      });
    });
  });
}

const get = async (path: string) => {
  const r = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: r.status, body: await r.json() };
};

describe('rate limiter', () => {
  it('drops a request whose socket closed without logging an error, and keeps serving', async () => {
    for (let i = 0; i < 5; i++) await hangUp('/test/ping', { 'x-test-wait-close': '1' });
    await new Promise((r) => setTimeout(r, 300));
    const errors = lines.map((l) => JSON.parse(l)).filter((l) => l.level >= 50);
    expect(errors.map((e) => e.msg + (e.err?.message ?? ''))).toEqual([]);
    expect(await get('/test/ping')).toEqual({ status: 200, body: { ok: true } });
  });

  it('answers live clients over the limit with 429 and the Chinese message', async () => {
    let last = { status: 0, body: {} as any };
    for (let i = 0; i < 4; i++) last = await get('/test/ping');
    expect([last.status, last.body.message]).toEqual([429, '操作过于频繁，请稍后再试']);
    // A client that hangs up while over the limit: no error either.
    await hangUp('/test/ping', { 'x-test-wait-close': '1' });
    await hangUp('/test/ping');
    await new Promise((r) => setTimeout(r, 300));
    expect(lines.map((l) => JSON.parse(l)).filter((l) => l.level >= 50)).toEqual([]);
    expect((await get('/test/ping')).status).toBe(429);
  });
});
