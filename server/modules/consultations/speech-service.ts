// Speeches at a consultation event as a workflow: a member signs up and submits the text, the office selects (with the
// order and a time limit) or does not, and marks a selected speech delivered once the event is held. Selection and
// delivery are duty facts (speech.selected / speech.delivered, detail.source = 'consultation').
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import { allowedActions, defineProcess, fireTransition, type WorkflowItem } from '../../platform/workflow/engine.ts';
import { recordDutyFact, revokeDutyFacts } from '../duty/facts.ts';
import { notifyMembers } from '../meetings/service.ts';
import { memberDirectory } from '../org/members-directory.ts';
import * as E from './errors.ts';
import { OFFICE, seesAll } from './policy.ts';
import type { SpeechDecision, SpeechInput } from './schemas.ts';

export const SPEECH_STATES: Record<string, string> = {
  signedUp: '已报名',
  submitted: '已提交发言稿',
  selected: '已遴选',
  notSelected: '未遴选',
  delivered: '已发言',
  withdrawn: '已撤回',
};

interface SpeechItem extends WorkflowItem {
  committeeId: number;
  eventId: number;
  eventState: string;
  eventTitle: string;
  eventDay: string;
  memberId: number;
  title: string;
}

async function loadSpeech(tx: Db, committeeId: number, id: number, lock = false): Promise<SpeechItem | null> {
  const r = await queryOne<SpeechItem>(
    tx,
    sql`select s.id, s.state, s.committee_id as "committeeId", s.event_id as "eventId", s.member_id as "memberId", s.title,
        e.state as "eventState", e.title as "eventTitle",
        coalesce(e.held_on, (e.starts_at at time zone 'Asia/Shanghai')::date)::text as "eventDay"
      from consultation_speeches s join consultation_events e on e.committee_id = s.committee_id and e.id = s.event_id
      where s.committee_id = ${committeeId} and s.id = ${id} ${lock ? sql`for update of s` : sql``}`,
  );
  return r ?? null;
}

const own = (actor: Actor, s: SpeechItem) => (actor.memberId === s.memberId ? null : '只能修改本人的发言');
const open = (_a: Actor, s: SpeechItem) =>
  ['preparation', 'noticed'].includes(s.eventState) ? null : '协商活动已举行或已取消，不能再修改发言';
const held = (_a: Actor, s: SpeechItem) =>
  ['held', 'minuted', 'done'].includes(s.eventState) ? null : '协商活动举行后才能确认已发言';

async function fact(tx: Db, s: SpeechItem, kind: string) {
  await recordDutyFact(tx, {
    committeeId: s.committeeId,
    memberId: s.memberId,
    kind,
    sourceType: 'consultation_speech',
    sourceId: s.id,
    occurredOn: s.eventDay,
    detail: { source: 'consultation', eventId: s.eventId, title: s.title, mode: 'oral' },
  });
}

async function tellMember(tx: Db, s: SpeechItem, title: string, body?: string) {
  await notifyMembers(tx, s.committeeId, [s.memberId], {
    kind: 'consultation.speech',
    title,
    body,
    link: `/consultations/events/${s.eventId}`,
  });
}

export const speechProcess = defineProcess<SpeechItem>({
  name: 'consultationSpeech',
  entity: 'consultation_speech',
  states: { none: '新建', ...SPEECH_STATES },
  transitions: [
    { action: 'signUp', label: '报名发言', from: ['none'], to: 'signedUp', roles: ['member'], guard: open },
    {
      action: 'submitText',
      label: '提交发言稿',
      from: ['signedUp', 'submitted'],
      to: 'submitted',
      roles: ['member'],
      guard: (a, s) => own(a, s) ?? open(a, s),
    },
    {
      action: 'withdraw',
      label: '撤回',
      from: ['signedUp', 'submitted'],
      to: 'withdrawn',
      roles: ['member'],
      guard: (a, s) => own(a, s) ?? open(a, s),
    },
    {
      action: 'select',
      label: '遴选发言',
      from: ['submitted', 'selected'],
      to: 'selected',
      roles: OFFICE,
      guard: open,
      effect: async (tx, _a, s, data: SpeechDecision) => {
        await tx.execute(sql`update consultation_speeches set position = ${data.position ?? null}, minutes_allowed = ${data.minutesAllowed ?? null}
          where committee_id = ${s.committeeId} and id = ${s.id}`);
        if (s.state !== 'selected') {
          await fact(tx, s, 'speech.selected');
          await tellMember(
            tx,
            s,
            `您的发言已被遴选：${s.eventTitle}`,
            data.minutesAllowed ? `发言时限 ${data.minutesAllowed} 分钟` : undefined,
          );
        }
      },
    },
    {
      action: 'reject',
      label: '不予遴选',
      from: ['submitted', 'selected'],
      to: 'notSelected',
      roles: OFFICE,
      guard: open,
      effect: async (tx, _a, s, _d, comment) => {
        await revokeDutyFacts(tx, s.committeeId, {
          sourceType: 'consultation_speech',
          sourceId: s.id,
          kinds: ['speech.selected'],
        });
        await tx.execute(sql`update consultation_speeches set position = null, decision_comment = ${comment}
          where committee_id = ${s.committeeId} and id = ${s.id}`);
        await tellMember(tx, s, `您的发言未被遴选：${s.eventTitle}`, comment ?? undefined);
      },
    },
    {
      action: 'deliver',
      label: '确认已发言',
      from: ['selected'],
      to: 'delivered',
      roles: OFFICE,
      guard: held,
      effect: (tx, _a, s) => fact(tx, s, 'speech.delivered'),
    },
  ],
  setState: async (tx, _actor, s, to) => {
    await tx.execute(
      sql`update consultation_speeches set state = ${to}, updated_at = now() where committee_id = ${s.committeeId} and id = ${s.id}`,
    );
  },
  load: (tx, committeeId, id) => loadSpeech(tx, committeeId, id),
});

export async function signUpToSpeak(
  tx: Db,
  actor: Actor,
  eventId: number,
  b: SpeechInput,
): Promise<{ id: number; state: string }> {
  const e = await queryOne<{ state: string }>(
    tx,
    sql`select state from consultation_events where committee_id = ${actor.committeeId} and id = ${eventId} for update`,
  );
  if (!e || !actor.memberId) throw E.eventNotFound();
  const dup = await queryOne(
    tx,
    sql`select 1 from consultation_speeches where committee_id = ${actor.committeeId} and event_id = ${eventId}
      and member_id = ${actor.memberId} and state <> 'withdrawn'`,
  );
  if (dup) throw E.speechExists();
  const [row] = await query<{ id: number }>(
    tx,
    sql`insert into consultation_speeches (committee_id, event_id, member_id, title, body)
      values (${actor.committeeId}, ${eventId}, ${actor.memberId}, ${b.title.trim()}, ${b.body?.trim() ?? ''}) returning id`,
  );
  const s = (await loadSpeech(tx, actor.committeeId, row.id))!;
  let state = await fireTransition(tx, speechProcess, actor, { ...s, state: 'none' }, { action: 'signUp', data: b });
  if (b.body?.trim()) state = await fireTransition(tx, speechProcess, actor, { ...s, state }, { action: 'submitText' });
  return { id: row.id, state };
}

export async function submitSpeechText(tx: Db, actor: Actor, id: number, b: SpeechInput): Promise<string> {
  const s = await loadSpeech(tx, actor.committeeId, id, true);
  if (!s || (!seesAll(actor) && s.memberId !== actor.memberId)) throw E.speechNotFound();
  if (!b.body?.trim()) throw E.required('发言稿', 'body');
  const state = await fireTransition(tx, speechProcess, actor, s, { action: 'submitText', data: { title: b.title } });
  await tx.execute(sql`update consultation_speeches set title = ${b.title.trim()}, body = ${b.body.trim()}
    where committee_id = ${actor.committeeId} and id = ${id}`);
  return state;
}

export async function fireSpeechAction(
  tx: Db,
  actor: Actor,
  id: number,
  action: string,
  b: SpeechDecision | null,
  comment?: string,
) {
  const s = await loadSpeech(tx, actor.committeeId, id, true);
  if (!s || (!seesAll(actor) && s.memberId !== actor.memberId)) throw E.speechNotFound();
  return fireTransition(tx, speechProcess, actor, s, { action, comment, data: b ?? {} });
}

/** The office sees every speech in order; a member sees the selected order and their own. */
export async function listSpeeches(db: Db, actor: Actor, eventId: number) {
  // Reads members (their names): left as it is for org's exports to take over.
  const rows = await query<{
    id: number;
    member_id: number;
    member_name: string;
    title: string;
    body: string;
    state: string;
    position: number | null;
    minutes_allowed: number | null;
    decision_comment: string | null;
  }>(
    db,
    sql`select s.id, s.member_id, m.name as member_name, s.title, s.body, s.state, s.position, s.minutes_allowed, s.decision_comment
      from consultation_speeches s join ${memberDirectory} m on m.committee_id = s.committee_id and m.id = s.member_id
      where s.committee_id = ${actor.committeeId} and s.event_id = ${eventId} and s.state <> 'withdrawn'
      order by s.position nulls last, s.id`,
  );
  const office = seesAll(actor);
  return Promise.all(
    rows
      .filter((r) => office || r.member_id === actor.memberId || ['selected', 'delivered'].includes(r.state))
      .map(async (r) => {
        const item = (await loadSpeech(db, actor.committeeId, r.id))!;
        return {
          id: r.id,
          memberId: r.member_id,
          memberName: r.member_name,
          title: r.title,
          body: office || r.member_id === actor.memberId ? r.body : '',
          state: r.state,
          stateLabel: SPEECH_STATES[r.state],
          position: r.position,
          minutesAllowed: r.minutes_allowed,
          decisionComment: r.decision_comment,
          actions: allowedActions(speechProcess, actor, item),
        };
      }),
  );
}
