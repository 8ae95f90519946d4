// The office's decisions on a registered proposal beside its handling: key proposals (leaders, supervision events),
// commendation (优秀提案) through its process, public flags, and the office's appraisal of each unit's handling.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { beijingYearOf } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { fireTransition } from '../../platform/workflow/engine.ts';
import { revokeDutyFacts } from '../duty/facts.ts';
import { memberDirectory } from '../org/members-directory.ts';
import { numberLabel, recordProposalFacts } from './effects-filing.ts';
import { notKeyProposal, notRegistered, proposalNotFound } from './errors.ts';
import { commendationProcess } from './process.ts';
import { loadProposalItem } from './repository.ts';
import { getRules, gradeOf } from './rules.ts';
import { assertVisible, canSeeProposal } from './service.ts';
import { COMMENDATION_STATES, REGISTERED_STATES } from './states.ts';

// ---------- key proposals ----------

/** A key-proposal record as audited (the table's column names are the audit record's keys). */
interface KeyRecordRow {
  government_leader: string;
  supervising_leader: string;
  note: string;
}

export async function setKeyProposal(
  tx: Db,
  actor: Actor,
  id: number,
  input: { governmentLeader: string; supervisingLeader: string; note?: string },
): Promise<void> {
  const p = await loadProposalItem(tx, actor.committeeId, id, true);
  if (!p || !(await canSeeProposal(tx, actor, id))) throw proposalNotFound();
  if (!REGISTERED_STATES.includes(p.state)) throw notRegistered('列为重点提案');
  if (!input.governmentLeader.trim())
    throw badRequest('proposal.key_leader', '请填写「领办的政府领导」', 'governmentLeader');
  if (!input.supervisingLeader.trim())
    throw badRequest('proposal.key_supervisor', '请填写「督办的政协领导」', 'supervisingLeader');
  const before = await queryOne<KeyRecordRow>(
    tx,
    sql`select government_leader, supervising_leader, note from proposal_key_records where committee_id = ${actor.committeeId} and proposal_id = ${id}`,
  );
  await tx.execute(sql`insert into proposal_key_records (committee_id, proposal_id, government_leader, supervising_leader, note, selected_by)
    values (${actor.committeeId}, ${id}, ${input.governmentLeader.trim()}, ${input.supervisingLeader.trim()}, ${input.note?.trim() ?? ''}, ${actor.accountId})
    on conflict (committee_id, proposal_id) do update set government_leader = excluded.government_leader,
      supervising_leader = excluded.supervising_leader, note = excluded.note`);
  await tx.execute(
    sql`update proposals set is_key = true, updated_at = now() where committee_id = ${actor.committeeId} and id = ${id}`,
  );
  if (!before) await recordProposalFacts(tx, p, 'proposal.key', { title: p.title });
  await writeAudit(tx, actor, { action: 'proposal.key.set', entity: 'proposal', entityId: id, before, after: input });
}

export async function unsetKeyProposal(tx: Db, actor: Actor, id: number): Promise<void> {
  await assertVisible(tx, actor, id);
  const before = await queryOne<Omit<KeyRecordRow, 'note'>>(
    tx,
    sql`select government_leader, supervising_leader from proposal_key_records where committee_id = ${actor.committeeId} and proposal_id = ${id}`,
  );
  if (!before) throw notKeyProposal();
  await tx.execute(
    sql`delete from proposal_key_events where committee_id = ${actor.committeeId} and proposal_id = ${id}`,
  );
  await tx.execute(
    sql`delete from proposal_key_records where committee_id = ${actor.committeeId} and proposal_id = ${id}`,
  );
  await tx.execute(
    sql`update proposals set is_key = false, updated_at = now() where committee_id = ${actor.committeeId} and id = ${id}`,
  );
  await revokeDutyFacts(tx, actor.committeeId, { sourceType: 'proposal', sourceId: id, kinds: ['proposal.key'] });
  await writeAudit(tx, actor, { action: 'proposal.key.unset', entity: 'proposal', entityId: id, before });
}

/** A proposal's title and whether it is a key proposal: what the consultation module needs to start a handling consultation. */
export async function keyProposalSummary(db: Db, committeeId: number, id: number) {
  return queryOne<{ id: number; title: string; isKey: boolean }>(
    db,
    sql`select id, title, is_key as "isKey" from proposals where committee_id = ${committeeId} and id = ${id}`,
  );
}

export async function addKeyEvent(
  tx: Db,
  actor: Actor,
  id: number,
  input: { kind: 'visit' | 'consultation' | 'progress'; date: string; text: string },
): Promise<number> {
  await assertVisible(tx, actor, id);
  const rec = await queryOne(
    tx,
    sql`select 1 from proposal_key_records where committee_id = ${actor.committeeId} and proposal_id = ${id}`,
  );
  if (!rec) throw notKeyProposal();
  if (!input.text.trim()) throw badRequest('proposal.key_event_text', '「内容」不能为空', 'text');
  const [row] = await query<{ id: number }>(
    tx,
    sql`insert into proposal_key_events (committee_id, proposal_id, kind, event_date, text, created_by, created_by_name)
      values (${actor.committeeId}, ${id}, ${input.kind}, ${input.date}, ${input.text.trim()}, ${actor.accountId}, ${actor.name}) returning id`,
  );
  await writeAudit(tx, actor, { action: 'proposal.key.event', entity: 'proposal', entityId: id, after: input });
  return row.id;
}

// ---------- commendation ----------

export async function commendAction(
  tx: Db,
  actor: Actor,
  id: number,
  body: { action: string; comment?: string; reason?: string; score?: number; opinion?: string },
): Promise<string> {
  await assertVisible(tx, actor, id);
  const p = await queryOne<{ state: string; year: number }>(
    tx,
    sql`select state, year from proposals where committee_id = ${actor.committeeId} and id = ${id} for update`,
  );
  if (!REGISTERED_STATES.includes(p!.state)) throw notRegistered('评选优秀提案');
  if (!commendationProcess.transitions.some((t) => t.action === body.action))
    throw badRequest('workflow.unknown_action', `未知的操作「${body.action}」`, 'action');
  const year = p!.year ?? beijingYearOf();
  let c = await queryOne<{ id: number; state: string; year: number }>(
    tx,
    sql`select id, state, year from proposal_commendations where committee_id = ${actor.committeeId} and proposal_id = ${id} and year = ${year} for update`,
  );
  if (!c) {
    if (body.action !== 'nominate') throw conflict('proposal.not_nominated', '请先推荐该提案');
    [c] = await query<{ id: number; state: string; year: number }>(
      tx,
      sql`insert into proposal_commendations (committee_id, proposal_id, year, reason) values (${actor.committeeId}, ${id}, ${year}, ${body.reason?.trim() ?? ''})
        returning id, state, year`,
    );
  } else if (body.action === 'nominate' && body.reason !== undefined) {
    await tx.execute(
      sql`update proposal_commendations set reason = ${body.reason.trim()} where committee_id = ${actor.committeeId} and id = ${c.id}`,
    );
  }
  return fireTransition(
    tx,
    commendationProcess,
    actor,
    { id: c.id, state: c.state, proposalId: id, year: c.year },
    { action: body.action, comment: body.comment, data: { score: body.score, opinion: body.opinion } },
  );
}

/**
 * The commendation list (优秀提案评选) of a year, or of every year: nominated and later ones, by year (newest first)
 * and score (highest first), each with its proposal's title, 立案号 and proposers (the organisation of a collective one).
 */
export async function listCommendations(db: Db, committeeId: number, year?: number) {
  const rows = await query<{
    id: number;
    proposalId: number;
    year: number;
    state: string;
    reason: string;
    score: number | null;
    title: string;
    number: number | null;
    sessionName: string | null;
    proposers: string;
  }>(
    db,
    sql`select c.id, c.proposal_id as "proposalId", c.year, c.state, c.reason, c.score, p.title, p.number, s.name as "sessionName",
        coalesce(o.name, (select string_agg(m.name, '、' order by pp.is_lead desc, pp.sort) from proposal_proposers pp
          join ${memberDirectory} m on m.committee_id = pp.committee_id and m.id = pp.member_id
          where pp.committee_id = p.committee_id and pp.proposal_id = p.id and pp.cosign_status = 'confirmed'), '') as proposers
      from proposal_commendations c join proposals p on p.committee_id = c.committee_id and p.id = c.proposal_id
      left join plenary_sessions s on s.committee_id = p.committee_id and s.id = p.session_id
      left join organisations o on o.committee_id = p.committee_id and o.id = p.org_id
      where c.committee_id = ${committeeId} and c.state <> 'none' ${year ? sql`and c.year = ${year}` : sql``}
      order by c.year desc, coalesce(c.score, -1) desc, c.id`,
  );
  return rows.map((x) => ({
    id: x.id,
    proposalId: x.proposalId,
    title: x.title,
    numberLabel: numberLabel(x.sessionName, x.number),
    proposers: x.proposers,
    year: x.year,
    state: x.state,
    stateLabel: COMMENDATION_STATES[x.state],
    reason: x.reason,
    score: x.score,
  }));
}

// ---------- public flags ----------

export async function setPublic(
  tx: Db,
  actor: Actor,
  id: number,
  input: { isPublic: boolean; replyIds?: number[]; repliesPublic?: boolean },
): Promise<void> {
  await assertVisible(tx, actor, id);
  const before = (await queryOne<{ isPublic: boolean; state: string }>(
    tx,
    sql`select is_public as "isPublic", state from proposals where committee_id = ${actor.committeeId} and id = ${id} for update`,
  ))!;
  if (!REGISTERED_STATES.includes(before.state)) throw notRegistered('公开');
  await tx.execute(
    sql`update proposals set is_public = ${input.isPublic}, updated_at = now() where committee_id = ${actor.committeeId} and id = ${id}`,
  );
  if (input.repliesPublic !== undefined) {
    await tx.execute(sql`update proposal_replies set is_public = ${input.repliesPublic}
      where committee_id = ${actor.committeeId} and proposal_id = ${id} and review_state = 'approved'
        ${input.replyIds?.length ? sql`and id = any(${sql.param(input.replyIds)}::int[])` : sql``}`);
  }
  await writeAudit(tx, actor, {
    action: 'proposal.public',
    entity: 'proposal',
    entityId: id,
    before: { isPublic: before.isPublic },
    after: input,
  });
}

// ---------- unit appraisal ----------

export async function saveAppraisal(
  tx: Db,
  actor: Actor,
  input: { year: number; unitId: number; scores: Record<string, number>; comment?: string },
) {
  const rules = await getRules(tx, actor.committeeId, input.year);
  const unit = await queryOne(
    tx,
    sql`select id from handling_units where committee_id = ${actor.committeeId} and id = ${input.unitId}`,
  );
  if (!unit) throw badRequest('proposal.appraisal_unit', '「承办单位」不存在', 'unitId');
  let total = 0;
  for (const d of rules.appraisalDimensions) {
    const v = input.scores[d.key];
    if (v == null || typeof v !== 'number' || Number.isNaN(v))
      throw badRequest('proposal.appraisal_score', `请填写「${d.label}」得分`, `scores.${d.key}`);
    if (v < 0 || v > d.max)
      throw badRequest('proposal.appraisal_score', `「${d.label}」得分须在 0–${d.max} 之间`, `scores.${d.key}`);
    total += v;
  }
  const extra = Object.keys(input.scores).find((k) => !rules.appraisalDimensions.some((d) => d.key === k));
  if (extra) throw badRequest('proposal.appraisal_score', `未知的评议项目「${extra}」`, `scores.${extra}`);
  total = Math.round(total * 10) / 10;
  const grade = gradeOf(rules, total);
  // Audited as stored: the column names are the audit record's keys.
  const before = await queryOne<{ scores: Record<string, number>; total: number | string; grade: string | null }>(
    tx,
    sql`select scores, total, grade from proposal_unit_appraisals where committee_id = ${actor.committeeId} and year = ${input.year} and unit_id = ${input.unitId}`,
  );
  await tx.execute(sql`insert into proposal_unit_appraisals (committee_id, year, unit_id, scores, total, grade, comment, updated_by)
    values (${actor.committeeId}, ${input.year}, ${input.unitId}, ${JSON.stringify(input.scores)}::jsonb, ${total}, ${grade}, ${input.comment?.trim() ?? ''}, ${actor.accountId})
    on conflict (committee_id, year, unit_id) do update set scores = excluded.scores, total = excluded.total, grade = excluded.grade,
      comment = excluded.comment, updated_by = excluded.updated_by, updated_at = now()`);
  await writeAudit(tx, actor, {
    action: 'proposal.appraisal.save',
    entity: 'proposal_unit_appraisal',
    entityId: `${input.year}:${input.unitId}`,
    before: before ?? null,
    after: { scores: input.scores, total, grade },
  });
  return { total, grade };
}
