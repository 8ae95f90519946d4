// Scheduled work stored in the database (deadline reminders, overdue flags). Any number of app processes may run
// the scheduler: a job is claimed with FOR UPDATE SKIP LOCKED, so each runs once.
import { type SQL, sql } from 'drizzle-orm';
import { type Db, query } from '../db/client.ts';

export interface Job {
  committee_id: number;
  id: number;
  kind: string;
  run_at: Date;
  payload: any;
  attempts: number;
}

type Handler = (tx: Db, job: Job) => Promise<void>;
const handlers = new Map<string, { run: Handler; ownTransactions: boolean }>();

/**
 * A handler runs inside one transaction with the job's completion, unless it says `ownTransactions`: then it gets the
 * database itself and opens short transactions of its own — for long work (a computation of seconds) that must not hold
 * a transaction, and on PGlite the only connection, while it runs. Such a handler must be safe to run twice.
 */
export function registerJobHandler(kind: string, handler: Handler, opts: { ownTransactions?: boolean } = {}): void {
  handlers.set(kind, { run: handler, ownTransactions: opts.ownTransactions ?? false });
}

export async function scheduleJob(
  tx: Db,
  job: { committeeId: number; kind: string; runAt: Date; payload?: unknown; dedupeKey?: string },
): Promise<void> {
  await tx.execute(sql`insert into jobs (committee_id, kind, run_at, payload, dedupe_key)
    values (${job.committeeId}, ${job.kind}, ${job.runAt.toISOString()}, ${JSON.stringify(job.payload ?? {})}::jsonb, ${job.dedupeKey ?? null})
    on conflict (committee_id, dedupe_key) where dedupe_key is not null and status = 'pending'
    do update set run_at = excluded.run_at, payload = excluded.payload`);
}

/**
 * The statement that cancels pending jobs whose dedupe key starts with the prefix, to run on its own (cancelJobs) or
 * as a data-modifying `with` part of another statement (the workflow engine's, which saves a statement per transition).
 */
export const cancelJobsStatement = (committeeId: number, dedupePrefix: string): SQL =>
  sql`update jobs set status = 'cancelled'
    where committee_id = ${committeeId} and status = 'pending' and dedupe_key like ${`${dedupePrefix.replace(/[%_\\]/g, '\\$&')}%`}`;

/** Cancels pending jobs whose dedupe key starts with the prefix (e.g. every deadline job of one proposal). */
export async function cancelJobs(tx: Db, committeeId: number, dedupePrefix: string): Promise<void> {
  await tx.execute(cancelJobsStatement(committeeId, dedupePrefix));
}

/** Claims and runs the jobs due by `now` (the database's clock by default); returns how many ran. */
export async function runDueJobs(db: Db, opts: { now?: Date; limit?: number } = {}): Promise<number> {
  const now = opts.now ? sql`${opts.now.toISOString()}::timestamptz` : sql`now()`;
  await db.execute(
    sql`update jobs set status = 'pending', locked_until = null where status = 'running' and locked_until < now()`,
  );
  const claimed = await query<Job>(
    db,
    sql`update jobs set status = 'running', attempts = attempts + 1, locked_until = now() + interval '5 minutes'
      where (committee_id, id) in (
        select committee_id, id from jobs where status = 'pending' and run_at <= ${now}
        order by run_at limit ${opts.limit ?? 50} for update skip locked)
      returning committee_id, id, kind, run_at, payload, attempts`,
  );
  for (const job of claimed) {
    const handler = handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      const done = sql`update jobs set status = 'done', locked_until = null where committee_id = ${job.committee_id} and id = ${job.id}`;
      if (handler.ownTransactions) {
        await handler.run(db, job);
        await db.execute(done);
      } else
        await db.transaction(async (tx) => {
          await handler.run(tx, job);
          await tx.execute(done);
        });
    } catch (err) {
      const failed = job.attempts >= 5;
      await db.execute(sql`update jobs set status = ${failed ? 'failed' : 'pending'}, locked_until = null,
        run_at = now() + make_interval(mins => ${2 ** job.attempts}), last_error = ${String((err as Error).message).slice(0, 500)}
        where committee_id = ${job.committee_id} and id = ${job.id}`);
    }
  }
  return claimed.length;
}

export function startScheduler(
  db: Db,
  intervalMs: number,
  log: { error: (o: unknown, m: string) => void },
): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = runDueJobs(db)
      .catch((err) => log.error({ err }, 'scheduler run failed'))
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
