// Who takes part in an activity: the participant sheet and its Excel, staff marking attendance, the rotating check-in QR code.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { chinaDateTime } from '../../platform/download.ts';
import { okInTransaction } from '../../platform/http/handlers.ts';
import { memberSheetRoutes } from '../../platform/member-sheet.ts';
import { ErrorBody, IdParams, Ok } from '../../platform/routes.ts';
import { CheckinCodeResponse } from '../meetings/checkin.ts';
import { EventRef, MemberRefWithSector, Nullable } from '../meetings/schema.ts';
import { activityCheckinCode, markActivityAttendance, participantSheet } from './participation.ts';
import { MemberParams } from './schemas.ts';

export function activityParticipationRoutes(app: FastifyInstance, { db }: ModuleDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['activities'];

  memberSheetRoutes(app, db, {
    path: '/api/activities/:id/participants',
    permission: 'activity.manage',
    tags,
    summary: '参加人员名单',
    filters: {
      q: Type.Optional(Type.String({ title: '姓名或编号', maxLength: 50 })),
      checkedIn: Type.Optional(Type.Boolean({ title: '是否已签到' })),
    },
    response: Type.Object({
      activity: EventRef,
      total: Type.Integer(),
      items: Type.Array(
        Type.Object({
          ...MemberRefWithSector,
          source: Type.String(),
          checkedInAt: Nullable(Type.String()),
          checkinMethod: Nullable(Type.String()),
          outputs: Type.Integer(),
        }),
      ),
    }),
    load: participantSheet,
    sheetName: '参加人员',
    title: (sheet) => sheet.activity.title,
    columns: [
      { header: '参加方式', key: 'sourceLabel', width: 10 },
      { header: '签到时间', key: 'checked', width: 20 },
      { header: '成果数', key: 'outputs', width: 8 },
    ],
    rows: (sheet) =>
      sheet.items.map((row) => ({
        ...row,
        sourceLabel: row.source === 'invited' ? '邀请' : '报名',
        checked: row.checkedInAt ? chinaDateTime(row.checkedInAt) : '未签到',
      })),
  });

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
    okInTransaction(db, (tx, actor, request) =>
      markActivityAttendance(tx, actor, request.params.id, request.params.memberId, request.body.present),
    ),
  );

  r.get(
    '/api/activities/:id/checkin-code',
    {
      preHandler: requireAuth('activity.manage'),
      schema: {
        tags,
        summary: '活动签到二维码（每 30 秒更换）',
        params: IdParams,
        response: CheckinCodeResponse,
      },
    },
    async (request) =>
      activityCheckinCode(db, actorOf(request), request.params.id, `${request.protocol}://${request.host}`),
  );
}
