// Shapes of 季度派单 and 承诺践诺 as the server returns them: its own types (type-only imports, erased from the bundle)
// and the task kinds' names from the server's plain labels file.

import type { allCommitments, listCommitmentItems, myCommitments } from '../../../server/modules/tasks/commitments.ts';
import type { getTask, listTasks, myAssignments } from '../../../server/modules/tasks/service.ts';
import { beijingToday, beijingYear } from '../../app/format.ts';

/** One member's task (their own list, or a row of a task's page) with the actions the engine allows the viewer. */
export type Assignment = Awaited<ReturnType<typeof myAssignments>>['items'][number];
/** A task of the quarter with how many were sent, completed, declined or swapped, and overdue. */
export type TaskRow = Awaited<ReturnType<typeof listTasks>>['items'][number];
export type TaskDetail = Awaited<ReturnType<typeof getTask>>;
export type Commitment = Awaited<ReturnType<typeof allCommitments>>['items'][number];
/** The member's commitments of a year, whether they may still pick (until pickUntil) or report (from reportFrom). */
export type MyCommitments = Awaited<ReturnType<typeof myCommitments>>;
export type CommitmentItem = Awaited<ReturnType<typeof listCommitmentItems>>[number];
/** The year's commitment items and the duty fact kinds a goal may count (key → label). */
export interface CommitmentItems {
  items: CommitmentItem[];
  goalKinds: Record<string, string>;
}

export { TASK_KINDS } from '../../../server/modules/tasks/labels.ts';

export const STATUS_COLOR: Record<string, string> = { 已践诺: 'green', 未践诺: 'red', 待践诺: 'blue' };

export const goalOptions = (kinds?: Record<string, string>) =>
  Object.entries(kinds ?? {}).map(([value, label]) => ({ value, label }));

/** Last year, this year and next (Beijing), as 年度 options with string values (the URL keeps the year). */
export const yearOptions = () => {
  const y = beijingYear();
  return [y - 1, y, y + 1].map((v) => ({ value: String(v), label: `${v} 年度` }));
};

/** This quarter in Beijing (on 1 January at 07:30 Beijing it is already Q1 of the new year). */
export function thisQuarter() {
  const d = beijingToday();
  return `${d.year()}-Q${Math.floor(d.month() / 3) + 1}`;
}
/** The quarters of last year, this year and next as options ("2025-Q3" → 2025 年第 3 季度). */
export const quarterOptions = () => {
  const y = beijingYear();
  return [y - 1, y, y + 1].flatMap((yy) =>
    [1, 2, 3, 4].map((q) => ({ value: `${yy}-Q${q}`, label: `${yy} 年第 ${q} 季度` })),
  );
};
