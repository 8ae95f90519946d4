// Attendance routes: members reply and scan to check in; staff decide leave, mark attendance, read and export the
// attendance sheet (Excel), and show the rotating QR code.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Static, type TSchema, Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { chinaDateTime } from '../../platform/download.ts';
import { inTransaction, okInTransaction } from '../../platform/http/handlers.ts';
import { memberSheetRoutes } from '../../platform/member-sheet.ts';
import { ErrorBody, IdParams, Ok } from '../../platform/routes.ts';
import {
  attendanceSheet,
  checkinCode,
  checkinWithToken,
  decideLeave,
  markAttendance,
  replyToMeeting,
} from './attendance.ts';
import { CheckinCodeResponse } from './checkin.ts';
import { Enum, EventRef, Nullable } from './schema.ts';
import { CheckinOut, MemberParams, SheetRow } from './schemas.ts';
import { ATTENDANCE_LABELS } from './service.ts';

const origin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

export function meetingAttendanceRoutes(app: FastifyInstance, { db }: ModuleDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['meetings'];

  r.post(
    '/api/meetings/checkin',
    {
      preHandler: requireAuth('meeting.read'),
      schema: {
        tags,
        summary: '委员扫码签到（会议或活动）',
        body: Type.Object({ token: Type.String({ title: '签到码', minLength: 1, maxLength: 200 }) }),
        response: { 200: CheckinOut, 400: ErrorBody, 403: ErrorBody, 409: ErrorBody },
      },
    },
    inTransaction(db, (tx, actor, request) => checkinWithToken(tx, actor, request.body.token)),
  );

  r.post(
    '/api/meetings/:id/reply',
    {
      preHandler: requireAuth('meeting.read'),
      schema: {
        tags,
        summary: '委员回复参会或请假',
        params: IdParams,
        body: Type.Object({
          reply: Enum(['attend', 'leave'], '回复'),
          reason: Type.Optional(Type.String({ title: '请假事由', maxLength: 500 })),
        }),
        response: { 200: Ok, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    okInTransaction(db, (tx, actor, request) => replyToMeeting(tx, actor, request.params.id, request.body)),
  );

  /** A staff decision on one invitee (`:id` the meeting, `:memberId` the member): `run(tx, actor, meetingId, memberId,
   *  body)` in one transaction, answered `{ ok: true }`. */
  function onInvitee<B extends TSchema>(
    path: string,
    summary: string,
    body: B,
    run: (tx: Db, actor: Actor, meetingId: number, memberId: number, body: Static<B>) => Promise<unknown>,
  ) {
    r.post(
      path,
      {
        preHandler: requireAuth('meeting.manage'),
        schema: {
          tags,
          summary,
          params: MemberParams,
          body,
          response: { 200: Ok, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
        },
      },
      okInTransaction(db, (tx, actor, request) =>
        run(tx, actor, request.params.id, request.params.memberId, request.body as Static<B>),
      ),
    );
  }

  onInvitee(
    '/api/meetings/:id/leave/:memberId',
    '审批请假',
    Type.Object({
      approve: Type.Boolean({ title: '是否批准' }),
      comment: Type.Optional(Type.String({ title: '审批意见', maxLength: 500 })),
    }),
    decideLeave,
  );

  onInvitee(
    '/api/meetings/:id/attendance/:memberId',
    '工作人员标记出席（可填在场时长）或撤销签到',
    Type.Object({
      present: Type.Boolean({ title: '是否出席' }),
      minutesPresent: Type.Optional(Nullable(Type.Integer({ title: '在场时长', minimum: 0, maximum: 100000 }))),
    }),
    markAttendance,
  );

  memberSheetRoutes(app, db, {
    path: '/api/meetings/:id/attendance',
    permission: 'meeting.manage',
    tags,
    summary: '考勤表',
    filters: {
      status: Type.Optional(Enum(Object.keys(ATTENDANCE_LABELS), '出勤状态')),
      q: Type.Optional(Type.String({ title: '姓名或编号', maxLength: 50 })),
    },
    response: Type.Object({
      items: Type.Array(SheetRow),
      total: Type.Integer(),
      minRatio: Type.Number(),
      durationMinutes: Type.Integer(),
      summary: Type.Record(Type.String(), Type.Integer()),
      meeting: EventRef,
    }),
    load: attendanceSheet,
    sheetName: '考勤表',
    title: (sheet) => sheet.meeting.title,
    columns: [
      { header: '回复', key: 'replyLabel', width: 10 },
      { header: '出勤', key: 'statusLabel', width: 20 },
      { header: '签到时间', key: 'checkedInAt', width: 20 },
      { header: '签到方式', key: 'method', width: 10 },
      { header: '在场时长(分钟)', key: 'minutesPresent', width: 14 },
      { header: '请假事由', key: 'leaveReason', width: 30 },
    ],
    rows: (sheet) =>
      sheet.items.map((row) => ({
        ...row,
        replyLabel: row.reply === 'attend' ? '确认参会' : row.reply === 'leave' ? '请假' : '待回复',
        checkedInAt: row.checkedInAt ? chinaDateTime(row.checkedInAt) : '',
        method: row.checkinMethod === 'qr' ? '扫码' : row.checkinMethod === 'staff' ? '工作人员' : '',
      })),
  });

  r.get(
    '/api/meetings/:id/checkin-code',
    {
      preHandler: requireAuth('meeting.manage'),
      schema: {
        tags,
        summary: '会场签到二维码（每 30 秒更换）',
        params: IdParams,
        response: CheckinCodeResponse,
      },
    },
    async (request) => checkinCode(db, actorOf(request), request.params.id, origin(request)),
  );
}
