import { type SQL, sql } from 'drizzle-orm';
import { type TSchema, Type } from 'typebox';
import type { Action } from '../../platform/auth/permissions.ts';
import { type Db, queryOne } from '../../platform/db/client.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { decryptField, encryptField, maskPhone } from '../../platform/secrets/field-crypto.ts';
import { isPhone, Nullable } from './common.ts';

export type Kind = 'text' | 'int' | 'date' | 'bool' | 'enum' | 'phone' | 'ref';

export interface FieldSpec {
  key: string;
  column: string;
  title: string;
  kind: Kind;
  required?: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  values?: Record<string, string>;
  /** For kind 'ref': the committee table the id points to and what it is called. */
  ref?: { table: string; label: string };
  default?: unknown;
  /** Listed as a filter of the list and export routes. */
  filter?: boolean;
}

export interface RefEntity {
  key: string;
  path: string;
  table: string;
  label: string;
  read: Action;
  manage: Action;
  fields: FieldSpec[];
  orderBy: string;
  search: string[];
  /** Field-key sets that must be unique within the committee. */
  unique?: string[][];
  /** A boolean field of which at most one row is true. */
  single?: string;
  /** Extra read-only numbers for each row (SQL over alias t). */
  counts?: { key: string; title: string; sql: string }[];
  /** Rows that keep a row from being deleted, with the sentence to show. */
  usage?: { sql: string; message: (n: number) => string }[];
  check?: (v: Record<string, any>) => void;
}

/** The output key of a reference's name: termId → termName. */
export const refName = (f: FieldSpec) => `${f.key.replace(/Id$/, '')}Name`;

export const StrEnum = (values: string[], title: string) =>
  Type.Unsafe<string>({ type: 'string', enum: values, title, description: title });

export function inputSchema(f: FieldSpec): TSchema {
  switch (f.kind) {
    case 'text':
      return Type.String({ title: f.title, maxLength: f.maxLength ?? 100 });
    case 'phone':
      return Type.String({ title: f.title, maxLength: 20 });
    case 'int':
      return Type.Integer({ title: f.title, minimum: f.min ?? 0, maximum: f.max ?? 1_000_000 });
    case 'date':
      return Type.String({ title: f.title, format: 'date' });
    case 'bool':
      return Type.Boolean({ title: f.title });
    case 'enum':
      return StrEnum(Object.keys(f.values!), f.title);
    case 'ref':
      return Type.Integer({ title: f.title, minimum: 1, maximum: 2147483647 });
  }
}

export function outputSchema(f: FieldSpec): TSchema {
  switch (f.kind) {
    case 'int':
    case 'ref':
      return Nullable(Type.Integer());
    case 'bool':
      return Type.Boolean();
    default:
      return Nullable(Type.String());
  }
}

export function selectList(e: RefEntity): SQL {
  const parts = [sql`t.id`];
  for (const f of e.fields) {
    const col = sql.raw(`t.${f.column}`);
    const as = sql.raw(`"${f.key}"`);
    if (f.kind === 'date') parts.push(sql`to_char(${col}, 'YYYY-MM-DD') as ${as}`);
    else parts.push(sql`${col} as ${as}`);
    if (f.kind === 'ref') {
      parts.push(
        sql.raw(
          `(select r.name from ${f.ref!.table} r where r.committee_id = t.committee_id and r.id = t.${f.column}) as "${refName(f)}"`,
        ),
      );
    }
  }
  for (const c of e.counts ?? []) parts.push(sql.raw(`(${c.sql})::int as "${c.key}"`));
  return sql.join(parts, sql`, `);
}

/** A reference row as `selectList(e)` reads it: `id`, then one value per field key (and ref names, counts). */
export type RefRow = { id: number } & Record<string, unknown>;

/** Phones are shown masked (lists, details, exports); `plain` only for the server's own comparison on edit. */
export const present = (row: RefRow, e: RefEntity, plain = false) => {
  const out: Record<string, unknown> = { id: row.id };
  for (const f of e.fields) {
    const phone = f.kind === 'phone' ? decryptField(row[f.key] as string | null) : null;
    out[f.key] =
      f.kind === 'phone' ? (plain ? phone : maskPhone(phone)) : (row[f.key] ?? (f.kind === 'bool' ? false : null));
    if (f.kind === 'ref') out[refName(f)] = row[refName(f)] ?? null;
  }
  for (const c of e.counts ?? []) out[c.key] = row[c.key] ?? 0;
  return out;
};

/** For the audit log: phones masked, everything else as stored. */
export const forAudit = (item: Record<string, any> | undefined, e: RefEntity) => {
  if (!item) return item;
  const out = { ...item };
  for (const f of e.fields) if (f.kind === 'phone') out[f.key] = maskPhone(out[f.key]);
  return out;
};

export function listWhere(e: RefEntity, committeeId: number, q: Record<string, any>): SQL {
  const conds: SQL[] = [sql`t.committee_id = ${committeeId}`];
  if (q.q?.trim()) {
    const like = `%${q.q.trim().replace(/[%_\\]/g, '\\$&')}%`;
    conds.push(
      sql`(${sql.join(
        e.search.map((c) => sql`${sql.raw(`t.${c}`)} ilike ${like}`),
        sql` or `,
      )})`,
    );
  }
  for (const f of e.fields) {
    if (!f.filter || q[f.key] === undefined) continue;
    conds.push(sql`${sql.raw(`t.${f.column}`)} = ${q[f.key]}`);
  }
  return sql.join(conds, sql` and `);
}

export async function loadOne(db: Db, e: RefEntity, committeeId: number, id: number, plain = false) {
  const row = await queryOne<RefRow>(
    db,
    sql`select ${selectList(e)} from ${sql.raw(e.table)} t where t.committee_id = ${committeeId} and t.id = ${id}`,
  );
  return row ? present(row, e, plain) : undefined;
}

/** Record `id` of the committee as `loadOne` gives it; throws 404 `org.not_found` (「<label>不存在」) when there is none. */
export async function loadExisting(db: Db, e: RefEntity, committeeId: number, id: number, plain = false) {
  const row = await loadOne(db, e, committeeId, id, plain);
  if (!row) throw notFound('org.not_found', `${e.label}不存在`);
  return row;
}

/** The edit form sends back the masked phone it was shown: that means "unchanged", so the stored number is kept. */
export function keepMaskedPhones(e: RefEntity, body: Record<string, any>, stored: Record<string, any>) {
  const out = { ...body };
  for (const f of e.fields) {
    if (f.kind === 'phone' && stored[f.key] && out[f.key] === maskPhone(stored[f.key])) out[f.key] = stored[f.key];
  }
  return out;
}

/** Normalises a body: trims text, empty → null, defaults for absent values; checks refs and phones. */
export async function normalise(tx: Db, e: RefEntity, committeeId: number, body: Record<string, any>) {
  const v: Record<string, any> = {};
  for (const f of e.fields) {
    let x = body[f.key];
    if (typeof x === 'string') x = x.trim();
    if (x === '' || x === undefined || x === null) x = f.default ?? null;
    if (f.required && x === null) throw badRequest('validation', `「${f.title}」为必填项`, f.key);
    if (f.kind === 'phone' && x && !isPhone(x))
      throw badRequest('validation', `「${f.title}」应为 11 位手机号码`, f.key);
    if (f.kind === 'ref' && x !== null) {
      const found = await queryOne(
        tx,
        sql`select 1 from ${sql.raw(f.ref!.table)} where committee_id = ${committeeId} and id = ${x}`,
      );
      if (!found) throw badRequest('validation', `所选${f.ref!.label}不存在`, f.key);
    }
    v[f.key] = x;
  }
  e.check?.(v);
  for (const keys of e.unique ?? []) {
    const conds = keys.map((k) => {
      const f = e.fields.find((x) => x.key === k)!;
      return v[k] === null ? sql.raw(`${f.column} is null`) : sql`${sql.raw(f.column)} = ${v[k]}`;
    });
    const dup = await queryOne<{ id: number }>(
      tx,
      sql`select id from ${sql.raw(e.table)} where committee_id = ${committeeId} and ${sql.join(conds, sql` and `)}`,
    );
    if (dup && dup.id !== body.__id) {
      const last = e.fields.find((x) => x.key === keys[keys.length - 1])!;
      throw badRequest('org.duplicate', `${e.label}「${v[last.key]}」已存在`, last.key);
    }
  }
  return v;
}

export const dbValue = (f: FieldSpec, x: any) => (f.kind === 'phone' ? encryptField(x) : x);
