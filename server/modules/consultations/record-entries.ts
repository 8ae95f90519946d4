// Consultation speeches in the member's record (履职档案): each speech the member submitted at a consultation or
// democratic-supervision event (not one only signed up for, withdrawn, or at a cancelled event), with its state. Dated by
// the event's day once held; before that by the day the text was last submitted, since the event lies in the future.
import { sql } from 'drizzle-orm';
import { query } from '../../platform/db/client.ts';
import type { RecordSource } from '../record/registry.ts';
import { SPEECH_STATES } from './speech-service.ts';

export const consultationRecordSource: RecordSource = {
  key: 'consultations',
  label: '协商发言',
  entries: async (db, c, memberId, from, to) => {
    const rows = await query<{ title: string; state: string; eventId: number; eventTitle: string; day: string }>(
      db,
      sql`select s.title, s.state, e.id as "eventId", e.title as "eventTitle",
          coalesce((case when e.state in ('held', 'minuted', 'done')
            then coalesce(e.held_on, (e.starts_at at time zone 'Asia/Shanghai')::date) end)::text,
            (s.updated_at at time zone 'Asia/Shanghai')::date::text) as day
        from consultation_speeches s join consultation_events e on e.committee_id = s.committee_id and e.id = s.event_id
        where s.committee_id = ${c} and s.member_id = ${memberId} and s.state not in ('signedUp', 'withdrawn')
          and e.state <> 'cancelled'
        order by s.id`,
    );
    return rows
      .map((r) => ({
        date: r.day,
        source: 'consultations',
        kind: '协商发言',
        title: r.title,
        detail: `${r.eventTitle}，${SPEECH_STATES[r.state] ?? r.state}`,
        link: `/consultations/events/${r.eventId}`,
      }))
      .filter((e) => e.date >= from && e.date <= to);
  },
};
