// Figures that add up: each figure is recounted from the rows another way (plain SQL over the tables, or the proposals'
// own rater lists) and compared with what the API says — merged-in proposers among the unrated, on time only by the
// reply finally accepted, 「—」 (null) when nothing is due or rated, and the collective proposal's organisation reminded.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { beijingToday, beijingYearOf } from '../../platform/dates.ts';
import { query, queryOne } from '../../platform/db/client.ts';
import { runDueJobs } from '../../platform/jobs/jobs.ts';
import { login, testAppForFile } from '../../test/harness.ts';
import {
  assigned,
  assignmentOf,
  assignmentTransition,
  detail,
  registered,
  replyAndApprove,
  transition,
  unitIdOf,
  write,
} from './test-helpers.ts';

const t = testAppForFile({
  staff: 'proposal_staff',
  a: 'member040',
  b: 'member041',
  c: 'member042',
  u1: 'unit06',
  u2: 'unit07',
  u3: 'unit08',
});
const db = () => t.database.db;

const figures = async (q = '') => {
  const res = await t.staff.get(`/api/proposals/figures${q}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

describe('satisfaction: the unrated include proposers of proposals merged in', () => {
  it('counts the same unrated raters as the proposals list, while waiting and after the window closes', async () => {
    // c's proposal is merged into a joint proposal of a and b; only a rates.
    const target = await write(t.a, { kind: 'joint', cosignerIds: [t.b.me.account.memberId] });
    await transition(t.a, target, 'submit');
    await transition(t.b, target, 'cosignConfirm');
    await transition(t.staff, target, 'preApprove');
    await transition(t.staff, target, 'register');
    const merged = await registered(t.c, t.staff, { title: '关于完善社区养老服务设施的建议' });
    await transition(t.staff, merged, 'merge', { intoId: target });
    await transition(t.staff, target, 'assign', { mode: 'lead', leadUnitId: unitIdOf(t.u1), assistingUnitIds: [] });
    await replyAndApprove(t.u1, t.staff, target);
    expect((await detail(t.staff, target)).state).toBe('replied');

    const fromRaterLists = async () => {
      const ids = await query<{ id: number }>(
        db(),
        sql`select id from proposals where state in ('replied', 'completed') order by id`,
      );
      let n = 0;
      for (const { id } of ids) n += (await detail(t.staff, id)).raters.filter((r: any) => !r.rated).length;
      return n;
    };
    expect((await figures()).satisfaction.unrated).toBe(3);
    expect(await fromRaterLists()).toBe(3);

    await transition(t.a, target, 'rate', { rating: 'satisfied' });
    expect((await figures()).satisfaction.unrated).toBe(2);
    expect(await fromRaterLists()).toBe(2);
    // The rating window closes: still two who never rated.
    const due = (await detail(t.staff, target)).ratingDueAt;
    await runDueJobs(db(), { now: new Date(new Date(due).getTime() + 60_000) });
    expect((await detail(t.staff, target)).state).toBe('completed');
    const f = await figures();
    expect(f.satisfaction.unrated).toBe(2);
    expect(await fromRaterLists()).toBe(2);
    // 满意 counts recounted from the ratings table.
    const sat = await queryOne<{ n: number }>(
      db(),
      sql`select count(*)::int as n from proposal_ratings r join proposals p on p.id = r.proposal_id and p.committee_id = r.committee_id
        where r.rating = 'satisfied' and r.round = p.round`,
    );
    expect(f.satisfaction.satisfied).toBe(sat!.n);
  });
});

describe('on-time rate: the reply finally accepted, and 「—」 when nothing is due', () => {
  it('a token reply sent back before the deadline, the real answer after it: 0, not 100', async () => {
    const id = await assigned(t.a, t.staff, unitIdOf(t.u2));
    const asg = assignmentOf(await detail(t.staff, id), unitIdOf(t.u2));
    await assignmentTransition(t.u2, asg.id, 'accept');
    await assignmentTransition(t.u2, asg.id, 'recordContact', {
      way: '电话',
      date: beijingToday(),
      notes: '已沟通',
    });
    await assignmentTransition(t.u2, asg.id, 'reply', { outcomeClass: 'C', text: '收悉' });
    await assignmentTransition(t.staff, asg.id, 'sendBackReply', { comment: '请实质性答复' });
    // The deadline passes before the real answer.
    await db().execute(sql`update proposal_assignments set due_at = now() - interval '1 day' where id = ${asg.id}`);
    await assignmentTransition(t.u2, asg.id, 'reply', { outcomeClass: 'A', text: '经研究，已纳入年度计划并落实。' });
    await assignmentTransition(t.staff, asg.id, 'approveReply');

    const unit = (await figures(`?unitId=${unitIdOf(t.u2)}`)).byUnit.find((x: any) => x.unitId === unitIdOf(t.u2));
    const recount = await queryOne<{ due: number; on_time: number }>(
      db(),
      sql`select count(*)::int as due, count(*) filter (where r.created_at <= a.due_at)::int as on_time
        from proposal_assignments a join proposal_replies r on r.assignment_id = a.id and r.committee_id = a.committee_id
          and r.round = a.round and r.review_state = 'approved'
        where a.unit_id = ${unitIdOf(t.u2)}`,
    );
    expect(recount).toEqual({ due: 1, on_time: 0 });
    expect(unit).toMatchObject({ replied: 1, due: 1, onTimeRate: 0 });
  });

  it('a unit with nothing due and nothing rated shows null (「—」), not 0%', async () => {
    await assigned(t.b, t.staff, unitIdOf(t.u3));
    const f = await figures();
    const unit = f.byUnit.find((x: any) => x.unitId === unitIdOf(t.u3));
    expect(unit).toMatchObject({ assigned: 1, replied: 0, due: 0, onTimeRate: null, satisfiedRate: null, ratings: 0 });
    const appraisal = (await t.staff.get(`/api/proposals/appraisals?year=${beijingYearOf()}`)).body;
    if (appraisal.items) {
      const row = appraisal.items.find((x: any) => x.unitId === unitIdOf(t.u3));
      if (row) expect(row).toMatchObject({ onTimeRate: null, satisfiedRate: null });
    }
    // The committee-wide rate recounted from the rows: accepted replies on time over assignments due.
    const all = await queryOne<{ due: number; on_time: number }>(
      db(),
      sql`select count(*)::int as due, count(*) filter (where ans <= due_at)::int as on_time from (
          select a.due_at, case when a.role = 'assisting' then a.replied_at else (select max(r.created_at) from proposal_replies r
            where r.assignment_id = a.id and r.committee_id = a.committee_id and r.round = a.round and r.review_state = 'approved') end as ans,
            a.state
          from proposal_assignments a where a.state <> 'returned') x
        where ans is not null or (state in ('assigned', 'accepted', 'returnRequested', 'extensionRequested') and due_at < now())`,
    );
    expect(f.onTime).toMatchObject({ due: all!.due, onTime: all!.on_time });
    expect(f.onTime.rate).toBe(Math.round((1000 * all!.on_time) / all!.due) / 10);
  });
});

describe('a collective proposal: the organisation is reminded to rate', () => {
  it('reminds the organisation’s accounts before the rating window closes', async () => {
    const clerk = await login(t.app, 'org03_staff');
    const leader = await login(t.app, 'org03');
    const id = await write(clerk, { title: '关于支持民营企业参与城市更新的建议', category: '经济建设', submit: true });
    await transition(leader, id, 'orgApprove');
    await transition(t.staff, id, 'preApprove');
    await transition(t.staff, id, 'register');
    await transition(t.staff, id, 'assign', { mode: 'lead', leadUnitId: unitIdOf(t.u1), assistingUnitIds: [] });
    await replyAndApprove(t.u1, t.staff, id);
    const due = new Date((await detail(t.staff, id)).ratingDueAt).getTime();
    await runDueJobs(db(), { now: new Date(due - 2 * 86_400_000) });
    const reminded = await query<{ username: string }>(
      db(),
      sql`select a.username from notifications n join accounts a on a.id = n.account_id
        where n.link = ${`/proposals/${id}`} and n.title like '请尽快评价%' order by a.username`,
    );
    expect(reminded.map((r) => r.username)).toContain('org03');
  });
});
