// 月汇报待办: the office of a special committee from the 1st of a month until last month's report is submitted
// (overdue after the due day); leaders the submitted reports not yet read.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { type Db, query, queryOne } from '../../platform/db/client.ts';
import type { Todo } from '../../platform/todos.ts';
import { monthText } from './report-facts.ts';
import { scopeOf } from './scope.ts';
import { dueDayOf, getWorkspaceSettings, reportDue } from './settings.ts';

const submittedIn = async (db: Db, c: number, month: string) =>
  new Set(
    (
      await query<{ sc: number }>(
        db,
        sql`select special_committee_id as sc from monthly_reports
          where committee_id = ${c} and month = ${month} and state <> 'draft'`,
      )
    ).map((r) => r.sc),
  );

export async function workspaceTodos(db: Db, actor: Actor): Promise<Todo[]> {
  const c = actor.committeeId;
  const out: Todo[] = [];
  if (actor.roles.includes('leader')) {
    const r = await queryOne<{ n: number }>(
      db,
      sql`select count(*)::int as n from monthly_reports where committee_id = ${c} and state = 'submitted'`,
    );
    out.push({
      key: 'workspaceReportsToRead',
      label: '待批阅的专委会月汇报',
      count: r?.n ?? 0,
      link: '/workspace/reports',
    });
  }
  // Office staff get no to-do per late special committee: the report is the special committee office's own work.
  if (!actor.roles.includes('specialCommitteeStaff')) return out;
  const settings = await getWorkspaceSettings(db, c);
  const month = reportDue(settings.reportDueDay).month;
  const done = await submittedIn(db, c, month);
  for (const sc of (await scopeOf(db, actor)).manages ?? []) {
    if (done.has(sc)) continue;
    const due = reportDue(dueDayOf(settings, sc));
    out.push({
      key: `workspaceReportDue:${sc}`,
      label: `${monthText(month)}月汇报${due.overdue ? '已逾期' : `待提交（${Number(due.dueOn.slice(8))}日前）`}`,
      count: 1,
      link: '/workspace/reports',
    });
  }
  return out;
}
