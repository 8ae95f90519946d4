// Forwarding a report or a whole issue: to the higher committee on the platform (a copy enters its screening queue)
// or to recorded targets outside it.

import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { refuseIfFound } from '../../platform/db/refuse-if-found.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { accountsWithRoles, notify } from '../../platform/notifications/notifications.ts';
import { fireTransition } from '../../platform/workflow/engine.ts';
import { issueRow } from './issue-service.ts';
import { requireScreened, staffRow } from './policy.ts';
import { asItem, ENTITY, type ReportRow } from './repository.ts';
import { countChars, FORWARD_TARGETS, type ForwardTarget, type Level } from './rules.ts';
import { reportSearch } from './search.ts';
import { chinaToday, chinaYear, opinionProcess, type ReportItem, submitterAccounts } from './workflow.ts';

// ---------------------------------------------------------------- forwarding

export interface CommitteeInfo {
  id: number;
  name: string;
  level: Level;
  parent_id: number | null;
}

export const committeeInfo = async (db: Db, id: number) =>
  (await queryOne<CommitteeInfo>(db, sql`select id, name, level, parent_id from committees where id = ${id}`))!;

/** The actor as seen in another committee's books: the same person, named with their committee. */
export const crossActor = (actor: Actor, committeeId: number, committeeName: string): Actor => ({
  ...actor,
  committeeId,
  name: `${committeeName} ${actor.name}`,
});

export interface ForwardInput {
  targets: { kind: ForwardTarget; name?: string }[];
  forwardedOn?: string;
  note?: string | null;
}

export function defaultTargetName(kind: ForwardTarget, own: CommitteeInfo): string {
  const prefix = own.level === 'county' ? '县' : own.level === 'city' ? '市' : own.level === 'province' ? '省' : '';
  if (kind === 'party') return own.level === 'national' ? '中共中央' : `中共${prefix}委`;
  if (kind === 'government') return own.level === 'national' ? '国务院' : `${prefix}人民政府`;
  return FORWARD_TARGETS[kind];
}

export async function forwardReport(tx: Db, actor: Actor, id: number, input: ForwardInput) {
  const row = await staffRow(tx, actor, id);
  requireScreened(row, '报送');
  const own = await committeeInfo(tx, actor.committeeId);
  const day = input.forwardedOn ?? chinaToday();
  const done: { kind: ForwardTarget; name: string; upperReportId: number | null }[] = [];
  for (const target of input.targets) {
    let name = target.name?.trim() || '';
    let upperCommitteeId: number | null = null;
    let upperReportId: number | null = null;
    if (target.kind === 'other' && !name) throw badRequest('opinion.target_name', '请填写「报送对象」名称', 'targets');
    if (target.kind === 'higher') {
      if (!own.parent_id)
        throw badRequest('opinion.no_parent', '本政协在平台上没有上级政协，请选择其他报送对象', 'targets');
      await refuseIfFound(
        tx,
        sql`select 1 from opinion_forwards where committee_id = ${actor.committeeId} and report_id = ${id} and target_kind = 'higher'`,
        () => conflict('opinion.already_forwarded', '该信息已报送上级政协'),
      );
      const parent = await committeeInfo(tx, own.parent_id);
      name = parent.name;
      upperCommitteeId = parent.id;
      upperReportId = await receiveFromLower(tx, actor, row, own, parent);
    } else if (!name) {
      name = defaultTargetName(target.kind, own);
    }
    await tx.execute(sql`insert into opinion_forwards (committee_id, report_id, target_kind, target_name, forwarded_on, note,
        upper_committee_id, upper_report_id, recorded_by_name)
      values (${actor.committeeId}, ${id}, ${target.kind}, ${name}, ${day}, ${input.note ?? null}, ${upperCommitteeId}, ${upperReportId}, ${actor.name})`);
    done.push({ kind: target.kind, name, upperReportId });
  }
  await writeAudit(tx, actor, {
    action: 'opinion.forward',
    entity: ENTITY,
    entityId: id,
    after: { targets: done.map((d) => d.name), forwardedOn: day, note: input.note ?? null },
  });
  await notify(tx, {
    committeeId: actor.committeeId,
    accountIds: await submitterAccounts(tx, actor.committeeId, asItem(row)),
    kind: 'opinion',
    title: `您的社情民意信息已报送${done.map((d) => d.name).join('、')}：${row.title}`,
    link: `/opinions/${id}`,
  });
  return done;
}

/** Puts a copy of the report (its edited text when there is one) in the higher committee's screening queue. */
export async function receiveFromLower(
  tx: Db,
  actor: Actor,
  row: ReportRow,
  own: CommitteeInfo,
  parent: CommitteeInfo,
): Promise<number> {
  const title = row.edited_title ?? row.title;
  const body = row.edited_body ?? row.body;
  const submitterName = row.origin_committee_name ? row.origin_submitter_name : row.submitter_name;
  const [upper] = await query<{ id: number }>(
    tx,
    sql`insert into opinion_reports (committee_id, year, state, title, body, char_count, category, source, submitter_kind,
        submitter_name, origin_committee_id, origin_committee_name, origin_report_id, origin_submitter_name, search)
      values (${parent.id}, ${chinaYear()}, 'none', ${title}, ${body}, ${countChars(body)}, ${row.category}, 'lower', 'lower',
        ${own.name}, ${own.id}, ${own.name}, ${row.id}, ${submitterName}, ${reportSearch(parent.id, title, body, own.name)})
      returning id`,
  );
  await tx.execute(sql`insert into files (committee_id, sha256, name, mime, size, entity, entity_id, uploaded_by)
    select ${parent.id}, sha256, name, mime, size, ${ENTITY}, ${upper.id}, null from files
    where committee_id = ${own.id} and entity = ${ENTITY} and entity_id = ${row.id} order by id`);
  const upperActor = crossActor(actor, parent.id, own.name);
  const item: ReportItem = {
    id: upper.id,
    state: 'none',
    committeeId: parent.id,
    title,
    submitterAccountId: null,
    memberIds: [],
    originReportId: row.id,
  };
  await fireTransition(tx, opinionProcess, upperActor, item, {
    action: 'receive',
    comment: `${own.name}报送`,
  });
  await notify(tx, {
    committeeId: parent.id,
    accountIds: await accountsWithRoles(tx, parent.id, ['liaisonStaff']),
    kind: 'opinion',
    title: `收到${own.name}报送的社情民意信息：${title}`,
    body: '来自下级政协，请筛选。',
    link: `/opinions/${upper.id}`,
  });
  return upper.id;
}

export async function forwardIssue(tx: Db, actor: Actor, issueId: number, input: ForwardInput) {
  const issue = await issueRow(tx, actor, issueId, true);
  if (issue.state !== 'issued') throw conflict('opinion.issue_not_issued', `${issue.title}印发后才能报送`);
  const reports = await query<{ id: number }>(
    tx,
    sql`select id from opinion_reports where committee_id = ${actor.committeeId} and issue_id = ${issueId} order by issue_position`,
  );
  let forwarded = 0;
  for (const r of reports) {
    const already = await query<{ target_kind: string; target_name: string }>(
      tx,
      sql`select target_kind, target_name from opinion_forwards where committee_id = ${actor.committeeId} and report_id = ${r.id}`,
    );
    // Each report goes once to each target: targets it already reached are skipped.
    const targets = input.targets.filter(
      (t) =>
        !already.some((a) => a.target_kind === t.kind && (t.kind === 'higher' || !t.name || a.target_name === t.name)),
    );
    if (!targets.length) continue;
    await forwardReport(tx, actor, r.id, { ...input, targets });
    forwarded++;
  }
  return { forwarded };
}
