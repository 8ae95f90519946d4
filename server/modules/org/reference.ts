// Reference data of a committee (届次, 次会议, 界别, 专委会, 学习组/工作组, 承办单位, 党派团体, 信息员): one description per
// table, and the same five routes for each — list (filters, paging), export (.xlsx), read, create, update, delete when
// unused. Tables and columns come from the descriptions in reference-tables.ts, never from the request.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { type TSchema, Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { actorOf } from '../../platform/auth/session.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { documented } from '../../platform/route-kit.ts';
import { ErrorBody, IdParams, Ok, Paging, page } from '../../platform/routes.ts';
import { buildWorkbook, guardInUse, Nullable, pgCode, sendXlsx, stamp } from './common.ts';
import {
  dbValue,
  forAudit,
  inputSchema,
  keepMaskedPhones,
  listWhere,
  loadExisting,
  loadOne,
  normalise,
  outputSchema,
  present,
  type RefEntity,
  type RefRow,
  refName,
  selectList,
} from './reference-fields.ts';

export type { FieldSpec, RefEntity } from './reference-fields.ts';
export { REFERENCE } from './reference-tables.ts';

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
  const doc = documented(['org']);

  r.get(
    e.path,
    doc(e.read, `${e.label}列表`, {
      querystring: ListQuery,
      response: { 200: Type.Object({ items: Type.Array(Item), total: Type.Integer() }), 400: ErrorBody },
    }),
    async (request) => {
      const c = actorOf(request).committeeId;
      const q = request.query as Record<string, any>;
      const where = listWhere(e, c, q);
      const { limit, offset } = page(q);
      const rows = await query<RefRow>(
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
    doc(e.read, `导出${e.label} (.xlsx)`, { querystring: ListQuery, response: { 400: ErrorBody } }),
    async (request, reply) => {
      const c = actorOf(request).committeeId;
      const where = listWhere(e, c, request.query as Record<string, any>);
      const rows = (
        await query<RefRow>(
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
    doc(e.read, `${e.label}详情`, { params: IdParams, response: { 200: Item, 404: ErrorBody } }),
    async (request) => {
      return (await loadExisting(db, e, actorOf(request).committeeId, request.params.id)) as any;
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
    doc(e.manage, `新增${e.label}`, { body: Body, response: { 200: Item, 400: ErrorBody } }),
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
    doc(e.manage, `修改${e.label}`, {
      params: IdParams,
      body: Body,
      response: { 200: Item, 400: ErrorBody, 404: ErrorBody },
    }),
    async (request) => {
      const actor = actorOf(request);
      const id = request.params.id;
      return db.transaction(async (tx) => {
        const before = await loadExisting(tx, e, actor.committeeId, id, true);
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
    doc(e.manage, `删除${e.label}（仅限未被使用的）`, {
      params: IdParams,
      response: { 200: Ok, 404: ErrorBody, 409: ErrorBody },
    }),
    async (request) => {
      const actor = actorOf(request);
      const id = request.params.id;
      return db.transaction(async (tx) => {
        const before = await loadExisting(tx, e, actor.committeeId, id);
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
