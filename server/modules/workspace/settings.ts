// When a special committee's monthly report is due: day N of the following month (default 5), per special committee
// where the office set one. Platform setting `workspace.settings`, per committee and year.
import { beijingToday, beijingYearOf } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/client.ts';
import { getSetting } from '../../platform/settings/settings.ts';

export const WORKSPACE_SETTING = 'workspace.settings';
export interface WorkspaceSettings {
  reportDueDay: number;
  /** Special committee id → its own due day. */
  bySpecialCommittee: Record<string, number>;
}
export const WORKSPACE_DEFAULTS: WorkspaceSettings = { reportDueDay: 5, bySpecialCommittee: {} };

export const getWorkspaceSettings = (db: Db, committeeId: number, year = beijingYearOf()) =>
  getSetting(db, committeeId, WORKSPACE_SETTING, year, WORKSPACE_DEFAULTS);

export const dueDayOf = (s: WorkspaceSettings, specialCommitteeId: number) =>
  s.bySpecialCommittee[String(specialCommitteeId)] ?? s.reportDueDay;

/** The month whose report is being written now (the previous one) and the Beijing day it is due. */
export function reportDue(dueDay: number, today = beijingToday()): { month: string; dueOn: string; overdue: boolean } {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const month = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  const dueOn = `${today.slice(0, 7)}-${String(dueDay).padStart(2, '0')}`;
  return { month, dueOn, overdue: today > dueOn };
}
