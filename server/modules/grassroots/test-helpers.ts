// Helpers for the tests of the public pages (码上议, 委员会客室, the public site): requests with no session, and an
// SMS inbox that catches the one-time codes.
import type { FastifyInstance } from 'fastify';
import type { SmsSender } from './sms.ts';

/** The answer to a request with no session: HTTP status, the parsed JSON body, and the raw body text. */
export interface AnonAnswer {
  status: number;
  body: any;
  raw: string;
}

/**
 * A function sending requests with no session to the app `app()` returns (read at each call, as test apps are made in
 * beforeAll), from `address` unless the call names another remote address (the limits per address count on it).
 */
export function anonymous(app: () => FastifyInstance, address: string) {
  return async (
    method: 'GET' | 'POST',
    url: string,
    payload?: object,
    remoteAddress = address,
  ): Promise<AnonAnswer> => {
    const r = await app().inject({ method, url, payload, remoteAddress });
    return { status: r.statusCode, body: r.json(), raw: r.body };
  };
}

/**
 * An SMS sender keeping every message in memory (install it with setSmsSender); `lastCode(phone)` is the six-digit
 * code of the newest message to that phone, and throws if none was sent or it holds no code.
 */
export function smsInbox(): SmsSender & { lastCode: (phone: string) => string } {
  const sent: { phone: string; text: string }[] = [];
  return {
    send: async (phone, text) => void sent.push({ phone, text }),
    lastCode: (phone) => /验证码是(\d{6})/.exec(sent.filter((s) => s.phone === phone).at(-1)!.text)![1],
  };
}
