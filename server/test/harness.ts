// Test harness: an app on a fresh clone of the demo database, and a signed-in client for any demo account.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../platform/db/client.ts';
import { initFileStore } from '../platform/files/files.ts';
import { type Client, signIn } from '../platform/inject-client.ts';
import { DEMO_PASSWORD } from '../seed/demo.ts';
import { cloneTemplate } from './template.ts';

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  close: () => Promise<void>;
}

/**
 * `logger` (e.g. {stream}) captures the app's log lines; `extend` adds routes before the app is ready; `webDist` serves
 * a web build of the test's own.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: { logger?: object; extend?: (app: FastifyInstance, database: Database) => void; webDist?: string } = {},
): Promise<TestContext> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhengxie-files-'));
  // Tests call hundreds of routes a minute from one address; the limits themselves are tested in auth.test.ts.
  const config = loadConfig({
    ZHENGXIE_DATA_DIR: dataDir,
    RATE_LIMIT_PER_MINUTE: '1000000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
    // Tests fire requests in parallel on a shared, busy machine; the queue's own limits are tested in queue.test.ts.
    DB_QUEUE_WAIT_MS: '600000',
    ...env,
  });
  initFileStore(dataDir);
  const database = await cloneTemplate();
  const app = await buildApp({ database, config, logger: options.logger, webDist: options.webDist });
  options.extend?.(app, database);
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type { Client };

/**
 * An info-level logger for createTestApp whose lines (one JSON object each, as written) collect in `lines`; a test
 * empties it with `lines.length = 0` before the part it checks.
 * Usage: `const log = capturedLog(); t = await createTestApp({}, { logger: log.logger }); … log.lines.join('')`
 */
export function capturedLog(): { lines: string[]; logger: { level: 'info'; stream: Writable } } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: { level: 'info', stream } };
}

/** Signs in as a demo account (all share DEMO_PASSWORD) and returns a client that sends the cookie and CSRF token. */
export const login = (app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<Client> =>
  signIn(app, username, password);

/**
 * The parsed body of a response the test expects to succeed: fails the test with the body printed (the refusal's
 * Chinese message) unless the status is 200. Every module's tests use this one; there is no per-file copy.
 */
export function okBody(res: { status: number; body: any }): any {
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** A file's app and its signed-in demo clients by the names the file gives them. */
export type TestAppForFile<K extends string> = TestContext & Record<K, Client>;

/**
 * Registers the file's beforeAll (createTestApp(env), then a sign-in per entry of `accounts`, one after another in
 * the order given) and afterAll (close). The returned object is empty until beforeAll has run, then holds app,
 * database, close and one client per key:
 *   const t = testAppForFile({ office: 'office_staff', m1: 'member040' });   // testAppForFile() for no sign-in
 *   it('…', async () => okBody(await t.office.get('/api/meetings')));
 */
export function testAppForFile<K extends string = never>(
  accounts = {} as Record<K, string>,
  env: Record<string, string> = {},
): TestAppForFile<K> {
  const t = {} as TestAppForFile<K>;
  beforeAll(async () => {
    Object.assign(t, await createTestApp(env));
    for (const [key, username] of Object.entries<string>(accounts)) {
      Object.assign(t, { [key]: await login(t.app, username) });
    }
  });
  afterAll(() => t.close());
  return t;
}
