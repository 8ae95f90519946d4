// Verification of the audit log: every chain (committees with or without a head, and rows without a committee), the
// keyed digest of the heads, the unsealed tail's content hashes, and optionally an anchor exported earlier.
import { sql } from 'drizzle-orm';
import { type Db, query, queryOne } from '../db/client.ts';
import { auditMac } from '../secrets/audit-key.ts';
import {
  type AuditLogRow,
  canonicalJson,
  contentHash,
  legacyHash,
  linkHash,
  rowForHash,
  type SealedAuditRow,
} from './audit.ts';
import { type Head, headsMac } from './seal.ts';

export interface AuditProblem {
  /** Committee id, 0 for rows without a committee. */
  committeeId: number;
  seq: number;
  problem: string;
}

export interface Anchor {
  format: 'zhengxie-audit-anchor-1';
  createdAt: string;
  heads: Head[];
  mac: string;
}

const anchorBody = (a: Omit<Anchor, 'mac'>) => `anchor|${canonicalJson({ ...a })}`;

/** The current heads, signed with the audit key, for the operator to keep outside the database. */
export async function exportAnchor(db: Db): Promise<Anchor> {
  const heads = (await query<Head>(db, sql`select chain, seq, hash from audit_head order by chain`)).map((h) => ({
    chain: Number(h.chain),
    seq: Number(h.seq),
    hash: h.hash,
  }));
  const body = { format: 'zhengxie-audit-anchor-1' as const, createdAt: new Date().toISOString(), heads };
  return { ...body, mac: auditMac(anchorBody(body)) };
}

/** Walks every chain; any altered, deleted, inserted or moved row, and any changed head, is reported. */
export async function verifyAudit(
  db: Db,
  opts: { anchor?: Anchor } = {},
): Promise<{ rows: number; problems: AuditProblem[] }> {
  const problems: AuditProblem[] = [];
  let total = 0;
  const heads = new Map<number, Head>();
  for (const h of await query<Head>(db, sql`select chain, seq, hash from audit_head`))
    heads.set(Number(h.chain), { chain: Number(h.chain), seq: Number(h.seq), hash: h.hash });
  const checkpoint = await queryOne<{ heads_mac: string }>(
    db,
    sql`select heads_mac from audit_checkpoint where id = 1`,
  );
  if (checkpoint ? checkpoint.heads_mac !== headsMac([...heads.values()]) : heads.size > 0)
    problems.push({ committeeId: 0, seq: 0, problem: '链头被删除或改动 (chain heads altered)' });
  const chains = await query<{ chain: number }>(
    db,
    sql`select distinct coalesce(committee_id, 0) as chain from audit_log union select chain from audit_head order by chain`,
  );
  const anchored = new Map((opts.anchor?.heads ?? []).map((h) => [h.chain, h]));
  for (const { chain: c } of chains) {
    const chain = Number(c);
    const head = heads.get(chain);
    const where = chain === 0 ? sql`committee_id is null` : sql`committee_id = ${chain}`;
    let prev = '';
    let expect = 1;
    let after = 0;
    for (;;) {
      const rows = await query<SealedAuditRow>(
        db,
        sql`select * from audit_log where ${where} and hash is not null and chain_seq > ${after} order by chain_seq limit 5000`,
      );
      if (!rows.length) break;
      for (const r of rows) {
        const chainSeq = Number(r.chain_seq);
        total++;
        if (chainSeq !== expect)
          problems.push({ committeeId: chain, seq: expect, problem: `缺少第 ${expect} 条 (row missing)` });
        if (r.prev_hash !== prev)
          problems.push({ committeeId: chain, seq: chainSeq, problem: '前序哈希不一致 (chain broken)' });
        if (contentHash(rowForHash(r)) !== r.content_hash || linkHash(r.prev_hash, chainSeq, r.content_hash) !== r.hash)
          problems.push({ committeeId: chain, seq: chainSeq, problem: '内容被篡改 (row altered)' });
        const a = anchored.get(chain);
        if (a && chainSeq === a.seq && r.hash !== a.hash)
          problems.push({ committeeId: chain, seq: chainSeq, problem: '与锚定的链头不符 (differs from the anchor)' });
        prev = r.hash;
        expect = chainSeq + 1;
        after = chainSeq;
      }
    }
    if (expect > 1 || head) {
      if (!head) problems.push({ committeeId: chain, seq: expect - 1, problem: '链头缺失 (chain head missing)' });
      else if (Number(head.seq) !== expect - 1 || head.hash !== prev)
        problems.push({
          committeeId: chain,
          seq: Number(head.seq),
          problem: '末尾记录被删除或链头不符 (tail removed)',
        });
    }
    const a = anchored.get(chain);
    if (a && a.seq >= expect)
      problems.push({
        committeeId: chain,
        seq: a.seq,
        problem: '锚定之后的记录被删除 (rows removed since the anchor)',
      });
    total += await verifyUnsealed(db, chain, where, problems);
  }
  if (opts.anchor) {
    const { mac, ...body } = opts.anchor;
    if (opts.anchor.format !== 'zhengxie-audit-anchor-1' || auditMac(anchorBody(body)) !== mac)
      problems.push({ committeeId: 0, seq: 0, problem: '锚定文件签名无效 (anchor signature invalid)' });
    for (const h of opts.anchor.heads)
      if (!chains.some((c) => Number(c.chain) === h.chain))
        problems.push({ committeeId: h.chain, seq: h.seq, problem: '锚定的链已不存在 (anchored chain removed)' });
  }
  return { rows: total, problems };
}

/** Rows not sealed yet: their keyed content hash; rows from before 0050 not re-sealed yet: their old SM3 links. */
async function verifyUnsealed(db: Db, chain: number, where: ReturnType<typeof sql>, problems: AuditProblem[]) {
  const rows = await query<AuditLogRow>(
    db,
    sql`select * from audit_log where ${where} and hash is null order by chain_seq, seq`,
  );
  let prev = '';
  for (const r of rows) {
    if (r.content_hash == null) {
      if (r.legacy_prev_hash !== prev || legacyHash(prev, r) !== r.legacy_hash)
        problems.push({
          committeeId: chain,
          seq: Number(r.chain_seq),
          problem: '旧记录内容被篡改 (legacy row altered)',
        });
      prev = r.legacy_hash as string; // set on every row from before 0050
    } else if (contentHash(rowForHash(r)) !== r.content_hash || r.chain_seq != null) {
      problems.push({ committeeId: chain, seq: Number(r.seq), problem: '未封存记录被篡改 (unsealed row altered)' });
    }
  }
  return rows.length;
}
