// Every answer carries helmet's security headers with the app's content security policy: an API answer, a refusal
// and an unknown path alike (security-headers.ts builds the middleware once for the app).
import { describe, expect, it } from 'vitest';
import { testAppForFile } from '../test/harness.ts';

const t = testAppForFile();

describe('security headers', () => {
  it('are on a read, a refused read and an unknown path', async () => {
    for (const [url, status] of [
      ['/api/openapi.json', 200],
      ['/api/proposals', 401],
      ['/api/no-such-route', 404],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(status);
      expect(res.headers['content-security-policy'], url).toBe(
        "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';" +
          "img-src 'self' data: blob:;object-src 'none';script-src 'self';script-src-attr 'none';" +
          "style-src 'self' 'unsafe-inline';connect-src 'self';media-src 'self' blob:",
      );
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(res.headers['strict-transport-security'], url).toMatch(/^max-age=\d+/);
    }
  });
});
