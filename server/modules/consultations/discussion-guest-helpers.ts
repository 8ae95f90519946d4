// Test steps of invited citizens: an anonymous visitor of the public site that keeps the guest cookie it is given (as a
// browser would), and signing it in with the one-time code the test's SMS sender caught.
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';

export type Visitor = ReturnType<typeof guestVisitor>;

/** `app` is read at each call: a visitor may be made before the test app exists (at collection time). */
export function guestVisitor(app: () => FastifyInstance, ip: string) {
  let cookie = '';
  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const r = await app().inject({
      method,
      url,
      payload: payload as any,
      headers: cookie ? { cookie } : {},
      remoteAddress: ip,
    });
    const set = r.headers['set-cookie'];
    if (set) cookie = String(set).split(';')[0];
    return { status: r.statusCode, body: r.json() };
  };
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, body: unknown) => call('POST', url, body),
    put: (url: string, body: unknown) => call('PUT', url, body),
    get cookie() {
      return cookie;
    },
  };
}

/** Asks for a code for `phone` and signs in with the last one `sent` to it. */
export async function signInGuest(v: Visitor, sent: { phone: string; text: string }[], phone: string, token: string) {
  expect((await v.post(`/api/public/discussions/${token}/code`, { phone })).status).toBe(200);
  const code = sent
    .filter((s) => s.phone === phone)
    .at(-1)!
    .text.match(/\d{6}/)![0];
  return v.post(`/api/public/discussions/${token}/sign-in`, { phone, code });
}
