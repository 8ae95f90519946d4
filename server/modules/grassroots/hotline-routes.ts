// Hotline (12345) routes: the import template, upload → preview → import for staff; the case list and a month's
// recurring matters for anyone who reads grassroots (phones masked for all but staff); taking a matter up as a room
// topic (每月一题) and recording the cases an agreed item resolves (staff or the room's executive convener).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { registerActionLabels } from '../../platform/audit/labels.ts';
import { actorOf } from '../../platform/auth/session.ts';
import { sendDownload, XLSX_MIME } from '../../platform/download.ts';
import { badRequest } from '../../platform/errors.ts';
import { okInTransaction } from '../../platform/http/handlers.ts';
import { documented, guarded } from '../../platform/route-kit.ts';
import { ErrorBody, IdParams, Ok, page } from '../../platform/routes.ts';
import { DEFAULT_SHEET_BUDGET } from '../../platform/spreadsheet/read.ts';
import { Id } from '../consultations/schemas.ts';
import { Enum } from '../meetings/schema.ts';
import { applyHotlineImport, listHotlineImports, previewHotlineImport } from './hotline-import.ts';
import { recurringMatters } from './hotline-matters.ts';
import { listHotlineCases, recordResolvedCases, takeUpMatter } from './hotline-service.ts';
import { hotlineTemplate, parseHotlineFile } from './hotline-sheet.ts';
import { Paging } from './schemas.ts';

/** 400 file.missing: an import without its 工单 file. */
const sheetMissing = () => badRequest('file.missing', '请选择要上传的工单文件', 'file');

const Errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const Any = Type.Any();
const Month = (title: string) => Type.String({ title, pattern: '^\\d{4}-(0[1-9]|1[0-2])$' });
const CaseNos = Type.Array(Type.String({ title: '工单编号', minLength: 1, maxLength: 50 }), {
  title: '工单编号',
  minItems: 1,
  maxItems: 500,
});

const CaseQuery = Type.Object({
  month: Type.Optional(Month('月份')),
  area: Type.Optional(Type.String({ title: '区域/街道', maxLength: 50 })),
  q: Type.Optional(Type.String({ title: '关键词', maxLength: 100 })),
  mark: Type.Optional(Enum(['open', 'takenUp', 'resolved'], '立题情况')),
  topicId: Type.Optional(Id('议题')),
  ...Paging,
});
const TakeUpBody = Type.Object({
  roomId: Id('协商议事室'),
  title: Type.String({ title: '议题', minLength: 1, maxLength: 100 }),
  body: Type.Optional(Type.String({ title: '具体内容', maxLength: 2000 })),
  caseNos: CaseNos,
});
const Counts = Type.Object({ added: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer() });

export function hotlineRoutes(app: FastifyInstance, { db }: ModuleDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['grassroots'];
  const guard = guarded(tags);
  const doc = documented(tags);
  registerActionLabels({
    'grassroots.hotline.import': '热线工单·导入',
    'grassroots.hotline.take_up': '热线工单·立为议事室议题',
    'grassroots.hotline.resolve_link': '热线工单·记录议定事项解决的工单',
  });

  r.get(
    '/api/grassroots/hotline/template',
    doc('grassroots.manage', '下载热线工单导入模板 (.xlsx)', {}),
    async (_req, reply) => sendDownload(reply, '热线工单导入模板.xlsx', XLSX_MIME, await hotlineTemplate()),
  );
  r.post(
    '/api/grassroots/hotline/imports',
    doc('grassroots.manage', '上传热线工单 (.xlsx 或 .csv，multipart 字段 file)：逐行校验并预览，尚未导入', {
      consumes: ['multipart/form-data'],
      response: { 200: Any, ...Errors },
    }),
    async (req) => {
      if (!req.isMultipart()) throw sheetMissing();
      const part = await req.file({ limits: { fileSize: DEFAULT_SHEET_BUDGET.maxBytes + 1 } });
      if (!part) throw sheetMissing();
      const content = await part.toBuffer().catch((err) => {
        if (err.code === 'FST_REQ_FILE_TOO_LARGE')
          throw badRequest('file.too_large', `文件不能超过 ${DEFAULT_SHEET_BUDGET.maxBytes / 1024 / 1024} MB`, 'file');
        throw err;
      });
      const rows = await parseHotlineFile(part.filename, content);
      return previewHotlineImport(db, actorOf(req), part.filename, rows);
    },
  );
  r.post(
    '/api/grassroots/hotline/imports/:id/apply',
    doc('grassroots.manage', '导入预览中无误的行', { params: IdParams, response: { 200: Counts, ...Errors } }),
    async (req) => db.transaction((tx) => applyHotlineImport(tx, actorOf(req), req.params.id)),
  );
  r.get(
    '/api/grassroots/hotline/imports',
    doc('grassroots.manage', '最近的导入', { response: { 200: Type.Array(Any), ...Errors } }),
    async (req) => listHotlineImports(db, actorOf(req)),
  );
  r.get(
    '/api/grassroots/hotline/cases',
    guard('grassroots.read', {
      querystring: CaseQuery,
      response: { 200: Type.Object({ items: Type.Array(Any), total: Type.Integer() }), ...Errors },
    }),
    async (req) =>
      listHotlineCases(db, actorOf(req), req.query, ...(Object.values(page(req.query)) as [number, number])),
  );
  r.get(
    '/api/grassroots/hotline/matters',
    doc('grassroots.read', '某月反复出现的诉求（按区域和诉求相似度归并，件数多的在前）', {
      querystring: Type.Object({
        month: Month('月份'),
        limit: Type.Optional(Type.Integer({ title: '条数', minimum: 1, maximum: 50 })),
      }),
      response: { 200: Any, ...Errors },
    }),
    async (req) => recurringMatters(db, actorOf(req), req.query.month, req.query.limit ?? 10),
  );
  r.post(
    '/api/grassroots/hotline/take-up',
    doc('grassroots.read', '每月一题：将反复出现的诉求立为议事室议题，关联工单', {
      body: TakeUpBody,
      response: { 200: Type.Object({ id: Type.Integer() }), ...Errors },
    }),
    async (req) => db.transaction((tx) => takeUpMatter(tx, actorOf(req), req.body)),
  );
  r.post(
    '/api/grassroots/items/:id/hotline-cases',
    doc('grassroots.read', '记录议定事项解决的热线工单', {
      params: IdParams,
      body: Type.Object({ caseNos: CaseNos }),
      response: { 200: Ok, ...Errors },
    }),
    okInTransaction(db, (tx, actor, req) => recordResolvedCases(tx, actor, req.params.id, req.body.caseNos)),
  );
}
