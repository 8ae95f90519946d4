// Workspace routes (专委会・界别工作台): the workspaces, the signature project (一委一品) and the monthly reports (月汇报).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { registerActionLabels } from '../../platform/audit/labels.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { beijingYearOf } from '../../platform/dates.ts';
import { DOCX_MIME, sendDownload } from '../../platform/download.ts';
import { registerFileAccess } from '../../platform/files/files.ts';
import { okInTransaction } from '../../platform/http/handlers.ts';
import { ErrorBody, IdParams, Ok } from '../../platform/routes.ts';
import { putSetting } from '../../platform/settings/settings.ts';
import { registerTodos } from '../../platform/todos.ts';
import { reportDocx } from './documents.ts';
import * as reports from './reports.ts';
import {
  MilestoneDoneInput,
  MilestoneInput,
  ProgressInput,
  ProjectInput,
  ReportAction,
  ReportEdit,
  ReportInput,
  ReportQuery,
  WorkspaceSettingsBody,
  YearQuery,
} from './schemas.ts';
import { getWorkspaceSettings, WORKSPACE_SETTING } from './settings.ts';
import * as signature from './signature.ts';
import { workspaceTodos } from './todos.ts';
import { listWorkspaces, sectorWorkspace, specialCommitteeWorkspace } from './units.ts';

const Errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const Created = Type.Object({ id: Type.Integer() });

export async function workspaceRoutes(fastify: FastifyInstance, { db }: ModuleDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  registerTodos('workspace', workspaceTodos);
  registerFileAccess('signature_progress', signature.mayReadProgressFiles);
  registerActionLabels({
    'workspace.signature_create': '一委一品·设立项目',
    'workspace.signature_update': '一委一品·修改项目',
    'workspace.milestone_add': '一委一品·添加节点',
    'workspace.milestone_done': '一委一品·标记节点',
    'workspace.progress_add': '一委一品·记录进展',
    'workspace.report_create': '专委会月汇报·生成草稿',
    'workspace.report_edit': '专委会月汇报·修改',
  });
  const read = requireAuth('workspace.read');
  const manage = requireAuth('workspace.manage');

  app.get('/api/workspace', { preHandler: read, schema: {} }, async (req) => listWorkspaces(db, actorOf(req)));
  app.get(
    '/api/workspace/special-committees/:id',
    { preHandler: read, schema: { params: IdParams, querystring: YearQuery } },
    async (req) => specialCommitteeWorkspace(db, actorOf(req), req.params.id, req.query.year ?? beijingYearOf()),
  );
  app.get(
    '/api/workspace/sectors/:id',
    { preHandler: read, schema: { params: IdParams, querystring: YearQuery } },
    async (req) => sectorWorkspace(db, actorOf(req), req.params.id, req.query.year ?? beijingYearOf()),
  );

  // 一委一品
  app.put(
    '/api/workspace/special-committees/:id/signature',
    { preHandler: manage, schema: { params: IdParams, body: ProjectInput, response: { 200: Created, ...Errors } } },
    async (req) => ({ id: await signature.saveProject(db, actorOf(req), req.params.id, req.body) }),
  );
  app.post(
    '/api/workspace/signature/:id/milestones',
    { preHandler: manage, schema: { params: IdParams, body: MilestoneInput, response: { 200: Created, ...Errors } } },
    async (req) => ({ id: await signature.addMilestone(db, actorOf(req), req.params.id, req.body) }),
  );
  app.put(
    '/api/workspace/milestones/:id/done',
    { preHandler: manage, schema: { params: IdParams, body: MilestoneDoneInput, response: { 200: Ok, ...Errors } } },
    async (req) => {
      await signature.setMilestoneDone(db, actorOf(req), req.params.id, req.body.done);
      return { ok: true };
    },
  );
  app.post(
    '/api/workspace/signature/:id/progress',
    { preHandler: manage, schema: { params: IdParams, body: ProgressInput, response: { 200: Created, ...Errors } } },
    async (req) => ({ id: await signature.addProgress(db, actorOf(req), req.params.id, req.body) }),
  );

  // 月汇报
  app.get('/api/workspace/reports', { preHandler: read, schema: { querystring: ReportQuery } }, async (req) =>
    reports.listReports(db, actorOf(req), req.query),
  );
  app.post(
    '/api/workspace/reports',
    { preHandler: manage, schema: { body: ReportInput, response: { 200: Created, ...Errors } } },
    async (req) => ({ id: await reports.createReport(db, actorOf(req), req.body) }),
  );
  app.get('/api/workspace/reports/:id', { preHandler: read, schema: { params: IdParams } }, async (req) =>
    reports.getReport(db, actorOf(req), req.params.id),
  );
  app.put(
    '/api/workspace/reports/:id',
    { preHandler: manage, schema: { params: IdParams, body: ReportEdit, response: { 200: Ok, ...Errors } } },
    async (req) => {
      await reports.updateReport(db, actorOf(req), req.params.id, req.body);
      return { ok: true };
    },
  );
  app.post(
    '/api/workspace/reports/:id/actions',
    {
      preHandler: read,
      schema: {
        params: IdParams,
        body: ReportAction,
        response: { 200: Type.Object({ state: Type.String() }), ...Errors },
      },
    },
    async (req) => reports.actOnReport(db, actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/workspace/reports/:id/report.docx',
    { preHandler: read, schema: { params: IdParams } },
    async (req, reply) => {
      const r = await reports.reportForExport(db, actorOf(req), req.params.id);
      return sendDownload(reply, `${r.title}.docx`, DOCX_MIME, await reportDocx(r));
    },
  );

  app.get('/api/workspace/settings', { preHandler: read, schema: {} }, async (req) =>
    getWorkspaceSettings(db, actorOf(req).committeeId),
  );
  app.put(
    '/api/workspace/settings',
    {
      preHandler: requireAuth('workspace.settings'),
      schema: { body: WorkspaceSettingsBody, response: { 200: Ok, ...Errors } },
    },
    okInTransaction(db, (tx, actor, req) => putSetting(tx, actor, WORKSPACE_SETTING, beijingYearOf(), req.body)),
  );
}
