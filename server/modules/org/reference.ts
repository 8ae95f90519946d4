// Reference data of a committee (届次, 次会议, 界别, 专委会, 学习组/工作组, 承办单位, 党派团体, 信息员): one description per
// table, and the same five routes for each — list (filters, paging), export (.xlsx), read, create, update, delete when
// unused. Tables and columns come from the descriptions below, never from the request.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { type TSchema, Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Action } from '../../platform/auth/permissions.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { ErrorBody, IdParams, Ok, Paging, page } from '../../platform/routes.ts';
import { decryptField, encryptField, maskPhone } from '../../platform/secrets/field-crypto.ts';
import { buildWorkbook, guardInUse, isPhone, Nullable, pgCode, sendXlsx, stamp } from './common.ts';

type Kind = 'text' | 'int' | 'date' | 'bool' | 'enum' | 'phone' | 'ref';

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
const refName = (f: FieldSpec) => `${f.key.replace(/Id$/, '')}Name`;

const StrEnum = (values: string[], title: string) =>
  Type.Unsafe<string>({ type: 'string', enum: values, title, description: title });

function inputSchema(f: FieldSpec): TSchema {
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

function outputSchema(f: FieldSpec): TSchema {
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

function selectList(e: RefEntity): SQL {
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

/** Phones are shown masked (lists, details, exports); `plain` only for the server's own comparison on edit. */
const present = (row: any, e: RefEntity, plain = false) => {
  const out: Record<string, unknown> = { id: row.id };
  for (const f of e.fields) {
    const phone = f.kind === 'phone' ? decryptField(row[f.key]) : null;
    out[f.key] =
      f.kind === 'phone' ? (plain ? phone : maskPhone(phone)) : (row[f.key] ?? (f.kind === 'bool' ? false : null));
    if (f.kind === 'ref') out[refName(f)] = row[refName(f)] ?? null;
  }
  for (const c of e.counts ?? []) out[c.key] = row[c.key] ?? 0;
  return out;
};

/** For the audit log: phones masked, everything else as stored. */
const forAudit = (item: Record<string, any> | undefined, e: RefEntity) => {
  if (!item) return item;
  const out = { ...item };
  for (const f of e.fields) if (f.kind === 'phone') out[f.key] = maskPhone(out[f.key]);
  return out;
};

function listWhere(e: RefEntity, committeeId: number, q: Record<string, any>): SQL {
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

async function loadOne(db: Db, e: RefEntity, committeeId: number, id: number, plain = false) {
  const row = await queryOne<any>(
    db,
    sql`select ${selectList(e)} from ${sql.raw(e.table)} t where t.committee_id = ${committeeId} and t.id = ${id}`,
  );
  return row ? present(row, e, plain) : undefined;
}

/** The edit form sends back the masked phone it was shown: that means "unchanged", so the stored number is kept. */
function keepMaskedPhones(e: RefEntity, body: Record<string, any>, stored: Record<string, any>) {
  const out = { ...body };
  for (const f of e.fields) {
    if (f.kind === 'phone' && stored[f.key] && out[f.key] === maskPhone(stored[f.key])) out[f.key] = stored[f.key];
  }
  return out;
}

/** Normalises a body: trims text, empty → null, defaults for absent values; checks refs and phones. */
async function normalise(tx: Db, e: RefEntity, committeeId: number, body: Record<string, any>) {
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

const dbValue = (f: FieldSpec, x: any) => (f.kind === 'phone' ? encryptField(x) : x);

export function registerReference(app: FastifyInstance, { db }: ModuleDeps, e: RefEntity) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const Item = Type.Object({
    id: Type.Integer(),
    ...Object.fromEntries(e.fields.map((f) => [f.key, outputSchema(f)])),
    ...Object.fromEntries(e.fields.filter((f) => f.kind === 'ref').map((f) => [refName(f), Nullable(Type.String())])),
    ...Object.fromEntries((e.counts ?? []).map((c) => [c.key, Type.Integer()])),
  });
  const Body = Type.Object(
    Object.fromEntries(
      e.fields.map((f) => [f.key, f.required ? inputSchema(f) : Type.Optional(inputSchema(f))]),
    ) as Record<string, TSchema>,
  );
  const ListQuery = Type.Object({
    ...Paging,
    q: Type.Optional(Type.String({ maxLength: 50, title: '关键词' })),
    ...Object.fromEntries(e.fields.filter((f) => f.filter).map((f) => [f.key, Type.Optional(inputSchema(f))])),
  });
  const tags = ['org'];

  r.get(
    e.path,
    {
      preHandler: requireAuth(e.read),
      schema: {
        tags,
        summary: `${e.label}列表`,
        querystring: ListQuery,
        response: { 200: Type.Object({ items: Type.Array(Item), total: Type.Integer() }), 400: ErrorBody },
      },
    },
    async (request) => {
      const c = actorOf(request).committeeId;
      const q = request.query as Record<string, any>;
      const where = listWhere(e, c, q);
      const { limit, offset } = page(q);
      const rows = await query<any>(
        db,
        sql`select ${selectList(e)} from ${sql.raw(e.table)} t where ${where} order by ${sql.raw(e.orderBy)} limit ${limit} offset ${offset}`,
      );
      const total = await queryOne<{ n: number }>(
        db,
        sql`select count(*)::int as n from ${sql.raw(e.table)} t where ${where}`,
      );
      return { items: rows.map((x) => present(x, e)) as any[], total: total!.n };
    },
  );

  r.get(
    `${e.path}/export`,
    {
      preHandler: requireAuth(e.read),
      schema: { tags, summary: `导出${e.label} (.xlsx)`, querystring: ListQuery, response: { 400: ErrorBody } },
    },
    async (request, reply) => {
      const c = actorOf(request).committeeId;
      const where = listWhere(e, c, request.query as Record<string, any>);
      const rows = (
        await query<any>(
          db,
          sql`select ${selectList(e)} from ${sql.raw(e.table)} t where ${where} order by ${sql.raw(e.orderBy)} limit 20000`,
        )
      ).map((x) => present(x, e));
      const columns = [
        ...e.fields.map((f) => ({
          header: f.title,
          width: f.kind === 'text' ? 24 : 14,
          value: (row: any) => {
            const x = f.kind === 'ref' ? row[refName(f)] : row[f.key];
            if (f.kind === 'bool') return x ? '是' : '否';
            if (f.kind === 'enum') return x == null ? '' : (f.values![x] ?? x);
            return x;
          },
        })),
        ...(e.counts ?? []).map((k) => ({ header: k.title, width: 12, value: (row: any) => row[k.key] })),
      ];
      return sendXlsx(reply, `${e.label}_${stamp()}.xlsx`, await buildWorkbook(e.label, columns, rows));
    },
  );

  r.get(
    `${e.path}/:id`,
    {
      preHandler: requireAuth(e.read),
      schema: { tags, summary: `${e.label}详情`, params: IdParams, response: { 200: Item, 404: ErrorBody } },
    },
    async (request) => {
      const item = await loadOne(db, e, actorOf(request).committeeId, request.params.id);
      if (!item) throw notFound('org.not_found', `${e.label}不存在`);
      return item as any;
    },
  );

  const write = async (tx: Db, committeeId: number, v: Record<string, any>, id: number | null) => {
    if (e.single && v[e.single]) {
      const col = e.fields.find((f) => f.key === e.single)!.column;
      await tx.execute(
        sql`update ${sql.raw(e.table)} set ${sql.raw(col)} = false where committee_id = ${committeeId} and ${sql.raw(col)}${id ? sql` and id <> ${id}` : sql``}`,
      );
    }
    try {
      if (id === null) {
        const cols = sql.raw(['committee_id', ...e.fields.map((f) => f.column)].join(', '));
        const vals = sql.join([sql`${committeeId}`, ...e.fields.map((f) => sql`${dbValue(f, v[f.key])}`)], sql`, `);
        const row = await queryOne<{ id: number }>(
          tx,
          sql`insert into ${sql.raw(e.table)} (${cols}) values (${vals}) returning id`,
        );
        return row!.id;
      }
      const sets = sql.join(
        e.fields.map((f) => sql`${sql.raw(f.column)} = ${dbValue(f, v[f.key])}`),
        sql`, `,
      );
      await tx.execute(sql`update ${sql.raw(e.table)} set ${sets} where committee_id = ${committeeId} and id = ${id}`);
      return id;
    } catch (err) {
      if (pgCode(err) === '23505') throw badRequest('org.duplicate', `${e.label}已存在，请检查名称或编号`);
      throw err;
    }
  };

  r.post(
    e.path,
    {
      preHandler: requireAuth(e.manage),
      schema: { tags, summary: `新增${e.label}`, body: Body, response: { 200: Item, 400: ErrorBody } },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction(async (tx) => {
        const v = await normalise(tx, e, actor.committeeId, request.body as Record<string, any>);
        const id = await write(tx, actor.committeeId, v, null);
        const item = await loadOne(tx, e, actor.committeeId, id);
        await writeAudit(tx, actor, {
          action: `${e.key}.create`,
          entity: e.key,
          entityId: id,
          after: forAudit(item, e),
        });
        return item as any;
      });
    },
  );

  r.put(
    `${e.path}/:id`,
    {
      preHandler: requireAuth(e.manage),
      schema: {
        tags,
        summary: `修改${e.label}`,
        params: IdParams,
        body: Body,
        response: { 200: Item, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = request.params.id;
      return db.transaction(async (tx) => {
        const before = await loadOne(tx, e, actor.committeeId, id, true);
        if (!before) throw notFound('org.not_found', `${e.label}不存在`);
        const body = keepMaskedPhones(e, request.body as Record<string, any>, before);
        const v = await normalise(tx, e, actor.committeeId, { ...body, __id: id });
        await write(tx, actor.committeeId, v, id);
        const after = await loadOne(tx, e, actor.committeeId, id);
        await writeAudit(tx, actor, {
          action: `${e.key}.update`,
          entity: e.key,
          entityId: id,
          before: forAudit(before, e),
          after: forAudit(after, e),
        });
        return after as any;
      });
    },
  );

  r.delete(
    `${e.path}/:id`,
    {
      preHandler: requireAuth(e.manage),
      schema: {
        tags,
        summary: `删除${e.label}（仅限未被使用的）`,
        params: IdParams,
        response: { 200: Ok, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = request.params.id;
      return db.transaction(async (tx) => {
        const before = await loadOne(tx, e, actor.committeeId, id);
        if (!before) throw notFound('org.not_found', `${e.label}不存在`);
        for (const u of e.usage ?? []) {
          const row = await queryOne<{ n: number }>(
            tx,
            sql`select (${sql.raw(u.sql)})::int as n from ${sql.raw(e.table)} t where t.committee_id = ${actor.committeeId} and t.id = ${id}`,
          );
          if (row!.n > 0) throw conflict('org.in_use', u.message(row!.n));
        }
        await guardInUse(e.label, () =>
          tx.execute(sql`delete from ${sql.raw(e.table)} where committee_id = ${actor.committeeId} and id = ${id}`),
        );
        await writeAudit(tx, actor, {
          action: `${e.key}.delete`,
          entity: e.key,
          entityId: id,
          before: forAudit(before, e),
        });
        return { ok: true };
      });
    },
  );
}

const used = (table: string, column: string) =>
  `select count(*) from ${table} u where u.committee_id = t.committee_id and u.${column} = t.id`;

export const REFERENCE: RefEntity[] = [
  {
    key: 'term',
    path: '/api/org/terms',
    table: 'terms',
    label: '届次',
    read: 'org.read',
    manage: 'org.manage',
    fields: [
      { key: 'number', column: 'number', title: '届数', kind: 'int', required: true, min: 1, max: 99 },
      { key: 'name', column: 'name', title: '名称', kind: 'text', required: true, maxLength: 30 },
      { key: 'startDate', column: 'start_date', title: '开始日期', kind: 'date' },
      { key: 'endDate', column: 'end_date', title: '结束日期', kind: 'date' },
      { key: 'isCurrent', column: 'is_current', title: '本届', kind: 'bool', default: false },
    ],
    orderBy: 't.number desc',
    search: ['name'],
    unique: [['number'], ['name']],
    single: 'isCurrent',
    counts: [
      { key: 'memberCount', title: '委员人数', sql: used('members', 'term_id') },
      { key: 'sessionCount', title: '会议次数', sql: used('plenary_sessions', 'term_id') },
    ],
    usage: [
      { sql: used('members', 'term_id'), message: (n) => `该届次有 ${n} 名委员，不能删除` },
      { sql: used('plenary_sessions', 'term_id'), message: (n) => `该届次下有 ${n} 次会议，请先删除会议` },
    ],
    check: (v) => {
      if (v.startDate && v.endDate && v.endDate < v.startDate)
        throw badRequest('validation', '「结束日期」不能早于开始日期', 'endDate');
    },
  },
  {
    key: 'session',
    path: '/api/org/sessions',
    table: 'plenary_sessions',
    label: '会议',
    read: 'org.read',
    manage: 'org.manage',
    fields: [
      {
        key: 'termId',
        column: 'term_id',
        title: '届次',
        kind: 'ref',
        required: true,
        ref: { table: 'terms', label: '届次' },
        filter: true,
      },
      { key: 'number', column: 'number', title: '次数', kind: 'int', required: true, min: 1, max: 20 },
      { key: 'name', column: 'name', title: '名称', kind: 'text', required: true, maxLength: 30 },
      { key: 'year', column: 'year', title: '年度', kind: 'int', required: true, min: 1949, max: 2100 },
      { key: 'opensOn', column: 'opens_on', title: '开幕日期', kind: 'date' },
      { key: 'filingDeadline', column: 'filing_deadline', title: '提案截止日期', kind: 'date' },
      { key: 'isCurrent', column: 'is_current', title: '本次会议', kind: 'bool', default: false },
    ],
    orderBy: 't.year desc, t.number desc',
    search: ['name'],
    unique: [['termId', 'number']],
    single: 'isCurrent',
    check: (v) => {
      if (v.opensOn && v.filingDeadline && v.filingDeadline < v.opensOn)
        throw badRequest('validation', '「提案截止日期」不能早于开幕日期', 'filingDeadline');
    },
  },
  {
    key: 'sector',
    path: '/api/org/sectors',
    table: 'sectors',
    label: '界别',
    read: 'org.read',
    manage: 'org.manage',
    fields: [
      { key: 'name', column: 'name', title: '名称', kind: 'text', required: true, maxLength: 50 },
      { key: 'sort', column: 'sort', title: '排序', kind: 'int', default: 0, max: 9999 },
    ],
    orderBy: 't.sort, t.id',
    search: ['name'],
    unique: [['name']],
    counts: [{ key: 'memberCount', title: '委员人数', sql: used('members', 'sector_id') }],
    usage: [{ sql: used('members', 'sector_id'), message: (n) => `该界别有 ${n} 名委员，不能删除` }],
  },
  {
    key: 'specialCommittee',
    path: '/api/org/special-committees',
    table: 'special_committees',
    label: '专委会',
    read: 'org.read',
    manage: 'org.manage',
    fields: [
      { key: 'name', column: 'name', title: '名称', kind: 'text', required: true, maxLength: 50 },
      { key: 'sort', column: 'sort', title: '排序', kind: 'int', default: 0, max: 9999 },
    ],
    orderBy: 't.sort, t.id',
    search: ['name'],
    unique: [['name']],
    counts: [{ key: 'memberCount', title: '委员人数', sql: used('member_special_committees', 'special_committee_id') }],
    usage: [
      {
        sql: used('member_special_committees', 'special_committee_id'),
        message: (n) => `该专委会有 ${n} 名委员，不能删除`,
      },
    ],
  },
  {
    key: 'group',
    path: '/api/org/groups',
    table: 'member_groups',
    label: '小组',
    read: 'org.read',
    manage: 'org.manage',
    fields: [
      {
        key: 'kind',
        column: 'kind',
        title: '类型',
        kind: 'enum',
        required: true,
        values: { study: '学习组', work: '工作组' },
        filter: true,
      },
      { key: 'name', column: 'name', title: '名称', kind: 'text', required: true, maxLength: 50 },
    ],
    orderBy: 't.kind, t.id',
    search: ['name'],
    unique: [['kind', 'name']],
    counts: [{ key: 'memberCount', title: '委员人数', sql: used('member_group_links', 'group_id') }],
    usage: [{ sql: used('member_group_links', 'group_id'), message: (n) => `该小组有 ${n} 名委员，不能删除` }],
  },
  {
    key: 'unit',
    path: '/api/org/units',
    table: 'handling_units',
    label: '承办单位',
    read: 'unit.read',
    manage: 'org.manage',
    fields: [
      { key: 'name', column: 'name', title: '单位名称', kind: 'text', required: true, maxLength: 100 },
      {
        key: 'kind',
        column: 'kind',
        title: '单位类型',
        kind: 'enum',
        values: {
          government: '政府部门',
          court: '法检机关',
          enterprise: '企事业单位',
          organisation: '群团组织',
          other: '其他',
        },
        default: 'government',
        filter: true,
      },
      { key: 'contactName', column: 'contact_name', title: '联系人', kind: 'text', maxLength: 30 },
      { key: 'phone', column: 'phone_enc', title: '联系电话', kind: 'phone' },
      { key: 'active', column: 'active', title: '启用', kind: 'bool', default: true, filter: true },
    ],
    orderBy: 't.id',
    search: ['name', 'contact_name'],
    unique: [['name']],
    counts: [{ key: 'accountCount', title: '账号数', sql: used('accounts', 'unit_id') }],
    usage: [{ sql: used('accounts', 'unit_id'), message: (n) => `该单位有 ${n} 个账号，不能删除；可改为停用` }],
  },
  {
    key: 'organisation',
    path: '/api/org/organisations',
    table: 'organisations',
    label: '党派团体',
    read: 'org.read',
    manage: 'org.manage',
    fields: [
      { key: 'name', column: 'name', title: '名称', kind: 'text', required: true, maxLength: 100 },
      {
        key: 'kind',
        column: 'kind',
        title: '类型',
        kind: 'enum',
        required: true,
        values: { party: '民主党派', organisation: '人民团体' },
        filter: true,
      },
      { key: 'responsibleName', column: 'responsible_name', title: '负责人', kind: 'text', maxLength: 30 },
    ],
    orderBy: 't.kind, t.id',
    search: ['name', 'responsible_name'],
    unique: [['name']],
    counts: [{ key: 'accountCount', title: '账号数', sql: used('accounts', 'org_id') }],
    usage: [{ sql: used('accounts', 'org_id'), message: (n) => `该党派团体有 ${n} 个账号，不能删除` }],
  },
  {
    key: 'informant',
    path: '/api/org/informants',
    table: 'informants',
    label: '信息员',
    read: 'informant.manage',
    manage: 'informant.manage',
    fields: [
      { key: 'name', column: 'name', title: '姓名', kind: 'text', required: true, maxLength: 30 },
      { key: 'workUnit', column: 'work_unit', title: '工作单位', kind: 'text', maxLength: 100 },
      { key: 'area', column: 'area', title: '联系区域', kind: 'text', maxLength: 50 },
      { key: 'phone', column: 'phone_enc', title: '手机号', kind: 'phone' },
      {
        key: 'status',
        column: 'status',
        title: '状态',
        kind: 'enum',
        values: { active: '在册', suspended: '暂停', exited: '已退出' },
        default: 'active',
        filter: true,
      },
    ],
    orderBy: 't.id',
    search: ['name', 'work_unit', 'area'],
    counts: [{ key: 'accountCount', title: '账号数', sql: used('accounts', 'informant_id') }],
    usage: [
      { sql: used('accounts', 'informant_id'), message: (n) => `该信息员有 ${n} 个账号，不能删除；可改为已退出` },
    ],
  },
];
