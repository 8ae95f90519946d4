// Routes of 随手拍 (snapshotReport): thin — auth, schema, command, present. Uploads of photos and short videos with the
// committee's limit; lists for staff, the unit and the member; one item; its actions; alike items; Excel; timeliness.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../app.ts';
import { registerActionLabels } from '../../platform/audit/labels.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { beijingYearOf } from '../../platform/dates.ts';
import { sendDownload, XLSX_MIME } from '../../platform/download.ts';
import { FILE_TYPES, MEDIA_TYPES, registerFileAccess } from '../../platform/files/files.ts';
import { receiveUpload } from '../../platform/files/upload.ts';
import { pagedList } from '../../platform/http/handlers.ts';
import { yearSettingRoutes } from '../../platform/http/year-settings.ts';
import { routeKit } from '../../platform/route-kit.ts';
import { registerTodos } from '../../platform/todos.ts';
import { ReportAction, ReportInput, ReportQuery, SettingsBody, YearQuery } from './schemas.ts';
import * as svc from './service.ts';
import { getSupervisionSettings, SUPERVISION_SETTING } from './settings.ts';
import { supervisionTodos } from './todos.ts';

const UPLOAD_TYPES = {
  jpg: FILE_TYPES.jpg,
  jpeg: FILE_TYPES.jpeg,
  png: FILE_TYPES.png,
  mp4: MEDIA_TYPES.mp4,
  webm: MEDIA_TYPES.webm,
};

export async function supervisionRoutes(fastify: FastifyInstance, { db }: ModuleDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const r = routeKit(fastify);
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
  r.create('/api/supervision/reports', 'supervision.file', ReportInput, (actor, body) =>
    svc.fileReport(db, actor, body),
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
  r.read('/api/supervision/reports/:id', 'supervision.read', (actor, id) => svc.getReport(db, actor, id));
  r.read('/api/supervision/reports/:id/similar', 'supervision.manage', async (actor, id) => ({
    items: await svc.similarReports(db, actor, id),
  }));
  r.action('/api/supervision/reports/:id/actions', 'supervision.read', ReportAction, (actor, id, body) =>
    svc.fireReportAction(db, actor, id, body),
  );
  r.list('/api/supervision/timeliness', 'supervision.figures', YearQuery, async (actor, q) => ({
    items: await svc.unitTimeliness(db, actor.committeeId, `${q.year}-01-01`, `${q.year}-12-31`),
  }));
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
