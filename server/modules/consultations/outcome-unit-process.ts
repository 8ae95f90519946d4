// A handling unit's part of an outcome in one round, as data: 交办 → 签收 → 反馈 → (退回重新反馈) → 评估 by the office.
// The feedback deadline runs on the engine's deadline machinery: reminders before it, an overdue flag after it.
import { sql } from 'drizzle-orm';
import type { Role } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';
import { beijingDateOf } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/client.ts';
import { accountsWithRoles, notify } from '../../platform/notifications/notifications.ts';
import { type DeadlineRule, defineProcess, type Process } from '../../platform/workflow/engine.ts';
import * as fx from './outcome-effects.ts';
import { ownUnitGuard } from './outcome-policy.ts';
import { loadOutcomeUnitItem, type OutcomeUnitItem, unitAccountIds } from './outcome-repository.ts';
import { outcomeRules } from './outcome-rules.ts';

export const OUTCOME_UNIT_STATES: Record<string, string> = {
  handed: '待签收',
  accepted: '办理中',
  fedBack: '已反馈待评估',
  rated: '已评估',
};
/** States in which the unit still owes feedback (to-dos, overdue figures). */
export const OPEN_UNIT_STATES = ['handed', 'accepted'];

const OFFICE: Role[] = ['officeStaff', 'specialCommitteeStaff', 'committeeAdmin'];
const UNIT: Role[] = ['unitUser'];

const keepDue = async (tx: Db, _actor: Actor, u: OutcomeUnitItem): Promise<DeadlineRule> => ({
  dueAt: u.dueAt,
  remindDaysBefore: (await outcomeRules(tx, u.committeeId)).remindDaysBefore,
});

export const outcomeUnitProcess: Process<OutcomeUnitItem> = defineProcess<OutcomeUnitItem>({
  name: 'consultation-outcome-unit',
  entity: 'consultation_outcome_unit',
  states: OUTCOME_UNIT_STATES,
  transitions: [
    {
      action: 'accept',
      label: '签收',
      from: ['handed'],
      to: 'accepted',
      roles: UNIT,
      guard: ownUnitGuard,
      effect: async (tx, _a, u) => {
        await tx.execute(
          sql`update consultation_outcome_units set accepted_at = now() where committee_id = ${u.committeeId} and id = ${u.id}`,
        );
      },
      deadline: keepDue,
    },
    {
      action: 'feedback',
      label: '提交反馈',
      from: ['accepted'],
      to: 'fedBack',
      roles: UNIT,
      guard: ownUnitGuard,
      effect: fx.recordFeedback,
    },
    {
      action: 'sendBack',
      label: '退回重新反馈',
      from: ['fedBack'],
      to: 'accepted',
      roles: OFFICE,
      commentRequired: true,
      effect: async (tx, _a, u, _d, comment) =>
        notify(tx, {
          committeeId: u.committeeId,
          accountIds: await unitAccountIds(tx, u.committeeId, [u.unitId]),
          kind: 'consultationOutcome.sentBack',
          title: `成果反馈被退回，请修改后重新反馈：${u.title}`,
          body: comment ?? undefined,
          link: `/consultations/outcomes/${u.outcomeId}`,
        }),
      deadline: keepDue,
    },
    { action: 'rate', label: '评估反馈', from: ['fedBack'], to: 'rated', roles: OFFICE, effect: fx.recordRating },
  ],
  setState: async (tx, actor, u, to) => {
    await tx.execute(
      sql`update consultation_outcome_units set state = ${to} where committee_id = ${actor.committeeId} and id = ${u.id}`,
    );
  },
  load: (tx, committeeId, id) => loadOutcomeUnitItem(tx, committeeId, id, true),
  onDeadline: async (tx, committeeId, id, kind, dueAt) => {
    const u = await loadOutcomeUnitItem(tx, committeeId, id, true);
    if (!u) return;
    const day = beijingDateOf(dueAt);
    const unitIds = await unitAccountIds(tx, committeeId, [u.unitId]);
    if (kind === 'remind') {
      await notify(tx, {
        committeeId,
        accountIds: unitIds,
        kind: 'consultationOutcome.remind',
        title: `协商成果反馈即将到期（${day}）：${u.title}`,
        link: `/consultations/outcomes/${u.outcomeId}`,
      });
      return;
    }
    await tx.execute(
      sql`update consultation_outcome_units set overdue_at = now() where committee_id = ${committeeId} and id = ${id}`,
    );
    await notify(tx, {
      committeeId,
      accountIds: [...unitIds, ...(await accountsWithRoles(tx, committeeId, ['officeStaff', 'leader']))],
      kind: 'consultationOutcome.overdue',
      title: `协商成果反馈已超期（期限 ${day}）：${u.title}`,
      link: `/consultations/outcomes/${u.outcomeId}`,
    });
  },
});
