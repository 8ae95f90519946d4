// Adoptions and leaders' instructions, recorded where they happen and copied down the forward chain to the origin.

import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { refuseIfFound } from '../../platform/db/refuse-if-found.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { attachFiles } from '../../platform/files/files.ts';
import { accountsWithRoles, notify } from '../../platform/notifications/notifications.ts';
import { revokeDutyFacts } from '../duty/facts.ts';
import { type CommitteeInfo, committeeInfo, crossActor } from './forward-service.ts';
import { requireScreened, staffRow } from './policy.ts';
import { asItem, ENTITY, INSTRUCTION_FILES, loadRow, type ReportRow } from './repository.ts';
import { LEVEL_ADOPTER, LEVEL_ORDER, LEVELS, type LeaderOrgan, type Level } from './rules.ts';
import { recordMemberFacts, submitterAccounts } from './workflow.ts';

// ---------------------------------------------------------------- adoptions and instructions (flow back down)

export function checkLevel(level: Level, own: CommitteeInfo) {
  if (LEVEL_ORDER.indexOf(level) < LEVEL_ORDER.indexOf(own.level))
    throw badRequest(
      'opinion.bad_level',
      `「级别」不能低于本政协（${LEVELS[own.level]}）；${LEVELS[level]}的采用和批示由该级政协记录后自动回传`,
      'level',
    );
}

/** Origin rows below a report, nearest first: the copies a forward chain left behind. */
export async function originChain(tx: Db, row: ReportRow): Promise<ReportRow[]> {
  const chain: ReportRow[] = [];
  let cur = row;
  while (cur.origin_committee_id && cur.origin_report_id && chain.length < 5) {
    const origin = await loadRow(tx, cur.origin_committee_id, cur.origin_report_id, true);
    if (!origin) break;
    chain.push(origin);
    cur = origin;
  }
  return chain;
}

export async function tellOrigin(tx: Db, origin: ReportRow, title: string, body: string) {
  await notify(tx, {
    committeeId: origin.committee_id,
    accountIds: [
      ...(await accountsWithRoles(tx, origin.committee_id, ['liaisonStaff'])),
      ...(await submitterAccounts(tx, origin.committee_id, asItem(origin))),
    ],
    kind: 'opinion',
    title,
    body,
    link: `/opinions/${origin.id}`,
  });
}

export interface AdoptionInput {
  level: Level;
  adoptedBy?: string;
  adoptedOn: string;
  note?: string | null;
}

/** What an adoption or an instruction record writes besides its row: the audit action and the members' duty fact. */
const ADOPTION = { action: 'opinion.adopt', fact: 'opinion.adopted', sourceType: 'opinion_adoption' } as const;
const INSTRUCTION = {
  action: 'opinion.instruct',
  fact: 'opinion.instruction',
  sourceType: 'opinion_instruction',
} as const;

/** The audit row on `report` and its members' duty facts for one adoption or instruction record (`recordId`), in the
 *  committee of `who`: the recording staff at home, crossActor(…) at each origin the record flows down to. */
async function credited(
  tx: Db,
  who: Actor,
  kind: typeof ADOPTION | typeof INSTRUCTION,
  report: ReportRow,
  recordId: number,
  level: Level,
  after: Record<string, unknown>,
) {
  await writeAudit(tx, who, { action: kind.action, entity: ENTITY, entityId: report.id, after });
  await recordMemberFacts(tx, who.committeeId, report.member_ids ?? [], {
    kind: kind.fact,
    sourceType: kind.sourceType,
    sourceId: recordId,
    detail: { level, reportId: report.id },
  });
}

export async function recordAdoption(tx: Db, actor: Actor, id: number, input: AdoptionInput) {
  const row = await staffRow(tx, actor, id);
  requireScreened(row, '记录采用');
  const own = await committeeInfo(tx, actor.committeeId);
  checkLevel(input.level, own);
  const adoptedBy = input.adoptedBy?.trim() || (input.level === own.level ? own.name : LEVEL_ADOPTER[input.level]);
  await refuseIfFound(
    tx,
    sql`select 1 from opinion_adoptions where committee_id = ${actor.committeeId} and report_id = ${id} and level = ${input.level}`,
    () => conflict('opinion.already_adopted', `已记录${LEVELS[input.level]}采用`),
  );
  const insert = async (c: number, reportId: number, from: { c: number; id: number } | null) =>
    (
      await query<{ id: number }>(
        tx,
        sql`insert into opinion_adoptions (committee_id, report_id, level, adopted_by, adopted_on, note, recorded_by_name,
            recorded_committee_name, propagated_from_committee_id, propagated_from_id)
          values (${c}, ${reportId}, ${input.level}, ${adoptedBy}, ${input.adoptedOn}, ${input.note ?? null}, ${actor.name},
            ${own.name}, ${from?.c ?? null}, ${from?.id ?? null})
          on conflict (committee_id, report_id, level) do nothing returning id`,
      )
    )[0]?.id;
  const adoptionId = (await insert(actor.committeeId, id, null))!;
  const after = { level: input.level, adoptedBy, adoptedOn: input.adoptedOn, note: input.note ?? null };
  await credited(tx, actor, ADOPTION, row, adoptionId, input.level, after);
  const text = `${adoptedBy}采用（${LEVELS[input.level]}）：${row.title}`;
  await notify(tx, {
    committeeId: actor.committeeId,
    accountIds: await submitterAccounts(tx, actor.committeeId, asItem(row)),
    kind: 'opinion',
    title: `您的社情民意信息被${text}`,
    link: `/opinions/${id}`,
  });
  let from = { c: actor.committeeId, id: adoptionId };
  for (const origin of await originChain(tx, row)) {
    const copyId = await insert(origin.committee_id, origin.id, from);
    if (!copyId) break;
    const at = crossActor(actor, origin.committee_id, own.name);
    await credited(tx, at, ADOPTION, origin, copyId, input.level, { ...after, from: own.name });
    await tellOrigin(tx, origin, `社情民意信息被${adoptedBy}采用：${origin.title}`, `${own.name} ${actor.name} 记录`);
    from = { c: origin.committee_id, id: copyId };
  }
  return { id: adoptionId };
}

/** Removes a mistaken record and every copy that flowed down from it (with their duty facts). */
export async function removeWithCopies(
  tx: Db,
  actor: Actor,
  table: 'opinion_adoptions' | 'opinion_instructions',
  reportId: number,
  recordId: number,
) {
  const row = await staffRow(tx, actor, reportId);
  const table_ = sql.raw(table);
  // The whole row, as the audit's before image.
  const rec = await queryOne<{ propagated_from_id: number | null; recorded_committee_name: string | null }>(
    tx,
    sql`select * from ${table_} where committee_id = ${actor.committeeId} and id = ${recordId} and report_id = ${reportId} for update`,
  );
  if (!rec) throw notFound('opinion.record_not_found', '记录不存在');
  if (rec.propagated_from_id)
    throw forbidden('opinion.record_propagated', `该记录由${rec.recorded_committee_name}回传，只能由其修改`);
  const sourceType = table === 'opinion_adoptions' ? 'opinion_adoption' : 'opinion_instruction';
  const action = table === 'opinion_adoptions' ? 'opinion.adoption.delete' : 'opinion.instruction.delete';
  let cur: { c: number; id: number } | null = { c: actor.committeeId, id: recordId };
  let reportOf = row.id;
  while (cur) {
    type Copy = { committee_id: number; id: number; report_id: number };
    const copy: Copy | undefined = await queryOne<Copy>(
      tx,
      sql`select committee_id, id, report_id from ${table_} where propagated_from_committee_id = ${cur.c} and propagated_from_id = ${cur.id}`,
    );
    await revokeDutyFacts(tx, cur.c, { sourceType, sourceId: cur.id });
    if (sourceType === 'opinion_instruction') {
      await tx.execute(sql`update files set entity = null, entity_id = null
        where committee_id = ${cur.c} and entity = ${INSTRUCTION_FILES} and entity_id = ${cur.id}`);
    }
    await tx.execute(sql`delete from ${table_} where committee_id = ${cur.c} and id = ${cur.id}`);
    const who =
      cur.c === actor.committeeId ? actor : crossActor(actor, cur.c, (await committeeInfo(tx, actor.committeeId)).name);
    await writeAudit(tx, who, { action, entity: ENTITY, entityId: reportOf, before: rec });
    cur = copy ? { c: copy.committee_id, id: copy.id } : null;
    if (copy) reportOf = copy.report_id;
  }
}

export const deleteAdoption = (tx: Db, actor: Actor, reportId: number, id: number) =>
  removeWithCopies(tx, actor, 'opinion_adoptions', reportId, id);
export const deleteInstruction = (tx: Db, actor: Actor, reportId: number, id: number) =>
  removeWithCopies(tx, actor, 'opinion_instructions', reportId, id);

export interface InstructionInput {
  leaderName: string;
  leaderTitle?: string | null;
  leaderOrgan?: LeaderOrgan;
  level: Level;
  instructedOn: string;
  text: string;
  fileIds?: number[];
}

export async function recordInstruction(tx: Db, actor: Actor, id: number, input: InstructionInput) {
  const row = await staffRow(tx, actor, id);
  requireScreened(row, '记录批示');
  const own = await committeeInfo(tx, actor.committeeId);
  checkLevel(input.level, own);
  const leaderName = input.leaderName.trim();
  const text = input.text.trim();
  if (!leaderName) throw badRequest('opinion.leader_required', '「批示领导」不能为空', 'leaderName');
  if (!text) throw badRequest('opinion.instruction_text_required', '「批示内容」不能为空', 'text');
  const organ = input.leaderOrgan ?? 'other';
  const insert = async (c: number, reportId: number, from: { c: number; id: number } | null) =>
    (
      await query<{ id: number }>(
        tx,
        sql`insert into opinion_instructions (committee_id, report_id, leader_name, leader_title, leader_organ, level, instructed_on,
            text, recorded_by_name, recorded_committee_name, propagated_from_committee_id, propagated_from_id)
          values (${c}, ${reportId}, ${leaderName}, ${input.leaderTitle ?? null}, ${organ}, ${input.level}, ${input.instructedOn},
            ${text}, ${actor.name}, ${own.name}, ${from?.c ?? null}, ${from?.id ?? null}) returning id`,
      )
    )[0].id;
  const insId = await insert(actor.committeeId, id, null);
  await attachFiles(tx, actor, input.fileIds ?? [], INSTRUCTION_FILES, insId);
  const after = {
    leaderName,
    leaderTitle: input.leaderTitle ?? null,
    leaderOrgan: organ,
    level: input.level,
    instructedOn: input.instructedOn,
    text,
    fileIds: input.fileIds ?? [],
  };
  await credited(tx, actor, INSTRUCTION, row, insId, input.level, after);
  const who = `${input.leaderTitle ?? ''}${leaderName}`;
  await notify(tx, {
    committeeId: actor.committeeId,
    accountIds: await submitterAccounts(tx, actor.committeeId, asItem(row)),
    kind: 'opinion',
    title: `${who}对您的社情民意信息作出批示：${row.title}`,
    link: `/opinions/${id}`,
  });
  let from = { c: actor.committeeId, id: insId };
  for (const origin of await originChain(tx, row)) {
    const copyId = await insert(origin.committee_id, origin.id, from);
    await tx.execute(sql`insert into files (committee_id, sha256, name, mime, size, entity, entity_id, uploaded_by)
      select ${origin.committee_id}, sha256, name, mime, size, ${INSTRUCTION_FILES}, ${copyId}, null from files
      where committee_id = ${from.c} and entity = ${INSTRUCTION_FILES} and entity_id = ${from.id} order by id`);
    const at = crossActor(actor, origin.committee_id, own.name);
    await credited(tx, at, INSTRUCTION, origin, copyId, input.level, { ...after, from: own.name });
    await tellOrigin(tx, origin, `${who}对社情民意信息作出批示：${origin.title}`, `${own.name} ${actor.name} 记录`);
    from = { c: origin.committee_id, id: copyId };
  }
  return { id: insId };
}
