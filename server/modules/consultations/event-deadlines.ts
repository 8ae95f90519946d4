// An event's deadlines in working days (platform/dates.ts): the notice and the materials so many working days before
// the meeting (defaults 15 and 10), the minutes so many after it (default 7). The days are stored on the event; the
// engine's deadline jobs remind the office before each and flag it once passed.
import { sql } from 'drizzle-orm';
import { addWorkingDays, beijingYearOf, endOfBeijingDay } from '../../platform/dates.ts';
import { type Db, queryOne } from '../../platform/db/client.ts';
import type { DeadlineRule } from '../../platform/workflow/engine.ts';
import { consultationSettings } from './process-settings.ts';

const COLUMN = { notice: 'notice_due', materials: 'materials_due', minutes: 'minutes_due' } as const;

/** The notice and materials due days of an event meeting on this Beijing day. */
export async function dueDaysBefore(db: Db, committeeId: number, meetingDay: string) {
  const s = await consultationSettings(db, committeeId, Number(meetingDay.slice(0, 4)));
  return {
    noticeDue: await addWorkingDays(db, committeeId, meetingDay, -s.noticeWorkingDays),
    materialsDue: await addWorkingDays(db, committeeId, meetingDay, -s.materialsWorkingDays),
  };
}

/** The day the minutes of an event held on this Beijing day are due. */
export async function minutesDueAfter(db: Db, committeeId: number, heldDay: string): Promise<string> {
  const s = await consultationSettings(db, committeeId, beijingYearOf(endOfBeijingDay(heldDay)));
  return addWorkingDays(db, committeeId, heldDay, s.minutesWorkingDays);
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
  return { dueAt: endOfBeijingDay(r.due), remindDaysBefore: [3, 1] };
}
