// The sealer: links committed, unsealed audit rows in order into their chain (one per committee, 0 for rows without a
// committee) with HMAC-SM3, and keeps a keyed digest of all heads. One sealer at a time, across processes.
import { sql } from 'drizzle-orm';
import { type Db, query, queryOne } from '../db/client.ts';
import { auditMac } from '../secrets/audit-key.ts';
import {
  type AuditLogRow,
  canonicalJson,
  contentHash,
  type LegacyAuditRow,
  legacyHash,
  linkHash,
  rowForHash,
} from './audit.ts';

/** Advisory lock key held by the sealing transaction; a second process finds it taken and skips its turn. */
const SEAL_LOCK = 730002;

export interface Head {
  chain: number;
  seq: number;
  hash: string;
}

/** The keyed digest over every head, in chain order: a head deleted, added or rewound no longer matches it. */
export function headsMac(heads: Head[]): string {
  const list = [...heads].sort((a, b) => a.chain - b.chain).map((h) => [h.chain, Number(h.seq), h.hash]);
  return auditMac(`heads|${canonicalJson(list)}`);
}

export interface SealResult {
  sealed: number;
  /** Rows left unsealed because their content no longer matches its keyed hash (audit:verify names them). */
  refused: number[];
  /** Chains whose pre-0050 links were broken, so their old rows were not re-sealed. */
  legacyBroken: number[];
}

/**
 * Seals up to `limit` rows in insertion order. Rows committed later with a smaller seq are sealed in a later turn:
 * a chain's order is the order rows were sealed in, recorded in chain_seq.
 */
export async function sealAudit(db: Db, opts: { limit?: number } = {}): Promise<SealResult> {
  const result: SealResult = { sealed: 0, refused: [], legacyBroken: [] };
  await db.transaction(async (tx) => {
    const lock = await queryOne<{ ok: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${SEAL_LOCK}) as ok`);
    if (!lock?.ok) return;
    const heads = new Map<number, Head>();
    for (const h of await query<Head>(tx, sql`select chain, seq, hash from audit_head`))
      heads.set(Number(h.chain), { chain: Number(h.chain), seq: Number(h.seq), hash: h.hash });
    const changed = new Set<number>();
    const blocked = await resealLegacy(tx, heads, changed, result);
    const rows = await query<AuditLogRow>(
      tx,
      sql`select * from audit_log where hash is null and content_hash is not null order by seq limit ${opts.limit ?? 5000}`,
    );
    const links: { seq: number; chainSeq: number; prev: string; hash: string }[] = [];
    for (const r of rows) {
      const chain = r.committee_id == null ? 0 : Number(r.committee_id);
      if (blocked.has(chain)) continue;
      if (contentHash(rowForHash(r)) !== r.content_hash) {
        result.refused.push(Number(r.seq));
        continue;
      }
      const head = heads.get(chain) ?? { chain, seq: 0, hash: '' };
      const chainSeq = head.seq + 1;
      const hash = linkHash(head.hash, chainSeq, r.content_hash);
      links.push({ seq: Number(r.seq), chainSeq, prev: head.hash, hash });
      heads.set(chain, { chain, seq: chainSeq, hash });
      changed.add(chain);
    }
    for (let i = 0; i < links.length; i += 500) {
      const values = sql.join(
        links.slice(i, i + 500).map((l) => sql`(${l.seq}::bigint, ${l.chainSeq}::bigint, ${l.prev}, ${l.hash})`),
        sql`, `,
      );
      await tx.execute(sql`update audit_log a set chain_seq = v.chain_seq, prev_hash = v.prev, hash = v.hash
        from (values ${values}) as v(seq, chain_seq, prev, hash) where a.seq = v.seq`);
    }
    result.sealed += links.length;
    if (!changed.size) return;
    for (const chain of changed) {
      const h = heads.get(chain)!;
      await tx.execute(sql`insert into audit_head (chain, seq, hash) values (${chain}, ${h.seq}, ${h.hash})
        on conflict (chain) do update set seq = excluded.seq, hash = excluded.hash`);
    }
    await tx.execute(sql`insert into audit_checkpoint (id, heads_mac) values (1, ${headsMac([...heads.values()])})
      on conflict (id) do update set heads_mac = excluded.heads_mac, sealed_at = now()`);
  });
  return result;
}

/**
 * Rows written before migration 0050 (no content hash yet): each chain's old SM3 links are checked first, and only an
 * intact chain is re-sealed with the key, so that re-sealing never launders an earlier change. Returns the chains
 * left broken; their new rows wait too, since they must come after the old ones.
 */
async function resealLegacy(tx: Db, heads: Map<number, Head>, changed: Set<number>, result: SealResult) {
  const blocked = new Set<number>();
  const any = await queryOne(tx, sql`select 1 from audit_log where content_hash is null limit 1`);
  if (!any) return blocked;
  const chains = await query<{ committee_id: number }>(
    tx,
    sql`select distinct committee_id from audit_log where content_hash is null order by committee_id`,
  );
  for (const { committee_id } of chains) {
    const chain = Number(committee_id);
    const rows = await query<LegacyAuditRow>(
      tx,
      sql`select * from audit_log where committee_id = ${chain} and content_hash is null order by chain_seq`,
    );
    const old = await queryOne<{ seq: number; hash: string }>(
      tx,
      sql`select seq, hash from audit_legacy_head where committee_id = ${chain}`,
    );
    let prev = '';
    let ok = true;
    rows.forEach((r, i) => {
      if (Number(r.chain_seq) !== i + 1 || r.legacy_prev_hash !== prev || legacyHash(prev, r) !== r.legacy_hash)
        ok = false;
      prev = r.legacy_hash;
    });
    if (!ok || !old || Number(old.seq) !== rows.length || old.hash !== prev || heads.has(chain)) {
      result.legacyBroken.push(chain);
      blocked.add(chain);
      continue;
    }
    let head: Head = { chain, seq: 0, hash: '' };
    const links = rows.map((r) => {
      const content = contentHash(rowForHash(r));
      const hash = linkHash(head.hash, Number(r.chain_seq), content);
      const link = { seq: Number(r.seq), content, prev: head.hash, hash };
      head = { chain, seq: Number(r.chain_seq), hash };
      return link;
    });
    for (let i = 0; i < links.length; i += 500) {
      const values = sql.join(
        links.slice(i, i + 500).map((l) => sql`(${l.seq}::bigint, ${l.content}, ${l.prev}, ${l.hash})`),
        sql`, `,
      );
      await tx.execute(sql`update audit_log a set content_hash = v.content, prev_hash = v.prev, hash = v.hash
        from (values ${values}) as v(seq, content, prev, hash) where a.seq = v.seq`);
    }
    heads.set(chain, head);
    changed.add(chain);
    result.sealed += links.length;
  }
  return blocked;
}

/** Seals every `intervalMs` in the background; the returned function stops it after the turn in progress. */
export function startAuditSealer(
  db: Db,
  intervalMs: number,
  log: { error: (o: unknown, m: string) => void },
): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const turn = () => {
    if (running) return;
    running = sealAudit(db)
      .then((r) => {
        if (r.refused.length || r.legacyBroken.length)
          log.error(r, '审计日志有记录未能封存，请运行 npm run audit:verify (audit rows left unsealed)');
      })
      .catch((err) => log.error({ err }, 'audit sealing failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(turn, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
