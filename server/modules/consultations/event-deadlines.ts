// An event's deadlines in working days: the notice and the materials so many working days before the meeting (defaults
// 15 and 10), the minutes so many after it (default 7). The days are stored on the event; the engine's jobs remind.
import { sql } from 'drizzle-orm';
import { type Db, queryOne } from '../../platform/db/client.ts';
import type { DeadlineRule } from '../../platform/workflow/engine.ts';

const COLUMN = { notice: 'notice_due', materials: 'materials_due', minutes: 'minutes_due' } as const;

/** The due days of an event meeting on this (Beijing) day, from the committee's working-day settings. */
export async function dueDaysBefore(
  _db: Db,
  _committeeId: number,
  _meetingDay: string,
): Promise<{ noticeDue: string | null; materialsDue: string | null }> {
  // Filled in from platform/dates.ts (working-day calendar) once it is merged.
  return { noticeDue: null, materialsDue: null };
}

export async function minutesDueAfter(_db: Db, _committeeId: number, _heldDay: string): Promise<string | null> {
  return null;
}

export async function deadlineOf(
  tx: Db,
  item: { committeeId: number; id: number },
  which: keyof typeof COLUMN,
): Promise<DeadlineRule | null> {
  const r = await queryOne<{ due: string | null }>(
    tx,
    sql`select ${sql.raw(COLUMN[which])}::text as due from consultation_events where committee_id = ${item.committeeId} and id = ${item.id}`,
  );
  if (!r?.due) return null;
  return { dueAt: new Date(`${r.due}T23:59:59.999+08:00`), remindDaysBefore: [3, 1] };
}
