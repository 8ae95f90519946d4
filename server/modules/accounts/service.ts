// Accounts as stored and shown: the select list, presenting a row (phone masked), filters, loading, who may manage whom, checking an edit, temporary passwords.
import crypto from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import { clearFailuresOfNames, loginNameTaken } from '../../platform/auth/login.ts';
import { ROLES, type Role } from '../../platform/auth/permissions.ts';
import type { AccountBasicsRow } from '../../platform/auth/routes.ts';
import type { Actor } from '../../platform/context.ts';
import { iso } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { badRequest, forbidden } from '../../platform/errors.ts';
import { blindIndex, decryptField, encryptField, maskPhone } from '../../platform/secrets/field-crypto.ts';
import { isPhone } from '../org/common.ts';
import { memberNameOf } from '../org/members-directory.ts';
import { accountNotFound } from './errors.ts';
import type { AccountQuery, Edit } from './schemas.ts';

export const SELECT = sql`a.id, a.username, a.display_name, a.roles, a.member_id, a.unit_id, a.org_id, a.informant_id, a.office,
  a.phone_enc, a.email, a.must_change_password, a.failed_logins, a.disabled, a.last_login_at, a.created_at,
  coalesce(a.locked_until > now(), false) as locked,
  ${memberNameOf(sql`a.committee_id`, sql`a.member_id`)} as member_name,
  (select name from handling_units u where u.committee_id = a.committee_id and u.id = a.unit_id) as unit_name,
  (select name from organisations o where o.committee_id = a.committee_id and o.id = a.org_id) as org_name,
  (select name from informants i where i.committee_id = a.committee_id and i.id = a.informant_id) as informant_name`;

/** An account row as `SELECT` reads it (timestamps as the driver gives them). */
export interface AccountRow extends AccountBasicsRow {
  informant_id: number | null;
  office: string | null;
  phone_enc: string | null;
  email: string | null;
  failed_logins: number;
  disabled: boolean;
  last_login_at: string | Date | null;
  created_at: string | Date;
  locked: boolean;
  member_name: string | null;
  unit_name: string | null;
  org_name: string | null;
  informant_name: string | null;
}

export function present(a: AccountRow) {
  const roles = a.roles;
  return {
    id: a.id,
    username: a.username,
    displayName: a.display_name,
    roles,
    roleNames: roles.map((r) => ROLES[r] ?? r),
    memberId: a.member_id,
    memberName: a.member_name,
    unitId: a.unit_id,
    unitName: a.unit_name,
    orgId: a.org_id,
    orgName: a.org_name,
    informantId: a.informant_id,
    informantName: a.informant_name,
    office: a.office,
    phone: maskPhone(decryptField(a.phone_enc)),
    email: a.email,
    mustChangePassword: a.must_change_password,
    locked: a.locked,
    failedLogins: a.failed_logins,
    disabled: a.disabled,
    lastLoginAt: iso(a.last_login_at),
    createdAt: new Date(a.created_at).toISOString(),
  };
}
export type AccountView = ReturnType<typeof present>;

export function where(committeeId: number, q: Static<typeof AccountQuery>): SQL {
  const conds: SQL[] = [sql`a.committee_id = ${committeeId}`];
  if (q.q?.trim()) {
    const like = `%${q.q.trim().replace(/[%_\\]/g, '\\$&')}%`;
    conds.push(sql`(a.username ilike ${like} or a.display_name ilike ${like} or a.office ilike ${like})`);
  }
  if (q.role) conds.push(sql`${q.role} = any(a.roles)`);
  if (q.state === 'active') conds.push(sql`not a.disabled`);
  if (q.state === 'disabled') conds.push(sql`a.disabled`);
  if (q.state === 'locked') conds.push(sql`a.locked_until > now()`);
  if (q.state === 'mustChange') conds.push(sql`a.must_change_password`);
  return sql.join(conds, sql` and `);
}

export async function loadAccount(db: Db, committeeId: number, id: number) {
  const row = await queryOne<AccountRow>(
    db,
    sql`select ${SELECT} from accounts a where a.committee_id = ${committeeId} and a.id = ${id}`,
  );
  return row ? present(row) : undefined;
}

export const isSysAdmin = (actor: Actor) => actor.roles.includes('sysAdmin');

/** Loads an account the actor may manage: 404 for another committee's, 403 for a system administrator's. */
export async function manageable(tx: Db, actor: Actor, id: number) {
  const acc = await loadAccount(tx, actor.committeeId, id);
  if (!acc) throw accountNotFound();
  if (acc.roles.includes('sysAdmin') && !isSysAdmin(actor)) {
    throw forbidden('account.protected', '系统管理员账号只能由系统管理员管理');
  }
  return acc;
}

export const LINK_RULES: {
  role: Role;
  key: 'memberId' | 'unitId' | 'orgId' | 'informantId';
  label: string;
  table: string;
}[] = [
  { role: 'member', key: 'memberId', label: '委员', table: 'members' },
  { role: 'unitUser', key: 'unitId', label: '承办单位', table: 'handling_units' },
  { role: 'orgLeader', key: 'orgId', label: '党派团体', table: 'organisations' },
  { role: 'orgAccount', key: 'orgId', label: '党派团体', table: 'organisations' },
  { role: 'informant', key: 'informantId', label: '信息员', table: 'informants' },
];

/** Checks roles and links; returns the values to store. */
export async function checkEdit(tx: Db, actor: Actor, body: Edit, selfId: number | null) {
  if (!body.displayName.trim()) throw badRequest('validation', '「姓名/名称」不能为空', 'displayName');
  const roles = [...new Set(body.roles)] as Role[];
  // The responsible person also reads and files as the organisation.
  if (roles.includes('orgLeader') && !roles.includes('orgAccount')) roles.push('orgAccount');
  if (roles.includes('sysAdmin') && !isSysAdmin(actor)) {
    throw badRequest('account.role', '只有系统管理员可以授予「系统管理员」角色', 'roles');
  }
  if (selfId === actor.accountId && !roles.some((r) => r === 'sysAdmin' || r === 'committeeAdmin')) {
    throw badRequest('account.self', '不能取消自己的管理员角色', 'roles');
  }
  for (const rule of LINK_RULES) {
    const id = body[rule.key];
    if (roles.includes(rule.role) && !id) {
      throw badRequest('account.link', `「${ROLES[rule.role]}」角色需要关联${rule.label}`, rule.key);
    }
    if (id) {
      const found = await queryOne(
        tx,
        sql`select 1 from ${sql.raw(rule.table)} where committee_id = ${actor.committeeId} and id = ${id}`,
      );
      if (!found) throw badRequest('account.link', `所选${rule.label}不存在`, rule.key);
    }
  }
  if (body.memberId && !roles.some((r) => r === 'member' || r === 'leader')) {
    throw badRequest('account.link', '只有「委员」或「领导」角色可以关联委员', 'memberId');
  }
  const phone = body.phone?.trim() || null;
  if (phone && !isPhone(phone)) throw badRequest('validation', '「手机号」应为 11 位手机号码', 'phone');
  const phoneHash = blindIndex(phone);
  // A phone signs in too: it may be neither another account's phone nor anyone's username.
  if (phone && (await loginNameTaken(tx, phone, selfId)))
    throw badRequest('account.phone_taken', '「手机号」已被其他账号使用', 'phone');
  return {
    displayName: body.displayName.trim(),
    roles,
    memberId: body.memberId ?? null,
    unitId: body.unitId ?? null,
    orgId: body.orgId ?? null,
    informantId: body.informantId ?? null,
    office: body.office?.trim() || null,
    phone,
    phoneHash,
    email: body.email?.trim() || null,
  };
}

/** 12 characters from upper, lower and digits plus a symbol, without look-alikes (0/O, 1/l/I). */
export function temporaryPassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '#@%+'];
  const all = sets.slice(0, 3).join('');
  const pick = (s: string) => s[crypto.randomInt(s.length)];
  const chars = [...sets.map(pick), ...Array.from({ length: 8 }, () => pick(all))];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

export const auditView = (a: AccountView | undefined) =>
  a ? { ...a, lastLoginAt: undefined, createdAt: undefined } : a;

type Checked = Awaited<ReturnType<typeof checkEdit>>;

/** A page of the committee's accounts for the filters, newest id last, with the total for the pager. */
export async function listAccounts(
  db: Db,
  committeeId: number,
  q: Static<typeof AccountQuery>,
  limit: number,
  offset: number,
) {
  const w = where(committeeId, q);
  const rows = await query<AccountRow>(
    db,
    sql`select ${SELECT} from accounts a where ${w} order by a.id limit ${limit} offset ${offset}`,
  );
  const total = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from accounts a where ${w}`);
  return { items: rows.map(present), total: total!.n };
}

/** Inserts a checked account that must change its initial password at first sign-in; returns its id. */
export async function insertAccount(tx: Db, committeeId: number, username: string, passwordHash: string, v: Checked) {
  const row = await queryOne<{ id: number }>(
    tx,
    sql`insert into accounts (committee_id, username, display_name, password_hash, roles, member_id, unit_id, org_id,
      informant_id, office, phone_enc, phone_hash, email, must_change_password)
      values (${committeeId}, ${username}, ${v.displayName}, ${passwordHash}, ${sql.param(v.roles)}::text[],
        ${v.memberId}, ${v.unitId}, ${v.orgId}, ${v.informantId}, ${v.office}, ${encryptField(v.phone)}, ${v.phoneHash},
        ${v.email}, true)
      returning id`,
  );
  return row!.id;
}

/** Writes a checked edit; `keepPhone` keeps the stored phone (the form sent back the masked one it was shown). */
export async function updateAccountRow(tx: Db, committeeId: number, id: number, v: Checked, keepPhone: boolean) {
  const phoneSet = keepPhone ? sql`` : sql`, phone_enc = ${encryptField(v.phone)}, phone_hash = ${v.phoneHash}`;
  await tx.execute(sql`update accounts set display_name = ${v.displayName}, roles = ${sql.param(v.roles)}::text[],
    member_id = ${v.memberId}, unit_id = ${v.unitId}, org_id = ${v.orgId}, informant_id = ${v.informantId},
    office = ${v.office}, email = ${v.email} ${phoneSet}
    where committee_id = ${committeeId} and id = ${id}`);
}

/** A reset: the temporary password's hash, to be changed at next sign-in; the lock lifted and every session ended. */
export async function setTemporaryPassword(tx: Db, committeeId: number, id: number, passwordHash: string) {
  await tx.execute(sql`update accounts set password_hash = ${passwordHash}, must_change_password = true,
    failed_logins = 0, locked_until = null where committee_id = ${committeeId} and id = ${id}`);
  await tx.execute(sql`delete from auth_sessions where committee_id = ${committeeId} and account_id = ${id}`);
}

/** Lifts a sign-in lock, and the delays on the name and phone typed in, or the unlocked member would still wait. */
export async function unlockAccount(tx: Db, actor: Actor, acc: AccountView) {
  const a = await queryOne<{ username: string; phone_enc: string | null }>(
    tx,
    sql`update accounts set failed_logins = 0, locked_until = null
      where committee_id = ${actor.committeeId} and id = ${acc.id} returning username, phone_enc`,
  );
  await clearFailuresOfNames(tx, [a?.username, decryptField(a?.phone_enc)]);
}

/** Disables an account (not one's own) and ends its sessions at once. */
export async function disableAccount(tx: Db, actor: Actor, acc: AccountView) {
  if (acc.id === actor.accountId) throw badRequest('account.self', '不能停用自己的账号');
  if (acc.disabled) throw badRequest('account.state', '该账号已停用');
  await tx.execute(
    sql`update accounts set disabled = true where committee_id = ${actor.committeeId} and id = ${acc.id}`,
  );
  await tx.execute(sql`delete from auth_sessions where committee_id = ${actor.committeeId} and account_id = ${acc.id}`);
}

/** Enables a disabled account with a clean sign-in record. */
export async function enableAccount(tx: Db, actor: Actor, acc: AccountView) {
  if (!acc.disabled) throw badRequest('account.state', '该账号未停用');
  await tx.execute(sql`update accounts set disabled = false, failed_logins = 0, locked_until = null
    where committee_id = ${actor.committeeId} and id = ${acc.id}`);
}
