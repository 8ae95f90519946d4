// Meeting routes: list and detail (members see the meetings they are invited to), create/edit/close/cancel, invite by
// rule, replies and leave decisions, the attendance sheet (with Excel export), staff marking, the rotating QR code and
// scan check-in; speeches.

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { namesFromTable, registerEntityNames } from '../../platform/audit/names.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { beijingYearOf } from '../../platform/dates.ts';
import { query, queryOne } from '../../platform/db/client.ts';
import { chinaDateTime, sendDownload, XLSX_MIME, xlsxOf } from '../../platform/download.ts';
import { registerFileAccess } from '../../platform/files/files.ts';
import { ErrorBody, IdParams, Ok, Paging, page } from '../../platform/routes.ts';
import { getSetting, putSetting } from '../../platform/settings/settings.ts';
import { registerTodos } from '../../platform/todos.ts';
import { setMeetingStatus } from './process.ts';
import { Enum, Nullable } from './schema.ts';
import {
  ATTENDANCE_DEFAULTS,
  ATTENDANCE_LABELS,
  ATTENDANCE_SETTING,
  attendanceSheet,
  checkinCode,
  checkinWithToken,
  createMeeting,
  decideLeave,
  decideSpeech,
  getMeeting,
  inviteMore,
  listMeetings,
  listSpeeches,
  MEETING_KINDS,
  markAttendance,
  removeInvitee,
  replyToMeeting,
  settleAttendance,
  submitSpeech,
  updateMeeting,
  withdrawSpeech,
} from './service.ts';
import { meetingTodos } from './todos.ts';

const Kind = Enum(Object.keys(MEETING_KINDS), '会议类型');
export const InviteSchema = Type.Object(
  {
    rule: Enum(['all', 'standing', 'specialCommittee', 'sector', 'members'], '参会范围'),
    specialCommitteeId: Type.Optional(Type.Integer({ title: '专委会', minimum: 1, maximum: 2147483647 })),
    sectorId: Type.Optional(Type.Integer({ title: '界别', minimum: 1, maximum: 2147483647 })),
    memberIds: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1, maximum: 2147483647 }), { title: '参会委员', maxItems: 2000 }),
    ),
  },
  { title: '参会范围' },
);
const MeetingBody = {
  kind: Kind,
  title: Type.String({ title: '会议名称', minLength: 1, maxLength: 100 }),
  startsAt: Type.String({ title: '开始时间', format: 'date-time' }),
  endsAt: Type.String({ title: '结束时间', format: 'date-time' }),
  halfDays: Type.Optional(Type.Integer({ title: '会期（半天数）', minimum: 1, maximum: 20 })),
  place: Type.String({ title: '会议地点', minLength: 1, maxLength: 100 }),
  agenda: Type.Optional(Type.String({ title: '会议议程', maxLength: 5000 })),
  specialCommitteeId: Type.Optional(Nullable(Type.Integer({ title: '专委会', minimum: 1, maximum: 2147483647 }))),
  sectorId: Type.Optional(Nullable(Type.Integer({ title: '界别', minimum: 1, maximum: 2147483647 }))),
  fileIds: Type.Optional(
    Type.Array(Type.Integer({ minimum: 1, maximum: 2147483647 }), { title: '附件', maxItems: 20 }),
  ),
};
const MeetingListItem = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  kindLabel: Type.String(),
  title: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  place: Type.String(),
  status: Type.String(),
  invited: Type.Integer(),
  checkedIn: Type.Integer(),
  leavePending: Type.Integer(),
  myReply: Nullable(Type.String()),
  myLeaveStatus: Nullable(Type.String()),
  myCheckedInAt: Nullable(Type.String()),
});
const MeetingDetail = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  kindLabel: Type.String(),
  title: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  halfDays: Type.Integer(),
  place: Type.String(),
  agenda: Type.String(),
  status: Type.String(),
  specialCommitteeId: Nullable(Type.Integer()),
  sectorId: Nullable(Type.Integer()),
  counts: Type.Object({
    invited: Type.Integer(),
    checkedIn: Type.Integer(),
    onLeave: Type.Integer(),
    leavePending: Type.Integer(),
    willAttend: Type.Integer(),
  }),
  mine: Nullable(
    Type.Object({
      reply: Type.String(),
      leaveReason: Nullable(Type.String()),
      leaveStatus: Nullable(Type.String()),
      leaveComment: Nullable(Type.String()),
      checkedInAt: Nullable(Type.String()),
      checkinMethod: Nullable(Type.String()),
      minutesPresent: Nullable(Type.Integer()),
    }),
  ),
  files: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), size: Type.Integer() })),
  canManage: Type.Boolean(),
});
const SheetRow = Type.Object({
  memberId: Type.Integer(),
  name: Type.String(),
  code: Nullable(Type.String()),
  sector: Nullable(Type.String()),
  standingMember: Type.Boolean(),
  reply: Type.String(),
  leaveReason: Nullable(Type.String()),
  leaveStatus: Nullable(Type.String()),
  leaveComment: Nullable(Type.String()),
  checkedInAt: Nullable(Type.String()),
  checkinMethod: Nullable(Type.String()),
  minutesPresent: Nullable(Type.Integer()),
  status: Type.String(),
  statusLabel: Type.String(),
});
const SpeechOut = Type.Object({
  id: Type.Integer(),
  meetingId: Nullable(Type.Integer()),
  meetingTitle: Nullable(Type.String()),
  memberId: Type.Integer(),
  memberName: Type.String(),
  mode: Type.String(),
  title: Type.String(),
  body: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  decisionComment: Nullable(Type.String()),
  submittedAt: Type.String(),
  decidedAt: Nullable(Type.String()),
});
const MemberParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  memberId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
});
const CheckinOut = Type.Object({
  target: Type.String(),
  id: Type.Integer(),
  title: Type.String(),
  checkedInAt: Type.String(),
  already: Type.Boolean(),
});

const origin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

export async function meetingRoutes(app: FastifyInstance, { db }: ModuleDeps) {
  registerTodos('meetings', meetingTodos);
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['meetings'];

  registerFileAccess('meeting', async (d, actor, id) => {
    if (actor.roles.some((x) => x !== 'member')) {
      return !!(await queryOne(
        d,
        sql`select 1 from meetings where committee_id = ${actor.committeeId} and id = ${id}`,
      ));
    }
    return !!(await queryOne(
      d,
      sql`select 1 from meeting_invitees where committee_id = ${actor.committeeId} and meeting_id = ${id} and member_id = ${actor.memberId ?? 0}`,
    ));
  });
  registerFileAccess('speech', async (d, actor, id) => {
    const s = await queryOne<{ member_id: number }>(
      d,
      sql`select member_id from speeches where committee_id = ${actor.committeeId} and id = ${id}`,
    );
    return !!s && (actor.roles.some((x) => x !== 'member') || s.member_id === actor.memberId);
  });

  r.get(
    '/api/meetings',
    {
      preHandler: requireAuth('meeting.read'),
      schema: {
        tags,
        summary: '会议列表（委员只看到受邀的会议）',
        querystring: Type.Object({
          ...Paging,
          kind: Type.Optional(Kind),
          status: Type.Optional(Enum(['planned', 'closed', 'cancelled'], '状态')),
          q: Type.Optional(Type.String({ title: '关键词', maxLength: 50 })),
          from: Type.Optional(Type.String({ title: '开始日期', format: 'date' })),
          to: Type.Optional(Type.String({ title: '结束日期', format: 'date' })),
          mine: Type.Optional(Type.Boolean({ title: '只看我参加的' })),
        }),
        response: { 200: Type.Object({ items: Type.Array(MeetingListItem), total: Type.Integer() }) },
      },
    },
    async (request) => {
      const { limit, offset } = page(request.query);
      return listMeetings(db, actorOf(request), request.query, limit, offset);
    },
  );

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
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) => createMeeting(tx, actor, request.body));
    },
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
        const meetings = await query<{ id: number }>(
          tx,
          sql`select id from meetings where committee_id = ${actor.committeeId} and status <> 'cancelled'
            and extract(year from (starts_at at time zone 'Asia/Shanghai'))::int = ${request.body.year}`,
        );
        for (const m of meetings) await settleAttendance(tx, actor.committeeId, m.id);
      });
      return { ok: true };
    },
  );

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
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) => checkinWithToken(tx, actor, request.body.token));
    },
  );

  r.get(
    '/api/meetings/:id',
    {
      preHandler: requireAuth('meeting.read'),
      schema: { tags, summary: '会议详情', params: IdParams, response: { 200: MeetingDetail, 404: ErrorBody } },
    },
    async (request) => getMeeting(db, actorOf(request), request.params.id),
  );

  r.put(
    '/api/meetings/:id',
    {
      preHandler: requireAuth('meeting.manage'),
      schema: {
        tags,
        summary: '修改会议',
        params: IdParams,
        body: Type.Object(MeetingBody),
        response: { 200: Ok, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await db.transaction((tx) => updateMeeting(tx, actor, request.params.id, request.body));
      return { ok: true };
    },
  );

  for (const [path, to, summary] of [
    ['close', 'closed', '结束会议（未签到且未请假的委员记为缺席）'],
    ['cancel', 'cancelled', '取消会议（撤销本会议的全部履职记录）'],
    ['reopen', 'planned', '重新开放已结束的会议'],
  ] as const) {
    r.post(
      `/api/meetings/:id/${path}`,
      {
        preHandler: requireAuth('meeting.manage'),
        schema: { tags, summary, params: IdParams, response: { 200: Ok, 404: ErrorBody, 409: ErrorBody } },
      },
      async (request) => {
        const actor = actorOf(request);
        await db.transaction((tx) => setMeetingStatus(tx, actor, request.params.id, to));
        return { ok: true };
      },
    );
  }

  r.post(
    '/api/meetings/:id/invite',
    {
      preHandler: requireAuth('meeting.manage'),
      schema: {
        tags,
        summary: '追加邀请（按范围）',
        params: IdParams,
        body: InviteSchema,
        response: { 200: Type.Object({ added: Type.Integer() }), 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) => inviteMore(tx, actor, request.params.id, request.body));
    },
  );

  r.delete(
    '/api/meetings/:id/invitees/:memberId',
    {
      preHandler: requireAuth('meeting.manage'),
      schema: { tags, summary: '移出参会名单', params: MemberParams, response: { 200: Ok, 404: ErrorBody } },
    },
    async (request) => {
      const actor = actorOf(request);
      await db.transaction((tx) => removeInvitee(tx, actor, request.params.id, request.params.memberId));
      return { ok: true };
    },
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
    async (request) => {
      const actor = actorOf(request);
      await db.transaction((tx) => replyToMeeting(tx, actor, request.params.id, request.body));
      return { ok: true };
    },
  );

  r.post(
    '/api/meetings/:id/leave/:memberId',
    {
      preHandler: requireAuth('meeting.manage'),
      schema: {
        tags,
        summary: '审批请假',
        params: MemberParams,
        body: Type.Object({
          approve: Type.Boolean({ title: '是否批准' }),
          comment: Type.Optional(Type.String({ title: '审批意见', maxLength: 500 })),
        }),
        response: { 200: Ok, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await db.transaction((tx) => decideLeave(tx, actor, request.params.id, request.params.memberId, request.body));
      return { ok: true };
    },
  );

  r.post(
    '/api/meetings/:id/attendance/:memberId',
    {
      preHandler: requireAuth('meeting.manage'),
      schema: {
        tags,
        summary: '工作人员标记出席（可填在场时长）或撤销签到',
        params: MemberParams,
        body: Type.Object({
          present: Type.Boolean({ title: '是否出席' }),
          minutesPresent: Type.Optional(Nullable(Type.Integer({ title: '在场时长', minimum: 0, maximum: 100000 }))),
        }),
        response: { 200: Ok, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await db.transaction((tx) => markAttendance(tx, actor, request.params.id, request.params.memberId, request.body));
      return { ok: true };
    },
  );

  r.get(
    '/api/meetings/:id/attendance',
    {
      preHandler: requireAuth('meeting.manage'),
      schema: {
        tags,
        summary: '考勤表',
        params: IdParams,
        querystring: Type.Object({
          ...Paging,
          status: Type.Optional(Enum(Object.keys(ATTENDANCE_LABELS), '出勤状态')),
          q: Type.Optional(Type.String({ title: '姓名或编号', maxLength: 50 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(SheetRow),
            total: Type.Integer(),
            minRatio: Type.Number(),
            durationMinutes: Type.Integer(),
            summary: Type.Record(Type.String(), Type.Integer()),
            meeting: Type.Object({
              id: Type.Integer(),
              title: Type.String(),
              kind: Type.String(),
              status: Type.String(),
            }),
          }),
          404: ErrorBody,
        },
      },
    },
    async (request) => {
      const { limit, offset } = page(request.query);
      return attendanceSheet(db, actorOf(request), request.params.id, request.query, limit, offset);
    },
  );

  r.get(
    '/api/meetings/:id/attendance/export',
    {
      preHandler: requireAuth('meeting.manage'),
      schema: {
        tags,
        summary: '导出考勤表（Excel）',
        params: IdParams,
        querystring: Type.Object({
          status: Type.Optional(Enum(Object.keys(ATTENDANCE_LABELS), '出勤状态')),
          q: Type.Optional(Type.String({ title: '姓名或编号', maxLength: 50 })),
        }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const q = request.query;
      const sheet = await attendanceSheet(db, actor, request.params.id, q, 100000, 0);
      const buf = await xlsxOf(
        '考勤表',
        [
          { header: '编号', key: 'code', width: 10 },
          { header: '姓名', key: 'name', width: 12 },
          { header: '界别', key: 'sector', width: 22 },
          { header: '回复', key: 'replyLabel', width: 10 },
          { header: '出勤', key: 'statusLabel', width: 20 },
          { header: '签到时间', key: 'checkedInAt', width: 20 },
          { header: '签到方式', key: 'method', width: 10 },
          { header: '在场时长(分钟)', key: 'minutesPresent', width: 14 },
          { header: '请假事由', key: 'leaveReason', width: 30 },
        ],
        sheet.items.map((row) => ({
          ...row,
          replyLabel: row.reply === 'attend' ? '确认参会' : row.reply === 'leave' ? '请假' : '待回复',
          checkedInAt: row.checkedInAt ? chinaDateTime(row.checkedInAt) : '',
          method: row.checkinMethod === 'qr' ? '扫码' : row.checkinMethod === 'staff' ? '工作人员' : '',
        })),
      );
      return sendDownload(reply, `${sheet.meeting.title}-考勤表.xlsx`, XLSX_MIME, buf);
    },
  );

  r.get(
    '/api/meetings/:id/checkin-code',
    {
      preHandler: requireAuth('meeting.manage'),
      schema: {
        tags,
        summary: '会场签到二维码（每 30 秒更换）',
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
    async (request) => checkinCode(db, actorOf(request), request.params.id, origin(request)),
  );

  // ---- speeches ----
  r.get(
    '/api/speeches',
    {
      preHandler: requireAuth('meeting.read'),
      schema: {
        tags,
        summary: '大会发言（委员只看到自己的）',
        querystring: Type.Object({
          ...Paging,
          meetingId: Type.Optional(Type.Integer({ title: '会议', minimum: 1, maximum: 2147483647 })),
          status: Type.Optional(Enum(['submitted', 'selected', 'notSelected', 'delivered', 'withdrawn'], '状态')),
          mode: Type.Optional(Enum(['oral', 'written'], '发言方式')),
          mine: Type.Optional(Type.Boolean({ title: '只看我的' })),
        }),
        response: { 200: Type.Object({ items: Type.Array(SpeechOut), total: Type.Integer() }) },
      },
    },
    async (request) => {
      const { limit, offset } = page(request.query);
      return listSpeeches(db, actorOf(request), request.query, limit, offset);
    },
  );

  r.post(
    '/api/speeches',
    {
      preHandler: requireAuth('meeting.read'),
      schema: {
        tags,
        summary: '委员提交大会发言',
        body: Type.Object({
          meetingId: Type.Optional(Nullable(Type.Integer({ title: '会议', minimum: 1, maximum: 2147483647 }))),
          mode: Enum(['oral', 'written'], '发言方式'),
          title: Type.String({ title: '发言题目', minLength: 1, maxLength: 100 }),
          body: Type.String({ title: '发言内容', minLength: 1, maxLength: 20000 }),
          fileIds: Type.Optional(
            Type.Array(Type.Integer({ minimum: 1, maximum: 2147483647 }), { title: '附件', maxItems: 10 }),
          ),
        }),
        response: { 200: Type.Object({ id: Type.Integer() }), 400: ErrorBody, 403: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) => submitSpeech(tx, actor, request.body));
    },
  );

  r.post(
    '/api/speeches/:id/withdraw',
    {
      preHandler: requireAuth('meeting.read'),
      schema: {
        tags,
        summary: '撤回发言',
        params: IdParams,
        response: { 200: Ok, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await db.transaction((tx) => withdrawSpeech(tx, actor, request.params.id));
      return { ok: true };
    },
  );

  r.post(
    '/api/speeches/:id/decide',
    {
      preHandler: requireAuth('meeting.manage'),
      schema: {
        tags,
        summary: '选用、不选用、确认已发言或撤销确认',
        params: IdParams,
        body: Type.Object({
          action: Enum(['select', 'reject', 'deliver', 'undeliver'], '操作'),
          comment: Type.Optional(Type.String({ title: '意见', maxLength: 500 })),
        }),
        response: { 200: Ok, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await db.transaction((tx) => decideSpeech(tx, actor, request.params.id, request.body as any));
      return { ok: true };
    },
  );
}

// How the audit page names this module's objects (platform/audit/names.ts).
registerEntityNames('meeting', namesFromTable('meetings', 't.title'));
registerEntityNames('speech', namesFromTable('speeches', 't.title'));
