// Routes of 随手拍 (snapshotReport): thin — auth, schema, command, present. Uploads of photos and short videos with the
// committee's limit; lists for staff, the unit and the member; one item; its actions; alike items; Excel; timeliness.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { registerActionLabels } from '../../platform/audit/labels.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { beijingYearOf } from '../../platform/dates.ts';
import { sendDownload, XLSX_MIME } from '../../platform/download.ts';
import { FILE_TYPES, MEDIA_TYPES, registerFileAccess } from '../../platform/files/files.ts';
import { receiveUpload } from '../../platform/files/upload.ts';
import { pagedList } from '../../platform/http/handlers.ts';
import { yearSettingRoutes } from '../../platform/http/year-settings.ts';
import { ErrorBody, IdParams } from '../../platform/routes.ts';
import { registerTodos } from '../../platform/todos.ts';
import { ReportAction, ReportInput, ReportQuery, SettingsBody, YearQuery } from './schemas.ts';
import * as svc from './service.ts';
import { getSupervisionSettings, SUPERVISION_SETTING } from './settings.ts';
import { supervisionTodos } from './todos.ts';

const Errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const UPLOAD_TYPES = {
  jpg: FILE_TYPES.jpg,
  jpeg: FILE_TYPES.jpeg,
  png: FILE_TYPES.png,
  mp4: MEDIA_TYPES.mp4,
  webm: MEDIA_TYPES.webm,
};

export async function supervisionRoutes(fastify: FastifyInstance, { db }: ModuleDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  registerTodos('supervision', supervisionTodos);
  registerActionLabels({ 'snapshot-report.file': '随手拍·提交' });
  const access = (d: typeof db, actor: Parameters<typeof svc.mayReadReport>[1], id: number) =>
    svc.mayReadReport(d, actor, id);
  registerFileAccess('snapshot_report', access);
  registerFileAccess('snapshot_answer', access);

  app.post(
    '/api/supervision/uploads',
    { preHandler: requireAuth('supervision.upload'), schema: { consumes: ['multipart/form-data'] } },
    async (req) => {
      const actor = actorOf(req);
      const s = await getSupervisionSettings(db, actor.committeeId, beijingYearOf());
      return receiveUpload(db, req, actor, { maxBytes: s.uploadMaxMb * 1024 * 1024, types: UPLOAD_TYPES });
    },
  );
  app.post(
    '/api/supervision/reports',
    {
      preHandler: requireAuth('supervision.file'),
      schema: { body: ReportInput, response: { 200: Type.Object({ id: Type.Integer() }), ...Errors } },
    },
    async (req) => ({ id: await svc.fileReport(db, actorOf(req), req.body) }),
  );
  for (const [path, permission, scope] of [
    ['/api/supervision/reports', 'supervision.manage', 'staff'],
    ['/api/supervision/reports/mine', 'supervision.file', 'mine'],
    ['/api/supervision/reports/unit', 'supervision.handle', 'unit'],
  ] as const) {
    app.get(
      path,
      { preHandler: requireAuth(permission), schema: { querystring: ReportQuery } },
      pagedList(db, (db, actor, q, limit, offset) => svc.listReports(db, actor, scope, q, limit, offset)),
    );
  }
  app.get(
    '/api/supervision/reports/export',
    { preHandler: requireAuth('supervision.manage'), schema: { querystring: ReportQuery } },
    async (req, reply) =>
      sendDownload(reply, '随手拍.xlsx', XLSX_MIME, await svc.reportsXlsx(db, actorOf(req), req.query)),
  );
  app.get(
    '/api/supervision/reports/:id',
    { preHandler: requireAuth('supervision.read'), schema: { params: IdParams } },
    async (req) => svc.getReport(db, actorOf(req), req.params.id),
  );
  app.get(
    '/api/supervision/reports/:id/similar',
    { preHandler: requireAuth('supervision.manage'), schema: { params: IdParams } },
    async (req) => ({ items: await svc.similarReports(db, actorOf(req), req.params.id) }),
  );
  app.post(
    '/api/supervision/reports/:id/actions',
    {
      preHandler: requireAuth('supervision.read'),
      schema: {
        params: IdParams,
        body: ReportAction,
        response: { 200: Type.Object({ state: Type.String() }), ...Errors },
      },
    },
    async (req) => ({ state: await svc.fireReportAction(db, actorOf(req), req.params.id, req.body) }),
  );
  app.get(
    '/api/supervision/timeliness',
    { preHandler: requireAuth('supervision.figures'), schema: { querystring: YearQuery } },
    async (req) => ({
      items: await svc.unitTimeliness(
        db,
        actorOf(req).committeeId,
        `${req.query.year}-01-01`,
        `${req.query.year}-12-31`,
      ),
    }),
  );
  yearSettingRoutes(fastify, db, {
    path: '/api/supervision/settings',
    read: 'supervision.read',
    manage: 'supervision.manage',
    key: SUPERVISION_SETTING,
    year: YearQuery,
    body: SettingsBody,
    get: getSupervisionSettings,
  });
}
