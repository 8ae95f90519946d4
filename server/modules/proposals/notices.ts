// Who hears of a step in a proposal's handling: the accounts of its proposers, of the office and of the units.
import { sql } from 'drizzle-orm';
import type { Role } from '../../platform/auth/permissions.ts';
import { type Db, query } from '../../platform/db/client.ts';
import { notify } from '../../platform/notifications/notifications.ts';
import type { ProposalItem } from './repository.ts';

/** The enabled accounts of committee `committeeId` tied by `column` to one of `ids` (none for no ids), only those
 *  holding `role` when it is given. */
async function accountsTiedTo(
  tx: Db,
  committeeId: number,
  column: 'member_id' | 'org_id' | 'unit_id',
  ids: number[],
  role?: Role,
): Promise<number[]> {
  if (!ids.length) return [];
  const rows = await query<{ id: number }>(
    tx,
    sql`select id from accounts where committee_id = ${committeeId} and ${sql.identifier(column)} = any(${sql.param(ids)}::int[]) and not disabled
      ${role ? sql`and ${role} = any(roles)` : sql``}`,
  );
  return rows.map((r) => r.id);
}

/** The proposers' own accounts. */
export const memberAccounts = (tx: Db, committeeId: number, memberIds: number[]) =>
  accountsTiedTo(tx, committeeId, 'member_id', memberIds);

/** The accounts of organisations (parties, groups) that file proposals, optionally those holding `role`. */
export const orgAccounts = (tx: Db, committeeId: number, orgIds: number[], role?: Role) =>
  accountsTiedTo(tx, committeeId, 'org_id', orgIds, role);

/** The handling units' accounts. */
export const unitAccounts = (tx: Db, committeeId: number, unitIds: number[]) =>
  accountsTiedTo(tx, committeeId, 'unit_id', unitIds);

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
