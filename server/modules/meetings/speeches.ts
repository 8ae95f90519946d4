// Speeches at a meeting (大会发言): members submit texts, staff select, arrange or decline them, and a delivered speech
// becomes a duty fact.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { clockNow, iso } from '../../platform/dates.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { countOf } from '../../platform/db/count.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { attachFiles } from '../../platform/files/files.ts';
import { recordDutyFact, revokeDutyFacts } from '../duty/facts.ts';
import { memberDirectory } from '../org/members-directory.ts';
import { canSeeSpeech, isSpeaker, seesAll } from './policy.ts';
import { notifyMembers } from './service.ts';

export const SPEECH_STATUS: Record<string, string> = {
  submitted: '已提交',
  selected: '已选用',
  notSelected: '未选用',
  delivered: '已发言',
  withdrawn: '已撤回',
};

export async function listSpeeches(
  db: Db,
  actor: Actor,
  q: { meetingId?: number; status?: string; mode?: string; mine?: boolean },
  limit: number,
  offset: number,
) {
  const c = actor.committeeId;
  const own = !seesAll(actor) || q.mine;
  const where = sql.join(
    [
      sql`s.committee_id = ${c}`,
      own ? sql`s.member_id = ${actor.memberId ?? 0}` : null,
      q.meetingId ? sql`s.meeting_id = ${q.meetingId}` : null,
      q.status ? sql`s.status = ${q.status}` : null,
      q.mode ? sql`s.mode = ${q.mode}` : null,
    ].filter((x) => x !== null),
    sql` and `,
  );
  const rows = await query<{
    id: number;
    meeting_id: number | null;
    meeting_title: string | null;
    member_id: number;
    member_name: string;
    mode: string;
    title: string;
    body: string;
    status: string;
    decision_comment: string | null;
    submitted_at: string | Date;
    decided_at: string | Date | null;
  }>(
    db,
    sql`select s.id, s.meeting_id, mt.title as meeting_title, s.member_id, mb.name as member_name, s.mode, s.title, s.body, s.status,
        s.decision_comment, s.submitted_at, s.decided_at
      from speeches s join ${memberDirectory} mb on mb.committee_id = s.committee_id and mb.id = s.member_id
        left join meetings mt on mt.committee_id = s.committee_id and mt.id = s.meeting_id
      where ${where} order by s.submitted_at desc, s.id desc limit ${limit} offset ${offset}`,
  );
  return {
    total: await countOf(db, sql`select count(*)::int as n from speeches s where ${where}`),
    items: rows.map((r) => ({
      id: r.id,
      meetingId: r.meeting_id,
      meetingTitle: r.meeting_title,
      memberId: r.member_id,
      memberName: r.member_name,
      mode: r.mode,
      title: r.title,
      body: r.body,
      status: r.status,
      statusLabel: SPEECH_STATUS[r.status],
      decisionComment: r.decision_comment,
      submittedAt: iso(r.submitted_at)!,
      decidedAt: iso(r.decided_at),
    })),
  };
}

export async function submitSpeech(
  tx: Db,
  actor: Actor,
  b: { meetingId?: number | null; mode: 'oral' | 'written'; title: string; body: string; fileIds?: number[] },
) {
  if (!actor.memberId) throw forbidden('speech.member_only', '只有委员可以提交发言');
  if (!b.title.trim()) throw badRequest('speech.title', '「发言题目」不能为空', 'title');
  if (!b.body.trim()) throw badRequest('speech.body', '「发言内容」不能为空', 'body');
  if (b.meetingId) {
    const ok = await queryOne(
      tx,
      sql`select 1 from meetings where committee_id = ${actor.committeeId} and id = ${b.meetingId} and status <> 'cancelled'`,
    );
    if (!ok) throw badRequest('speech.meeting', '所选会议不存在', 'meetingId');
  }
  const [row] = await query<{ id: number }>(
    tx,
    sql`insert into speeches (committee_id, meeting_id, member_id, mode, title, body)
      values (${actor.committeeId}, ${b.meetingId ?? null}, ${actor.memberId}, ${b.mode}, ${b.title.trim()}, ${b.body}) returning id`,
  );
  await attachFiles(tx, actor, b.fileIds ?? [], 'speech', row.id);
  await recordDutyFact(tx, {
    committeeId: actor.committeeId,
    memberId: actor.memberId,
    kind: 'speech.submitted',
    sourceType: 'speech',
    sourceId: row.id,
    occurredOn: clockNow(),
    detail: { mode: b.mode, title: b.title.trim() },
  });
  await writeAudit(tx, actor, { action: 'speech.submit', entity: 'speech', entityId: row.id, after: b });
  return { id: row.id };
}

interface SpeechRow {
  id: number;
  memberId: number;
  mode: string;
  title: string;
  status: string;
}

async function loadSpeech(tx: Db, actor: Actor, id: number) {
  const s = await queryOne<SpeechRow>(
    tx,
    sql`select id, member_id as "memberId", mode, title, status from speeches where committee_id = ${actor.committeeId} and id = ${id} for update`,
  );
  if (!s || !canSeeSpeech(actor, s)) throw notFound('speech.not_found', '发言不存在');
  return s;
}

export async function withdrawSpeech(tx: Db, actor: Actor, id: number) {
  const s = await loadSpeech(tx, actor, id);
  if (!isSpeaker(actor, s)) throw forbidden('speech.not_owner', '只能撤回自己的发言');
  if (s.status !== 'submitted') throw conflict('speech.bad_status', '发言已处理，不能撤回');
  await tx.execute(
    sql`update speeches set status = 'withdrawn', decided_at = now() where committee_id = ${actor.committeeId} and id = ${id}`,
  );
  await revokeDutyFacts(tx, actor.committeeId, { sourceType: 'speech', sourceId: id });
  await writeAudit(tx, actor, {
    action: 'speech.withdraw',
    entity: 'speech',
    entityId: id,
    before: { status: s.status },
    after: { status: 'withdrawn' },
  });
}

const SPEECH_MOVES: Record<string, { from: string[]; to: string; label: string }> = {
  select: { from: ['submitted', 'notSelected'], to: 'selected', label: '选用' },
  reject: { from: ['submitted', 'selected'], to: 'notSelected', label: '不选用' },
  deliver: { from: ['selected'], to: 'delivered', label: '确认已发言' },
  undeliver: { from: ['delivered'], to: 'selected', label: '撤销发言确认' },
};

export async function decideSpeech(
  tx: Db,
  actor: Actor,
  id: number,
  b: { action: 'select' | 'reject' | 'deliver' | 'undeliver'; comment?: string },
) {
  const s = await loadSpeech(tx, actor, id);
  const move = SPEECH_MOVES[b.action];
  if (!move.from.includes(s.status))
    throw conflict('speech.bad_status', `发言当前为「${SPEECH_STATUS[s.status]}」，不能${move.label}`);
  await tx.execute(sql`update speeches set status = ${move.to}, decision_comment = ${b.comment?.trim() || null}, decided_at = now()
    where committee_id = ${actor.committeeId} and id = ${id}`);
  if (b.action === 'select' || b.action === 'deliver') {
    await recordDutyFact(tx, {
      committeeId: actor.committeeId,
      memberId: s.memberId,
      kind: b.action === 'select' ? 'speech.selected' : 'speech.delivered',
      sourceType: 'speech',
      sourceId: id,
      occurredOn: clockNow(),
      detail: { mode: s.mode, title: s.title },
    });
  } else {
    const kind = b.action === 'reject' ? 'speech.selected' : 'speech.delivered';
    await revokeDutyFacts(tx, actor.committeeId, { sourceType: 'speech', sourceId: id, kinds: [kind] });
  }
  await notifyMembers(tx, actor.committeeId, [s.memberId], {
    kind: 'speech.decision',
    title: `您的发言「${s.title}」：${SPEECH_STATUS[move.to]}`,
    body: b.comment?.trim() || undefined,
    link: '/speeches',
  });
  await writeAudit(tx, actor, {
    action: `speech.${b.action}`,
    entity: 'speech',
    entityId: id,
    before: { status: s.status },
    after: { status: move.to, comment: b.comment ?? null },
  });
}

/** Files of a speech: staff of the committee, or the member who wrote it. */
export async function mayReadSpeechFiles(db: Db, actor: Actor, id: number): Promise<boolean> {
  const s = await queryOne<{ memberId: number }>(
    db,
    sql`select member_id as "memberId" from speeches where committee_id = ${actor.committeeId} and id = ${id}`,
  );
  return !!s && canSeeSpeech(actor, s);
}
