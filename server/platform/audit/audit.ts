// Append-only audit log, hash-chained per committee with SM3, written in the same transaction as the change it records.
import { sql } from 'drizzle-orm';
import type { Actor } from '../context.ts';
import { type Db, query, queryOne } from '../db/client.ts';
import { sm3 } from '../secrets/field-crypto.ts';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** JSON with sorted keys, so that a row read back from jsonb hashes the same as when it was written. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface AuditRowForHash {
  committeeId: number;
  seq: number;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
  createdAt: string;
}

export function auditHash(prevHash: string, row: AuditRowForHash): string {
  return sm3(`${prevHash}|${canonicalJson(row)}`);
}

// Values pass through JSON once so that Dates, undefined and class instances look exactly as jsonb will give them back.
const plain = (v: unknown) => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

export async function writeAudit(tx: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`insert into audit_head (committee_id) values (${actor.committeeId}) on conflict do nothing`);
  // The row lock on audit_head serialises writers of one committee, so the chain has no forks.
  const head = await queryOne<{ seq: number; hash: string }>(
    tx,
    sql`update audit_head set seq = seq + 1 where committee_id = ${actor.committeeId} returning seq, hash`,
  );
  const row: AuditRowForHash = {
    committeeId: actor.committeeId,
    seq: Number(head!.seq),
    actorId: actor.accountId,
    actorName: actor.name,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    before: plain(entry.before),
    after: plain(entry.after),
    ip: actor.ip ?? null,
    userAgent: actor.userAgent ?? null,
    createdAt: new Date().toISOString(),
  };
  const hash = auditHash(head!.hash, row);
  await tx.execute(sql`insert into audit_log (committee_id, seq, actor_id, actor_name, action, entity, entity_id, before, after, ip, user_agent, created_at, prev_hash, hash)
    values (${row.committeeId}, ${row.seq}, ${row.actorId}, ${row.actorName}, ${row.action}, ${row.entity}, ${row.entityId},
      ${row.before === null ? null : JSON.stringify(row.before)}::jsonb, ${row.after === null ? null : JSON.stringify(row.after)}::jsonb,
      ${row.ip}, ${row.userAgent}, ${row.createdAt}, ${head!.hash}, ${hash})`);
  await tx.execute(sql`update audit_head set hash = ${hash} where committee_id = ${actor.committeeId}`);
}

export interface AuditProblem {
  committeeId: number;
  seq: number;
  problem: string;
}

/** Walks every committee's chain; any altered, deleted or inserted row breaks it. */
export async function verifyAudit(db: Db): Promise<{ rows: number; problems: AuditProblem[] }> {
  const problems: AuditProblem[] = [];
  let total = 0;
  const heads = await query<{ committee_id: number; seq: number; hash: string }>(
    db,
    sql`select committee_id, seq, hash from audit_head order by committee_id`,
  );
  for (const head of heads) {
    let prev = '';
    let expectSeq = 1;
    let after = 0;
    for (;;) {
      const rows = await query<any>(
        db,
        sql`select * from audit_log where committee_id = ${head.committee_id} and seq > ${after} order by seq limit 5000`,
      );
      if (!rows.length) break;
      for (const r of rows) {
        const seq = Number(r.seq);
        total++;
        if (seq !== expectSeq)
          problems.push({
            committeeId: head.committee_id,
            seq: expectSeq,
            problem: `缺少第 ${expectSeq} 条 (row missing)`,
          });
        if (r.prev_hash !== prev)
          problems.push({ committeeId: head.committee_id, seq, problem: '前序哈希不一致 (chain broken)' });
        const recomputed = auditHash(r.prev_hash, {
          committeeId: r.committee_id,
          seq,
          actorId: r.actor_id,
          actorName: r.actor_name,
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          before: r.before,
          after: r.after,
          ip: r.ip,
          userAgent: r.user_agent,
          createdAt: new Date(r.created_at).toISOString(),
        });
        if (recomputed !== r.hash)
          problems.push({ committeeId: head.committee_id, seq, problem: '内容被篡改 (row altered)' });
        prev = r.hash;
        expectSeq = seq + 1;
        after = seq;
      }
    }
    if (Number(head.seq) !== expectSeq - 1 || head.hash !== prev) {
      problems.push({
        committeeId: head.committee_id,
        seq: Number(head.seq),
        problem: '末尾记录被删除或链头不符 (tail removed)',
      });
    }
  }
  return { rows: total, problems };
}
