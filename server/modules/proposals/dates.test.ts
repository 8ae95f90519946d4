// Proposal dates are Beijing calendar days, whatever the server's TZ: the year and duty day of a proposal filed at
// 07:30 on 1 January in Beijing, three months from 30 November, a date-only deadline, extensions and the session window.
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { setTestClock } from '../../platform/dates.ts';
import { query, queryOne } from '../../platform/db/client.ts';
import { runDueJobs } from '../../platform/jobs/jobs.ts';
import { testAppForFile } from '../../test/harness.ts';
import { assigned, assignmentOf, assignmentTransition, detail, registered, transition, write } from './test-helpers.ts';

const t = testAppForFile({ member: 'member021', staff: 'proposal_staff', unit: 'unit01' });
const db = () => t.database.db;

afterEach(() => setTestClock(null));

const dueOf = async (assignmentId: number) =>
  (await queryOne<{ due: string }>(
    db(),
    sql`select to_char(due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as due from proposal_assignments where id = ${assignmentId}`,
  ))!.due;

/** A proposal of member's, registered and assigned to unit as lead with the date-only `dueAt`: its id and assignment. */
async function assignedDue(dueAt: string) {
  const id = await registered(t.member, t.staff);
  await transition(t.staff, id, 'assign', { mode: 'lead', leadUnitId: t.unit.me.account.unitId, dueAt });
  return { id, a: assignmentOf(await detail(t.staff, id), t.unit.me.account.unitId) };
}

describe('proposal dates in Beijing time', () => {
  it('files a proposal at 2026-12-31T23:30Z in 2027, with its duty facts dated 2027-01-01', async () => {
    setTestClock('2026-12-31T23:30:00Z');
    const id = await registered(t.member, t.staff);
    const p = await queryOne<{ year: number }>(db(), sql`select year from proposals where id = ${id}`);
    expect(p!.year).toBe(2027);
    const facts = await query<{ year: number; day: string }>(
      db(),
      sql`select year, occurred_on::text as day from duty_facts where source_type = 'proposal' and source_id = ${id}
        and kind = 'proposal.filed' and revoked_at is null`,
    );
    expect(facts).toEqual([{ year: 2027, day: '2027-01-01' }]);
  });

  it('assigned on 30 November 2026 with the default three months: due at the end of 28 February 2027 in Beijing', async () => {
    setTestClock('2026-11-30T02:00:00Z');
    const id = await assigned(t.member, t.staff, t.unit.me.account.unitId);
    const a = assignmentOf(await detail(t.staff, id), t.unit.me.account.unitId);
    expect(a.dueAt).toBe('2027-02-28T15:59:59.999Z');
    expect(await dueOf(a.id)).toBe('2027-02-28T15:59:59.999Z');
  });

  it('reads a date-only dueAt as the end of that day in Beijing: not overdue, no overdue notice, before then', async () => {
    setTestClock('2026-11-30T02:00:00Z');
    const { id, a } = await assignedDue('2026-12-15');
    expect(a.dueAt).toBe('2026-12-15T15:59:59.999Z');
    const overdueJob = await queryOne<{ runAt: Date }>(
      db(),
      sql`select run_at as "runAt" from jobs where dedupe_key = ${`wf:proposal-assignment:${a.id}:overdue`}`,
    );
    expect(new Date(overdueJob!.runAt).toISOString()).toBe('2026-12-15T15:59:59.999Z');
    // 23:00 on 15 December in Beijing: still on time.
    setTestClock('2026-12-15T15:00:00Z');
    await runDueJobs(db(), { now: new Date('2026-12-15T15:00:00Z') });
    expect(assignmentOf(await detail(t.staff, id), t.unit.me.account.unitId).overdue).toBe(false);
    const flagged = await queryOne<{ overdueAt: string | null }>(
      db(),
      sql`select overdue_at as "overdueAt" from proposal_assignments where id = ${a.id}`,
    );
    expect(flagged!.overdueAt).toBeNull();
    // 00:30 on 16 December in Beijing: overdue.
    setTestClock('2026-12-15T16:30:00Z');
    await runDueJobs(db(), { now: new Date('2026-12-15T16:30:00Z') });
    expect(assignmentOf(await detail(t.staff, id), t.unit.me.account.unitId).overdue).toBe(true);
  });

  it('extends a due date by calendar months clamped to the month end (31 January + 1 month = 28 February)', async () => {
    setTestClock('2026-11-30T02:00:00Z');
    const { a } = await assignedDue('2027-01-31');
    await assignmentTransition(t.unit, a.id, 'accept');
    await assignmentTransition(t.unit, a.id, 'requestExtension', { comment: '需要跨部门协调，申请延期一个月' });
    await assignmentTransition(t.staff, a.id, 'approveExtension');
    expect(await dueOf(a.id)).toBe('2027-02-28T15:59:59.999Z');
  });

  it('opens the session filing window N months before the session, clamped (31 May − 3 months = 28 February)', async () => {
    const c = t.staff.me.committee.id;
    await t.database.db.execute(sql`update plenary_sessions set opens_on = '2026-05-31', filing_deadline = '2026-06-04'
      where committee_id = ${c} and is_current`);
    setTestClock('2026-02-28T01:00:00Z'); // 09:00 on 28 February in Beijing
    const inside = await write(t.member, { submit: true });
    setTestClock('2026-02-27T15:30:00Z'); // 23:30 on 27 February in Beijing
    const outside = await write(t.member, { submit: true });
    const rows = await query<{ id: number; session: boolean }>(
      db(),
      sql`select id, is_session_proposal as session from proposals where id in (${inside}, ${outside}) order by id`,
    );
    expect(rows).toEqual([
      { id: inside, session: true },
      { id: outside, session: false },
    ]);
  });
});
