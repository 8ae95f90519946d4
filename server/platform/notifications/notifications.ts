// In-app notifications (with live push over server-sent events) and e-mail when SMTP is configured.
import { AsyncLocalStorage } from 'node:async_hooks';
import { EventEmitter } from 'node:events';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import nodemailer, { type Transporter } from 'nodemailer';
import { type Database, type Db, query } from '../db/client.ts';
import { registerJobHandler, scheduleJob } from '../jobs/jobs.ts';

export const notificationEvents = new EventEmitter();
notificationEvents.setMaxListeners(0);

let mailer: Transporter | null = null;
let mailFrom = '';

export function configureMail(smtpUrl: string | null, from: string): void {
  mailer = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  mailFrom = from;
}

export interface NewNotification {
  committeeId: number;
  /** The accounts to notify, or `{ roles }`: the committee's enabled accounts holding any of these roles. */
  accountIds: number[] | { roles: string[] };
  kind: string;
  title: string;
  body?: string;
  link?: string;
}

export const NOTIFY_CHANNEL = 'zx_notifications';

// Live pushes held back until the work that asked for them has ended: a request's handler (pushAfterEachRequest) or a
// pushAfterCommit call. Once `open` is false, later pushes (background work the request started) go out at once again.
interface Held {
  payloads: string[];
  open: boolean;
}
const heldPushes = new AsyncLocalStorage<Held>();

/** Sends one pg_notify payload in `db`: a transaction's takes effect at its commit. */
const sendPush = (db: Db, payload: string) => db.execute(sql`select pg_notify(${NOTIFY_CHANNEL}, ${payload})`);

/**
 * The embedded database's committed pushes, delivered in this process (decision 0034): PGlite runs in one process, so
 * the only listener a NOTIFY could reach is this process's relay; a push sent after the commit goes to it directly
 * instead of costing the single connection a statement. Keyed by the root `db` that relayNotifications was given.
 */
const deliverHere = new WeakMap<Db, (payload: string) => void>();

/** Closes `held` and sends what it holds on `db`, each payload as its own statement (none when `send` is false). */
async function release(db: Db, held: Held, send: boolean): Promise<void> {
  held.open = false;
  if (!send) return;
  const here = deliverHere.get(db);
  for (const payload of held.payloads) {
    if (here) here(payload);
    else await sendPush(db, payload);
  }
}

/**
 * Runs `work` (one transaction, which it commits or rolls back itself) and sends the live pushes its notify/publishLive
 * calls asked for only after it returned, each as its own statement on `db`; pushes of work that threw are dropped.
 * Why: a NOTIFY inside a transaction takes one database-wide lock from before its commit until the commit's WAL flush
 * ends, so every notifying writer commits one at a time (decision 0025). The notifications themselves are rows written
 * in the transaction: a push lost to a crash right after the commit only delays the bell until the next page load.
 * HTTP requests get this from pushAfterEachRequest; this is for work outside a request (jobs, scripts, tests).
 */
export async function pushAfterCommit<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const held: Held = { payloads: [], open: true };
  let result: T;
  try {
    result = await heldPushes.run(held, work);
  } catch (err) {
    await release(db, held, false);
    throw err;
  }
  await release(db, held, true);
  return result;
}

/**
 * Gives every HTTP request pushAfterCommit's rule: the live pushes its handler's transactions ask for are sent on `db`
 * after the handler has answered (its transactions committed), before the answer leaves; an error answer (status ≥ 400,
 * its transaction rolled back) sends none. Installed at preValidation, after the body is read, so the request's async
 * context reaches the handler. An event stream (hijacked) never answers through onSend and never notifies.
 */
export function pushAfterEachRequest(app: FastifyInstance, db: Db): void {
  const byRequest = new WeakMap<FastifyRequest, Held>();
  app.addHook('preValidation', (request, _reply, done) => {
    const held: Held = { payloads: [], open: true };
    byRequest.set(request, held);
    heldPushes.run(held, done);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const held = byRequest.get(request);
    if (held?.open) await release(db, held, reply.statusCode < 400);
    return payload;
  });
}

/** Sends a push now, in `tx`, or holds it for the request or pushAfterCommit around it. */
const push = async (tx: Db, payload: string) => {
  const held = heldPushes.getStore();
  if (held?.open) held.payloads.push(payload);
  else await sendPush(tx, payload);
};

/**
 * Stores notifications in the caller's transaction. The live push (pg_notify) and the e-mail (a stored job) both take
 * effect only when that transaction commits: nobody hears of work that was rolled back.
 */
export async function notify(tx: Db, n: NewNotification): Promise<void> {
  const listed = Array.isArray(n.accountIds) ? [...new Set(n.accountIds)] : null;
  if (listed && !listed.length) return;
  const to = listed
    ? sql`unnest(${sql.param(listed)}::int[]) as a`
    : sql`(select id as a from accounts where committee_id = ${n.committeeId}
        and roles && ${sql.param((n.accountIds as { roles: string[] }).roles)}::text[] and not disabled) as r`;
  const ids = (
    await query<{ account_id: number }>(
      tx,
      sql`insert into notifications (committee_id, account_id, kind, title, body, link)
        select ${n.committeeId}, a, ${n.kind}, ${n.title}, ${n.body ?? null}, ${n.link ?? null} from ${to} returning account_id`,
    )
  ).map((r) => r.account_id);
  if (!ids.length) return;
  // A NOTIFY payload holds under 8000 bytes: 500 account ids a message.
  for (let i = 0; i < ids.length; i += 500) {
    const payload = `${n.committeeId}:${ids.slice(i, i + 500).join(',')}`;
    await push(tx, payload);
  }
  if (mailer) {
    await scheduleJob(tx, {
      committeeId: n.committeeId,
      kind: 'notification.mail',
      runAt: new Date(),
      payload: { accountIds: ids, title: n.title, body: n.body ?? '' },
    });
  }
}

/**
 * Announces a change of a live topic (for example `discussion:1:7`) through the same pg_notify relay as notifications:
 * every app process's listeners on that topic hear it once the transaction commits.
 */
export async function publishLive(tx: Db, topic: string): Promise<void> {
  await push(tx, `#${topic}`);
}

/**
 * Turns a committed NOTIFY into the in-process events the server-sent-event streams wait on. On the embedded database
 * the pushes released after a commit skip the NOTIFY and reach the same handler directly (see deliverHere).
 */
export async function relayNotifications(database: Database): Promise<() => Promise<void>> {
  const unlisten = await database.listen(NOTIFY_CHANNEL, relay);
  if (database.kind === 'pglite') deliverHere.set(database.db, relay);
  return async () => {
    deliverHere.delete(database.db);
    await unlisten();
  };
}

function relay(payload: string): void {
  // A '#topic' payload is a live event of a page (e.g. a discussion's new statements), not an account's inbox.
  if (payload.startsWith('#')) {
    notificationEvents.emit(payload.slice(1));
    return;
  }
  const [committeeId, ids] = payload.split(':');
  for (const id of ids.split(',')) notificationEvents.emit(`${committeeId}:${id}`);
}

registerJobHandler('notification.mail', async (tx, job) => {
  if (!mailer) return;
  const { accountIds, title, body } = job.payload as { accountIds: number[]; title: string; body: string };
  const rows = await query<{ email: string }>(
    tx,
    sql`select email from accounts where committee_id = ${job.committee_id} and id = any(${sql.param(accountIds)}::int[])
      and email is not null and not disabled`,
  );
  for (const r of rows) await mailer.sendMail({ from: mailFrom, to: r.email, subject: title, text: `${body}\n` });
});

/** Accounts of a committee holding any of the roles, to address notifications to an office. */
export async function accountsWithRoles(tx: Db, committeeId: number, roles: string[]): Promise<number[]> {
  const res = (await tx.execute(
    sql`select id from accounts where committee_id = ${committeeId} and roles && ${sql.param(roles)}::text[] and not disabled`,
  )) as unknown as { rows: { id: number }[] };
  return res.rows.map((r) => r.id);
}
