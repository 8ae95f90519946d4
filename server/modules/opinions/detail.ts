// One report as its reader may see it: staff, submitter or handling unit each see their part, with the engine's
// history and buttons.

import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import { can } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';
import { iso } from '../../platform/dates.ts';
import { type Db, query } from '../../platform/db/client.ts';
import { listFiles } from '../../platform/files/files.ts';
import { allowedActions, listTransitions } from '../../platform/workflow/engine.ts';
import { AFTER_SCREENING, isSubmitter, readable } from './policy.ts';
import { asItem, ENTITY, INSTRUCTION_FILES, REFERRAL_FILES } from './repository.ts';
import { LEVELS, type Level, REFERRAL_STATES, REPORT_STATES, SUBMITTER_KINDS } from './rules.ts';
import type { Detail } from './schemas.ts';
import { opinionProcess } from './workflow.ts';

// ---------------------------------------------------------------- reading

/** One report as its reader may see it: the route's response schema (schemas.ts). */
export type ReportDetail = Static<typeof Detail>;

/** An adoption as read: the committee it came from only when it was passed back from a lower one. */
type AdoptionRow = Omit<ReportDetail['adoptions'][number], 'levelLabel'>;
type InstructionRow = Omit<ReportDetail['instructions'][number], 'levelLabel' | 'files'>;
type ReferralRow = Omit<ReportDetail['referrals'][number], 'stateLabel' | 'respondedAt' | 'files'> & {
  respondedAt: string | null;
};

export async function reportDetail(db: Db, actor: Actor, id: number): Promise<ReportDetail> {
  const { row: r, access } = await readable(db, actor, id);
  const c = actor.committeeId;
  const staff = access === 'staff';
  const owner = access === 'owner' || (staff && isSubmitter(actor, asItem(r)));
  const [files, forwards, adoptions, instructions, referrals] = await Promise.all([
    listFiles(db, c, ENTITY, id),
    query<ReportDetail['forwards'][number]>(
      db,
      sql`select id, target_kind as "targetKind", target_name as "targetName", forwarded_on::text as "forwardedOn", note
        from opinion_forwards where committee_id = ${c} and report_id = ${id} order by id`,
    ),
    query<AdoptionRow>(
      db,
      sql`select id, level, adopted_by as "adoptedBy", adopted_on::text as "adoptedOn", note, recorded_by_name as "recordedBy",
          case when propagated_from_id is not null then recorded_committee_name end as "fromCommittee"
        from opinion_adoptions where committee_id = ${c} and report_id = ${id} order by adopted_on, id`,
    ),
    query<InstructionRow>(
      db,
      sql`select id, leader_name as "leaderName", leader_title as "leaderTitle", leader_organ as "leaderOrgan", level,
          instructed_on::text as "instructedOn", text, recorded_by_name as "recordedBy",
          case when propagated_from_id is not null then recorded_committee_name end as "fromCommittee"
        from opinion_instructions where committee_id = ${c} and report_id = ${id} order by instructed_on, id`,
    ),
    query<ReferralRow>(
      db,
      sql`select f.id, f.unit_id as "unitId", u.name as "unitName", f.state, f.note, f.due_on::text as "dueOn", f.response,
          f.responded_at as "respondedAt", f.responder_name as "responderName", f.review_comment as "reviewComment"
        from opinion_referrals f join handling_units u on u.committee_id = f.committee_id and u.id = f.unit_id
        where f.committee_id = ${c} and f.report_id = ${id} and f.state <> 'none'
          ${access === 'unit' ? sql`and f.unit_id = ${actor.unitId}` : sql``}
        order by f.id`,
    ),
  ]);
  const visibleReferrals = referrals.filter((f) => staff || access === 'unit' || f.state === 'approved');
  const referralOut = [];
  for (const f of visibleReferrals) {
    const showResponse = staff || access === 'unit' || f.state === 'approved';
    referralOut.push({
      ...f,
      stateLabel: REFERRAL_STATES[f.state as keyof typeof REFERRAL_STATES] ?? f.state,
      note: staff || access === 'unit' ? f.note : null,
      response: showResponse ? f.response : null,
      respondedAt: showResponse ? iso(f.respondedAt) : null,
      responderName: showResponse ? f.responderName : null,
      reviewComment: staff || access === 'unit' ? f.reviewComment : null,
      files: showResponse ? await listFiles(db, c, REFERRAL_FILES, f.id) : [],
    });
  }
  const instructionOut = [];
  for (const i of access === 'unit' ? [] : instructions) {
    instructionOut.push({
      ...i,
      levelLabel: LEVELS[i.level as Level],
      files: await listFiles(db, c, INSTRUCTION_FILES, i.id),
    });
  }
  const item = asItem(r);
  const screener = staff && can(actor.roles, 'opinion.screen');
  const issueOpen = !r.issue_id || r.issue_state === 'draft';
  return {
    id: r.id,
    state: r.state,
    stateLabel: REPORT_STATES[r.state as keyof typeof REPORT_STATES] ?? r.state,
    year: r.year,
    title: r.title,
    body: r.body,
    charCount: r.char_count,
    category: r.category,
    editedTitle: r.edited_title,
    editedBody: r.edited_body,
    editedAt: iso(r.edited_at),
    editedByName: access === 'unit' ? null : r.edited_by_name,
    source: r.source,
    submitterKind: r.submitter_kind,
    submitterKindLabel: SUBMITTER_KINDS[r.submitter_kind],
    submitterName: access === 'unit' ? '' : r.submitter_name,
    fromLower: r.origin_report_id != null,
    originCommitteeName: r.origin_committee_name,
    originSubmitterName: staff ? r.origin_submitter_name : null,
    issue: r.issue_id ? { id: r.issue_id, title: r.issue_title!, state: r.issue_state! } : null,
    screenComment: access === 'unit' ? null : r.screen_comment,
    submittedAt: iso(r.submitted_at),
    createdAt: iso(r.created_at)!,
    files,
    forwards: staff ? forwards : forwards.map((f) => ({ ...f, note: null })),
    adoptions:
      access === 'unit'
        ? []
        : adoptions.map((a) => ({
            ...a,
            levelLabel: LEVELS[a.level as Level],
            recordedBy: staff ? a.recordedBy : null,
          })),
    instructions: instructionOut,
    referrals: referralOut,
    timeline: access === 'unit' ? [] : await listTransitions(db, opinionProcess, c, id, actor),
    access,
    actions: allowedActions(opinionProcess, actor, item).filter(
      (a) => !['compile', 'uncompile', 'receive', 'convert'].includes(a.action),
    ),
    can: {
      edit: owner && ['draft', 'returned'].includes(r.state),
      editText: screener && AFTER_SCREENING.includes(r.state) && issueOpen,
      forward: screener && AFTER_SCREENING.includes(r.state),
      record: screener && AFTER_SCREENING.includes(r.state),
      refer: screener && AFTER_SCREENING.includes(r.state),
    },
  };
}
