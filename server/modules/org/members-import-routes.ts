// Roster import routes: the template, the upload (a background task), its progress, and "只导入无误的行".
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { actorOf } from '../../platform/auth/session.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { documented } from '../../platform/route-kit.ts';
import { ErrorBody, IdParams, Ok } from '../../platform/routes.ts';
import { DEFAULT_SHEET_BUDGET } from '../../platform/spreadsheet/read.ts';
import { sendXlsx } from './common.ts';
import { importNotFound, rosterFileMissing, termNotFound } from './errors.ts';
import { applyValidRows, loadImport, startImport } from './import.ts';
import { Id, ImportOut } from './members-schemas.ts';
import { currentTermId, termExists } from './members-service.ts';
import { buildTemplate, parseRoster } from './roster.ts';

export function memberImportRoutes(app: FastifyInstance, { db }: ModuleDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const doc = documented(['members']);

  r.get(
    '/api/org/members/import-template',
    doc('org.manage', '下载委员名册导入模板 (.xlsx)', {}),
    async (request, reply) =>
      sendXlsx(reply, '委员名册导入模板.xlsx', await buildTemplate(db, actorOf(request).committeeId)),
  );

  r.post(
    '/api/org/members/imports',
    doc('org.manage', '上传委员名册 (multipart/form-data, 字段 file)；后台校验并导入，返回导入编号', {
      consumes: ['multipart/form-data'],
      querystring: Type.Object({
        termId: Type.Optional(Id('届次')),
        validOnly: Type.Optional(Type.Boolean({ title: '只导入无误的行' })),
      }),
      response: { 200: Type.Object({ id: Type.Integer(), total: Type.Integer() }), 400: ErrorBody },
    }),
    async (request) => {
      const actor = actorOf(request);
      if (!request.isMultipart()) throw rosterFileMissing();
      // A roster of 5,000 members is well under 1 MB; the sheet budget also caps what the file may inflate to.
      const part = await request.file({ limits: { fileSize: DEFAULT_SHEET_BUDGET.maxBytes + 1 } });
      if (!part) throw rosterFileMissing();
      const content = await part.toBuffer().catch((err) => {
        if (err.code === 'FST_REQ_FILE_TOO_LARGE')
          throw badRequest('file.too_large', `文件不能超过 ${DEFAULT_SHEET_BUDGET.maxBytes / 1024 / 1024} MB`, 'file');
        throw err;
      });
      if (!/\.xlsx$/i.test(part.filename)) {
        throw badRequest('import.bad_file', '请上传 .xlsx 格式的 Excel 文件（可先下载模板）', 'file');
      }
      const termId = request.query.termId ?? (await currentTermId(db, actor.committeeId));
      if (!termId || !(await termExists(db, actor.committeeId, termId))) throw termNotFound();
      const rows = await parseRoster(content);
      const id = await startImport(db, actor, termId!, part.filename, rows, request.query.validOnly ?? false);
      return { id, total: rows.length };
    },
  );

  r.get(
    '/api/org/members/imports/:id',
    doc('org.manage', '导入进度与结果', { params: IdParams, response: { 200: ImportOut, 404: ErrorBody } }),
    async (request) => {
      const item = await loadImport(db, actorOf(request).committeeId, request.params.id);
      if (!item) throw importNotFound();
      return item;
    },
  );

  r.post(
    '/api/org/members/imports/:id/apply-valid',
    doc('org.manage', '有错误的导入：只导入无误的行', {
      params: IdParams,
      response: { 200: Ok, 404: ErrorBody, 409: ErrorBody },
    }),
    async (request) => {
      const actor = actorOf(request);
      const item = await loadImport(db, actor.committeeId, request.params.id);
      if (!item) throw importNotFound();
      if (!(await applyValidRows(db, actor, request.params.id))) {
        throw conflict('import.state', '该导入不是“有错误待确认”状态，不能再次导入');
      }
      return { ok: true };
    },
  );
}
