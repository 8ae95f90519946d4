// A crowd phase any bench can add (issue 18): each case's cold first request through a freshly listening app, then
// autocannon at 1 and 50 connections with the cookies of many users, next to a bare Fastify + pg server that replays
// the very statements the app ran for that user (captured from the pg driver), with no session check, schema, guard or
// serialisation of ours. The ratio app/bare is what our code costs on top of the database work it asks for.
//   await crowdPhase({ database, dataDir, url, users, cases })     (CROWD_SECONDS=… per run, CROWD=0 skips it)
import { createRequire } from 'node:module';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import pg from 'pg';
import { createSession } from '../server/platform/auth/session.ts';
import { type Database, type Db, query } from '../server/platform/db/client.ts';
import { listenBenchApp } from './listen.ts';

// autocannon ships no types; only its run-and-listen shape is used here.
const autocannon = createRequire(import.meta.url)('autocannon');
const SECONDS = Number(process.env.CROWD_SECONDS ?? 5);
const CONNECTIONS = [1, 50];

/** A signed-in user of the crowd: the session cookie (`zx_session=…`). */
export interface CrowdUser {
  cookie: string;
}
/** A GET read; `path` is the same for a user every time, so the statements captured for that user are the ones replayed. */
export interface CrowdCase {
  name: string;
  path: (user: CrowdUser, index: number) => string;
}
export interface CrowdRun {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}
interface Statement {
  name?: string;
  text: string;
  values?: unknown[];
}

/**
 * `n` accounts of `role` in committee `committeeId` (usernames `bench_<role>_<committee>_<k>`, no usable password) with a
 * session each, made straight in the database so that a crowd of users costs no password hashing.
 */
export async function crowdUsers(db: Db, committeeId: number, role: string, n: number): Promise<CrowdUser[]> {
  const ids = await query<{ id: number }>(
    db,
    sql`insert into accounts (committee_id, username, display_name, password_hash, roles, must_change_password)
      select ${committeeId}, ${`bench_${role}_${committeeId}_`} || g, '压测' || g, 'x', array[${role}], false
      from generate_series(1, ${n}::int) g returning id`,
  );
  const users: CrowdUser[] = [];
  for (const a of ids) {
    const { token } = await createSession(db, committeeId, a.id, '127.0.0.1', 'bench');
    users.push({ cookie: `zx_session=${token}` });
  }
  return users;
}

export const percentile = (xs: number[], p: number) =>
  xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] : Number.NaN;

/** autocannon for CROWD_SECONDS at `connections`; request k goes as user k mod users with that user's path. */
export async function hammer<U extends CrowdUser>(
  base: string,
  users: U[],
  path: (user: U, index: number) => string,
  connections: number,
  seconds = SECONDS,
): Promise<CrowdRun> {
  const ms: number[] = [];
  let errors = 0;
  let next = 0;
  const instance = autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (req: any) => {
          const i = next++ % users.length;
          return { ...req, path: path(users[i], i), headers: { ...req.headers, cookie: users[i].cookie } };
        },
      },
    ],
  });
  instance.on('response', (_c: unknown, status: number, _b: number, t: number) => {
    ms.push(t);
    if (status !== 200) errors++;
  });
  const result = await instance;
  errors += result.errors + result.timeouts;
  return {
    rps: ms.length / seconds,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    errors,
  };
}

/** Every statement the pg driver sends while `run` runs (the app's background work is paused in the crowd's app). */
async function capture(run: () => Promise<void>): Promise<Statement[]> {
  const seen: Statement[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: any[]) {
    const [first, second] = args;
    if (typeof first === 'string') seen.push({ text: first, values: Array.isArray(second) ? second : undefined });
    else if (first && typeof first.text === 'string')
      seen.push({ name: first.name, text: first.text, values: first.values ?? (Array.isArray(second) ? second : []) });
    return (original as any).apply(this, args);
  } as typeof original;
  try {
    await run();
  } finally {
    pg.Client.prototype.query = original;
  }
  return seen.filter((s) => !/^\s*select 1\s*$/i.test(s.text));
}

/** The bare server: GET /u/:user replays that user's captured statements one after another on a pool of `pool`. */
async function bareServer(url: string, pool: number, statements: Statement[][]) {
  const p = new pg.Pool({ connectionString: url, max: pool });
  const server = Fastify();
  server.get<{ Params: { user: string } }>('/u/:user', async (req) => {
    let rows: unknown[] = [];
    for (const s of statements[Number(req.params.user)])
      rows = (await p.query(s.name ? { name: s.name, text: s.text, values: s.values } : s.text, s.values)).rows;
    return rows;
  });
  await server.listen({ port: 0, host: '127.0.0.1' });
  return {
    base: `http://127.0.0.1:${(server.server.address() as { port: number }).port}`,
    close: async () => {
      await server.close();
      await p.end();
    },
  };
}

const f = (n: number, w = 6) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 1 : 0) : '-').padStart(w);
const line = (r: CrowdRun) =>
  `${f(r.rps, 7)}/s p50 ${f(r.p50)} p95 ${f(r.p95)} p99 ${f(r.p99)} ms${r.errors ? ` ${r.errors} errors` : ''}`;

/**
 * The crowd phase: a new listening app on `database` (production mode, no rate limits, scheduler and audit sealer held
 * back so that only the request's own statements are captured), then per case the cold first request, the statements
 * each user's request sends, and autocannon on the app and on the bare replay at 1 and 50 connections. Prints a table;
 * returns the runs by case name. Throws when a request does not answer 200. `pool` is the app's pool size.
 */
export async function crowdPhase(opts: {
  database: Database;
  dataDir: string;
  url: string;
  pool: number;
  users: CrowdUser[];
  cases: CrowdCase[];
}): Promise<Record<string, { cold: number; app: CrowdRun[]; bare: CrowdRun[] }>> {
  const out: Record<string, { cold: number; app: CrowdRun[]; bare: CrowdRun[] }> = {};
  if (process.env.CROWD === '0') return out;
  const { app, base } = await listenBenchApp(opts.database, opts.dataDir, {
    SCHEDULER_INTERVAL_MS: '3600000',
    AUDIT_SEAL_INTERVAL_MS: '3600000',
  });
  const users = opts.users.slice(0, 200);
  console.log(
    `\nCrowd over HTTP (${users.length} users, ${SECONDS} s a run, pool ${opts.pool}); bare = the same statements replayed on pg:`,
  );
  try {
    for (const c of opts.cases) {
      const get = async (u: CrowdUser, i: number) => {
        const res = await fetch(base + c.path(u, i), { headers: { cookie: u.cookie } });
        const body = await res.text();
        if (res.status !== 200) throw new Error(`${c.name}: ${res.status} ${body.slice(0, 200)}`);
      };
      const t = performance.now();
      await get(users[0], 0);
      const cold = performance.now() - t;
      const statements: Statement[][] = [];
      for (const [i, u] of users.entries()) statements.push(await capture(() => get(u, i)));
      const bare = await bareServer(opts.url, opts.pool, statements);
      const runs = { cold, app: [] as CrowdRun[], bare: [] as CrowdRun[] };
      try {
        for (const n of CONNECTIONS) {
          runs.app.push(await hammer(base, users, c.path, n));
          runs.bare.push(await hammer(bare.base, users, (_u, i) => `/u/${i}`, n));
        }
      } finally {
        await bare.close();
      }
      out[c.name] = runs;
      const perRequest = statements.reduce((s, x) => s + x.length, 0) / statements.length;
      console.log(`${c.name}: cold first request ${f(cold)} ms, ${perRequest.toFixed(1)} statements a request`);
      for (const [k, n] of CONNECTIONS.entries())
        console.log(
          `  ${String(n).padStart(2)} conn  app ${line(runs.app[k])}  |  bare ${line(runs.bare[k])}  |  ${runs.bare[k].rps ? `${(runs.app[k].rps / runs.bare[k].rps).toFixed(2)}×` : '-'}`,
        );
    }
  } finally {
    await app.close();
  }
  return out;
}
