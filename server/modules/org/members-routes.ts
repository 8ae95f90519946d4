// Member routes: list with Chinese search and filters, Excel export, detail, create, edit, status change, and the
// roster import (template, upload as a background task, progress, "只导入无误的行").
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { actorOf } from '../../platform/auth/session.ts';
import type { Db } from '../../platform/db/client.ts';
import { badRequest, forbidden } from '../../platform/errors.ts';
import { documented } from '../../platform/route-kit.ts';
import { ErrorBody, IdParams, page } from '../../platform/routes.ts';
import { normaliseLine } from '../../platform/text/normalise.ts';
import { buildWorkbook, checkSensitive, LEADERSHIP, MEMBER_STATUS, Nullable, sendXlsx, stamp } from './common.ts';
import { memberNotFound } from './errors.ts';
import { memberImportRoutes } from './members-import-routes.ts';
import type { MemberFilters } from './members-query.ts';
import { type Body, ExportQuery, MemberBody, MemberOut, MemberQuery, StrEnum } from './members-schemas.ts';
import {
  accountOfMember,
  canSeeSensitive,
  changeMemberStatus,
  checkMemberRefs,
  createMember,
  currentTermId,
  listMembers,
  loadMember,
  lockMember,
  type MemberInput,
  type MemberView,
  updateMember,
} from './members-service.ts';
import { COLUMNS } from './roster.ts';

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

export async function memberRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const doc = documented(['members']);
  memberImportRoutes(app, deps);

  r.get(
    '/api/org/members',
    doc('org.read', '委员列表（搜索、筛选、排序、分页）；手机号和身份证号按权限脱敏', {
      querystring: MemberQuery,
      response: { 200: Type.Object({ items: Type.Array(MemberOut), total: Type.Integer() }), 400: ErrorBody },
    }),
    async (request) => {
      const { limit, offset } = page(request.query);
      return listMembers(db, actorOf(request), request.query as MemberFilters, limit, offset);
    },
  );

  r.get(
    '/api/org/members/export',
    doc(
      'org.read',
      '导出委员名册 (.xlsx)，按当前筛选条件；手机号和身份证号脱敏，sensitive=true 时完整导出（需权限，记入审计）',
      { querystring: ExportQuery, response: { 400: ErrorBody, 403: ErrorBody } },
    ),
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
    '/api/org/members/:id',
    doc('org.read', '委员详情', {
      params: IdParams,
      response: {
        200: Type.Object({
          member: MemberOut,
          account: Nullable(Type.Object({ id: Type.Integer(), username: Type.String(), disabled: Type.Boolean() })),
        }),
        404: ErrorBody,
      },
    }),
    async (request) => {
      const actor = actorOf(request);
      const member = await loadMember(db, actor.committeeId, request.params.id, false);
      if (!member) throw memberNotFound();
      return { member, account: await accountOfMember(db, actor.committeeId, member.id) };
    },
  );

  r.post(
    '/api/org/members',
    doc('org.manage', '新增委员', { body: MemberBody, response: { 200: MemberOut, 400: ErrorBody } }),
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
    doc('org.manage', '修改委员信息（手机号、身份证号不传则不变，传空字符串则清除）', {
      params: IdParams,
      body: MemberBody,
      response: { 200: MemberOut, 400: ErrorBody, 404: ErrorBody },
    }),
    async (request) => {
      const actor = actorOf(request);
      return db.transaction(async (tx) => {
        if (!(await lockMember(tx, actor.committeeId, request.params.id))) throw memberNotFound();
        const input = await toInput(tx, actor.committeeId, request.body);
        await updateMember(tx, actor, request.params.id, input);
        return (await loadMember(tx, actor.committeeId, request.params.id, false))!;
      });
    },
  );

  r.post(
    '/api/org/members/:id/status',
    doc('org.manage', '变更委员状态（在职 / 暂停履职 / 已退出）', {
      params: IdParams,
      body: Type.Object({
        status: StrEnum(Object.keys(MEMBER_STATUS), '状态'),
        date: Type.String({ title: '变更日期', format: 'date' }),
        reason: Type.Optional(Type.String({ title: '原因', maxLength: 200 })),
      }),
      response: { 200: MemberOut, 400: ErrorBody, 404: ErrorBody },
    }),
    async (request) => {
      const actor = actorOf(request);
      const { status, date, reason } = request.body;
      return db.transaction(async (tx) => {
        const cur = await lockMember(tx, actor.committeeId, request.params.id);
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
