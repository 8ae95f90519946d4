// Per-committee numbers of 随手拍 (rules are data, versioned by year): the feedback deadlines in working days, the
// reminder before them and the largest photo or video a member or unit may upload.
import type { Db } from '../../platform/db/client.ts';
import { getSetting } from '../../platform/settings/settings.ts';

export const SUPERVISION_SETTING = 'supervision.settings';
export const SUPERVISION_DEFAULTS = {
  /** Working days a unit has to answer an urgent item (DOMAIN.md: 5). */
  urgentDays: 5,
  /** Working days for any other item (DOMAIN.md: 15). */
  normalDays: 15,
  /** Reminders to the unit this many days before the deadline. */
  remindDaysBefore: [1] as number[],
  uploadMaxMb: 50,
};
export type SupervisionSettings = typeof SUPERVISION_DEFAULTS;

export const getSupervisionSettings = (db: Db, committeeId: number, year: number) =>
  getSetting(db, committeeId, SUPERVISION_SETTING, year, SUPERVISION_DEFAULTS);
