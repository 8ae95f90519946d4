// Committees (the tenants) as the system administrator manages them: the tree below the administrator's own
// committee, creating a lower committee with its first administrator account, renaming. Audited in both chains.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import { loginNameTaken } from '../../platform/auth/login.ts';
import { checkPasswordPolicy, hashPassword } from '../../platform/auth/passwords.ts';
import type { Actor } from '../../platform/context.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { refuseIfFound } from '../../platform/db/refuse-if-found.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { usernameTaken } from '../accounts/errors.ts';

export const LEVELS = { national: '全国', province: '省级', city: '市级', county: '县级' } as const;
const RANK: Record<string, number> = { national: 0, province: 1, city: 2, county: 3 };

/** The actor's committee and every committee below it. */
const subtree = (rootId: number) => sql`with recursive tree as (
    select id from committees where id = ${rootId}
    union all select c.id from committees c join tree on c.parent_id = tree.id)`;

export async function listTree(db: Db, rootId: number) {
  const rows = await query<{
    id: number;
    name: string;
    short_name: string;
    level: string;
    parent_id: number | null;
    region_code: string | null;
    created_at: string | Date;
    member_count: number;
    account_count: number;
  }>(
    db,
    sql`${subtree(rootId)}
      select c.id, c.name, c.short_name, c.level, c.parent_id, c.region_code, c.created_at,
        (select count(*) from members m where m.committee_id = c.id and m.status = 'active')::int as member_count,
        (select count(*) from accounts a where a.committee_id = c.id)::int as account_count
      from committees c where c.id in (select id from tree) order by c.id`,
  );
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    shortName: c.short_name,
    level: c.level,
    parentId: c.id === rootId ? null : c.parent_id,
    regionCode: c.region_code,
    memberCount: c.member_count,
    accountCount: c.account_count,
    createdAt: new Date(c.created_at).toISOString(),
  }));
}

export async function inTree(db: Db, rootId: number, id: number) {
  return !!(await queryOne(db, sql`${subtree(rootId)} select 1 from tree where id = ${id}`));
}

export interface NewCommittee {
  name: string;
  shortName: string;
  level: string;
  parentId: number;
  regionCode?: string;
  adminUsername?: string;
  adminPassword?: string;
}

/** Creates a committee below one in the actor's tree, of a lower level, optionally with its administrator (who must
 *  change the initial password). Errors name the field: parentId, level, name, adminPassword, adminUsername. */
export async function createCommittee(tx: Db, actor: Actor, b: NewCommittee) {
  const parent = await queryOne<{ level: string }>(tx, sql`select level from committees where id = ${b.parentId}`);
  if (!parent || !(await inTree(tx, actor.committeeId, b.parentId))) {
    throw badRequest('committee.parent', '所选「上级组织」不存在', 'parentId');
  }
  if (RANK[b.level] <= RANK[parent.level]) {
    throw badRequest(
      'committee.level',
      `「级别」应低于上级组织（上级为${LEVELS[parent.level as keyof typeof LEVELS]}）`,
      'level',
    );
  }
  await refuseIfFound(tx, sql`select 1 from committees where name = ${b.name.trim()}`, () =>
    badRequest('committee.duplicate', `「名称」${b.name.trim()} 已存在`, 'name'),
  );
  if (!!b.adminUsername !== !!b.adminPassword) {
    throw badRequest('validation', '创建管理员账号需同时填写「管理员用户名」和「管理员初始密码」', 'adminPassword');
  }
  if (b.adminPassword) {
    const weak = checkPasswordPolicy(b.adminPassword, { username: b.adminUsername });
    if (weak) throw badRequest('auth.weak_password', `「管理员初始密码」${weak}`, 'adminPassword');
    const taken = await loginNameTaken(tx, b.adminUsername!);
    if (taken) throw usernameTaken('管理员用户名', b.adminUsername!, 'adminUsername');
  }
  const row = await queryOne<{ id: number }>(
    tx,
    sql`insert into committees (name, short_name, level, parent_id, region_code)
        values (${b.name.trim()}, ${b.shortName.trim()}, ${b.level}, ${b.parentId}, ${b.regionCode ?? null}) returning id`,
  );
  const id = row!.id;
  let adminId: number | null = null;
  if (b.adminUsername && b.adminPassword) {
    const acc = await queryOne<{ id: number }>(
      tx,
      sql`insert into accounts (committee_id, username, display_name, password_hash, roles, must_change_password)
          values (${id}, ${b.adminUsername}, ${`${b.shortName.trim()}管理员`}, ${await hashPassword(b.adminPassword)},
            ${sql.param(['committeeAdmin'])}::text[], true) returning id`,
    );
    adminId = acc!.id;
  }
  const after = {
    name: b.name.trim(),
    shortName: b.shortName.trim(),
    level: b.level,
    parentId: b.parentId,
    adminUsername: b.adminUsername ?? null,
  };
  await writeAudit(tx, actor, { action: 'committee.create', entity: 'committee', entityId: id, after });
  // The new committee's own chain starts with who created it.
  await writeAudit(
    tx,
    { ...actor, committeeId: id },
    {
      action: 'committee.create',
      entity: 'committee',
      entityId: id,
      after: { ...after, adminAccountId: adminId },
    },
  );
  return (await listTree(tx, id))[0];
}

/** Renames a committee of the actor's tree; 404 outside it, 400 on a name another committee has. */
export async function updateCommittee(
  tx: Db,
  actor: Actor,
  id: number,
  b: { name: string; shortName: string; regionCode?: string },
) {
  if (!(await inTree(tx, actor.committeeId, id))) throw notFound('committee.not_found', '政协组织不存在');
  const before = await queryOne<{ name: string; short_name: string; region_code: string | null }>(
    tx,
    sql`select name, short_name, region_code from committees where id = ${id}`,
  );
  await refuseIfFound(tx, sql`select 1 from committees where name = ${b.name.trim()} and id <> ${id}`, () =>
    badRequest('committee.duplicate', `「名称」${b.name.trim()} 已存在`, 'name'),
  );
  await tx.execute(sql`update committees set name = ${b.name.trim()}, short_name = ${b.shortName.trim()},
      region_code = ${b.regionCode ?? null} where id = ${id}`);
  await writeAudit(tx, actor, {
    action: 'committee.update',
    entity: 'committee',
    entityId: id,
    before: { name: before!.name, shortName: before!.short_name, regionCode: before!.region_code },
    after: { name: b.name.trim(), shortName: b.shortName.trim(), regionCode: b.regionCode ?? null },
  });
  const all = await listTree(tx, actor.committeeId);
  return all.find((c) => c.id === id)!;
}
