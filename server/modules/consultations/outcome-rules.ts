// The outcome rules of a committee (key 'consultationOutcome.rules', versioned by year) and the Chinese labels of
// the outcome's kinds, targets, adoption and transformation. Every number is a setting with the default of the issue.

import {
  addMonthsClamped,
  addWorkingDays,
  beijingDateOf,
  beijingToday,
  beijingYearOf,
  deadlineMonthsAfter,
  endOfBeijingDay,
} from '../../platform/dates.ts';
import type { Db } from '../../platform/db/client.ts';
import { getSetting } from '../../platform/settings/settings.ts';

export interface OutcomeRules {
  kinds: string[];
  /** Feedback deadline in calendar months after hand-over … */
  feedbackMonths: number;
  /** … or, when set, in working days (China's calendar). */
  feedbackWorkingDays: number | null;
  remindDaysBefore: number[];
  /** 回头看 this many months after the evaluation. */
  reviewMonths: number;
}

export const OUTCOME_RULES_KEY = 'consultationOutcome.rules';

export const DEFAULT_OUTCOME_RULES: OutcomeRules = {
  kinds: ['建议案', '协商专报', '要情专报', '调研报告', '监督报告'],
  feedbackMonths: 3,
  feedbackWorkingDays: null,
  remindDaysBefore: [15, 3],
  reviewMonths: 12,
};

export { ADOPTION, LEADER_ORGANS, LEVELS, SUBMIT_TARGETS, TRANSFORMATION } from './outcome-labels.ts';

export async function outcomeRules(db: Db, committeeId: number, year = beijingYearOf()): Promise<OutcomeRules> {
  return getSetting<OutcomeRules>(db, committeeId, OUTCOME_RULES_KEY, year, DEFAULT_OUTCOME_RULES);
}

/** A unit's feedback deadline from hand-over: the office's date, else N working days or M months (per committee). */
export async function feedbackDue(db: Db, committeeId: number, rules: OutcomeRules, dueOn?: string): Promise<Date> {
  if (dueOn) return endOfBeijingDay(dueOn);
  if (rules.feedbackWorkingDays)
    return endOfBeijingDay(await addWorkingDays(db, committeeId, beijingToday(), rules.feedbackWorkingDays));
  return deadlineMonthsAfter(new Date(), rules.feedbackMonths);
}

/** The day of the 回头看, M months after the evaluation. */
export const reviewDay = (rules: OutcomeRules, from: Date): string =>
  addMonthsClamped(beijingDateOf(from), rules.reviewMonths);
