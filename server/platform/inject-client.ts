// A signed-in client over app.inject: the tests and the demo activity seed act as users through the real routes.
import type { FastifyInstance } from 'fastify';

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
  /**
   * The one upload of the tests and the seed: POSTs `content` to `url` as the multipart field `file` (as the web's upload
   * controls send it) named `fileName`, with the part's declared `type` (the browser's guess, default
   * application/octet-stream; the server judges by the content). Resolves to the status and parsed body; never throws
   * on a refusal.
   */
  upload: (url: string, fileName: string, content: Buffer, type?: string) => Promise<{ status: number; body: any }>;
}

const parse = (payload: string) => {
  try {
    return JSON.parse(payload);
  } catch {
    return payload;
  }
};

/** Signs in through the API and returns a client that sends the session cookie and CSRF token with every call. */
export async function signIn(app: FastifyInstance, username: string, password: string): Promise<Client> {
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
    upload: async (url, fileName, content, type = 'application/octet-stream') => {
      const boundary = '----zxupload';
      const r = await app.inject({
        method: 'POST',
        url,
        payload: Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
          ),
          content,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
        headers: { cookie, 'x-csrf-token': me.csrfToken, 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
      return { status: r.statusCode, body: parse(r.body) };
    },
  };
}
