// The monthly report (专委会月汇报) on the workflow engine: the special committee's office submits its edited draft to
// the chairs; a leader comments (批注, more than once) or returns it for changes. Whose report it is (the office of
// that special committee) is checked by the service before a transition fires, from the workspace scope.
import { sql } from 'drizzle-orm';
import type { Role } from '../../platform/auth/permissions.ts';
import { type Db, queryOne } from '../../platform/db/client.ts';
import { accountsWithRoles, notify } from '../../platform/notifications/notifications.ts';
import { defineProcess, type Process } from '../../platform/workflow/engine.ts';

export const REPORT_STATES: Record<string, string> = { draft: '草稿', submitted: '已提交', read: '已批阅' };

export interface ReportItem {
  id: number;
  state: string;
  specialCommitteeId: number;
  month: string;
  title: string;
}

const OFFICE: Role[] = ['officeStaff', 'specialCommitteeStaff', 'committeeAdmin'];

export const reportProcess: Process<ReportItem> = defineProcess<ReportItem>({
  name: 'monthly-report',
  entity: 'monthly_report',
  states: REPORT_STATES,
  transitions: [
    {
      action: 'submit',
      label: '提交',
      from: ['draft'],
      to: 'submitted',
      roles: OFFICE,
      effect: async (tx, actor, r) => {
        await tx.execute(sql`update monthly_reports set submitted_at = now()
          where committee_id = ${actor.committeeId} and id = ${r.id}`);
        await notify(tx, {
          committeeId: actor.committeeId,
          accountIds: await accountsWithRoles(tx, actor.committeeId, ['leader']),
          kind: 'workspace.report_submitted',
          title: `${r.title}已提交，请批阅`,
          link: `/workspace/reports/${r.id}`,
        });
      },
    },
    {
      action: 'comment',
      label: '批注',
      from: ['submitted', 'read'],
      to: 'read',
      roles: ['leader'],
      commentRequired: true,
    },
    {
      action: 'return',
      label: '退回修改',
      from: ['submitted'],
      to: 'draft',
      roles: ['leader'],
      commentRequired: true,
    },
  ],
  setState: async (tx, actor, r, to) => {
    await tx.execute(sql`update monthly_reports set state = ${to}, updated_at = now()
      where committee_id = ${actor.committeeId} and id = ${r.id}`);
  },
  load: (tx, committeeId, id) => loadReport(tx, committeeId, id),
});

export async function loadReport(tx: Db, committeeId: number, id: number, lock = false): Promise<ReportItem | null> {
  const r = await queryOne<ReportItem>(
    tx,
    sql`select id, state, special_committee_id as "specialCommitteeId", month, title from monthly_reports
      where committee_id = ${committeeId} and id = ${id} ${lock ? sql`for update` : sql``}`,
  );
  return r ?? null;
}
