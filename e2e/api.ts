// Calling the platform's API directly from a journey (to prepare data a page should then show):
//   const staff = await apiLogin('proposal_staff');
//   const { status, body } = await staff.post('/api/…', { … });
// The client keeps the session cookie and sends the CSRF token, like the web app.
import { expect } from 'vitest';
import { baseUrl, DEMO_PASSWORD } from './browser.ts';

export interface ApiClient {
  me: any;
  get: (url: string) => Promise<{ status: number; body: any }>;
  post: (url: string, body?: unknown) => Promise<{ status: number; body: any }>;
  put: (url: string, body?: unknown) => Promise<{ status: number; body: any }>;
  patch: (url: string, body?: unknown) => Promise<{ status: number; body: any }>;
  del: (url: string) => Promise<{ status: number; body: any }>;
}

let clientCounter = 0;

export async function apiLogin(username: string, password = DEMO_PASSWORD): Promise<ApiClient> {
  clientCounter += 1;
  const ip = `10.250.${Math.floor(clientCounter / 250)}.${clientCounter % 250}`;
  const res = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ username, password }),
  });
  const me = await res.json();
  if (res.status !== 200) throw new Error(`登录 ${username} 失败: ${res.status} ${JSON.stringify(me)}`);
  const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  const call = async (method: string, url: string, body?: unknown) => {
    const r = await fetch(`${baseUrl()}${url}`, {
      method,
      headers: {
        cookie,
        'x-forwarded-for': ip,
        'x-csrf-token': me.csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    let parsed: any = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (a file): keep the text
    }
    return { status: r.status, body: parsed };
  };
  return {
    me,
    get: (url) => call('GET', url),
    post: (url, body = {}) => call('POST', url, body),
    put: (url, body = {}) => call('PUT', url, body),
    patch: (url, body = {}) => call('PATCH', url, body),
    del: (url) => call('DELETE', url),
  };
}

/** The body of a response the journey expects to succeed: fails with the body printed (the refusal's message) unless 200. */
export function okBody(res: { status: number; body: any }): any {
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}
