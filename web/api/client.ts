// The one HTTP client of the web app: JSON in and out, the session cookie, the CSRF header on every change, and
// errors as ApiError with the server's Chinese message. For phones on a weak network (issue 12): every request times
// out with a clear message; every POST carries an Idempotency-Key, the same one when an identical POST is sent again
// after its outcome was unknown (timeout, lost connection) or while it is still on its way, so the server creates
// the item once; an expired session (401) asks the registered sign-in dialog and retries once signed in.
let csrfToken = '';

/** Milliseconds before a request is given up (uploads get longer). */
export const REQUEST_TIMEOUT_MS = 15_000;
const UPLOAD_TIMEOUT_MS = 120_000;
const KEY_REUSE_MS = 10 * 60_000;

let reauthenticate: (() => Promise<boolean>) | null = null;

/** The session registers its sign-in dialog here: resolves true once the same user has signed in again. */
export function setReauthenticate(fn: (() => Promise<boolean>) | null): void {
  reauthenticate = fn;
}

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Keys of POSTs whose outcome is not known yet (in flight, or lost to a timeout), by URL and body. */
const pendingKeys = new Map<string, { key: string; at: number }>();

function newKey(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

function idempotencyKeyFor(signature: string): string {
  const now = Date.now();
  for (const [sig, v] of pendingKeys) if (now - v.at > KEY_REUSE_MS) pendingKeys.delete(sig);
  const known = pendingKeys.get(signature);
  if (known) return known.key;
  const key = newKey();
  pendingKeys.set(signature, { key, at: now });
  return key;
}

const NO_REAUTH = new Set(['/api/auth/login', '/api/auth/me', '/api/auth/logout']);

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  // Uploads are not deduplicated (a FormData has no stable text); a second upload only adds an unused file.
  const signature = method === 'POST' && typeof payload === 'string' ? `${url}\n${payload}` : null;
  if (signature && !NO_REAUTH.has(url)) headers['idempotency-key'] = idempotencyKeyFor(signature);
  const timeout = body instanceof FormData ? UPLOAD_TIMEOUT_MS : REQUEST_TIMEOUT_MS;
  for (let attempt = 0; ; attempt++) {
    if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers,
        body: payload,
        credentials: 'same-origin',
        signal: AbortSignal.timeout(timeout),
      });
    } catch (err) {
      // The outcome is unknown: the key stays, so sending the same again cannot create a second item.
      if (err instanceof DOMException && err.name === 'TimeoutError')
        throw new ApiError(
          0,
          'timeout',
          `网络较慢，${timeout / 1000} 秒内没有收到服务器响应。请检查网络后重试，重试不会重复提交`,
        );
      throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试');
    }
    if (signature) pendingKeys.delete(signature);
    const text = await res.text();
    const data = text ? safeJson(text) : null;
    if (res.ok) return data as T;
    if (res.status === 401 && !NO_REAUTH.has(url)) {
      // Signed in again in a dialog (same user): the same request is sent once more, the page never left.
      if (attempt === 0 && reauthenticate && (await reauthenticate())) {
        if (signature) headers['idempotency-key'] = idempotencyKeyFor(signature);
        continue;
      }
      window.dispatchEvent(new Event('zx:unauthorized'));
    }
    throw new ApiError(res.status, data?.error ?? 'http', data?.message ?? `请求失败 (${res.status})`, data?.field);
  }
}

function safeJson(text: string) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Query string from an object, leaving out empty values. */
export function qs(params: Record<string, unknown>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const x of v) p.append(k, String(x));
    else p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

export const api = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body: unknown = {}) => request<T>('POST', url, body),
  put: <T>(url: string, body: unknown = {}) => request<T>('PUT', url, body),
  patch: <T>(url: string, body: unknown = {}) => request<T>('PATCH', url, body),
  del: <T>(url: string) => request<T>('DELETE', url),
  upload: <T>(url: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request<T>('POST', url, form);
  },
};

/** Downloads a file (Excel, Word) from a GET route, keeping the server's file name. */
export async function download(url: string): Promise<void> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) {
    const data = safeJson(await res.text());
    throw new ApiError(res.status, data?.error ?? 'http', data?.message ?? '下载失败');
  }
  const blob = await res.blob();
  const cd = res.headers.get('content-disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)/.exec(cd);
  const name = m ? decodeURIComponent(m[1]) : 'download';
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  URL.revokeObjectURL(a.href);
}
