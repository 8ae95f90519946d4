// Idempotency-Key for every POST, in one place: the web client sends a key per form submission (reused when it
// retries), and a POST that repeats a key already answered gets that answer again instead of creating a second item.
// A repeat that arrives while the first is still running waits for it. Only successful answers are kept: after an
// error (bad input, conflict, crash) the same key may be tried again.
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Db, query, queryOne } from './db/client.ts';
import { AppError, badRequest } from './errors.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEEP_HOURS = 24;
const WAIT_MS = 15_000;
const POLL_MS = 100;

declare module 'fastify' {
  interface FastifyRequest {
    /** Set when this request owns an idempotency key whose answer must be stored. */
    idempotencyKey: { committeeId: number; accountId: number; key: string } | null;
  }
}

interface KeyRow {
  route: string;
  status: number | null;
  response: string | null;
}

function routeOf(request: FastifyRequest): string {
  return `${request.method} ${request.url.split('?')[0]}`;
}

export function idempotency(app: FastifyInstance, db: Db): void {
  app.decorateRequest('idempotencyKey', null);

  // preHandler: after sign-in, CSRF, permission and body validation (a rejected request never takes a key).
  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (request.method !== 'POST' || typeof key !== 'string' || request.actor?.accountId == null) return;
    if (key.length < 8 || key.length > 100)
      throw badRequest('idempotency.key', '提交编号（Idempotency-Key）应为 8～100 个字符');
    const { committeeId } = request.actor;
    const accountId = request.actor.accountId;
    const route = routeOf(request);
    await db.execute(
      sql`delete from idempotency_keys where committee_id = ${committeeId} and account_id = ${accountId}
        and created_at < now() - make_interval(hours => ${KEEP_HOURS})`,
    );
    const claimed = await query(
      db,
      sql`insert into idempotency_keys (committee_id, account_id, key, route)
        values (${committeeId}, ${accountId}, ${key}, ${route})
        on conflict do nothing returning key`,
    );
    if (claimed.length > 0) {
      request.idempotencyKey = { committeeId, accountId, key };
      return;
    }
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const row = await queryOne<KeyRow>(
        db,
        sql`select route, status, response from idempotency_keys
          where committee_id = ${committeeId} and account_id = ${accountId} and key = ${key}`,
      );
      // The first attempt failed meanwhile (its row is gone): this one may run and take the key.
      if (!row) {
        const again = await query(
          db,
          sql`insert into idempotency_keys (committee_id, account_id, key, route)
            values (${committeeId}, ${accountId}, ${key}, ${route}) on conflict do nothing returning key`,
        );
        if (again.length > 0) {
          request.idempotencyKey = { committeeId, accountId, key };
          return;
        }
      } else if (row.route !== route) {
        throw new AppError(422, 'idempotency.reused', '提交编号已用于另一项操作，请刷新页面后重试');
      } else if (row.status !== null) {
        reply.header('idempotent-replayed', 'true');
        reply.header('content-type', 'application/json; charset=utf-8');
        return reply.status(row.status).send(row.response ?? '');
      }
      if (Date.now() > deadline) throw new AppError(409, 'idempotency.pending', '上一次提交仍在处理中，请稍候查看结果');
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  });

  // onSend runs before compression (this hook is registered first), so the payload is still the JSON text.
  app.addHook('onSend', async (request, reply, payload) => {
    const owned = request.idempotencyKey;
    if (!owned) return payload;
    request.idempotencyKey = null;
    const { committeeId, accountId, key } = owned;
    const text = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
    if (reply.statusCode < 300 && text !== null) {
      await db.execute(
        sql`update idempotency_keys set status = ${reply.statusCode}, response = ${text}
          where committee_id = ${committeeId} and account_id = ${accountId} and key = ${key}`,
      );
    } else {
      await db.execute(
        sql`delete from idempotency_keys
          where committee_id = ${committeeId} and account_id = ${accountId} and key = ${key}`,
      );
    }
    return payload;
  });

  // A request that ended without a reply being sent (aborted) must not hold its key forever.
  app.addHook('onResponse', async (request) => {
    const owned = request.idempotencyKey;
    if (!owned) return;
    await db.execute(
      sql`delete from idempotency_keys where committee_id = ${owned.committeeId}
        and account_id = ${owned.accountId} and key = ${owned.key} and status is null`,
    );
  });
}
