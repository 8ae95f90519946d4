// 正负面清单 routes: the lists of a year (staff and members read them beside the rules), staff add, edit and retire
// items, record a member's occurrence with its evidence (a duty fact) or revoke it; a member reads their own
// occurrences; Excel export of the lists.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { sendDownload, XLSX_MIME } from '../../platform/download.ts';
import { forbidden } from '../../platform/errors.ts';
import { registerFileAccess } from '../../platform/files/files.ts';
import { okAsActor } from '../../platform/http/handlers.ts';
import { ErrorBody, IdParams, Ok } from '../../platform/routes.ts';
import { Enum, Nullable } from '../meetings/schema.ts';
import {
  createConductItem,
  exportConductLists,
  isOwnConductRecord,
  listConductItems,
  listConductRecords,
  POLARITY_LABELS,
  recordConduct,
  retireConductItem,
  revokeConductRecord,
  updateConductItem,
} from './conduct.ts';
import { noLinkedMember } from './errors.ts';
import { readsAll, readsOwn, seesLists } from './policy.ts';
import { Id, Year } from './schemas.ts';
import { thisYear } from './service.ts';

const ItemOut = Type.Object({
  id: Type.Integer(),
  year: Type.Integer(),
  polarity: Type.String(),
  title: Type.String(),
  evidenceRequired: Type.String(),
  points: Type.Number(),
  retired: Type.Boolean(),
  occurrences: Type.Integer(),
});
const RecordOut = Type.Object({
  id: Type.Integer(),
  itemId: Type.Integer(),
  itemTitle: Type.String(),
  polarity: Type.String(),
  points: Type.Number(),
  memberId: Type.Integer(),
  memberName: Type.String(),
  occurredOn: Type.String(),
  evidence: Type.String(),
  createdBy: Nullable(Type.String()),
  revoked: Type.Boolean(),
  revokeReason: Nullable(Type.String()),
});
const Points = Type.Number({ title: '分值', exclusiveMinimum: 0, maximum: 100 });
const Title = Type.String({ title: '事项', minLength: 1, maxLength: 50 });
const EvidenceRequired = Type.String({ title: '所需佐证', maxLength: 200 });

export function dutyConductRoutes(app: FastifyInstance, { db }: ModuleDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['duty'];
  // A record's attachments: staff who read duty, and the member it is about.
  registerFileAccess('dutyConductRecord', async (d, actor, id) => {
    if (readsAll(actor)) return true;
    return !!actor.memberId && (await isOwnConductRecord(d, actor.committeeId, actor.memberId, id));
  });

  r.get(
    '/api/duty/lists',
    {
      preHandler: requireAuth(),
      schema: {
        tags,
        summary: '某年度的正负面清单（工作人员与委员均可查看）',
        querystring: Type.Object({ year: Type.Optional(Year) }),
        response: {
          200: Type.Object({
            year: Type.Integer(),
            items: Type.Array(ItemOut),
            labels: Type.Record(Type.String(), Type.String()),
          }),
          403: ErrorBody,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!seesLists(actor)) throw forbidden('duty.lists_forbidden', '无权查看正负面清单');
      const year = request.query.year ?? thisYear();
      return { year, items: await listConductItems(db, actor.committeeId, year), labels: POLARITY_LABELS };
    },
  );

  r.get(
    '/api/duty/lists/export',
    {
      preHandler: requireAuth('duty.readAll'),
      schema: { tags, summary: '导出某年度的正负面清单（Excel）', querystring: Type.Object({ year: Year }) },
    },
    async (request, reply) => {
      const { year } = request.query;
      const buf = await exportConductLists(db, actorOf(request).committeeId, year);
      return sendDownload(reply, `${year}年度正负面清单.xlsx`, XLSX_MIME, buf);
    },
  );

  r.post(
    '/api/duty/lists/items',
    {
      preHandler: requireAuth('duty.lists'),
      schema: {
        tags,
        summary: '新增清单事项（同时写入该年度积分规则并重新计分）',
        body: Type.Object({
          year: Year,
          polarity: Enum(['positive', 'negative'], '清单'),
          title: Title,
          evidenceRequired: Type.Optional(EvidenceRequired),
          points: Points,
        }),
        response: { 200: Type.Object({ id: Type.Integer() }), 400: ErrorBody },
      },
    },
    async (request) => ({ id: await createConductItem(db, actorOf(request), request.body) }),
  );

  r.put(
    '/api/duty/lists/items/:id',
    {
      preHandler: requireAuth('duty.lists'),
      schema: {
        tags,
        summary: '修改清单事项（事项、所需佐证、分值）',
        params: IdParams,
        body: Type.Object({ title: Title, evidenceRequired: Type.Optional(EvidenceRequired), points: Points }),
        response: { 200: Ok, 400: ErrorBody, 404: ErrorBody },
      },
    },
    okAsActor((actor, request) => updateConductItem(db, actor, request.params.id, request.body)),
  );

  r.post(
    '/api/duty/lists/items/:id/retire',
    {
      preHandler: requireAuth('duty.lists'),
      schema: {
        tags,
        summary: '停用清单事项（已登记的仍计分）',
        params: IdParams,
        response: { 200: Ok, 404: ErrorBody },
      },
    },
    okAsActor((actor, request) => retireConductItem(db, actor, request.params.id)),
  );

  r.post(
    '/api/duty/lists/items/:id/records',
    {
      preHandler: requireAuth('duty.lists'),
      schema: {
        tags,
        summary: '登记委员的一次清单事项（附事实与依据，计入履职积分）',
        params: IdParams,
        body: Type.Object({
          memberId: Id('委员'),
          occurredOn: Type.String({ title: '发生日期', format: 'date' }),
          evidence: Type.String({ title: '事实与依据', minLength: 1, maxLength: 1000 }),
          fileIds: Type.Optional(Type.Array(Id('附件'), { title: '附件', maxItems: 10 })),
        }),
        response: { 200: Type.Object({ id: Type.Integer() }), 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => ({ id: await recordConduct(db, actorOf(request), request.params.id, request.body) }),
  );

  r.post(
    '/api/duty/lists/records/:id/revoke',
    {
      preHandler: requireAuth('duty.lists'),
      schema: {
        tags,
        summary: '撤销一次清单登记（不再计分）',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ title: '撤销原因', minLength: 1, maxLength: 200 }) }),
        response: { 200: Ok, 400: ErrorBody, 404: ErrorBody },
      },
    },
    okAsActor((actor, request) => revokeConductRecord(db, actor, request.params.id, request.body.reason)),
  );

  r.get(
    '/api/duty/lists/records',
    {
      preHandler: requireAuth(),
      schema: {
        tags,
        summary: '清单登记记录（工作人员看全部，委员只看自己的）',
        querystring: Type.Object({
          year: Type.Optional(Year),
          memberId: Type.Optional(Id('委员')),
          itemId: Type.Optional(Id('清单事项')),
        }),
        response: { 200: Type.Object({ items: Type.Array(RecordOut) }), 404: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const year = request.query.year ?? thisYear();
      if (readsAll(actor))
        return { items: await listConductRecords(db, actor.committeeId, { ...request.query, year }) };
      if (!readsOwn(actor)) throw noLinkedMember();
      return {
        items: await listConductRecords(db, actor.committeeId, {
          year,
          memberId: actor.memberId,
          itemId: request.query.itemId,
        }),
      };
    },
  );
}
