// Per-committee numbers and rules of tasks and commitments (rules are data, versioned by year): how long a member has to
// complete a task, which records count as evidence for each kind, and the commitment windows and limit.
import type { Db } from '../../platform/db/client.ts';
import { getSetting } from '../../platform/settings/settings.ts';

export const TASK_SETTING = 'tasks.settings';
export const TASK_DEFAULTS = {
  /** A task without its own due date is due this many days after it is sent. */
  dueDays: 30,
  evidenceKinds: {
    research: ['activity', 'proposal'],
    themedProposal: ['proposal'],
    reception: ['activity'],
    grassrootsConsultation: ['activity'],
  } as Record<string, string[]>,
};
export type TaskSettings = typeof TASK_DEFAULTS;

export const COMMITMENT_SETTING = 'commitments.settings';
export const COMMITMENT_DEFAULTS = {
  /** Most commitments a member makes in a year. */
  maxPerMember: 5,
  /** Members pick and write commitments until this day of the year (MM-DD, Beijing). */
  pickUntil: '03-31',
  /** Members report on them (践诺) from this day of the year. */
  reportFrom: '11-01',
};
export type CommitmentSettings = typeof COMMITMENT_DEFAULTS;

export const getTaskSettings = (db: Db, committeeId: number, year: number) =>
  getSetting(db, committeeId, TASK_SETTING, year, TASK_DEFAULTS);
export const getCommitmentSettings = (db: Db, committeeId: number, year: number) =>
  getSetting(db, committeeId, COMMITMENT_SETTING, year, COMMITMENT_DEFAULTS);
