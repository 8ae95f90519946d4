// The signed-in officers a PostgreSQL bench measures through: one account of a role in each of up to 40 of the bench's
// committees, the real app over the bench database, and each account's session.
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { hashPassword } from '../server/platform/auth/passwords.ts';
import type { Database, Db } from '../server/platform/db/client.ts';
import { percentile } from './crowd.ts';
import { benchCommittees } from './generate-proposals.ts';
import { benchStart } from './setup.ts';

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

/**
 * The start of a bench measured as one role's officers: database `name` made fresh with a pool of `pool` (benchStart),
 * `committeeCount` bench committees (benchCommittees) filled by `load`, and the officers of `account` signed in
 * (signedInOfficers). Returns all of those for the bench's cases and its clean-up.
 * Usage: `await officerBench('zhengxie_bench_x', 6, 200, (db, cs) => loadX(db, cs, 1500), { prefix, displayName, role })`
 */
export async function officerBench(
  name: string,
  pool: number,
  committeeCount: number,
  load: (db: Db, committees: number[]) => Promise<unknown>,
  account: { prefix: string; displayName: string; role: string },
) {
  const { database, url, dataDir, db } = await benchStart(name, pool);
  const committees = await benchCommittees(db, committeeCount);
  await load(db, committees);
  return { database, url, dataDir, db, ...(await signedInOfficers(database, dataDir, committees, account)) };
}

/** One request a bench times: its method, the URL of run `i` and, for a POST, the JSON body of run `i`. */
export interface TimedCase {
  method: 'GET' | 'POST';
  url: (i: number) => string;
  body?: (i: number) => unknown;
}

/**
 * Times each of `cases` through `app` as the officers of `sessions` in turn (run i as session i mod n, from its own
 * client address, CSRF token sent): 20 warm-up requests and then `runs` timed ones per case, and prints one line per
 * case (its name padded to `pad`) with p50 and p95 in milliseconds. Throws when a request does not answer 200.
 * Usage: `await timeCases(app, sessions, { 列表: { method: 'GET', url: () => '/api/opinions' } }, 200, 22);`
 */
export async function timeCases(
  app: FastifyInstance,
  sessions: OfficerSession[],
  cases: Record<string, TimedCase>,
  runs: number,
  pad: number,
): Promise<void> {
  for (const [name, c] of Object.entries(cases)) {
    const times: number[] = [];
    for (let i = 0; i < runs + 20; i++) {
      const s = sessions[i % sessions.length];
      const t = process.hrtime.bigint();
      const res = await app.inject({
        method: c.method,
        url: c.url(i),
        payload: c.body ? (c.body(i) as any) : undefined,
        headers: {
          cookie: s.cookie,
          'x-csrf-token': s.csrf,
          'x-forwarded-for': `10.${(i >> 8) % 250}.${i % 250}.${Object.keys(cases).indexOf(name) + 1}`,
        },
      });
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      if (res.statusCode !== 200) throw new Error(`${name}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      if (i >= 20) times.push(ms); // the first 20 warm the caches
    }
    console.log(
      `${name.padEnd(pad, ' ')} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms`,
    );
  }
}
