// Member routes: list with Chinese search and filters, Excel export, detail, create, edit, status change, and the
// roster import (template, upload as a background task, progress, "只导入无误的行").
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { type Db, queryOne } from '../../platform/db/client.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { ErrorBody, IdParams, Ok, Paging, page } from '../../platform/routes.ts';
import { DEFAULT_SHEET_BUDGET } from '../../platform/spreadsheet/read.ts';
import { normaliseLine } from '../../platform/text/normalise.ts';
import { buildWorkbook, checkSensitive, LEADERSHIP, MEMBER_STATUS, Nullable, sendXlsx, stamp } from './common.ts';
import { memberNotFound } from './errors.ts';
import { applyValidRows, loadImport, startImport } from './import.ts';
import {
  canSeeSensitive,
  changeMemberStatus,
  checkMemberRefs,
  createMember,
  currentTermId,
  listMembers,
  loadMember,
  type MemberFilters,
  type MemberInput,
  type MemberView,
  updateMember,
} from './members-service.ts';
import { buildTemplate, COLUMNS, parseRoster } from './roster.ts';

const StrEnum = (values: string[], title: string) =>
  Type.Unsafe<string>({ type: 'string', enum: values, title, description: title });
const Id = (title: string) => Type.Integer({ title, minimum: 1, maximum: 2147483647 });

const Named = Type.Object({ id: Type.Integer(), name: Type.String() });
export const MemberOut = Type.Object({
  id: Type.Integer(),
  termId: Type.Integer(),
  termName: Nullable(Type.String()),
  code: Nullable(Type.String()),
  name: Type.String(),
  gender: Nullable(Type.String()),
  ethnicity: Nullable(Type.String()),
  birthDate: Nullable(Type.String()),
  party: Nullable(Type.String()),
  sectorId: Nullable(Type.Integer()),
  sectorName: Nullable(Type.String()),
  specialCommittees: Type.Array(Named),
  groups: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), kind: Type.String() })),
  workUnit: Nullable(Type.String()),
  jobTitle: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  idNumber: Nullable(Type.String()),
  standingMember: Type.Boolean(),
  leadershipRole: Nullable(Type.String()),
  status: Type.String(),
  statusDate: Nullable(Type.String()),
  statusReason: Nullable(Type.String()),
  updatedAt: Type.String(),
});

const MemberQuery = Type.Object({
  ...Paging,
  q: Type.Optional(Type.String({ maxLength: 50, title: '关键词' })),
  termId: Type.Optional(Id('届次')),
  sectorId: Type.Optional(Id('界别')),
  specialCommitteeId: Type.Optional(Id('专委会')),
  groupId: Type.Optional(Id('小组')),
  standingMember: Type.Optional(Type.Boolean({ title: '是否常委' })),
  leadershipRole: Type.Optional(StrEnum([...Object.keys(LEADERSHIP), 'any', 'none'], '领导职务')),
  status: Type.Optional(StrEnum(Object.keys(MEMBER_STATUS), '状态')),
  gender: Type.Optional(StrEnum(['男', '女'], '性别')),
  party: Type.Optional(Type.String({ maxLength: 30, title: '政治面貌' })),
  sort: Type.Optional(StrEnum(['code', 'name', 'birthDate', 'sector', 'updatedAt'], '排序')),
  order: Type.Optional(StrEnum(['asc', 'desc'], '排序方向')),
});

const ExportQuery = Type.Object({
  ...MemberQuery.properties,
  sensitive: Type.Optional(Type.Boolean({ title: '包含手机号和身份证号' })),
});

const MemberBody = Type.Object({
  termId: Type.Optional(Id('届次')),
  code: Type.Optional(Type.String({ title: '委员编号', maxLength: 20 })),
  name: Type.String({ title: '姓名', minLength: 1, maxLength: 50 }),
  gender: Type.Optional(StrEnum(['男', '女'], '性别')),
  ethnicity: Type.Optional(Type.String({ title: '民族', maxLength: 20 })),
  birthDate: Type.Optional(Type.String({ title: '出生日期', format: 'date' })),
  party: Type.Optional(Type.String({ title: '政治面貌', maxLength: 30 })),
  sectorId: Id('界别'),
  specialCommitteeIds: Type.Optional(Type.Array(Id('专委会'), { title: '专委会', maxItems: 20 })),
  groupIds: Type.Optional(Type.Array(Id('小组'), { title: '学习组/工作组', maxItems: 20 })),
  workUnit: Type.Optional(Type.String({ title: '工作单位', maxLength: 100 })),
  jobTitle: Type.Optional(Type.String({ title: '职务', maxLength: 50 })),
  phone: Type.Optional(Type.String({ title: '手机号', maxLength: 20 })),
  idNumber: Type.Optional(Type.String({ title: '身份证号', maxLength: 18 })),
  standingMember: Type.Optional(Type.Boolean({ title: '是否常委' })),
  leadershipRole: Type.Optional(StrEnum(Object.keys(LEADERSHIP), '领导职务')),
});

const ImportOut = Type.Object({
  id: Type.Integer(),
  fileName: Type.String(),
  validOnly: Type.Boolean(),
  status: Type.String(),
  total: Type.Integer(),
  processed: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  skipped: Type.Integer(),
  errors: Type.Array(Type.Object({ row: Type.Integer(), column: Type.String(), message: Type.String() })),
  message: Nullable(Type.String()),
});

type Body = Static<typeof MemberBody>;

async function toInput(db: Db, committeeId: number, body: Body): Promise<MemberInput> {
  if (!normaliseLine(body.name)) throw badRequest('validation', '「姓名」不能为空', 'name');
  checkSensitive(body);
  const termId = body.termId ?? (await currentTermId(db, committeeId));
  if (!termId) throw badRequest('member.term', '请先在基础数据中设置届次', 'termId');
  const input: MemberInput = {
    termId,
    code: body.code ?? null,
    name: body.name,
    gender: (body.gender as MemberInput['gender']) ?? null,
    ethnicity: body.ethnicity ?? null,
    birthDate: body.birthDate ?? null,
    party: body.party ?? null,
    sectorId: body.sectorId,
    specialCommitteeIds: body.specialCommitteeIds ?? [],
    groupIds: body.groupIds ?? [],
    workUnit: body.workUnit ?? null,
    jobTitle: body.jobTitle ?? null,
    phone: body.phone,
    idNumber: body.idNumber,
    standingMember: body.standingMember ?? false,
    leadershipRole: (body.leadershipRole as MemberInput['leadershipRole']) ?? null,
  };
  await checkMemberRefs(db, committeeId, input);
  return input;
}

export async function memberRoutes(app: FastifyInstance, { db }: ModuleDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['members'];

  r.get(
    '/api/org/members',
    {
      preHandler: requireAuth('org.read'),
      schema: {
        tags,
        summary: '委员列表（搜索、筛选、排序、分页）；手机号和身份证号按权限脱敏',
        querystring: MemberQuery,
        response: { 200: Type.Object({ items: Type.Array(MemberOut), total: Type.Integer() }), 400: ErrorBody },
      },
    },
    async (request) => {
      const { limit, offset } = page(request.query);
      return listMembers(db, actorOf(request), request.query as MemberFilters, limit, offset);
    },
  );

  r.get(
    '/api/org/members/export',
    {
      preHandler: requireAuth('org.read'),
      schema: {
        tags,
        summary:
          '导出委员名册 (.xlsx)，按当前筛选条件；手机号和身份证号脱敏，sensitive=true 时完整导出（需权限，记入审计）',
        querystring: ExportQuery,
        response: { 400: ErrorBody, 403: ErrorBody },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { sensitive, ...filters } = request.query;
      if (sensitive && !canSeeSensitive(actor))
        throw forbidden('member.sensitive_forbidden', '您没有导出手机号和身份证号的权限');
      const { items } = await listMembers(db, actor, filters as MemberFilters, 20000, 0, sensitive === true);
      if (sensitive) {
        // The full numbers leave the system: who exported which members, recorded before the file is sent.
        await db.transaction((tx) =>
          writeAudit(tx, actor, {
            action: 'member.export_sensitive',
            entity: 'member',
            after: { count: items.length, filters, memberIds: items.map((m) => m.id) },
          }),
        );
      }
      const wu = (m: MemberView) => [m.workUnit, m.jobTitle].filter(Boolean).join('');
      const content = await buildWorkbook<MemberView>(
        '委员名册',
        [
          { header: '委员编号', width: 10, value: (m) => m.code },
          ...COLUMNS.map((c) => ({
            header: c.header,
            width: c.width,
            value: (m: MemberView) => {
              switch (c.key) {
                case 'name':
                  return m.name;
                case 'gender':
                  return m.gender;
                case 'ethnicity':
                  return m.ethnicity;
                case 'birthDate':
                  return m.birthDate;
                case 'party':
                  return m.party;
                case 'sector':
                  return m.sectorName;
                case 'specialCommittees':
                  return m.specialCommittees.map((s) => s.name).join('、');
                case 'groups':
                  return m.groups.map((s) => s.name).join('、');
                case 'workUnitTitle':
                  return wu(m);
                case 'phone':
                  return m.phone;
                case 'idNumber':
                  return m.idNumber;
                case 'standing':
                  return m.standingMember ? '是' : '否';
                case 'leadership':
                  return m.leadershipRole ? LEADERSHIP[m.leadershipRole as keyof typeof LEADERSHIP] : '';
              }
            },
          })),
          { header: '状态', width: 10, value: (m) => MEMBER_STATUS[m.status as keyof typeof MEMBER_STATUS] },
          { header: '届次', width: 10, value: (m) => m.termName },
        ],
        items,
      );
      const masked = sensitive ? '' : '_脱敏';
      return sendXlsx(reply, `委员名册_${stamp()}${masked}.xlsx`, content);
    },
  );

  r.get(
    '/api/org/members/import-template',
    {
      preHandler: requireAuth('org.manage'),
      schema: { tags, summary: '下载委员名册导入模板 (.xlsx)' },
    },
    async (request, reply) =>
      sendXlsx(reply, '委员名册导入模板.xlsx', await buildTemplate(db, actorOf(request).committeeId)),
  );

  r.post(
    '/api/org/members/imports',
    {
      preHandler: requireAuth('org.manage'),
      schema: {
        tags,
        summary: '上传委员名册 (multipart/form-data, 字段 file)；后台校验并导入，返回导入编号',
        consumes: ['multipart/form-data'],
        querystring: Type.Object({
          termId: Type.Optional(Id('届次')),
          validOnly: Type.Optional(Type.Boolean({ title: '只导入无误的行' })),
        }),
        response: { 200: Type.Object({ id: Type.Integer(), total: Type.Integer() }), 400: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!request.isMultipart()) throw badRequest('file.missing', '请选择要上传的 Excel 文件', 'file');
      // A roster of 5,000 members is well under 1 MB; the sheet budget also caps what the file may inflate to.
      const part = await request.file({ limits: { fileSize: DEFAULT_SHEET_BUDGET.maxBytes + 1 } });
      if (!part) throw badRequest('file.missing', '请选择要上传的 Excel 文件', 'file');
      const content = await part.toBuffer().catch((err) => {
        if (err.code === 'FST_REQ_FILE_TOO_LARGE')
          throw badRequest('file.too_large', `文件不能超过 ${DEFAULT_SHEET_BUDGET.maxBytes / 1024 / 1024} MB`, 'file');
        throw err;
      });
      if (!/\.xlsx$/i.test(part.filename)) {
        throw badRequest('import.bad_file', '请上传 .xlsx 格式的 Excel 文件（可先下载模板）', 'file');
      }
      const termId = request.query.termId ?? (await currentTermId(db, actor.committeeId));
      const term = termId
        ? await queryOne(db, sql`select 1 from terms where committee_id = ${actor.committeeId} and id = ${termId}`)
        : null;
      if (!term) throw badRequest('member.term', '所选「届次」不存在', 'termId');
      const rows = await parseRoster(content);
      const id = await startImport(db, actor, termId!, part.filename, rows, request.query.validOnly ?? false);
      return { id, total: rows.length };
    },
  );

  r.get(
    '/api/org/members/imports/:id',
    {
      preHandler: requireAuth('org.manage'),
      schema: { tags, summary: '导入进度与结果', params: IdParams, response: { 200: ImportOut, 404: ErrorBody } },
    },
    async (request) => {
      const item = await loadImport(db, actorOf(request).committeeId, request.params.id);
      if (!item) throw notFound('import.not_found', '导入记录不存在');
      return item;
    },
  );

  r.post(
    '/api/org/members/imports/:id/apply-valid',
    {
      preHandler: requireAuth('org.manage'),
      schema: {
        tags,
        summary: '有错误的导入：只导入无误的行',
        params: IdParams,
        response: { 200: Ok, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const item = await loadImport(db, actor.committeeId, request.params.id);
      if (!item) throw notFound('import.not_found', '导入记录不存在');
      if (!(await applyValidRows(db, actor, request.params.id))) {
        throw conflict('import.state', '该导入不是“有错误待确认”状态，不能再次导入');
      }
      return { ok: true };
    },
  );

  r.get(
    '/api/org/members/:id',
    {
      preHandler: requireAuth('org.read'),
      schema: {
        tags,
        summary: '委员详情',
        params: IdParams,
        response: {
          200: Type.Object({
            member: MemberOut,
            account: Nullable(Type.Object({ id: Type.Integer(), username: Type.String(), disabled: Type.Boolean() })),
          }),
          404: ErrorBody,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const member = await loadMember(db, actor.committeeId, request.params.id, false);
      if (!member) throw memberNotFound();
      const account = await queryOne<{ id: number; username: string; disabled: boolean }>(
        db,
        sql`select id, username, disabled from accounts where committee_id = ${actor.committeeId} and member_id = ${member.id}
          order by id limit 1`,
      );
      return { member, account: account ?? null };
    },
  );

  r.post(
    '/api/org/members',
    {
      preHandler: requireAuth('org.manage'),
      schema: { tags, summary: '新增委员', body: MemberBody, response: { 200: MemberOut, 400: ErrorBody } },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction(async (tx) => {
        const input = await toInput(tx, actor.committeeId, request.body);
        const id = await createMember(tx, actor, input);
        return (await loadMember(tx, actor.committeeId, id, false))!;
      });
    },
  );

  r.put(
    '/api/org/members/:id',
    {
      preHandler: requireAuth('org.manage'),
      schema: {
        tags,
        summary: '修改委员信息（手机号、身份证号不传则不变，传空字符串则清除）',
        params: IdParams,
        body: MemberBody,
        response: { 200: MemberOut, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction(async (tx) => {
        const exists = await queryOne(
          tx,
          sql`select 1 from members where committee_id = ${actor.committeeId} and id = ${request.params.id} for update`,
        );
        if (!exists) throw memberNotFound();
        const input = await toInput(tx, actor.committeeId, request.body);
        await updateMember(tx, actor, request.params.id, input);
        return (await loadMember(tx, actor.committeeId, request.params.id, false))!;
      });
    },
  );

  r.post(
    '/api/org/members/:id/status',
    {
      preHandler: requireAuth('org.manage'),
      schema: {
        tags,
        summary: '变更委员状态（在职 / 暂停履职 / 已退出）',
        params: IdParams,
        body: Type.Object({
          status: StrEnum(Object.keys(MEMBER_STATUS), '状态'),
          date: Type.String({ title: '变更日期', format: 'date' }),
          reason: Type.Optional(Type.String({ title: '原因', maxLength: 200 })),
        }),
        response: { 200: MemberOut, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { status, date, reason } = request.body;
      return db.transaction(async (tx) => {
        const cur = await queryOne<{ status: string }>(
          tx,
          sql`select status from members where committee_id = ${actor.committeeId} and id = ${request.params.id} for update`,
        );
        if (!cur) throw memberNotFound();
        if (cur.status === status) {
          throw badRequest(
            'member.status_same',
            `该委员已是「${MEMBER_STATUS[status as keyof typeof MEMBER_STATUS]}」状态`,
            'status',
          );
        }
        if (status !== 'active' && !reason?.trim()) throw badRequest('validation', '「原因」为必填项', 'reason');
        await changeMemberStatus(tx, actor, request.params.id, {
          status: status as 'active',
          date,
          reason: reason ?? null,
        });
        return (await loadMember(tx, actor.committeeId, request.params.id, false))!;
      });
    },
  );
}
