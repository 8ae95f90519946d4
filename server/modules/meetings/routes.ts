// Meeting routes: list and detail (members see the meetings they are invited to), create/edit, close/cancel/reopen
// through the meeting process, invite by rule, the attendance settings; attendance and speeches register their own
// (routes-attendance.ts, routes-speeches.ts).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { namesFromTable, registerEntityNames } from '../../platform/audit/names.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { beijingYearOf } from '../../platform/dates.ts';
import { registerFileAccess } from '../../platform/files/files.ts';
import { inTransaction, okInTransaction } from '../../platform/http/handlers.ts';
import { ErrorBody, Ok } from '../../platform/routes.ts';
import { getSetting, putSetting } from '../../platform/settings/settings.ts';
import { registerTodos } from '../../platform/todos.ts';
import { getMeeting, listMeetings, mayReadMeetingFiles } from './list.ts';
import { setMeetingStatus } from './process.ts';
import { meetingAttendanceRoutes } from './routes-attendance.ts';
import { eventListRoute, eventRoutes } from './routes-event.ts';
import { meetingSpeechRoutes } from './routes-speeches.ts';
import { InviteSchema, Kind, MeetingBody, MeetingDetail, MeetingListItem, MemberParams } from './schemas.ts';
import {
  ATTENDANCE_DEFAULTS,
  ATTENDANCE_SETTING,
  createMeeting,
  inviteMore,
  removeInvitee,
  settleYearAttendance,
  updateMeeting,
} from './service.ts';
import { mayReadSpeechFiles } from './speeches.ts';
import { meetingTodos } from './todos.ts';

export async function meetingRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db } = deps;
  registerTodos('meetings', meetingTodos);
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['meetings'];
  meetingAttendanceRoutes(app, deps);
  meetingSpeechRoutes(app, deps);

  registerFileAccess('meeting', mayReadMeetingFiles);
  registerFileAccess('speech', mayReadSpeechFiles);

  eventListRoute(app, db, {
    path: '/api/meetings',
    tags,
    summary: '会议列表（委员只看到受邀的会议）',
    read: 'meeting.read',
    kind: Kind,
    statuses: ['planned', 'closed', 'cancelled'],
    item: MeetingListItem,
    list: listMeetings,
  });

  r.post(
    '/api/meetings',
    {
      preHandler: requireAuth('meeting.manage'),
      schema: {
        tags,
        summary: '新建会议并按范围邀请委员（发送会议通知）',
        body: Type.Object({ ...MeetingBody, invite: InviteSchema }),
        response: { 200: Type.Object({ id: Type.Integer(), invited: Type.Integer() }), 400: ErrorBody },
      },
    },
    inTransaction(db, (tx, actor, request) => createMeeting(tx, actor, request.body)),
  );

  r.get(
    '/api/meetings/settings',
    {
      preHandler: requireAuth('meeting.manage'),
      schema: {
        tags,
        summary: '会议考勤设置（在场时长低于该比例按缺席计）',
        querystring: Type.Object({
          year: Type.Optional(Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 })),
        }),
        response: {
          200: Type.Object({
            year: Type.Integer(),
            minRatio: Type.Number(),
            checkinOpensMinutesBefore: Type.Integer(),
            checkinClosesMinutesAfterEnd: Type.Integer(),
          }),
        },
      },
    },
    async (request) => {
      const year = request.query.year ?? beijingYearOf();
      const s = await getSetting(db, actorOf(request).committeeId, ATTENDANCE_SETTING, year, ATTENDANCE_DEFAULTS);
      return {
        year,
        minRatio: s.minRatio,
        checkinOpensMinutesBefore: s.checkinOpensMinutesBefore,
        checkinClosesMinutesAfterEnd: s.checkinClosesMinutesAfterEnd,
      };
    },
  );

  r.put(
    '/api/meetings/settings',
    {
      preHandler: requireAuth('settings.manage'),
      schema: {
        tags,
        summary: '修改会议考勤设置',
        body: Type.Object({
          year: Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 }),
          minRatio: Type.Number({ title: '最低在场比例', minimum: 0.1, maximum: 1 }),
          checkinOpensMinutesBefore: Type.Optional(
            Type.Integer({ title: '会前多少分钟开始签到', minimum: 0, maximum: 1440 }),
          ),
          checkinClosesMinutesAfterEnd: Type.Optional(
            Type.Integer({ title: '会后多少分钟停止签到', minimum: 0, maximum: 1440 }),
          ),
        }),
        response: { 200: Ok, 400: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await db.transaction(async (tx) => {
        const { year, ...changes } = request.body;
        // The year's row holds every attendance setting: keep those the request does not change.
        const current = await getSetting(tx, actor.committeeId, ATTENDANCE_SETTING, year, ATTENDANCE_DEFAULTS);
        await putSetting(tx, actor, ATTENDANCE_SETTING, year, { ...current, ...changes });
        // The year's meetings are counted again under the new ratio.
        await settleYearAttendance(tx, actor.committeeId, request.body.year);
      });
      return { ok: true };
    },
  );

  eventRoutes(app, db, {
    base: '/api/meetings',
    tags,
    noun: '会议',
    read: 'meeting.read',
    manage: 'meeting.manage',
    detail: MeetingDetail,
    get: getMeeting,
    body: MeetingBody,
    update: updateMeeting,
    transitions: [
      ['close', 'closed', '结束会议（未签到且未请假的委员记为缺席）'],
      ['cancel', 'cancelled', '取消会议（撤销本会议的全部履职记录）'],
      ['reopen', 'planned', '重新开放已结束的会议'],
    ],
    setStatus: setMeetingStatus,
    inviteSummary: '追加邀请（按范围）',
    invite: inviteMore,
  });

  r.delete(
    '/api/meetings/:id/invitees/:memberId',
    {
      preHandler: requireAuth('meeting.manage'),
      schema: { tags, summary: '移出参会名单', params: MemberParams, response: { 200: Ok, 404: ErrorBody } },
    },
    okInTransaction(db, (tx, actor, request) => removeInvitee(tx, actor, request.params.id, request.params.memberId)),
  );
}

// How the audit page names this module's objects (platform/audit/names.ts).
registerEntityNames('meeting', namesFromTable('meetings', 't.title'));
registerEntityNames('speech', namesFromTable('speeches', 't.title'));
