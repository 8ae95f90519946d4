import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { namesFromTable, registerEntityNames } from '../../platform/audit/names.ts';
import { loginNameTaken } from '../../platform/auth/login.ts';
import { checkPasswordPolicy, hashPassword } from '../../platform/auth/passwords.ts';
import { ROLE_LIST, ROLES } from '../../platform/auth/permissions.ts';
import { actorOf } from '../../platform/auth/session.ts';
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { badRequest } from '../../platform/errors.ts';
import { documented } from '../../platform/route-kit.ts';
import { ErrorBody, IdParams, page } from '../../platform/routes.ts';
import { buildWorkbook, sendXlsx, stamp } from '../org/common.ts';
import { accountNotFound, usernameTaken } from './errors.ts';
import { AccountOut, AccountQuery, CreateBody, EditBody } from './schemas.ts';
import {
  type AccountView,
  auditView,
  checkEdit,
  disableAccount,
  enableAccount,
  insertAccount,
  isSysAdmin,
  listAccounts,
  loadAccount,
  manageable,
  setTemporaryPassword,
  temporaryPassword,
  unlockAccount,
  updateAccountRow,
} from './service.ts';

export async function accountRoutes(app: FastifyInstance, { db }: ModuleDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const doc = documented(['accounts']);

  /** Changes account `id` in one transaction: 403/404 unless the actor may manage it, `apply`, then the audit row
   *  `action` with `view` of the account before and after; returns the account as it now is. */
  const changeAccount = (
    actor: Actor,
    id: number,
    action: string,
    view: (acc: AccountView) => unknown,
    apply: (tx: Db, before: AccountView) => Promise<void>,
  ) =>
    db.transaction(async (tx) => {
      const before = await manageable(tx, actor, id);
      await apply(tx, before);
      const after = await loadAccount(tx, actor.committeeId, id);
      await writeAudit(tx, actor, {
        action,
        entity: 'account',
        entityId: id,
        before: view(before),
        after: view(after!),
      });
      return after!;
    });
  const loginState = (acc: AccountView) => ({
    disabled: acc.disabled,
    locked: acc.locked,
    failedLogins: acc.failedLogins,
  });

  r.get(
    '/api/accounts',
    doc('account.manage', '本会账号列表（搜索、角色和状态筛选）', {
      querystring: AccountQuery,
      response: { 200: Type.Object({ items: Type.Array(AccountOut), total: Type.Integer() }), 400: ErrorBody },
    }),
    async (request) => {
      const c = actorOf(request).committeeId;
      const { limit, offset } = page(request.query);
      return listAccounts(db, c, request.query, limit, offset);
    },
  );

  r.get(
    '/api/accounts/export',
    doc('account.manage', '导出账号列表 (.xlsx)', { querystring: AccountQuery, response: { 400: ErrorBody } }),
    async (request, reply) => {
      const c = actorOf(request).committeeId;
      const rows = await listAccounts(db, c, request.query, 20000, 0).then((x) => x.items);
      const content = await buildWorkbook<AccountView>(
        '账号',
        [
          { header: '用户名', width: 18, value: (a) => a.username },
          { header: '姓名/名称', width: 22, value: (a) => a.displayName },
          { header: '角色', width: 22, value: (a) => a.roleNames.join('、') },
          {
            header: '关联',
            width: 26,
            value: (a) => a.memberName ?? a.unitName ?? a.orgName ?? a.informantName ?? '',
          },
          { header: '所在处室', width: 16, value: (a) => a.office },
          { header: '手机号', width: 14, value: (a) => a.phone },
          {
            header: '状态',
            width: 10,
            value: (a) => (a.disabled ? '已停用' : a.locked ? '已锁定' : '正常'),
          },
          { header: '待改密码', width: 10, value: (a) => (a.mustChangePassword ? '是' : '否') },
          { header: '最近登录', width: 20, value: (a) => a.lastLoginAt?.slice(0, 16).replace('T', ' ') },
        ],
        rows,
      );
      return sendXlsx(reply, `账号_${stamp()}.xlsx`, content);
    },
  );

  r.get(
    '/api/accounts/:id',
    doc('account.manage', '账号详情', { params: IdParams, response: { 200: AccountOut, 404: ErrorBody } }),
    async (request) => {
      const acc = await loadAccount(db, actorOf(request).committeeId, request.params.id);
      if (!acc) throw accountNotFound();
      return acc;
    },
  );

  r.post(
    '/api/accounts',
    doc('account.manage', '新建账号（首次登录须修改初始密码）', {
      body: CreateBody,
      response: { 200: AccountOut, 400: ErrorBody },
    }),
    async (request) => {
      const actor = actorOf(request);
      const b = request.body;
      const weak = checkPasswordPolicy(b.password, { username: b.username, name: b.displayName });
      if (weak) throw badRequest('auth.weak_password', `「初始密码」${weak}`, 'password');
      const passwordHash = await hashPassword(b.password);
      return db.transaction(async (tx) => {
        const v = await checkEdit(tx, actor, b, null);
        if (await loginNameTaken(tx, b.username)) throw usernameTaken('用户名', b.username, 'username');
        const id = await insertAccount(tx, actor.committeeId, b.username, passwordHash, v);
        const acc = await loadAccount(tx, actor.committeeId, id);
        await writeAudit(tx, actor, {
          action: 'account.create',
          entity: 'account',
          entityId: id,
          after: auditView(acc),
        });
        return acc!;
      });
    },
  );

  r.put(
    '/api/accounts/:id',
    doc('account.manage', '修改账号（姓名、角色、关联、处室、手机号）', {
      params: IdParams,
      body: EditBody,
      response: { 200: AccountOut, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    }),
    async (request) => {
      const actor = actorOf(request);
      const id = request.params.id;
      return changeAccount(actor, id, 'account.update', auditView, async (tx, before) => {
        const v = await checkEdit(tx, actor, request.body, id);
        // Keep the stored phone when the form sends back the masked one it was shown.
        const keepPhone = request.body.phone !== undefined && request.body.phone === before.phone;
        await updateAccountRow(tx, actor.committeeId, id, v, keepPhone);
      });
    },
  );

  r.post(
    '/api/accounts/:id/reset-password',
    doc('account.manage', '重置密码：返回一次性临时密码（仅显示一次），下次登录须修改', {
      params: IdParams,
      response: { 200: Type.Object({ temporaryPassword: Type.String() }), 403: ErrorBody, 404: ErrorBody },
    }),
    async (request) => {
      const actor = actorOf(request);
      const id = request.params.id;
      const temp = temporaryPassword();
      const passwordHash = await hashPassword(temp);
      return db.transaction(async (tx) => {
        const acc = await manageable(tx, actor, id);
        await setTemporaryPassword(tx, actor.committeeId, id, passwordHash);
        await writeAudit(tx, actor, {
          action: 'account.reset_password',
          entity: 'account',
          entityId: id,
          after: { username: acc.username, mustChangePassword: true },
        });
        return { temporaryPassword: temp };
      });
    },
  );

  const toggle = (
    path: string,
    summary: string,
    action: string,
    apply: (tx: Db, actor: Actor, acc: AccountView) => Promise<void>,
  ) =>
    r.post(
      `/api/accounts/:id/${path}`,
      doc('account.manage', summary, {
        params: IdParams,
        response: { 200: AccountOut, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      }),
      async (request) => {
        const actor = actorOf(request);
        const id = request.params.id;
        return changeAccount(actor, id, action, loginState, (tx, before) => apply(tx, actor, before));
      },
    );

  toggle('unlock', '解除登录锁定', 'account.unlock', unlockAccount);
  toggle('disable', '停用账号（立即退出登录）', 'account.disable', disableAccount);
  toggle('enable', '启用账号', 'account.enable', enableAccount);

  r.get(
    '/api/accounts/roles',
    doc('account.manage', '可分配的角色', {
      response: { 200: Type.Array(Type.Object({ value: Type.String(), label: Type.String() })) },
    }),
    async (request) => {
      const actor = actorOf(request);
      return ROLE_LIST.filter((r) => r !== 'sysAdmin' || isSysAdmin(actor)).map((r) => ({ value: r, label: ROLES[r] }));
    },
  );
}

// How the audit page names this module's objects (platform/audit/names.ts).
registerEntityNames('account', namesFromTable('accounts', "t.display_name || '（' || t.username || '）'"));
