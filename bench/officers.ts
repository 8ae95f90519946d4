// The signed-in officers a PostgreSQL bench measures through: one account of a role in each of up to 40 of the bench's
// committees, the real app over the bench database, and each account's session.
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { hashPassword } from '../server/platform/auth/passwords.ts';
import type { Database } from '../server/platform/db/client.ts';

/** A signed-in officer: the session cookie (`name=value`) and the CSRF token its writes send. */
export interface OfficerSession {
  cookie: string;
  csrf: string;
}

/**
 * Creates account `${prefix}_${committee}` (display name `displayName`, roles [role], password Bench@2026) in up to 40
 * of `committees` spread evenly, builds the app over `database` with the data directory `dataDir` (requests name their
 * own client address in X-Forwarded-For, so per-address rate limits do not throttle the bench) and signs each in.
 * Returns the ready app, the committee ids signed in (`probe`) and one session per probe committee, in that order.
 * Throws when a sign-in does not answer 200.
 */
export async function signedInOfficers(
  database: Database,
  dataDir: string,
  committees: number[],
  account: { prefix: string; displayName: string; role: string },
): Promise<{ app: FastifyInstance; probe: number[]; sessions: OfficerSession[] }> {
  const db = database.db;
  const hash = await hashPassword('Bench@2026');
  const probe = committees.filter((_, i) => i % Math.max(1, Math.floor(committees.length / 40)) === 0).slice(0, 40);
  for (const c of probe) {
    await db.execute(sql`insert into accounts (committee_id, username, display_name, password_hash, roles, must_change_password)
      values (${c}, ${`${account.prefix}_${c}`}, ${account.displayName}, ${hash}, array[${account.role}], false)`);
  }
  const app = await buildApp({
    database,
    config: loadConfig({ ZHENGXIE_DATA_DIR: dataDir, TRUST_PROXY: 'true' }),
    logger: { level: 'error' },
  });
  await app.ready();
  const sessions: OfficerSession[] = [];
  for (const c of probe) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: `${account.prefix}_${c}`, password: 'Bench@2026' },
      headers: { 'x-forwarded-for': `10.9.${c % 250}.1` },
    });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
    sessions.push({ cookie: String(res.headers['set-cookie']).split(';')[0], csrf: res.json().csrfToken });
  }
  return { app, probe, sessions };
}
