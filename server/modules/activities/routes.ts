// Activity routes: list/detail (members see the ones they are in and the open ones), create/edit/close/cancel, invite,
// self-registration, participant sheet with Excel export, staff marking, the rotating QR code, outputs and their review.

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { namesFromTable, registerEntityNames } from '../../platform/audit/names.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { queryOne } from '../../platform/db/client.ts';
import { chinaDateTime, sendDownload, XLSX_MIME, xlsxOf } from '../../platform/download.ts';
import { registerFileAccess } from '../../platform/files/files.ts';
import { ErrorBody, IdParams, Ok, Paging, page } from '../../platform/routes.ts';
import { Enum, Nullable } from '../meetings/schema.ts';
import { InviteSchema } from '../meetings/schemas.ts';
import { listOutputs, reviewOutput, submitOutput } from './outputs.ts';
import { activityCheckinCode, markActivityAttendance, participantSheet, register } from './participation.ts';
import { setActivityStatus } from './process.ts';
import {
  ACTIVITY_LABELS,
  createActivity,
  getActivity,
  inviteToActivity,
  listActivities,
  updateActivity,
} from './service.ts';

const Id = (title: string) => Type.Integer({ title, minimum: 1, maximum: 2147483647 });
const Kind = Enum(Object.keys(ACTIVITY_LABELS), '活动类型');
const ActivityBody = {
  kind: Kind,
  title: Type.String({ title: '活动名称', minLength: 1, maxLength: 100 }),
  startsAt: Type.String({ title: '开始时间', format: 'date-time' }),
  endsAt: Type.String({ title: '结束时间', format: 'date-time' }),
  place: Type.String({ title: '活动地点', minLength: 1, maxLength: 100 }),
  description: Type.Optional(Type.String({ title: '活动内容', maxLength: 5000 })),
  registration: Enum(['invite', 'open'], '参加方式'),
  capacity: Type.Optional(Nullable(Type.Integer({ title: '人数上限', minimum: 1, maximum: 10000 }))),
  fileIds: Type.Optional(Type.Array(Id('附件'), { title: '附件', maxItems: 20 })),
};
const ListItem = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  kindLabel: Type.String(),
  title: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  place: Type.String(),
  registration: Type.String(),
  capacity: Nullable(Type.Integer()),
  status: Type.String(),
  participants: Type.Integer(),
  checkedIn: Type.Integer(),
  outputsPending: Type.Integer(),
  joined: Type.Boolean(),
  myCheckedInAt: Nullable(Type.String()),
});
const Detail = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  kindLabel: Type.String(),
  title: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  place: Type.String(),
  description: Type.String(),
  registration: Type.String(),
  capacity: Nullable(Type.Integer()),
  status: Type.String(),
  participants: Type.Integer(),
  checkedIn: Type.Integer(),
  mine: Nullable(
    Type.Object({
      source: Type.String(),
      checkedInAt: Nullable(Type.String()),
      checkinMethod: Nullable(Type.String()),
    }),
  ),
  files: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), size: Type.Integer() })),
});
const OutputOut = Type.Object({
  id: Type.Integer(),
  activityId: Type.Integer(),
  activityTitle: Type.String(),
  activityKindLabel: Type.String(),
  memberId: Type.Integer(),
  memberName: Type.String(),
  kind: Type.String(),
  kindLabel: Type.String(),
  title: Type.String(),
  body: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  reviewComment: Nullable(Type.String()),
  reviewedBy: Nullable(Type.String()),
  submittedAt: Type.String(),
  reviewedAt: Nullable(Type.String()),
  files: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), size: Type.Integer() })),
});
const MemberParams = Type.Object({ id: Id('活动'), memberId: Id('委员') });

export async function activityRoutes(app: FastifyInstance, { db }: ModuleDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['activities'];

  registerFileAccess('activity', async (d, actor, id) => {
    if (actor.roles.some((x) => x !== 'member'))
      return !!(await queryOne(
        d,
        sql`select 1 from activities where committee_id = ${actor.committeeId} and id = ${id}`,
      ));
    return !!(await queryOne(
      d,
      sql`select 1 from activities a where a.committee_id = ${actor.committeeId} and a.id = ${id} and (a.registration = 'open'
        or exists (select 1 from activity_participants p where p.committee_id = a.committee_id and p.activity_id = a.id and p.member_id = ${actor.memberId ?? 0}))`,
    ));
  });
  registerFileAccess('activityOutput', async (d, actor, id) => {
    const o = await queryOne<{ member_id: number }>(
      d,
      sql`select member_id from activity_outputs where committee_id = ${actor.committeeId} and id = ${id}`,
    );
    return !!o && (actor.roles.some((x) => x !== 'member') || o.member_id === actor.memberId);
  });

  r.get(
    '/api/activities',
    {
      preHandler: requireAuth('meeting.read'),
      schema: {
        tags,
        summary: '活动列表（委员看到受邀的和开放报名的）',
        querystring: Type.Object({
          ...Paging,
          kind: Type.Optional(Kind),
          status: Type.Optional(Enum(['open', 'closed', 'cancelled'], '状态')),
          q: Type.Optional(Type.String({ title: '关键词', maxLength: 50 })),
          from: Type.Optional(Type.String({ title: '开始日期', format: 'date' })),
          to: Type.Optional(Type.String({ title: '结束日期', format: 'date' })),
          mine: Type.Optional(Type.Boolean({ title: '只看我参加的' })),
        }),
        response: { 200: Type.Object({ items: Type.Array(ListItem), total: Type.Integer() }) },
      },
    },
    async (request) => {
      const { limit, offset } = page(request.query);
      return listActivities(db, actorOf(request), request.query, limit, offset);
    },
  );

  r.post(
    '/api/activities',
    {
      preHandler: requireAuth('activity.manage'),
      schema: {
        tags,
        summary: '新建活动（可同时按范围邀请委员）',
        body: Type.Object({ ...ActivityBody, invite: Type.Optional(InviteSchema) }),
        response: { 200: Type.Object({ id: Type.Integer(), invited: Type.Integer() }), 400: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) => createActivity(tx, actor, request.body));
    },
  );

  r.get(
    '/api/activities/outputs',
    {
      preHandler: requireAuth('meeting.read'),
      schema: {
        tags,
        summary: '活动成果（委员只看到自己的）',
        querystring: Type.Object({
          ...Paging,
          activityId: Type.Optional(Id('活动')),
          status: Type.Optional(Enum(['submitted', 'confirmed', 'returned'], '状态')),
          mine: Type.Optional(Type.Boolean({ title: '只看我的' })),
        }),
        response: { 200: Type.Object({ items: Type.Array(OutputOut), total: Type.Integer() }) },
      },
    },
    async (request) => {
      const { limit, offset } = page(request.query);
      return listOutputs(db, actorOf(request), request.query, limit, offset);
    },
  );

  r.post(
    '/api/activities/outputs/:id/review',
    {
      preHandler: requireAuth('activity.manage'),
      schema: {
        tags,
        summary: '确认、退回或撤销确认活动成果',
        params: IdParams,
        body: Type.Object({
          action: Enum(['confirm', 'return', 'revoke'], '操作'),
          comment: Type.Optional(Type.String({ title: '意见', maxLength: 500 })),
        }),
        response: { 200: Ok, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await db.transaction((tx) => reviewOutput(tx, actor, request.params.id, request.body));
      return { ok: true };
    },
  );

  r.get(
    '/api/activities/:id',
    {
      preHandler: requireAuth('meeting.read'),
      schema: { tags, summary: '活动详情', params: IdParams, response: { 200: Detail, 404: ErrorBody } },
    },
    async (request) => getActivity(db, actorOf(request), request.params.id),
  );

  r.put(
    '/api/activities/:id',
    {
      preHandler: requireAuth('activity.manage'),
      schema: {
        tags,
        summary: '修改活动',
        params: IdParams,
        body: Type.Object(ActivityBody),
        response: { 200: Ok, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await db.transaction((tx) => updateActivity(tx, actor, request.params.id, request.body));
      return { ok: true };
    },
  );

  for (const [path, to, summary] of [
    ['close', 'closed', '结束活动'],
    ['cancel', 'cancelled', '取消活动（撤销本活动的履职记录）'],
    ['reopen', 'open', '重新开放活动'],
  ] as const) {
    r.post(
      `/api/activities/:id/${path}`,
      {
        preHandler: requireAuth('activity.manage'),
        schema: { tags, summary, params: IdParams, response: { 200: Ok, 404: ErrorBody, 409: ErrorBody } },
      },
      async (request) => {
        const actor = actorOf(request);
        await db.transaction((tx) => setActivityStatus(tx, actor, request.params.id, to));
        return { ok: true };
      },
    );
  }

  r.post(
    '/api/activities/:id/invite',
    {
      preHandler: requireAuth('activity.manage'),
      schema: {
        tags,
        summary: '邀请委员参加（按范围）',
        params: IdParams,
        body: InviteSchema,
        response: { 200: Type.Object({ added: Type.Integer() }), 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) => inviteToActivity(tx, actor, request.params.id, request.body));
    },
  );

  for (const [path, join, summary] of [
    ['register', true, '委员报名参加'],
    ['unregister', false, '委员取消报名'],
  ] as const) {
    r.post(
      `/api/activities/:id/${path}`,
      {
        preHandler: requireAuth('meeting.read'),
        schema: {
          tags,
          summary,
          params: IdParams,
          response: { 200: Ok, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await db.transaction((tx) => register(tx, actor, request.params.id, join));
        return { ok: true };
      },
    );
  }

  r.get(
    '/api/activities/:id/participants',
    {
      preHandler: requireAuth('activity.manage'),
      schema: {
        tags,
        summary: '参加人员名单',
        params: IdParams,
        querystring: Type.Object({
          ...Paging,
          q: Type.Optional(Type.String({ title: '姓名或编号', maxLength: 50 })),
          checkedIn: Type.Optional(Type.Boolean({ title: '是否已签到' })),
        }),
        response: {
          200: Type.Object({
            activity: Type.Object({
              id: Type.Integer(),
              title: Type.String(),
              kind: Type.String(),
              status: Type.String(),
            }),
            total: Type.Integer(),
            items: Type.Array(
              Type.Object({
                memberId: Type.Integer(),
                name: Type.String(),
                code: Nullable(Type.String()),
                sector: Nullable(Type.String()),
                source: Type.String(),
                checkedInAt: Nullable(Type.String()),
                checkinMethod: Nullable(Type.String()),
                outputs: Type.Integer(),
              }),
            ),
          }),
          404: ErrorBody,
        },
      },
    },
    async (request) => {
      const { limit, offset } = page(request.query);
      return participantSheet(db, actorOf(request), request.params.id, request.query, limit, offset);
    },
  );

  r.get(
    '/api/activities/:id/participants/export',
    {
      preHandler: requireAuth('activity.manage'),
      schema: {
        tags,
        summary: '导出参加人员名单（Excel）',
        params: IdParams,
        querystring: Type.Object({
          q: Type.Optional(Type.String({ title: '姓名或编号', maxLength: 50 })),
          checkedIn: Type.Optional(Type.Boolean({ title: '是否已签到' })),
        }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const q = request.query;
      const sheet = await participantSheet(db, actor, request.params.id, q, 100000, 0);
      const buf = await xlsxOf(
        '参加人员',
        [
          { header: '编号', key: 'code', width: 10 },
          { header: '姓名', key: 'name', width: 12 },
          { header: '界别', key: 'sector', width: 22 },
          { header: '参加方式', key: 'sourceLabel', width: 10 },
          { header: '签到时间', key: 'checked', width: 20 },
          { header: '成果数', key: 'outputs', width: 8 },
        ],
        sheet.items.map((row) => ({
          ...row,
          sourceLabel: row.source === 'invited' ? '邀请' : '报名',
          checked: row.checkedInAt ? chinaDateTime(row.checkedInAt) : '未签到',
        })),
      );
      return sendDownload(reply, `${sheet.activity.title}-参加人员.xlsx`, XLSX_MIME, buf);
    },
  );

  r.post(
    '/api/activities/:id/attendance/:memberId',
    {
      preHandler: requireAuth('activity.manage'),
      schema: {
        tags,
        summary: '工作人员标记签到或撤销签到',
        params: MemberParams,
        body: Type.Object({ present: Type.Boolean({ title: '是否参加' }) }),
        response: { 200: Ok, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await db.transaction((tx) =>
        markActivityAttendance(tx, actor, request.params.id, request.params.memberId, request.body.present),
      );
      return { ok: true };
    },
  );

  r.get(
    '/api/activities/:id/checkin-code',
    {
      preHandler: requireAuth('activity.manage'),
      schema: {
        tags,
        summary: '活动签到二维码（每 30 秒更换）',
        params: IdParams,
        response: {
          200: Type.Object({
            token: Type.String(),
            url: Type.String(),
            expiresAt: Type.String(),
            svg: Type.String(),
            title: Type.String(),
          }),
          404: ErrorBody,
          409: ErrorBody,
        },
      },
    },
    async (request) =>
      activityCheckinCode(db, actorOf(request), request.params.id, `${request.protocol}://${request.host}`),
  );

  r.post(
    '/api/activities/:id/outputs',
    {
      preHandler: requireAuth('meeting.read'),
      schema: {
        tags,
        summary: '委员提交活动成果（报告、建议、佐证材料）',
        params: IdParams,
        body: Type.Object({
          kind: Enum(['report', 'suggestion', 'evidence'], '成果类型'),
          title: Type.String({ title: '成果标题', minLength: 1, maxLength: 100 }),
          body: Type.Optional(Type.String({ title: '成果内容', maxLength: 20000 })),
          fileIds: Type.Optional(Type.Array(Id('附件'), { title: '附件', maxItems: 10 })),
        }),
        response: { 200: Type.Object({ id: Type.Integer() }), 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) => submitOutput(tx, actor, request.params.id, request.body));
    },
  );
}

// How the audit page names this module's objects (platform/audit/names.ts).
registerEntityNames('activity', namesFromTable('activities', 't.title'));
