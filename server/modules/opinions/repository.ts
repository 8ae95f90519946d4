// The opinion module's report rows: loading a report with its issue, and the workflow item made of it.

import { sql } from 'drizzle-orm';
import { namesFromTable, registerEntityNames } from '../../platform/audit/names.ts';
import { type Db, queryOne } from '../../platform/db/client.ts';
import type { SubmitterKind } from './rules.ts';
import type { ReportItem } from './workflow.ts';

export const ENTITY = 'opinion_report';
export const INSTRUCTION_FILES = 'opinion_instruction';
export const REFERRAL_FILES = 'opinion_referral';

export interface ReportRow {
  committee_id: number;
  id: number;
  year: number;
  state: string;
  title: string;
  body: string;
  char_count: number;
  category: string;
  edited_title: string | null;
  edited_body: string | null;
  edited_at: Date | null;
  edited_by_name: string | null;
  source: string;
  source_proposal_id: number | null;
  submitter_kind: SubmitterKind;
  submitter_account_id: number | null;
  submitter_name: string;
  member_ids: number[];
  informant_id: number | null;
  org_id: number | null;
  origin_committee_id: number | null;
  origin_committee_name: string | null;
  origin_report_id: number | null;
  origin_submitter_name: string | null;
  issue_id: number | null;
  issue_title: string | null;
  issue_state: string | null;
  screen_comment: string | null;
  submitted_at: Date | null;
  screened_at: Date | null;
  compiled_at: Date | null;
  created_at: Date;
}

export async function loadRow(db: Db, committeeId: number, id: number, lock = false): Promise<ReportRow | null> {
  const row = await queryOne<ReportRow>(
    db,
    sql`select r.*, i.title as issue_title, i.state as issue_state from opinion_reports r
      left join opinion_issues i on i.committee_id = r.committee_id and i.id = r.issue_id
      where r.committee_id = ${committeeId} and r.id = ${id} ${lock ? sql`for update of r` : sql``}`,
  );
  return row ?? null;
}

export const asItem = (r: ReportRow): ReportItem => ({
  id: r.id,
  state: r.state,
  committeeId: r.committee_id,
  title: r.title,
  submitterAccountId: r.submitter_account_id,
  memberIds: r.member_ids ?? [],
  originReportId: r.origin_report_id,
});

export const hasLiveReferral = async (db: Db, committeeId: number, reportId: number, unitId: number) =>
  !!(await queryOne(
    db,
    sql`select 1 from opinion_referrals where committee_id = ${committeeId} and report_id = ${reportId} and unit_id = ${unitId} and state <> 'none'`,
  ));

export const instructionReport = (db: Db, committeeId: number, id: number) =>
  queryOne<{ report_id: number }>(
    db,
    sql`select report_id from opinion_instructions where committee_id = ${committeeId} and id = ${id}`,
  );

export const referralOwner = (db: Db, committeeId: number, id: number) =>
  queryOne<{ report_id: number; unit_id: number; state: string }>(
    db,
    sql`select report_id, unit_id, state from opinion_referrals where committee_id = ${committeeId} and id = ${id}`,
  );

/** The committee's name and level, and whether it has a higher committee on the platform. */
export const committeeBrief = (db: Db, committeeId: number) =>
  queryOne<{ level: string; name: string; parent_id: number | null }>(
    db,
    sql`select level, name, parent_id from committees where id = ${committeeId}`,
  );

// How the audit page names this module's objects (platform/audit/names.ts).
registerEntityNames('opinion_report', namesFromTable('opinion_reports', 't.title'));
registerEntityNames('opinion_issue', namesFromTable('opinion_issues', 't.title'));
