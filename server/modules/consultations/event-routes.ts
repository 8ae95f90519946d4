// Consultation event routes: list and detail, create/edit, participants and research contributions, materials, the
// procedure's actions, speeches (sign up, text, select, deliver), and the year figures with the report's sentence.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { DOCX_MIME, sendDownload, XLSX_MIME } from '../../platform/download.ts';
import { attachFiles, registerFileAccess } from '../../platform/files/files.ts';
import { okInTransaction, PageOf, pagedList } from '../../platform/http/handlers.ts';
import { ErrorBody, IdParams, Ok, Paging } from '../../platform/routes.ts';
import { Enum } from '../meetings/schema.ts';
import { eventAgendaDocx, eventMinutesDocx, eventNoticeDocx } from './event-documents.ts';
import { getEvent, listEvents } from './event-repository.ts';
import {
  addParticipants,
  createEvent,
  fireEventAction,
  removeParticipant,
  setResearchContribution,
  updateEvent,
} from './event-service.ts';
import { eventFigures } from './figures-events.ts';
import { EXPORT_ROWS, eventsXlsx } from './list-exports.ts';
import { EventActionBody, EventBody, Id, ParticipantBody, SpeechBody, SpeechDecisionBody } from './schemas.ts';
import { fireSpeechAction, signUpToSpeak, submitSpeechText } from './speech-service.ts';

const Errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const Any = Type.Any();
const StateOut = Type.Object({ state: Type.String() });
const EventFilters = {
  year: Type.Optional(Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 })),
  kind: Type.Optional(Type.String({ title: '协商类型', maxLength: 50 })),
  category: Type.Optional(Enum(['consultation', 'supervision'], '类别')),
  state: Type.Optional(Enum(['preparation', 'noticed', 'held', 'minuted', 'done', 'cancelled'], '状态')),
  planItemId: Type.Optional(Id('计划项目')),
  proposalId: Type.Optional(Id('提案')),
  q: Type.Optional(Type.String({ title: '关键词', maxLength: 50 })),
  upcoming: Type.Optional(Type.Boolean({ title: '只看即将举行的' })),
};
const DOCUMENTS = { notice: eventNoticeDocx, agenda: eventAgendaDocx, minutes: eventMinutesDocx };
const ParticipantParams = Type.Object({ id: Id('协商活动'), participantId: Id('参加人员') });

export async function eventRoutes(app: FastifyInstance, { db }: ModuleDeps, _opts: { seesAll: unknown }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['consultations'];
  registerFileAccess('consultationEvent', async (d, actor, id) => !!(await getEvent(d, actor, id).catch(() => null)));

  r.get(
    '/api/consultations/events',
    {
      preHandler: requireAuth('consultation.read'),
      schema: {
        tags,
        summary: '协商活动列表（委员看到已发通知的和本人参加的）',
        querystring: Type.Object({ ...Paging, ...EventFilters }),
        response: { 200: PageOf(Any), ...Errors },
      },
    },
    pagedList(db, listEvents),
  );

  r.get(
    '/api/consultations/events.xlsx',
    {
      preHandler: requireAuth('consultation.manage'),
      schema: { tags, summary: '导出协商活动列表（Excel，按列表的筛选条件）', querystring: Type.Object(EventFilters) },
    },
    async (request, reply) => {
      const { items } = await listEvents(db, actorOf(request), request.query, EXPORT_ROWS, 0);
      return sendDownload(reply, '协商活动.xlsx', XLSX_MIME, await eventsXlsx(items));
    },
  );

  for (const [doc, label] of [
    ['notice', '会议通知'],
    ['agenda', '会议议程'],
    ['minutes', '会议纪要'],
  ] as const)
    r.get(
      `/api/consultations/events/:id/${doc}.docx`,
      {
        preHandler: requireAuth('consultation.manage'),
        schema: { tags, summary: `导出${label}（Word）`, params: IdParams },
      },
      async (request, reply) => {
        const { name, buffer } = await DOCUMENTS[doc](db, actorOf(request), request.params.id);
        return sendDownload(reply, name, DOCX_MIME, buffer);
      },
    );

  r.post(
    '/api/consultations/events',
    {
      preHandler: requireAuth('consultation.manage'),
      schema: {
        tags,
        summary: '新建协商活动（来自计划项目、计划外或重点提案）',
        body: EventBody,
        response: { 200: Type.Object({ id: Type.Integer() }), ...Errors },
      },
    },
    async (request) => db.transaction((tx) => createEvent(tx, actorOf(request), request.body)),
  );

  r.get(
    '/api/consultations/events/:id',
    {
      preHandler: requireAuth('consultation.read'),
      schema: { tags, summary: '协商活动详情', params: IdParams, response: { 200: Any, ...Errors } },
    },
    async (request) => getEvent(db, actorOf(request), request.params.id),
  );

  r.put(
    '/api/consultations/events/:id',
    {
      preHandler: requireAuth('consultation.manage'),
      schema: { tags, summary: '修改协商活动', params: IdParams, body: EventBody, response: { 200: Ok, ...Errors } },
    },
    okInTransaction(db, (tx, actor, request) => updateEvent(tx, actor, request.params.id, request.body)),
  );

  r.post(
    '/api/consultations/events/:id/actions',
    {
      preHandler: requireAuth('consultation.manage'),
      schema: {
        tags,
        summary: '发出通知、会议已举行、形成纪要、办结、取消',
        params: IdParams,
        body: EventActionBody,
        response: { 200: StateOut, ...Errors },
      },
    },
    async (request) => ({
      state: await db.transaction((tx) => fireEventAction(tx, actorOf(request), request.params.id, request.body)),
    }),
  );

  r.post(
    '/api/consultations/events/:id/participants',
    {
      preHandler: requireAuth('consultation.manage'),
      schema: {
        tags,
        summary: '添加参加人员（委员按范围或逐个，特邀人员按姓名）',
        params: IdParams,
        body: ParticipantBody,
        response: { 200: Type.Object({ members: Type.Integer(), guests: Type.Integer() }), ...Errors },
      },
    },
    async (request) => db.transaction((tx) => addParticipants(tx, actorOf(request), request.params.id, request.body)),
  );

  r.delete(
    '/api/consultations/events/:id/participants/:participantId',
    {
      preHandler: requireAuth('consultation.manage'),
      schema: { tags, summary: '移除参加人员', params: ParticipantParams, response: { 200: Ok, ...Errors } },
    },
    okInTransaction(db, (tx, actor, request) =>
      removeParticipant(tx, actor, request.params.id, request.params.participantId),
    ),
  );

  r.put(
    '/api/consultations/events/:id/participants/:participantId/research',
    {
      preHandler: requireAuth('consultation.manage'),
      schema: {
        tags,
        summary: '记录委员为本次协商所作的调研',
        params: ParticipantParams,
        body: Type.Object({ on: Type.Boolean({ title: '有调研成果' }) }),
        response: { 200: Ok, ...Errors },
      },
    },
    async (request) => {
      const { id, participantId } = request.params;
      await db.transaction((tx) => setResearchContribution(tx, actorOf(request), id, participantId, request.body.on));
      return { ok: true };
    },
  );

  r.post(
    '/api/consultations/events/:id/files',
    {
      preHandler: requireAuth('consultation.manage'),
      schema: {
        tags,
        summary: '上传会议材料（背景材料、对口部门材料）',
        params: IdParams,
        body: Type.Object({ fileIds: Type.Array(Id('材料'), { title: '材料', minItems: 1, maxItems: 20 }) }),
        response: { 200: Ok, ...Errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await db.transaction(async (tx) => {
        await getEvent(tx, actor, request.params.id);
        await attachFiles(tx, actor, request.body.fileIds, 'consultationEvent', request.params.id);
        await writeAudit(tx, actor, {
          action: 'consultation.event.files',
          entity: 'consultation_event',
          entityId: request.params.id,
          after: request.body,
        });
      });
      return { ok: true };
    },
  );

  r.post(
    '/api/consultations/events/:id/speeches',
    {
      preHandler: requireAuth('consultation.read'),
      schema: {
        tags,
        summary: '委员报名发言（可同时提交发言稿）',
        params: IdParams,
        body: SpeechBody,
        response: { 200: Type.Object({ id: Type.Integer(), state: Type.String() }), ...Errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction(async (tx) => {
        await getEvent(tx, actor, request.params.id);
        return signUpToSpeak(tx, actor, request.params.id, request.body);
      });
    },
  );

  r.put(
    '/api/consultations/speeches/:id',
    {
      preHandler: requireAuth('consultation.read'),
      schema: {
        tags,
        summary: '提交或修改发言稿',
        params: IdParams,
        body: SpeechBody,
        response: { 200: StateOut, ...Errors },
      },
    },
    async (request) => ({
      state: await db.transaction((tx) => submitSpeechText(tx, actorOf(request), request.params.id, request.body)),
    }),
  );

  r.post(
    '/api/consultations/speeches/:id/withdraw',
    {
      preHandler: requireAuth('consultation.read'),
      schema: { tags, summary: '撤回发言', params: IdParams, response: { 200: StateOut, ...Errors } },
    },
    async (request) => ({
      state: await db.transaction((tx) => fireSpeechAction(tx, actorOf(request), request.params.id, 'withdraw', null)),
    }),
  );

  r.post(
    '/api/consultations/speeches/:id/decision',
    {
      preHandler: requireAuth('consultation.manage'),
      schema: {
        tags,
        summary: '遴选发言、不予遴选、确认已发言',
        params: IdParams,
        body: SpeechDecisionBody,
        response: { 200: StateOut, ...Errors },
      },
    },
    async (request) => {
      const b = request.body;
      return {
        state: await db.transaction((tx) =>
          fireSpeechAction(tx, actorOf(request), request.params.id, b.action, b, b.comment),
        ),
      };
    },
  );

  r.get(
    '/api/consultations/figures',
    {
      preHandler: requireAuth('consultation.figures'),
      schema: {
        tags,
        summary: '协商和民主监督年度数据及年度报告表述',
        querystring: Type.Object({ year: Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 }) }),
        response: { 200: Any, ...Errors },
      },
    },
    async (request) => eventFigures(db, actorOf(request), request.query.year),
  );
}
