// The learning processes as data: a study material is drafted, published to members and withdrawn; a reflection
// (心得) is drafted, submitted, then accepted or returned by staff; a training session is held (attendance closed,
// facts recorded) or cancelled. Effects are named below; the engine stores each step, audits it, and lists buttons.
import { sql } from 'drizzle-orm';
import type { Role } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';
import { beijingDateOf, clockNow } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/client.ts';
import { defineProcess, type Process } from '../../platform/workflow/engine.ts';
import { recordDutyFact, revokeDutyFacts } from '../duty/facts.ts';
import { setMeetingStatus } from '../meetings/process.ts';
import { meetingCheckIns, notifyMembers } from '../meetings/service.ts';
import { authorGuard } from './policy.ts';
import {
  loadMaterialItem,
  loadReflectionItem,
  loadSessionItem,
  type MaterialItem,
  type ReflectionItem,
  type SessionItem,
} from './repository.ts';

const STAFF: Role[] = ['officeStaff', 'specialCommitteeStaff', 'committeeAdmin'];
const MEMBER: Role[] = ['member'];

export const MATERIAL_STATES: Record<string, string> = { draft: '草稿', published: '已发布', withdrawn: '已撤回' };
export const REFLECTION_STATES: Record<string, string> = {
  draft: '草稿',
  submitted: '待审核',
  accepted: '已通过',
  returned: '退回修改',
};
export const SESSION_STATES: Record<string, string> = { planned: '待举行', held: '已举行', cancelled: '已取消' };

export const materialProcess: Process<MaterialItem> = defineProcess<MaterialItem>({
  name: 'learning-material',
  entity: 'learning_material',
  states: MATERIAL_STATES,
  transitions: [
    { action: 'publish', label: '发布', from: ['draft', 'withdrawn'], to: 'published', roles: STAFF },
    { action: 'withdraw', label: '撤回', from: ['published'], to: 'withdrawn', roles: STAFF, commentRequired: true },
  ],
  setState: async (tx, actor, m, to) => {
    await tx.execute(sql`update learning_materials set state = ${to},
        published_at = case when ${to} = 'published' then coalesce(published_at, now()) else published_at end
      where committee_id = ${actor.committeeId} and id = ${m.id}`);
  },
  load: (tx, committeeId, id) => loadMaterialItem(tx, committeeId, id, true),
});

async function acceptReflection(tx: Db, _actor: Actor, r: ReflectionItem) {
  await recordDutyFact(tx, {
    committeeId: r.committeeId,
    memberId: r.memberId,
    kind: 'learning.reflectionAccepted',
    sourceType: 'learning_reflection',
    sourceId: r.id,
    occurredOn: beijingDateOf(clockNow()),
    detail: { title: r.title },
  });
  await tellAuthor(tx, r, `学习心得已通过审核：${r.title}`);
}

async function tellAuthor(tx: Db, r: ReflectionItem, title: string) {
  await notifyMembers(tx, r.committeeId, [r.memberId], {
    kind: 'learning.reflection',
    title,
    body: '',
    link: `/learning/reflections/${r.id}`,
  });
}

export const reflectionProcess: Process<ReflectionItem> = defineProcess<ReflectionItem>({
  name: 'learning-reflection',
  entity: 'learning_reflection',
  states: REFLECTION_STATES,
  transitions: [
    {
      action: 'submit',
      label: '提交',
      from: ['draft', 'returned'],
      to: 'submitted',
      roles: MEMBER,
      guard: authorGuard,
    },
    {
      action: 'accept',
      label: '审核通过',
      from: ['submitted'],
      to: 'accepted',
      roles: STAFF,
      effect: acceptReflection,
    },
    {
      action: 'return',
      label: '退回修改',
      from: ['submitted'],
      to: 'returned',
      roles: STAFF,
      commentRequired: true,
      effect: (tx, _a, r, _d, comment) => tellAuthor(tx, r, `学习心得被退回修改：${r.title}（${comment}）`),
    },
    // An accepted reflection found wanting later (copied, off topic) loses its fact.
    {
      action: 'revoke',
      label: '撤销通过',
      from: ['accepted'],
      to: 'returned',
      roles: STAFF,
      commentRequired: true,
      effect: (tx, _a, r) => revokeDutyFacts(tx, r.committeeId, { sourceType: 'learning_reflection', sourceId: r.id }),
    },
  ],
  setState: async (tx, actor, r, to) => {
    await tx.execute(sql`update learning_reflections set state = ${to}, updated_at = now(),
        submitted_at = case when ${to} = 'submitted' then now() else submitted_at end,
        reviewed_at = case when ${to} in ('accepted', 'returned') then now() else reviewed_at end
      where committee_id = ${actor.committeeId} and id = ${r.id}`);
  },
  load: (tx, committeeId, id) => loadReflectionItem(tx, committeeId, id, true),
});

/** Held: the meeting is closed and every member checked in gets a class-attended fact for this session. */
async function holdSession(tx: Db, actor: Actor, s: SessionItem) {
  if (!s.meetingId) return;
  const m = await meetingCheckIns(tx, s.committeeId, s.meetingId);
  if (m.status === 'planned') await setMeetingStatus(tx, actor, s.meetingId, 'closed');
  await tx.execute(sql`insert into learning_attendance (committee_id, session_id, member_id, attended_on)
    select ${s.committeeId}, ${s.id}, x, ${beijingDateOf(s.startsAt)} from unnest(${sql.param(m.memberIds)}::int[]) as x
    on conflict do nothing`);
  for (const memberId of m.memberIds)
    await recordDutyFact(tx, {
      committeeId: s.committeeId,
      memberId,
      kind: 'learning.classAttended',
      sourceType: 'learning_session',
      sourceId: s.id,
      occurredOn: beijingDateOf(s.startsAt),
      detail: { classId: s.classId, title: s.title, meetingId: s.meetingId },
    });
}

export const sessionProcess: Process<SessionItem> = defineProcess<SessionItem>({
  name: 'learning-session',
  entity: 'learning_session',
  states: SESSION_STATES,
  transitions: [
    { action: 'hold', label: '结束并确认考勤', from: ['planned'], to: 'held', roles: STAFF, effect: holdSession },
    {
      action: 'cancel',
      label: '取消课次',
      from: ['planned'],
      to: 'cancelled',
      roles: STAFF,
      commentRequired: true,
      effect: async (tx, actor, s) => {
        if (!s.meetingId) return;
        const m = await meetingCheckIns(tx, s.committeeId, s.meetingId);
        if (m.status === 'planned') await setMeetingStatus(tx, actor, s.meetingId, 'cancelled');
      },
    },
  ],
  setState: async (tx, actor, s, to) => {
    await tx.execute(
      sql`update learning_sessions set state = ${to} where committee_id = ${actor.committeeId} and id = ${s.id}`,
    );
  },
  load: (tx, committeeId, id) => loadSessionItem(tx, committeeId, id, true),
});
