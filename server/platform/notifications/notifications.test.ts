// Notifications take effect with their transaction: the live push and the e-mail job exist only after a commit.
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestContext } from '../../test/harness.ts';
import { query } from '../db/client.ts';
import {
  configureMail,
  NOTIFY_CHANNEL,
  notificationEvents,
  notify,
  pushAfterCommit,
  pushAfterEachRequest,
} from './notifications.ts';

let t: TestContext;
let committeeId: number;
let accountId: number;

beforeAll(async () => {
  t = await createTestApp();
  const c = await login(t.app, 'member005');
  committeeId = c.me.committee.id;
  accountId = c.me.account.id;
});
afterAll(async () => {
  configureMail(null, '');
  await t.close();
});

/** Events heard for the account within a short wait after `work` ends. */
async function pushesDuring(work: () => Promise<unknown>): Promise<number> {
  let heard = 0;
  const key = `${committeeId}:${accountId}`;
  const hear = () => {
    heard += 1;
  };
  notificationEvents.on(key, hear);
  try {
    await work().catch(() => {});
    await new Promise((r) => setTimeout(r, 300));
    return heard;
  } finally {
    notificationEvents.off(key, hear);
  }
}

const mailJobs = async () =>
  (
    await query<{ n: number }>(t.database.db, sql`select count(*)::int as n from jobs where kind = 'notification.mail'`)
  )[0].n;

describe('notify', () => {
  it('pushes and queues the e-mail only when the transaction commits', async () => {
    configureMail('smtp://127.0.0.1:9', 'noreply@example.org');
    const n = { committeeId, accountIds: [accountId], kind: 'test', title: '会议通知：请按时参加' };
    const rolledBack = await pushesDuring(() =>
      t.database.db.transaction(async (tx) => {
        await notify(tx, n);
        throw new Error('rolled back');
      }),
    );
    expect(rolledBack).toBe(0);
    expect(await mailJobs()).toBe(0);
    const rows = await query(t.database.db, sql`select 1 from notifications where title = ${n.title}`);
    expect(rows).toHaveLength(0);

    const committed = await pushesDuring(() => t.database.db.transaction((tx) => notify(tx, n)));
    expect(committed).toBe(1);
    expect(await mailJobs()).toBe(1);
    expect(await query(t.database.db, sql`select 1 from notifications where title = ${n.title}`)).toHaveLength(1);
  });

  it('pushAfterCommit holds the push until the transaction has committed, and drops it when it rolled back', async () => {
    const n = { committeeId, accountIds: [accountId], kind: 'test', title: '提交后再推送的通知' };
    let heardInside = -1;
    const committed = await pushesDuring(() =>
      pushAfterCommit(t.database.db, async () => {
        let heard = 0;
        const hear = () => {
          heard += 1;
        };
        notificationEvents.on(`${committeeId}:${accountId}`, hear);
        await t.database.db.transaction((tx) => notify(tx, n));
        await new Promise((r) => setTimeout(r, 300));
        notificationEvents.off(`${committeeId}:${accountId}`, hear);
        heardInside = heard;
      }),
    );
    expect(heardInside).toBe(0);
    expect(committed).toBe(1);
    const rolledBack = await pushesDuring(() =>
      pushAfterCommit(t.database.db, () =>
        t.database.db.transaction(async (tx) => {
          await notify(tx, { ...n, title: '回滚的通知' });
          throw new Error('rolled back');
        }),
      ),
    );
    expect(rolledBack).toBe(0);
  });

  it('pushes of a request leave after its handler has answered (its body read first), none for an error answer', async () => {
    const app = Fastify();
    pushAfterEachRequest(app, t.database.db);
    let heardInside = -1;
    app.post<{ Body: { title: string; fail?: boolean } }>('/notify', async (request, reply) => {
      let heard = 0;
      const hear = () => {
        heard += 1;
      };
      notificationEvents.on(`${committeeId}:${accountId}`, hear);
      await t.database.db.transaction((tx) =>
        notify(tx, { committeeId, accountIds: [accountId], kind: 'test', title: request.body.title }),
      );
      await new Promise((r) => setTimeout(r, 300));
      notificationEvents.off(`${committeeId}:${accountId}`, hear);
      heardInside = heard;
      return request.body.fail ? reply.status(409).send({ error: 'test.conflict' }) : { ok: true };
    });
    try {
      const sent = await pushesDuring(() =>
        app.inject({ method: 'POST', url: '/notify', payload: { title: '请求之后推送' } }),
      );
      expect(heardInside).toBe(0);
      expect(sent).toBe(1);
      const failed = await pushesDuring(() =>
        app.inject({ method: 'POST', url: '/notify', payload: { title: '出错的请求', fail: true } }),
      );
      expect(failed).toBe(0);
    } finally {
      await app.close();
    }
  });

  it('a push released after the commit goes out as a NOTIFY on PostgreSQL, straight to the relay on the embedded database', async () => {
    const notified: string[] = [];
    const unlisten = await t.database.listen(NOTIFY_CHANNEL, (payload) => notified.push(payload));
    try {
      const n = { committeeId, accountIds: [accountId], kind: 'test', title: '提交之后的推送' };
      const heard = await pushesDuring(() =>
        pushAfterCommit(t.database.db, () => t.database.db.transaction((tx) => notify(tx, n))),
      );
      expect(heard).toBe(1);
      // PGlite is one process: no other process could hear the NOTIFY, so none is sent (one statement fewer).
      expect(notified).toEqual(t.database.kind === 'pglite' ? [] : [`${committeeId}:${accountId}`]);
    } finally {
      await unlisten();
    }
  });

  // PostgreSQL only: PGlite lives in this process and has no connection to lose.
  it.runIf(Boolean(process.env.TEST_DATABASE_URL))(
    'keeps pushing after the listening connection is dropped',
    async () => {
      await t.database.db.execute(
        sql`select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'listen %' and datname = current_database()`,
      );
      await new Promise((r) => setTimeout(r, 6000));
      const n = { committeeId, accountIds: [accountId], kind: 'test', title: '连接恢复后的通知' };
      expect(await pushesDuring(() => t.database.db.transaction((tx) => notify(tx, n)))).toBe(1);
    },
    15_000,
  );
});
