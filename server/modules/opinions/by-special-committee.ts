// Opinion reports (社情民意信息) a special committee's office submitted in its own name — for the workspace and the
// monthly report (modules/workspace). Submitted ones only; a draft is the writer's own.
import { sql } from 'drizzle-orm';
import { type Db, query } from '../../platform/db/client.ts';
import { REPORT_STATES } from './rules.ts';

export interface CommitteeOpinion {
  id: number;
  title: string;
  stateLabel: string;
  submittedOn: string;
}

export async function opinionsOfSpecialCommittee(
  db: Db,
  committeeId: number,
  name: string,
  from: string,
  to: string,
): Promise<CommitteeOpinion[]> {
  const rows = await query<Omit<CommitteeOpinion, 'stateLabel'> & { state: string }>(
    db,
    sql`select r.id, r.title, r.state, to_char((r.submitted_at at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as "submittedOn"
      from opinion_reports r
      where r.committee_id = ${committeeId} and r.submitter_kind = 'specialCommittee' and r.submitter_name = ${name}
        and r.submitted_at is not null
        and (r.submitted_at at time zone 'Asia/Shanghai')::date between ${from}::date and ${to}::date
      order by r.submitted_at, r.id`,
  );
  return rows.map(({ state, ...r }) => ({
    ...r,
    stateLabel: (REPORT_STATES as Record<string, string>)[state] ?? state,
  }));
}
