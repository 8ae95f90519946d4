// Whose workspaces an account sees and works in: office staff, admins and leaders every one; special committee staff
// their own special committee only (the one named as their office); members their own special committees and sector,
// read-only. Outside the scope a workspace answers 403 (it exists in this committee, it is just not theirs).
import { can } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { forbidden } from '../../platform/errors.ts';
import { memberUnits, specialCommitteeOfStaff, type UnitKind } from '../org/workspace-units.ts';

export interface Scope {
  /** Reads every workspace. */
  all: boolean;
  specialCommitteeIds: number[];
  sectorIds: number[];
  /** Special committees the account works in (null: every one). */
  manages: number[] | null;
}

const WIDE = ['sysAdmin', 'committeeAdmin', 'officeStaff', 'leader'];

export async function scopeOf(db: Db, actor: Actor): Promise<Scope> {
  const wide = actor.roles.some((r) => WIDE.includes(r));
  const officeManages = actor.roles.some((r) => r === 'officeStaff' || r === 'committeeAdmin');
  const sc: number[] = [];
  const sectors: number[] = [];
  let manages: number[] | null = officeManages ? null : [];
  if (actor.roles.includes('specialCommitteeStaff')) {
    const own = await specialCommitteeOfStaff(db, actor.committeeId, actor.accountId);
    if (own) {
      sc.push(own.id);
      if (manages) manages.push(own.id);
    }
  }
  if (actor.memberId && actor.roles.includes('member')) {
    const m = await memberUnits(db, actor.committeeId, actor.memberId);
    sc.push(...m.specialCommitteeIds);
    if (m.sectorId) sectors.push(m.sectorId);
  }
  if (!can(actor.roles, 'workspace.manage')) manages = [];
  return { all: wide, specialCommitteeIds: sc, sectorIds: sectors, manages };
}

export function mayRead(s: Scope, kind: UnitKind, id: number): boolean {
  if (s.all) return true;
  return kind === 'specialCommittee' ? s.specialCommitteeIds.includes(id) : s.sectorIds.includes(id);
}

export const mayManage = (s: Scope, specialCommitteeId: number) =>
  s.manages === null || s.manages.includes(specialCommitteeId);

export function assertRead(s: Scope, kind: UnitKind, id: number): void {
  if (!mayRead(s, kind, id))
    throw forbidden(
      'workspace.not_yours',
      kind === 'specialCommittee' ? '只能查看本专委会的工作台' : '只能查看本界别的工作台',
    );
}

export function assertManage(s: Scope, specialCommitteeId: number): void {
  if (!mayManage(s, specialCommitteeId)) throw forbidden('workspace.not_manager', '只能在本专委会的工作台中办理');
}
