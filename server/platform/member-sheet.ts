// A roster export: one sheet of members (编号, 姓名, 界别, then the record's own columns) saved by the browser as
// 「<record title>-<sheet name>.xlsx」 — the attendance sheet of a meeting, the participants of an activity — and the
// pair of routes that serve such a sheet: the paged list a page reads and its Excel export.
// Usage: memberSheetRoutes(app, db, { path: '/api/meetings/:id/attendance', summary: '考勤表', … });

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { type Static, type TObject, type TProperties, type TSchema, Type } from 'typebox';
import type { Action } from './auth/permissions.ts';
import { actorOf, requireAuth } from './auth/session.ts';
import type { Actor } from './context.ts';
import type { Db } from './db/client.ts';
import { MEMBER_COLUMNS, type SheetColumn, sendDownload, XLSX_MIME, xlsxOf } from './download.ts';
import { pagedList } from './http/handlers.ts';
import { ErrorBody, IdParams, Paging } from './routes.ts';

/** As many rows as an export asks a paged sheet for: every member of the record. */
export const ALL_ROWS = 100000;

/**
 * Sends `rows` as the one-sheet workbook `sheetName` whose columns are MEMBER_COLUMNS then `columns`, named
 * `${title}-${sheetName}.xlsx`. Each row holds `code`, `name`, `sector` and the keys of `columns`.
 * Usage: return sendMemberSheet(reply, meeting.title, '考勤表', [{ header: '出勤', key: 'statusLabel', width: 20 }], rows);
 */
export async function sendMemberSheet(
  reply: FastifyReply,
  title: string,
  sheetName: string,
  columns: SheetColumn[],
  rows: Record<string, unknown>[],
) {
  const buf = await xlsxOf(sheetName, [...MEMBER_COLUMNS, ...columns], rows);
  return sendDownload(reply, `${title}-${sheetName}.xlsx`, XLSX_MIME, buf);
}

/** What memberSheetRoutes needs to serve one record's member sheet. */
export interface MemberSheetSpec<F extends TProperties, S> {
  /** The list's path, with `:id` the record: '/api/meetings/:id/attendance'; the export is `${path}/export`. */
  path: string;
  permission: Action;
  tags: string[];
  /** The list's summary ('考勤表'); the export's is 「导出<summary>（Excel）」. */
  summary: string;
  /** The sheet's filters (the list adds paging to them). */
  filters: F;
  /** The list's 200 response. */
  response: TSchema;
  /** A page of the sheet of record `id` for the session's committee; throws the record's 404. */
  load: (db: Db, actor: Actor, id: number, q: Static<TObject<F>>, limit: number, offset: number) => Promise<S>;
  /** The workbook: `${title(sheet)}-${sheetName}.xlsx`, MEMBER_COLUMNS then `columns`, one row per `rows(sheet)`. */
  sheetName: string;
  title: (sheet: S) => string;
  columns: SheetColumn[];
  rows: (sheet: S) => Record<string, unknown>[];
}

/** Registers `GET spec.path` (the paged sheet, JSON) and `GET spec.path/export` (every row, Excel). */
export function memberSheetRoutes<F extends TProperties, S>(app: FastifyInstance, db: Db, spec: MemberSheetSpec<F, S>) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const preHandler = requireAuth(spec.permission);
  r.get(
    spec.path,
    {
      preHandler,
      schema: {
        tags: spec.tags,
        summary: spec.summary,
        params: IdParams,
        querystring: Type.Object({ ...Paging, ...spec.filters }),
        response: { 200: spec.response, 404: ErrorBody },
      },
    },
    pagedList(db, (db, actor, q, limit, offset, request) =>
      spec.load(db, actor, request.params.id, q as Static<TObject<F>>, limit, offset),
    ),
  );
  r.get(
    `${spec.path}/export`,
    {
      preHandler,
      schema: {
        tags: spec.tags,
        summary: `导出${spec.summary}（Excel）`,
        params: IdParams,
        querystring: Type.Object(spec.filters),
      },
    },
    async (request, reply) => {
      const q = request.query as Static<TObject<F>>;
      const sheet = await spec.load(db, actorOf(request), request.params.id, q, ALL_ROWS, 0);
      return sendMemberSheet(reply, spec.title(sheet), spec.sheetName, spec.columns, spec.rows(sheet));
    },
  );
}
