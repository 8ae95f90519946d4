// The sharing session (轮值分享) as data: scheduled by the lead reader or staff → held (the member on duty gets the
// sharing-led fact) or cancelled with a reason. The lead reader fires them as a member, so the guard checks the group.
import { sql } from 'drizzle-orm';
import { beijingDateOf } from '../../platform/dates.ts';
import { defineProcess, type Process } from '../../platform/workflow/engine.ts';
import { recordDutyFact } from '../duty/facts.ts';
import { leadOrStaffGuard, SESSION_ACTORS } from './policy.ts';
import { loadSessionItem, type SessionItem } from './repository.ts';

export const SESSION_STATES: Record<string, string> = { scheduled: '待分享', held: '已分享', cancelled: '已取消' };

export const sessionProcess: Process<SessionItem> = defineProcess<SessionItem>({
  name: 'reading-session',
  entity: 'reading_session',
  states: SESSION_STATES,
  transitions: [
    {
      action: 'hold',
      label: '确认已分享',
      from: ['scheduled'],
      to: 'held',
      roles: SESSION_ACTORS,
      guard: leadOrStaffGuard,
      effect: (tx, _a, s) =>
        recordDutyFact(tx, {
          committeeId: s.committeeId,
          memberId: s.dutyMemberId,
          kind: 'reading.sharingLed',
          sourceType: 'reading_session',
          sourceId: s.id,
          occurredOn: beijingDateOf(s.scheduledAt),
          detail: { topic: s.topic, groupId: s.groupId },
        }),
    },
    {
      action: 'cancel',
      label: '取消',
      from: ['scheduled'],
      to: 'cancelled',
      roles: SESSION_ACTORS,
      guard: leadOrStaffGuard,
      commentRequired: true,
    },
  ],
  setState: async (tx, actor, s, to) => {
    await tx.execute(
      sql`update reading_sessions set state = ${to} where committee_id = ${actor.committeeId} and id = ${s.id}`,
    );
  },
  load: (tx, committeeId, id) => loadSessionItem(tx, committeeId, id, true),
});
