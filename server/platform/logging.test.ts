// The log never holds secrets or personal data: not the SQL parameters of a failed query, not the values PostgreSQL
// quotes back, not cookies, and phone and ID numbers in any message are masked.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedLog, createTestApp, login, type TestContext } from '../test/harness.ts';
import { query } from './db/client.ts';

let t: TestContext;
const log = capturedLog();
const lines = log.lines;
const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0c2FsdA$secretsecretsecret';

beforeAll(async () => {
  t = await createTestApp(
    {},
    {
      logger: log.logger,
      extend: (app, database) => {
        // A handler whose query fails with secrets among its parameters, as the account insert once did.
        app.get('/test/failing-query', async () => {
          await query(
            database.db,
            sql`select ${HASH}::text as h, ${'13800138000'}::text as p, ${'a@example.cn'}::text as e, ${'x'}::int`,
          );
          return {};
        });
        app.get('/test/quoted-value', async () => {
          await query(database.db, sql`select '110101199003071234'::int`);
          return {};
        });
      },
    },
  );
});
afterAll(() => t.close());

describe('log redaction', () => {
  it('refuses a NUL in a new account with 400 and logs no hash, phone or e-mail', async () => {
    lines.length = 0;
    const admin = await login(t.app, 'admin');
    const res = await admin.post('/api/accounts', {
      username: 'nul_test',
      password: 'Str0ng!Passw0rd#',
      displayName: 'a\u0000b',
      roles: ['officeStaff'],
      phone: '13800138000',
      email: 'nul@example.cn',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'input.bad_character', field: 'displayName' });
    const log = lines.join('');
    expect(log).not.toContain('$argon2id');
    expect(log).not.toContain('13800138000');
    expect(log).not.toContain('nul@example.cn');
    expect(log).not.toContain(admin.cookie.split('=')[1]);
  });

  it('logs a failed query without its parameters, and masks values PostgreSQL quotes back', async () => {
    lines.length = 0;
    const a = await t.app.inject({ method: 'GET', url: '/test/failing-query' });
    expect(a.statusCode).toBe(500);
    const b = await t.app.inject({ method: 'GET', url: '/test/quoted-value' });
    expect(b.statusCode).toBe(500);
    const log = lines.join('');
    expect(log).toContain('unhandled error');
    expect(log).toContain('Failed query: select $1::text');
    expect(log).not.toContain('argon2id');
    expect(log).not.toContain('13800138000');
    expect(log).not.toContain('a@example.cn');
    expect(log).not.toContain('110101199003071234');
  });
});
