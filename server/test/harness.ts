// Test harness: an app on a fresh clone of the demo database, and a signed-in client for any demo account.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../platform/db/client.ts';
import { initFileStore } from '../platform/files/files.ts';
import { DEMO_PASSWORD } from '../seed/demo.ts';
import { cloneTemplate } from './template.ts';

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  close: () => Promise<void>;
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestContext> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhengxie-files-'));
  // Tests call hundreds of routes a minute from one address; the limits themselves are tested in auth.test.ts.
  const config = loadConfig({
    ZHENGXIE_DATA_DIR: dataDir,
    RATE_LIMIT_PER_MINUTE: '1000000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
    ...env,
  });
  initFileStore(dataDir);
  const database = await cloneTemplate();
  const app = await buildApp({ database, config });
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

export interface Client {
  username: string;
  cookie: string;
  csrf: string;
  me: any;
  get: (url: string) => Promise<{ status: number; body: any; headers: Record<string, any>; raw: Buffer }>;
  post: (url: string, payload?: unknown) => Promise<{ status: number; body: any }>;
  put: (url: string, payload?: unknown) => Promise<{ status: number; body: any }>;
  patch: (url: string, payload?: unknown) => Promise<{ status: number; body: any }>;
  del: (url: string) => Promise<{ status: number; body: any }>;
}

const parse = (payload: string) => {
  try {
    return JSON.parse(payload);
  } catch {
    return payload;
  }
};

/** Signs in as a demo account (all share DEMO_PASSWORD) and returns a client that sends the cookie and CSRF token. */
export async function login(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = String(res.headers['set-cookie']);
  const cookie = setCookie.split(';')[0];
  const me = res.json();
  const send = async (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => {
    const r = await app.inject({
      method,
      url,
      payload: payload as any,
      headers: { cookie, 'x-csrf-token': me.csrfToken },
    });
    return { status: r.statusCode, body: parse(r.body) };
  };
  return {
    username,
    cookie,
    csrf: me.csrfToken,
    me,
    get: async (url) => {
      const r = await app.inject({ method: 'GET', url, headers: { cookie } });
      return { status: r.statusCode, body: parse(r.body), headers: r.headers, raw: r.rawPayload };
    },
    post: (url, payload) => send('POST', url, payload ?? {}),
    put: (url, payload) => send('PUT', url, payload ?? {}),
    patch: (url, payload) => send('PATCH', url, payload ?? {}),
    del: (url) => send('DELETE', url),
  };
}
