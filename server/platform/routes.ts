// Platform routes shared by every module: health, attachments, notifications (with live updates) and the audit log.

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AuditLogRow } from './audit/audit.ts';
import { actionLabel, entityLabel } from './audit/labels.ts';
import { resolveEntityNames } from './audit/names.ts';
import { actorOf, requireAuth } from './auth/session.ts';
import { addDays, startOfBeijingDay } from './dates.ts';
import { type Db, query, queryOne } from './db/client.ts';
import { releaseDbSlot } from './db/queue.ts';
import { chinaDateTime, sendDownload, XLSX_MIME, xlsxOf } from './download.ts';
import { FILE_TYPES, openFileForDownload } from './files/files.ts';
import { fileLimitRoutes } from './files/limit-routes.ts';
import { receiveUpload } from './files/upload.ts';
import { notificationEvents } from './notifications/notifications.ts';
import { todosOf } from './todos.ts';

export const ErrorBody = Type.Object({
  error: Type.String(),
  message: Type.String(),
  field: Type.Optional(Type.String()),
});
export const Ok = Type.Object({ ok: Type.Boolean() });
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });
export const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 20 })),
};
/** A workflow action by name with an optional comment (意见): `{ action, comment? }`. */
export const SimpleAction = Type.Object({
  action: Type.String({ minLength: 1, maxLength: 40, title: '操作' }),
  comment: Type.Optional(Type.String({ maxLength: 2000, title: '意见' })),
});
export const page = (q: { page?: number; pageSize?: number }) => {
  const size = q.pageSize ?? 20;
  return { limit: size, offset: ((q.page ?? 1) - 1) * size };
};

/** An audit entry as the audit list and its export read it. */
type AuditLogEntry = Pick<
  AuditLogRow,
  'seq' | 'actor_name' | 'action' | 'entity' | 'entity_id' | 'before' | 'after' | 'ip' | 'user_agent' | 'created_at'
>;

const AuditFilters = {
  actor: Type.Optional(Type.String({ maxLength: 50, title: '操作人' })),
  action: Type.Optional(Type.String({ maxLength: 100, title: '操作' })),
  entity: Type.Optional(Type.String({ maxLength: 50, title: '对象类型' })),
  entityId: Type.Optional(Type.String({ maxLength: 50, title: '对象编号' })),
  from: Type.Optional(Type.String({ format: 'date', title: '开始日期' })),
  to: Type.Optional(Type.String({ format: 'date', title: '结束日期' })),
};

function auditWhere(
  committeeId: number,
  q: { actor?: string; action?: string; entity?: string; entityId?: string; from?: string; to?: string },
) {
  return sql.join(
    [
      sql`committee_id = ${committeeId}`,
      q.actor ? sql`actor_name like ${`%${q.actor}%`}` : null,
      q.action ? sql`action like ${`${q.action}%`}` : null,
      q.entity ? sql`entity = ${q.entity}` : null,
      q.entityId ? sql`entity_id = ${q.entityId}` : null,
      // Days are Beijing days, whatever the database session's time zone.
      q.from ? sql`created_at >= ${startOfBeijingDay(q.from).toISOString()}::timestamptz` : null,
      q.to ? sql`created_at < ${startOfBeijingDay(addDays(q.to, 1)).toISOString()}::timestamptz` : null,
    ].filter((x) => x !== null),
    sql` and `,
  );
}

export async function platformRoutes(app: FastifyInstance, opts: { db: Db; uploadMaxBytes: number }) {
  const { db } = opts;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/healthz',
    { schema: { tags: ['platform'], response: { 200: Type.Object({ status: Type.String() }) } } },
    async () => {
      await db.execute(sql`select 1`);
      return { status: 'ok' };
    },
  );

  await fileLimitRoutes(app, db);
  const FileOut = Type.Object({ id: Type.Integer(), name: Type.String(), mime: Type.String(), size: Type.Integer() });
  r.post(
    '/api/files',
    {
      preHandler: requireAuth('file.upload'),
      schema: {
        tags: ['files'],
        summary: '上传附件 (multipart/form-data, 字段 file)',
        consumes: ['multipart/form-data'],
        response: { 200: FileOut, 400: ErrorBody },
      },
    },
    async (request) => {
      return receiveUpload(db, request, actorOf(request), { maxBytes: opts.uploadMaxBytes, types: FILE_TYPES });
    },
  );

  r.get(
    '/api/files/:id',
    { preHandler: requireAuth(), schema: { tags: ['files'], summary: '下载附件', params: IdParams } },
    async (request, reply) => {
      const { file, stream } = await openFileForDownload(db, actorOf(request), request.params.id);
      reply.header('content-type', file.mime);
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
      return reply.send(stream);
    },
  );

  const NotificationOut = Type.Object({
    id: Type.Integer(),
    kind: Type.String(),
    title: Type.String(),
    body: Type.Union([Type.String(), Type.Null()]),
    link: Type.Union([Type.String(), Type.Null()]),
    read: Type.Boolean(),
    createdAt: Type.String(),
  });
  r.get(
    '/api/notifications',
    {
      preHandler: requireAuth('notification.read'),
      schema: {
        tags: ['notifications'],
        summary: '我的通知',
        querystring: Type.Object({ ...Paging, unreadOnly: Type.Optional(Type.Boolean()) }),
        response: {
          200: Type.Object({ items: Type.Array(NotificationOut), total: Type.Integer(), unread: Type.Integer() }),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { limit, offset } = page(request.query);
      const onlyUnread = request.query.unreadOnly ? sql`and read_at is null` : sql``;
      const items = await query<{
        id: number;
        kind: string;
        title: string;
        body: string | null;
        link: string | null;
        read_at: string | Date | null;
        created_at: string | Date;
      }>(
        db,
        sql`select id, kind, title, body, link, read_at, created_at from notifications
          where committee_id = ${actor.committeeId} and account_id = ${actor.accountId} ${onlyUnread}
          order by id desc limit ${limit} offset ${offset}`,
      );
      const counts = await queryOne<{ total: number; unread: number }>(
        db,
        sql`select count(*)::int as total, count(*) filter (where read_at is null)::int as unread from notifications
          where committee_id = ${actor.committeeId} and account_id = ${actor.accountId}`,
      );
      return {
        items: items.map((n) => ({ ...n, read: !!n.read_at, createdAt: new Date(n.created_at).toISOString() })),
        total: counts!.total,
        unread: counts!.unread,
      };
    },
  );

  r.post(
    '/api/notifications/read',
    {
      preHandler: requireAuth('notification.read'),
      schema: {
        tags: ['notifications'],
        summary: '标记通知为已读 (不传 ids 则全部已读)',
        body: Type.Object({ ids: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 500 })) }),
        response: { 200: Ok },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const only = request.body.ids ? sql`and id = any(${sql.param(request.body.ids)}::int[])` : sql``;
      // Marking as read changes only the reader's own inbox state; it is not audited as a business change.
      await db.execute(sql`update notifications set read_at = now()
        where committee_id = ${actor.committeeId} and account_id = ${actor.accountId} and read_at is null ${only}`);
      return { ok: true };
    },
  );

  r.get(
    '/api/todos',
    {
      preHandler: requireAuth(),
      schema: {
        tags: ['platform'],
        summary: '我的待办：各模块中等待本人处理的事项及数量',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({ key: Type.String(), label: Type.String(), count: Type.Integer(), link: Type.String() }),
            ),
          }),
        },
      },
    },
    async (request) => ({ items: await todosOf(db, actorOf(request)) }),
  );

  r.get(
    '/api/notifications/stream',
    {
      preHandler: requireAuth('notification.read'),
      schema: { tags: ['notifications'], summary: '通知实时推送 (server-sent events)' },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      releaseDbSlot(request);
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
      });
      reply.raw.write('retry: 5000\n\n');
      const key = `${actor.committeeId}:${actor.accountId}`;
      const push = () => reply.raw.write(`event: notification\ndata: {}\n\n`);
      const ping = setInterval(() => reply.raw.write(': ping\n\n'), 25_000);
      notificationEvents.on(key, push);
      request.raw.on('close', () => {
        clearInterval(ping);
        notificationEvents.off(key, push);
      });
    },
  );

  r.get(
    '/api/audit',
    {
      preHandler: requireAuth('audit.read'),
      schema: {
        tags: ['audit'],
        summary: '审计日志查询',
        querystring: Type.Object({ ...Paging, ...AuditFilters }),
        response: {
          200: Type.Object({
            total: Type.Integer(),
            items: Type.Array(
              Type.Object({
                seq: Type.Integer(),
                actorName: Type.Union([Type.String(), Type.Null()]),
                action: Type.String(),
                actionText: Type.String(),
                entity: Type.String(),
                entityText: Type.String(),
                entityId: Type.Union([Type.String(), Type.Null()]),
                entityName: Type.Union([Type.String(), Type.Null()]),
                before: Type.Unknown(),
                after: Type.Unknown(),
                ip: Type.Union([Type.String(), Type.Null()]),
                createdAt: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const q = request.query;
      const { limit, offset } = page(q);
      const where = auditWhere(actor.committeeId, q);
      const rows = await query<Omit<AuditLogEntry, 'user_agent'>>(
        db,
        sql`select seq, actor_name, action, entity, entity_id, before, after, ip, created_at from audit_log where ${where} order by seq desc limit ${limit} offset ${offset}`,
      );
      const total = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from audit_log where ${where}`);
      const names = await resolveEntityNames(
        db,
        actor.committeeId,
        rows.map((x) => ({ entity: x.entity, entityId: x.entity_id })),
      );
      return {
        total: total!.n,
        items: rows.map((x) => ({
          seq: Number(x.seq),
          actorName: x.actor_name,
          action: x.action,
          actionText: actionLabel(x.action),
          entity: x.entity,
          entityText: entityLabel(x.entity),
          entityId: x.entity_id,
          entityName: names.get(`${x.entity}:${x.entity_id}`) ?? null,
          before: x.before,
          after: x.after,
          ip: x.ip,
          createdAt: new Date(x.created_at).toISOString(),
        })),
      };
    },
  );

  r.get(
    '/api/audit/export',
    {
      preHandler: requireAuth('audit.read'),
      schema: {
        tags: ['audit'],
        summary: '导出审计日志（Excel，最多 5 万条）',
        querystring: Type.Object(AuditFilters),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const rows = await query<AuditLogEntry>(
        db,
        sql`select seq, actor_name, action, entity, entity_id, before, after, ip, user_agent, created_at from audit_log
          where ${auditWhere(actor.committeeId, request.query)} order by seq desc limit 50000`,
      );
      const json = (v: unknown) => (v == null ? '' : JSON.stringify(v).slice(0, 32000));
      const names = await resolveEntityNames(
        db,
        actor.committeeId,
        rows.map((x) => ({ entity: x.entity, entityId: x.entity_id })),
      );
      const content = await xlsxOf(
        '审计日志',
        [
          { header: '序号', key: 'seq', width: 10 },
          { header: '时间', key: 'time', width: 20 },
          { header: '操作人', key: 'actor_name', width: 14 },
          { header: '操作', key: 'actionText', width: 24 },
          { header: '对象类型', key: 'entityText', width: 16 },
          { header: '对象编号', key: 'entity_id', width: 10 },
          { header: '对象名称', key: 'entityName', width: 30 },
          { header: '修改前', key: 'beforeText', width: 40 },
          { header: '修改后', key: 'afterText', width: 40 },
          { header: 'IP 地址', key: 'ip', width: 16 },
          { header: '浏览器', key: 'user_agent', width: 30 },
        ],
        rows.map((x) => ({
          ...x,
          seq: Number(x.seq),
          time: chinaDateTime(x.created_at),
          actionText: actionLabel(x.action),
          entityText: entityLabel(x.entity),
          entityName: names.get(`${x.entity}:${x.entity_id}`) ?? '',
          beforeText: json(x.before),
          afterText: json(x.after),
        })),
      );
      return sendDownload(reply, '审计日志.xlsx', XLSX_MIME, content);
    },
  );
}
