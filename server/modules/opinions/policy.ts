// Who may see and do what with an opinion report: used by the services, the routes, the detail page's `can` and
// the file-download checks.

import type { Role } from '../../platform/auth/permissions.ts';
import { can } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { conflict, forbidden } from '../../platform/errors.ts';
import { registerFileAccess } from '../../platform/files/files.ts';
import { reportNotFound } from './errors.ts';
import {
  asItem,
  ENTITY,
  hasLiveReferral,
  INSTRUCTION_FILES,
  instructionReport,
  loadRow,
  REFERRAL_FILES,
  type ReportRow,
  referralOwner,
} from './repository.ts';
import { REPORT_STATES } from './rules.ts';

export const SUBMITTERS: Role[] = ['member', 'informant', 'orgAccount', 'specialCommitteeStaff'];
export const SCREENERS: Role[] = ['liaisonStaff', 'committeeAdmin'];
/** Who reads every report (opinion.readAll): internal steps and remarks are shown to them only. */
export const OFFICE_READERS: Role[] = ['sysAdmin', 'committeeAdmin', 'liaisonStaff', 'leader'];

/** The submitting account, or one of the report's members. */
export function isSubmitter(actor: Actor, item: { submitterAccountId: number | null; memberIds: number[] }): boolean {
  return (
    (item.submitterAccountId != null && item.submitterAccountId === actor.accountId) ||
    (actor.memberId != null && item.memberIds.includes(actor.memberId))
  );
}

/** The liaison office: screens, edits, compiles, forwards, records and refers. */
export const isOffice = (actor: Actor) => can(actor.roles, 'opinion.screen');

export type Access = 'staff' | 'owner' | 'unit';

export async function accessOf(db: Db, actor: Actor, r: ReportRow): Promise<Access | null> {
  if (r.state !== 'draft' && can(actor.roles, 'opinion.readAll')) return 'staff';
  if (isSubmitter(actor, asItem(r))) return 'owner';
  if (actor.unitId != null && r.state !== 'draft') {
    if (await hasLiveReferral(db, r.committee_id, r.id, actor.unitId)) return 'unit';
  }
  return null;
}

/** A report this actor may read in its own committee, else 404 (another committee's rows do not exist for it). */
export async function readable(
  db: Db,
  actor: Actor,
  id: number,
  lock = false,
): Promise<{ row: ReportRow; access: Access }> {
  const row = await loadRow(db, actor.committeeId, id, lock);
  if (!row) throw reportNotFound();
  const access = await accessOf(db, actor, row);
  if (!access) throw reportNotFound();
  return { row, access };
}

/** A report the liaison office works on: staff of this committee, not a draft. */
export async function staffRow(tx: Db, actor: Actor, id: number): Promise<ReportRow> {
  const { row, access } = await readable(tx, actor, id, true);
  if (access !== 'staff' || !isOffice(actor)) throw forbidden();
  return row;
}

export const AFTER_SCREENING = ['accepted', 'compiled'];
export function requireScreened(row: ReportRow, what: string) {
  if (!AFTER_SCREENING.includes(row.state)) {
    throw conflict(
      'opinion.bad_state',
      `当前状态为「${REPORT_STATES[row.state as keyof typeof REPORT_STATES] ?? row.state}」，采编留用后才能${what}`,
    );
  }
}

registerFileAccess(ENTITY, async (db, actor, id) => {
  const row = await loadRow(db, actor.committeeId, id);
  return !!row && !!(await accessOf(db, actor, row));
});
registerFileAccess(INSTRUCTION_FILES, async (db, actor, id) => {
  const ins = await instructionReport(db, actor.committeeId, id);
  const row = ins ? await loadRow(db, actor.committeeId, ins.report_id) : null;
  return !!row && !!(await accessOf(db, actor, row));
});
registerFileAccess(REFERRAL_FILES, async (db, actor, id) => {
  const ref = await referralOwner(db, actor.committeeId, id);
  if (!ref) return false;
  if (actor.unitId === ref.unit_id) return true;
  const row = await loadRow(db, actor.committeeId, ref.report_id);
  const access = row ? await accessOf(db, actor, row) : null;
  return access === 'staff' || (access === 'owner' && ref.state === 'approved');
});
