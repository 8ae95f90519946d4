import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { login, testAppForFile } from '../../test/harness.ts';
import { systemActor } from '../context.ts';
import { type Db, query, queryOne } from '../db/client.ts';
import { sm3 } from '../secrets/field-crypto.ts';
import { writeAudit } from './audit.ts';
import { sealAudit } from './seal.ts';
import { exportAnchor, verifyAudit } from './verify.ts';

const t = testAppForFile();
const db = () => t.database.db;
beforeAll(async () => {
  await login(t.app, 'admin');
  await login(t.app, 'county_admin');
  await login(t.app, 'member010');
  await sealAudit(db());
  await login(t.app, 'member011');
});

class Undo extends Error {}
/** Tampers inside a transaction that is rolled back, so every case starts from the same intact log. */
async function tampered(change: (tx: Db) => Promise<void>) {
  let found: Awaited<ReturnType<typeof verifyAudit>> | undefined;
  await db()
    .transaction(async (tx) => {
      await change(tx);
      found = await verifyAudit(tx);
      throw new Undo();
    })
    .catch((e) => {
      if (!(e instanceof Undo)) throw e;
    });
  return found!.problems;
}
const last = async (tx: Db, committeeId: number) =>
  (await queryOne<any>(
    tx,
    sql`select * from audit_log where committee_id = ${committeeId} and hash is not null order by chain_seq desc limit 1`,
  ))!;

describe('audit chain', () => {
  it('verifies an untouched log, sealed and unsealed rows alike', async () => {
    const unsealed = await queryOne<{ n: number }>(
      db(),
      sql`select count(*)::int as n from audit_log where hash is null`,
    );
    expect(unsealed!.n).toBeGreaterThan(0);
    const res = await verifyAudit(db());
    expect(res.problems).toEqual([]);
    const all = await queryOne<{ n: number }>(db(), sql`select count(*)::int as n from audit_log`);
    expect(res.rows).toBe(all!.n);
  });

  it('seals many parallel writers of one committee into one unbroken chain', async () => {
    const before = await queryOne<{ n: number }>(db(), sql`select count(*)::int as n from audit_log`);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        db().transaction(async (tx) => {
          await writeAudit(tx, systemActor(1), { action: 'test.parallel', entity: 'test', entityId: i });
          await writeAudit(tx, systemActor(1), { action: 'test.parallel', entity: 'test', entityId: i, after: { i } });
        }),
      ),
    );
    const sealed = await sealAudit(db());
    expect(sealed.refused).toEqual([]);
    const rows = await query<{ chain_seq: number }>(
      db(),
      sql`select chain_seq from audit_log where committee_id = 1 order by chain_seq`,
    );
    expect(rows.map((r) => Number(r.chain_seq))).toEqual(rows.map((_, i) => i + 1));
    const res = await verifyAudit(db());
    expect(res.problems).toEqual([]);
    expect(res.rows).toBe(before!.n + 80);
    expect(
      (await queryOne<{ n: number }>(db(), sql`select count(*)::int as n from audit_log where hash is null`))!.n,
    ).toBe(0);
  });

  it('keeps a chain for rows without a committee', async () => {
    await db().transaction((tx) =>
      writeAudit(tx, { ...systemActor(1), committeeId: null }, { action: 'platform.test', entity: 'platform' }),
    );
    expect((await verifyAudit(db())).problems).toEqual([]);
    await sealAudit(db());
    expect(await queryOne(db(), sql`select seq from audit_head where chain = 0`)).toEqual({ seq: 1 });
    expect((await verifyAudit(db())).problems).toEqual([]);
    const problems = await tampered((tx) =>
      tx.execute(sql`update audit_log set action = 'platform.other' where committee_id is null`).then(() => {}),
    );
    expect(problems).toContainEqual(expect.objectContaining({ committeeId: 0, seq: 1 }));
  });

  it('finds an altered sealed row and an altered unsealed row', async () => {
    expect(
      await tampered((tx) =>
        tx
          .execute(sql`update audit_log set actor_name = '篡改' where committee_id = 1 and chain_seq = 2`)
          .then(() => {}),
      ),
    ).toContainEqual(expect.objectContaining({ committeeId: 1, seq: 2, problem: expect.stringContaining('篡改') }));
    await db().transaction((tx) => writeAudit(tx, systemActor(2), { action: 'test.unsealed', entity: 'test' }));
    expect(
      await tampered((tx) =>
        tx.execute(sql`update audit_log set entity_id = '99' where action = 'test.unsealed'`).then(() => {}),
      ),
    ).toContainEqual(expect.objectContaining({ committeeId: 2, problem: expect.stringContaining('未封存') }));
  });

  it('finds a row rewritten with the rest of the chain recomputed without the key', async () => {
    const problems = await tampered(async (tx) => {
      const rows = await query<any>(
        tx,
        sql`select * from audit_log where committee_id = 1 and chain_seq >= 3 order by chain_seq`,
      );
      let prev = rows[0].prev_hash;
      for (const [i, r] of rows.entries()) {
        const name = i === 0 ? '篡改' : r.actor_name;
        const content = sm3(JSON.stringify({ ...r, actor_name: name }));
        const hash = sm3(`${prev}|${r.chain_seq}|${content}`);
        await tx.execute(sql`update audit_log set actor_name = ${name}, content_hash = ${content}, prev_hash = ${prev}, hash = ${hash}
          where seq = ${r.seq}`);
        prev = hash;
      }
      await tx.execute(sql`update audit_head set hash = ${prev} where chain = 1`);
    });
    expect(problems).toContainEqual(expect.objectContaining({ committeeId: 1, seq: 3 }));
  });

  it('finds the last row deleted with its head moved back, and a middle row deleted', async () => {
    const tail = await tampered(async (tx) => {
      const row = await last(tx, 1);
      await tx.execute(sql`delete from audit_log where seq = ${row.seq}`);
      await tx.execute(sql`update audit_head set seq = seq - 1, hash = ${row.prev_hash} where chain = 1`);
    });
    expect(tail).toContainEqual(expect.objectContaining({ problem: expect.stringContaining('链头被删除或改动') }));
    const middle = await tampered((tx) =>
      tx.execute(sql`delete from audit_log where committee_id = 2 and chain_seq = 1`).then(() => {}),
    );
    expect(middle).toContainEqual(expect.objectContaining({ committeeId: 2, seq: 1 }));
  });

  it("finds a committee's head row deleted, and a whole committee's chain removed", async () => {
    const head = await tampered((tx) => tx.execute(sql`delete from audit_head where chain = 2`).then(() => {}));
    expect(head).toContainEqual(
      expect.objectContaining({ committeeId: 2, problem: expect.stringContaining('链头缺失') }),
    );
    const chain = await tampered(async (tx) => {
      await tx.execute(sql`delete from audit_log where committee_id = 2`);
      await tx.execute(sql`delete from audit_head where chain = 2`);
    });
    expect(chain).toContainEqual(expect.objectContaining({ problem: expect.stringContaining('链头被删除或改动') }));
  });

  it('an anchor kept outside the database shows a rollback to an earlier, consistent state', async () => {
    await sealAudit(db());
    const saved = {
      heads: await query<any>(db(), sql`select * from audit_head`),
      checkpoint: await queryOne<any>(db(), sql`select heads_mac from audit_checkpoint`),
      seq: (await queryOne<{ m: number }>(db(), sql`select max(seq) as m from audit_log`))!.m,
    };
    await db().transaction((tx) => writeAudit(tx, systemActor(1), { action: 'test.after_anchor', entity: 'test' }));
    await sealAudit(db());
    const anchor = await exportAnchor(db());
    expect((await verifyAudit(db(), { anchor })).problems).toEqual([]);
    const forged = { ...anchor, heads: anchor.heads.map((h) => ({ ...h, seq: h.seq + 1 })) };
    expect((await verifyAudit(db(), { anchor: forged })).problems).toContainEqual(
      expect.objectContaining({ problem: expect.stringContaining('签名无效') }),
    );
    let plain: unknown;
    let anchored: unknown;
    await db()
      .transaction(async (tx) => {
        await tx.execute(sql`delete from audit_log where seq > ${saved.seq}`);
        await tx.execute(sql`delete from audit_head`);
        for (const h of saved.heads)
          await tx.execute(sql`insert into audit_head (chain, seq, hash) values (${h.chain}, ${h.seq}, ${h.hash})`);
        await tx.execute(sql`update audit_checkpoint set heads_mac = ${saved.checkpoint.heads_mac}`);
        plain = (await verifyAudit(tx)).problems;
        anchored = (await verifyAudit(tx, { anchor })).problems;
        throw new Undo();
      })
      .catch((e) => {
        if (!(e instanceof Undo)) throw e;
      });
    // Without the anchor an earlier state of the whole log is indistinguishable from the present: that is its job.
    expect(plain).toEqual([]);
    expect(anchored).toContainEqual(
      expect.objectContaining({ committeeId: 1, problem: expect.stringContaining('锚定之后的记录被删除') }),
    );
  });

  it('is searchable by staff with the right role only', async () => {
    const admin = await login(t.app, 'admin');
    const res = await admin.get('/api/audit?action=auth.login');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every((i: any) => i.action === 'auth.login')).toBe(true);
    const member = await login(t.app, 'member011');
    expect((await member.get('/api/audit')).status).toBe(403);
  });

  it('exports the filtered log to Excel with Chinese action names, this committee only', async () => {
    const admin = await login(t.app, 'admin');
    const res = await admin.get('/api/audit/export?action=auth.login');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('审计日志.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('审计日志')!;
    expect(ws.getRow(1).getCell(4).value).toBe('操作');
    const rows = ws.getSheetValues().slice(2) as unknown[][];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r[4] === '登录')).toBe(true);
    const names = new Set(rows.map((r) => r[3]));
    expect(names.has('系统管理员')).toBe(true);
    expect(names.has('县政协管理员')).toBe(false);
    const member = await login(t.app, 'member011');
    expect((await member.get('/api/audit/export')).status).toBe(403);
  });
});
