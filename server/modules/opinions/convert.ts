// The entry point the proposal office uses when it converts a proposal into an opinion report (转社情民意): a report
// in the liaison office's screening queue, source 'proposal', with the proposers as its members (duty facts and
// notifications follow them). Runs inside the caller's transaction.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { type Db, query } from '../../platform/db/client.ts';
import { badRequest } from '../../platform/errors.ts';
import { fireTransition } from '../../platform/workflow/engine.ts';
import { memberNames } from '../org/members-directory.ts';
import { bodyRequired, titleRequired } from './errors.ts';
import { countChars } from './rules.ts';
import { reportSearch } from './search.ts';
import { chinaYear, loadReportItem, opinionProcess, opinionSettings } from './workflow.ts';

export interface ProposalConversion {
  proposalId: number;
  title: string;
  text: string;
  /** The proposers (lead first); empty for a collective proposal of an organisation. */
  memberIds: number[];
  /** Optional category; defaults to the committee's last category (其他). */
  category?: string;
}

export async function createOpinionFromProposal(
  tx: Db,
  actor: Actor,
  input: ProposalConversion,
): Promise<{ id: number; state: string }> {
  const c = actor.committeeId;
  const title = input.title.trim();
  const body = input.text.trim();
  if (!title) throw titleRequired();
  if (!body) throw bodyRequired('text');
  const settings = await opinionSettings(tx, c);
  const category =
    input.category && settings.categories.includes(input.category)
      ? input.category
      : settings.categories[settings.categories.length - 1];
  const memberIds = [...new Set(input.memberIds)];
  const members = await memberNames(tx, c, memberIds);
  if (members.length !== memberIds.length) throw badRequest('opinion.bad_members', '提案人不属于本政协', 'memberIds');
  const names = memberIds.map((id) => members.find((m) => m.id === id)!.name);
  const submitterName = names.length ? names.join('、') : '提案转来';
  const [row] = await query<{ id: number }>(
    tx,
    sql`insert into opinion_reports (committee_id, year, state, title, body, char_count, category, source, source_proposal_id,
        submitter_kind, submitter_name, member_ids, search)
      values (${c}, ${chinaYear()}, 'none', ${title}, ${body}, ${countChars(body)}, ${category}, 'proposal', ${input.proposalId},
        ${memberIds.length ? 'member' : 'org'}, ${submitterName}, ${sql.param(memberIds)}::int[], ${reportSearch(c, title, body, submitterName)})
      returning id`,
  );
  await writeAudit(tx, actor, {
    action: 'opinion.create',
    entity: 'opinion_report',
    entityId: row.id,
    after: { title, category, source: 'proposal', proposalId: input.proposalId, memberIds },
  });
  const item = (await loadReportItem(tx, c, row.id))!;
  const state = await fireTransition(tx, opinionProcess, actor, item, {
    action: 'convert',
    comment: `由提案（编号 ${input.proposalId}）转为社情民意信息`,
    data: { proposalId: input.proposalId },
  });
  return { id: row.id, state };
}
