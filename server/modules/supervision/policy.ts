// Who may see and do what on a supervision snapshot (随手拍): used by the process rows, the services and the routes.
import { can, type Role } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';

export const STAFF: Role[] = ['officeStaff', 'specialCommitteeStaff', 'committeeAdmin'];
export const UNIT: Role[] = ['unitUser'];

/** The supervision staff: see and settle every report. */
export const isStaff = (actor: Actor) => can(actor.roles, 'supervision.manage');

/** The member who filed the report. */
export const isReporter = (actor: Actor, r: { memberId: number }) =>
  actor.memberId != null && actor.memberId === r.memberId;

/** An account of the unit the report was dispatched to. */
export const isAssignedUnit = (actor: Actor, r: { unitId: number | null }) =>
  actor.unitId != null && actor.unitId === r.unitId;

/** A report is seen by staff, its member and the unit it went to; anyone else gets 404. */
export const canSeeReport = (actor: Actor, r: { memberId: number; unitId: number | null }) =>
  isStaff(actor) || isReporter(actor, r) || isAssignedUnit(actor, r);

export const reporterGuard = (actor: Actor, r: { memberId: number }) =>
  isReporter(actor, r) ? null : '只有提交随手拍的委员本人可以操作';

export const assignedUnitGuard = (actor: Actor, r: { unitId: number | null }) =>
  isAssignedUnit(actor, r) ? null : '只有承办单位可以答复';
