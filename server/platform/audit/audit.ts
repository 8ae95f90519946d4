// Append-only audit log, written in the same transaction as the change it records. Rows carry a keyed content hash and
// are linked into per-committee HMAC-SM3 chains afterwards by the sealer (seal.ts), so writers never wait on each other.
import { sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Actor } from '../context.ts';
import { type Db, query } from '../db/client.ts';
import { auditMac } from '../secrets/audit-key.ts';
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
  /** Global insertion order; part of the content so that a copied row cannot pass as a new one. */
  seq: number;
  committeeId: number | null;
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

/**
 * An `audit_log` row as the driver gives it (`select *`): bigints may come as text, `created_at` as Date or text.
 * `chain_seq`/`prev_hash`/`hash` are null until sealed; `legacy_*` only on rows written before migration 0050.
 */
export interface AuditLogRow {
  seq: number | string;
  committee_id: number | string | null;
  chain_seq: number | string | null;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  user_agent: string | null;
  created_at: string | Date;
  content_hash: string | null;
  prev_hash: string | null;
  hash: string | null;
  legacy_prev_hash: string | null;
  legacy_hash: string | null;
}
/** A sealed row (`hash is not null`): its links are set. */
export type SealedAuditRow = AuditLogRow & { content_hash: string; prev_hash: string; hash: string };
/** A row written before migration 0050 and not re-sealed (`content_hash is null`): its SM3 links are set. */
export type LegacyAuditRow = AuditLogRow & { legacy_prev_hash: string; legacy_hash: string };
/** The columns of an `audit_log` row that its content hash covers (chain_seq: the legacy links only). */
export type AuditRowContent = Omit<
  AuditLogRow,
  'content_hash' | 'prev_hash' | 'hash' | 'legacy_prev_hash' | 'legacy_hash'
>;

/** Keyed hash of one row's content: checked for every row, sealed or not. */
export function contentHash(row: AuditRowForHash): string {
  return auditMac(`row|${canonicalJson(row)}`);
}

/** The link that places a row in its chain, after the row before it. */
export function linkHash(prevHash: string, chainSeq: number, content: string): string {
  return auditMac(`link|${prevHash}|${chainSeq}|${content}`);
}

/** The content of a stored row, as it was hashed. */
export function rowForHash(r: AuditRowContent): AuditRowForHash {
  return {
    seq: Number(r.seq),
    committeeId: r.committee_id == null ? null : Number(r.committee_id),
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
  };
}

/** The unkeyed SM3 link of rows written before migration 0050, checked once before they are re-sealed. */
export function legacyHash(prevHash: string, r: Omit<AuditRowContent, 'seq'>): string {
  const { seq: _global, ...rest } = rowForHash({ ...r, seq: 0 });
  return sm3(`${prevHash}|${canonicalJson({ ...rest, seq: Number(r.chain_seq) })}`);
}

// Values pass through JSON once so that Dates, undefined and class instances look exactly as jsonb will give them back.
const plain = (v: unknown) => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

/** The actor's committee, or null for platform-wide work that belongs to no committee. */
type AuditActor = Omit<Actor, 'committeeId'> & { committeeId: number | null };

// A transaction reserves its rows' sequence values RESERVED at a time, in one statement (a submission writes two rows:
// one statement instead of two, decision 0033); the values it does not use are skipped, as a rolled-back
// transaction's always were. Outside a transaction each row takes one value, so rows written one after another keep
// their order. Kept with the transaction object and gone with it.
const RESERVED = 4;
const reservedSeqs = new WeakMap<object, number[]>();

/** The next audit_log.seq for a row written in `tx`. */
async function nextSeq(tx: Db): Promise<number> {
  const inTx = tx instanceof PgTransaction;
  const held = inTx ? reservedSeqs.get(tx) : undefined;
  if (held?.length) return held.shift()!;
  const rows = await query<{ seq: number }>(
    tx,
    sql`select nextval(pg_get_serial_sequence('audit_log', 'seq')) as seq from generate_series(1, ${inTx ? RESERVED : 1}::int)`,
  );
  const seqs = rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
  if (inTx) reservedSeqs.set(tx, seqs.slice(1));
  return seqs[0];
}

export async function writeAudit(tx: Db, actor: AuditActor, entry: AuditEntry): Promise<void> {
  // A sequence value takes no lock that another writer waits on; order inside a chain is set when it is sealed.
  const row: AuditRowForHash = {
    seq: await nextSeq(tx),
    committeeId: actor.committeeId,
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
  await tx.execute(sql`insert into audit_log (seq, committee_id, actor_id, actor_name, action, entity, entity_id, before, after, ip, user_agent, created_at, content_hash)
    values (${row.seq}, ${row.committeeId}, ${row.actorId}, ${row.actorName}, ${row.action}, ${row.entity}, ${row.entityId},
      ${row.before === null ? null : JSON.stringify(row.before)}::jsonb, ${row.after === null ? null : JSON.stringify(row.after)}::jsonb,
      ${row.ip}, ${row.userAgent}, ${row.createdAt}, ${contentHash(row)})`);
}
