// What the office does with a proposal under review: registering it with its 立案号, rejecting, merging it into
// another, converting it to an opinion or suggestion. Each function is a transition's effect, in its transaction.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { revokeDutyFacts } from '../duty/facts.ts';
import { createOpinionFromProposal } from '../opinions/convert.ts';
import { numberLabel, recordProposalFacts } from './effects-filing.ts';
import { notifyAuthors } from './notices.ts';
import { loadProposalText, type ProposalItem, rulesFor } from './repository.ts';
import { PROPOSAL_STATES } from './states.ts';

export async function registerProposal(tx: Db, _actor: Actor, p: ProposalItem) {
  const row = await queryOne<{ term_id: number | null; session_id: number | null; session_name: string | null }>(
    tx,
    sql`select p.term_id, p.session_id, s.name as session_name from proposals p
      left join plenary_sessions s on s.committee_id = p.committee_id and s.id = p.session_id
      where p.committee_id = ${p.committeeId} and p.id = ${p.id}`,
  );
  if (!row?.term_id || !row.session_id)
    throw conflict('proposal.no_session', '尚未设置届次和会议，无法编立案号，请先在组织管理中设置当前会议');
  const [{ last_number }] = await query<{ last_number: number }>(
    tx,
    sql`insert into proposal_counters (committee_id, term_id, session_id, last_number) values (${p.committeeId}, ${row.term_id}, ${row.session_id}, 1)
      on conflict (committee_id, term_id, session_id) do update set last_number = proposal_counters.last_number + 1
      returning last_number`,
  );
  await tx.execute(sql`update proposals set number = ${last_number}, registered_at = now()
    where committee_id = ${p.committeeId} and id = ${p.id}`);
  await recordProposalFacts(tx, p, 'proposal.registered', {
    title: p.title,
    number: numberLabel(row.session_name, last_number),
  });
  await notifyAuthors(tx, p, `提案已立案（${numberLabel(row.session_name, last_number)}）：${p.title}`);
}

export async function rejectProposal(
  tx: Db,
  _actor: Actor,
  p: ProposalItem,
  data: { ground?: string },
  comment: string | null,
) {
  const rules = await rulesFor(tx, p.committeeId, p.id);
  if (!data.ground || !rules.rejectionGrounds.includes(data.ground))
    throw badRequest('proposal.ground_required', '请选择「不予立案理由」', 'ground');
  await tx.execute(sql`update proposals set reject_ground = ${data.ground}
    where committee_id = ${p.committeeId} and id = ${p.id}`);
  await notifyAuthors(tx, p, `提案不予立案：${p.title}`, `理由：${data.ground}。${comment ?? ''}`);
}

export async function mergeProposal(tx: Db, _actor: Actor, p: ProposalItem, data: { intoId?: number }) {
  if (!data.intoId || data.intoId === p.id)
    throw badRequest('proposal.merge_target', '请选择要并入的另一件提案', 'intoId');
  const target = await queryOne<{ id: number; state: string; title: string }>(
    tx,
    sql`select id, state, title from proposals where committee_id = ${p.committeeId} and id = ${data.intoId} for update`,
  );
  if (!target) throw badRequest('proposal.merge_target', '要并入的提案不存在', 'intoId');
  if (!['reviewing', 'registered', 'assignPending', 'handling'].includes(target.state))
    throw badRequest(
      'proposal.merge_target',
      `要并入的提案当前为「${PROPOSAL_STATES[target.state]}」，只能并入待审查、已立案或办理中的提案`,
      'intoId',
    );
  await tx.execute(sql`update proposals set merged_into_id = ${target.id}
    where committee_id = ${p.committeeId} and (id = ${p.id} or merged_into_id = ${p.id})`);
  if (p.registered)
    await revokeDutyFacts(tx, p.committeeId, {
      sourceType: 'proposal',
      sourceId: p.id,
      kinds: ['proposal.registered'],
    });
  await notifyAuthors(tx, p, `提案已并案：${p.title}`, `并入提案「${target.title}」一并办理，办理结果将同样答复您。`);
}

export async function convertProposal(
  tx: Db,
  actor: Actor,
  p: ProposalItem,
  data: { target?: string },
  comment: string | null,
) {
  if (data.target !== 'opinion' && data.target !== 'suggestion')
    throw badRequest('proposal.convert_target', '请选择转为「意见建议」或「社情民意信息」', 'target');
  await tx.execute(sql`update proposals set converted_to = ${data.target}
    where committee_id = ${p.committeeId} and id = ${p.id}`);
  if (data.target === 'opinion') {
    // It enters the liaison office's screening queue in the same transaction, with the proposers as its members.
    const text = await loadProposalText(tx, p.committeeId, p.id);
    await createOpinionFromProposal(tx, actor, {
      proposalId: p.id,
      title: p.title,
      text:
        [text!.background.trim(), text!.suggestions.trim() && `建议：${text!.suggestions.trim()}`]
          .filter(Boolean)
          .join('\n\n') || p.title,
      memberIds: p.proposerIds,
      category: text!.category ?? undefined,
    });
  }
  await notifyAuthors(
    tx,
    p,
    `提案已转为${data.target === 'opinion' ? '社情民意信息' : '意见建议'}：${p.title}`,
    comment ?? undefined,
  );
}
