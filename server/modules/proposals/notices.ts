// Who hears of a step in a proposal's handling: the accounts of its proposers, of the office and of the units.
import { sql } from 'drizzle-orm';
import type { Role } from '../../platform/auth/permissions.ts';
import { type Db, query } from '../../platform/db/client.ts';
import { notify } from '../../platform/notifications/notifications.ts';
import type { ProposalItem } from './repository.ts';

export async function memberAccounts(tx: Db, committeeId: number, memberIds: number[]): Promise<number[]> {
  if (!memberIds.length) return [];
  const rows = await query<{ id: number }>(
    tx,
    sql`select id from accounts where committee_id = ${committeeId} and member_id = any(${sql.param(memberIds)}::int[]) and not disabled`,
  );
  return rows.map((r) => r.id);
}

export async function orgAccounts(tx: Db, committeeId: number, orgIds: number[], role?: Role): Promise<number[]> {
  if (!orgIds.length) return [];
  const rows = await query<{ id: number }>(
    tx,
    sql`select id from accounts where committee_id = ${committeeId} and org_id = any(${sql.param(orgIds)}::int[]) and not disabled
      ${role ? sql`and ${role} = any(roles)` : sql``}`,
  );
  return rows.map((r) => r.id);
}

export async function unitAccounts(tx: Db, committeeId: number, unitIds: number[]): Promise<number[]> {
  if (!unitIds.length) return [];
  const rows = await query<{ id: number }>(
    tx,
    sql`select id from accounts where committee_id = ${committeeId} and unit_id = any(${sql.param(unitIds)}::int[]) and not disabled`,
  );
  return rows.map((r) => r.id);
}

export async function notifyAuthors(tx: Db, p: ProposalItem, title: string, body?: string) {
  const accountIds = [
    ...(await memberAccounts(tx, p.committeeId, p.answerMemberIds.length ? p.answerMemberIds : p.proposerIds)),
    ...(await orgAccounts(tx, p.committeeId, p.answerOrgIds)),
  ];
  await notify(tx, {
    committeeId: p.committeeId,
    accountIds,
    kind: 'proposal',
    title,
    body,
    link: `/proposals/${p.id}`,
  });
}

export async function notifyOffice(tx: Db, committeeId: number, title: string, link: string, body?: string) {
  await notify(tx, {
    committeeId,
    accountIds: { roles: ['proposalStaff'] },
    kind: 'proposal',
    title,
    body,
    link,
  });
}

export async function notifyUnits(
  tx: Db,
  committeeId: number,
  unitIds: number[],
  title: string,
  link: string,
  body?: string,
) {
  await notify(tx, {
    committeeId,
    accountIds: await unitAccounts(tx, committeeId, unitIds),
    kind: 'proposal',
    title,
    body,
    link,
  });
}
