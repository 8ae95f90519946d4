// Assignment and handling: lead + assisting and split assignment, the optional approval step, unit accept and return
// requests, assisting views, pre-reply contact, reply with class and letter, reply review, rating with a second round,
// staff rating on behalf, extensions, deadline reminders and overdue flags.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  beijingToday,
  deadlineMonthsAfter,
  endOfBeijingDay,
  formatBeijingDate,
} from '../../platform/dates.ts';
import { query, queryOne } from '../../platform/db/client.ts';
import { runDueJobs } from '../../platform/jobs/jobs.ts';
import { testAppForFile } from '../../test/harness.ts';
import { JOINT, jointProposal } from './joint.fixtures.ts';
import {
  assigned,
  assignmentOf,
  assignmentTransition,
  detail,
  registered,
  replyAndApprove,
  transition,
  tryAssignmentTransition,
  tryTransition,
  unitIdOf,
  write,
} from './test-helpers.ts';

const t = testAppForFile({
  staff: 'proposal_staff',
  admin: 'admin',
  leader: 'leader',
  m1: 'member010',
  m2: 'member011',
  m3: 'member012',
  u1: 'unit01',
  u2: 'unit02',
  u3: 'unit03',
  u4: 'unit04',
  countyUnit: 'county_unit01',
});
const db = () => t.database.db;

const today = () => beijingToday();

const PDF = 'application/pdf';

describe('a joint proposal from assignment to a satisfied rating after one unsatisfied round', () => {
  it('is assigned to a lead unit with an assisting unit; the units are told', async () => {
    const id = await write(t.m1, { ...JOINT, cosignerIds: [t.m2.me.account.memberId] });
    await transition(t.m2, id, 'cosignConfirm');
    await transition(t.staff, id, 'preApprove');
    await transition(t.staff, id, 'register');
    const bad = await tryTransition(t.staff, id, 'assign', {
      mode: 'lead',
      leadUnitId: unitIdOf(t.u1),
      assistingUnitIds: [unitIdOf(t.u1)],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('assistingUnitIds');
    const none = await tryTransition(t.staff, id, 'assign', { mode: 'lead' });
    expect(none.body).toMatchObject({ field: 'leadUnitId', message: '请选择「主办单位」' });
    expect((await tryTransition(t.m1, id, 'assign', { mode: 'lead', leadUnitId: unitIdOf(t.u1) })).status).toBe(403);
    expect(
      await transition(t.staff, id, 'assign', {
        mode: 'lead',
        leadUnitId: unitIdOf(t.u1),
        assistingUnitIds: [unitIdOf(t.u2)],
      }),
    ).toBe('handling');
    const d = await detail(t.u1, id);
    const lead = assignmentOf(d, unitIdOf(t.u1));
    const assist = assignmentOf(d, unitIdOf(t.u2));
    expect([lead.roleLabel, lead.stateLabel, assist.roleLabel]).toEqual(['主办', '待签收', '会办']);
    // Default deadline: three months from assignment.
    const months = (new Date(lead.dueAt).getTime() - Date.now()) / 86_400_000;
    expect(months).toBeGreaterThan(88);
    expect(months).toBeLessThan(93);
    expect(lead.actions.map((a: any) => a.action)).toEqual(['accept', 'requestReturn']);
    const n = await queryOne<{ title: string }>(
      db(),
      sql`select title from notifications where account_id = ${t.u1.me.account.id} order by id desc limit 1`,
    );
    expect(n!.title).toBe('新交办提案（主办）：关于加强中小学心理健康教育的建议');
    // A unit not assigned, and a unit of another committee, see nothing.
    expect((await t.u3.get(`/api/proposals/${id}`)).status).toBe(404);
    expect((await tryAssignmentTransition(t.u3, lead.id, 'accept')).status).toBe(404);
    expect((await tryAssignmentTransition(t.countyUnit, lead.id, 'accept')).status).toBe(404);
  });

  it('lets each unit sign only its own assignment; the assisting unit sends its view to the lead unit', async () => {
    const { id, lead, assist } = await jointProposal(t, 'assigned');
    expect((await tryAssignmentTransition(t.u2, lead.id, 'accept')).status).toBe(403);
    expect(await assignmentTransition(t.u1, lead.id, 'accept')).toBe('accepted');
    await assignmentTransition(t.u2, assist.id, 'accept');
    expect((await tryAssignmentTransition(t.u2, assist.id, 'reply', { outcomeClass: 'A', text: '同意' })).status).toBe(
      403,
    );
    expect((await tryAssignmentTransition(t.u1, lead.id, 'sendView', { text: '主办不能提交会办意见' })).status).toBe(
      403,
    );
    const empty = await tryAssignmentTransition(t.u2, assist.id, 'sendView', { text: '  ' });
    expect(empty.body.field).toBe('text');
    expect(await assignmentTransition(t.u2, assist.id, 'sendView', { text: '建议将心理教师配备纳入编制计划。' })).toBe(
      'viewSent',
    );
    const seenByLead = assignmentOf(await detail(t.u1, id), unitIdOf(t.u2));
    expect(seenByLead.views.map((v: any) => v.text)).toEqual(['建议将心理教师配备纳入编制计划。']);
    // Proposers do not read units' internal views.
    expect(assignmentOf(await detail(t.m1, id), unitIdOf(t.u2)).views).toEqual([]);
  });

  it('requires the pre-reply contact before the reply, then takes the reply with class and letter', async () => {
    const { id, lead } = await jointProposal(t, 'accepted');
    const early = await tryAssignmentTransition(t.u1, lead.id, 'reply', { outcomeClass: 'A', text: '已采纳' });
    expect(early.status).toBe(409);
    expect(early.body.error).toBe('proposal.contact_required');
    // The reply button says so before the unit writes anything (issue 12), and only until the contact is recorded.
    const replyAction = async () =>
      assignmentOf(await detail(t.u1, id), unitIdOf(t.u1)).actions.find((a: any) => a.action === 'reply');
    expect((await replyAction()).precondition).toMatch(/请先点「记录办前面商」/);
    const future = await tryAssignmentTransition(t.u1, lead.id, 'recordContact', { way: '当面', date: '2099-01-01' });
    expect(future.body.field).toBe('date');
    await assignmentTransition(t.u1, lead.id, 'recordContact', {
      way: '当面座谈',
      date: today(),
      notes: '与两位提案人座谈',
    });
    expect(await replyAction()).toEqual({ action: 'reply', label: '答复提案', commentRequired: false });
    const wrongClass = await tryAssignmentTransition(t.u1, lead.id, 'reply', { outcomeClass: 'Z', text: '已采纳' });
    expect(wrongClass.body.field).toBe('outcomeClass');
    const up = await t.u1.upload('/api/files', '答复函.pdf', Buffer.from('%PDF-1.4 reply letter'), PDF);
    expect(up.status).toBe(200);
    const letterId = up.body.id;
    expect(
      await assignmentTransition(t.u1, lead.id, 'reply', {
        outcomeClass: 'A',
        text: '市教育局已在全市中小学配备专职心理教师。',
        letterFileId: letterId,
      }),
    ).toBe('replied');
    // Until the office approves it, proposers do not see the reply.
    expect((await detail(t.m1, id)).replies).toEqual([]);
    expect((await detail(t.staff, id)).replies).toHaveLength(1);
    // The letter belongs to the reply now: staff may download it, proposers not yet.
    expect((await t.staff.get(`/api/files/${letterId}`)).status).toBe(200);
    expect((await t.m1.get(`/api/files/${letterId}`)).status).toBe(403);
  });

  it('lets the office send a reply back and correct its class on approval', async () => {
    const { id, lead } = await jointProposal(t, 'replyPending');
    expect((await tryAssignmentTransition(t.u1, lead.id, 'approveReply')).status).toBe(403);
    expect((await tryAssignmentTransition(t.staff, lead.id, 'sendBackReply')).status).toBe(400);
    expect(await assignmentTransition(t.staff, lead.id, 'sendBackReply', { comment: '请补充具体措施和时间表' })).toBe(
      'accepted',
    );
    expect((await detail(t.staff, id)).replies[0].reviewState).toBe('sentBack');
    await assignmentTransition(t.u1, lead.id, 'reply', {
      outcomeClass: 'A',
      text: '已配备专职心理教师，明年实现全覆盖。',
    });
    expect(await assignmentTransition(t.staff, lead.id, 'approveReply', { outcomeClass: 'B' })).toBe('done');
    const d = await detail(t.m1, id);
    expect(d).toMatchObject({ state: 'replied', outcomeClass: 'B', outcomeLabel: '正在解决或列入计划' });
    expect(d.replies.map((r: any) => [r.originalClass, r.outcomeClass, r.reviewState])).toEqual([
      ['A', 'B', 'approved'],
    ]);
    expect(d.actions.map((a: any) => a.action)).toEqual(['rate']);
    const rep = await t.m1.get(`/api/proposals/replies/${d.replies[0].id}/word`);
    expect(rep.status).toBe(200);
    expect(rep.raw.subarray(0, 2).toString()).toBe('PK');
  });

  it('starts a second round when a proposer is unsatisfied, once every proposer has rated', async () => {
    const { id } = await jointProposal(t, 'replied');
    const noComment = await tryTransition(t.m1, id, 'rate', { rating: 'unsatisfied' });
    expect(noComment.body.field).toBe('comment');
    expect((await tryTransition(t.m3, id, 'rate', { rating: 'satisfied' })).status).toBe(404);
    expect((await tryTransition(t.u1, id, 'rate', { rating: 'satisfied' })).status).toBe(403);
    expect(await transition(t.m1, id, 'rate', { rating: 'unsatisfied', comment: '进度太慢' })).toBe('replied');
    expect((await tryTransition(t.m1, id, 'rate', { rating: 'satisfied' })).status).toBe(403);
    expect(await transition(t.m2, id, 'rate', { rating: 'satisfied' })).toBe('handling');
    const d = await detail(t.u1, id);
    expect(d.round).toBe(2);
    const again = assignmentOf(d, unitIdOf(t.u1));
    expect([again.state, again.round]).toEqual(['accepted', 2]);
    // Due at the end of the Beijing day 30 days on (not 30 × 24 h: the day's end is 0.5–1 day past that).
    expect(new Date(again.dueAt).toISOString()).toBe(endOfBeijingDay(addDays(beijingToday(), 30)).toISOString());
    // A fresh pre-reply contact is needed for the new round.
    expect(
      (await tryAssignmentTransition(t.u1, again.id, 'reply', { outcomeClass: 'A', text: '再次答复' })).status,
    ).toBe(409);
  });

  it('completes after the second round is rated satisfied', async () => {
    const { id } = await jointProposal(t, 'secondRound');
    await replyAndApprove(t.u1, t.staff, id, 'A');
    await transition(t.m1, id, 'rate', { rating: 'satisfied', comment: '问题已解决' });
    expect(await transition(t.m2, id, 'rate', { rating: 'partlySatisfied' })).toBe('completed');
    const d = await detail(t.m1, id);
    expect(d.stateLabel).toBe('办理完毕');
    expect(d.ratings.map((r: any) => [r.round, r.raterName, r.ratingLabel])).toEqual([
      [1, t.m1.me.account.displayName, '不满意'],
      [1, t.m2.me.account.displayName, '满意'],
      [2, t.m1.me.account.displayName, '满意'],
      [2, t.m2.me.account.displayName, '基本满意'],
    ]);
    const labels = d.timeline.map((e: any) => (e.unitName ? `${e.unitName}:${e.label}` : e.label));
    expect(labels).toContain('市发展和改革委员会（主办）:签收');
    expect(labels).toContain('不满意，再办理');
    expect(labels.at(-1)).toBe('评价结束，办理完毕');
  });
});

describe('split assignment, return requests and the approval step', () => {
  it('splits a proposal among units, each answering on its own; the proposal waits for all', async () => {
    const id = await registered(t.m1, t.staff, { title: '关于治理城区河道污染的建议', category: '生态文明建设' });
    const one = await tryTransition(t.staff, id, 'assign', { mode: 'split', unitIds: [unitIdOf(t.u1)] });
    expect(one.body.field).toBe('unitIds');
    await transition(t.staff, id, 'assign', { mode: 'split', unitIds: [unitIdOf(t.u1), unitIdOf(t.u2)] });
    const d = await detail(t.staff, id);
    expect(d.assignments.map((a: any) => a.roleLabel)).toEqual(['分办', '分办']);
    await replyAndApprove(t.u1, t.staff, id, 'C');
    expect((await detail(t.staff, id)).state).toBe('handling');
    await replyAndApprove(t.u2, t.staff, id, 'B');
    const after = await detail(t.m1, id);
    // The proposal's class is the best class any unit gave.
    expect([after.state, after.outcomeClass]).toEqual(['replied', 'B']);
  });

  it('lets a unit ask to hand a proposal back within the window; the office reassigns it', async () => {
    const id = await assigned(t.m1, t.staff, unitIdOf(t.u3));
    const a = assignmentOf(await detail(t.u3, id), unitIdOf(t.u3));
    expect((await tryAssignmentTransition(t.u3, a.id, 'requestReturn')).status).toBe(400);
    expect(await assignmentTransition(t.u3, a.id, 'requestReturn', { comment: '不属于本单位职责' })).toBe(
      'returnRequested',
    );
    const noUnit = await tryAssignmentTransition(t.staff, a.id, 'approveReturn');
    expect(noUnit.body).toMatchObject({ field: 'newUnitId', message: '请选择改交的「承办单位」' });
    const same = await tryAssignmentTransition(t.staff, a.id, 'approveReturn', { newUnitId: unitIdOf(t.u3) });
    expect(same.body.field).toBe('newUnitId');
    expect(await assignmentTransition(t.staff, a.id, 'approveReturn', { newUnitId: unitIdOf(t.u4) })).toBe('returned');
    const d = await detail(t.staff, id);
    expect(d.assignments.map((x: any) => [x.unitName, x.stateLabel])).toEqual([
      ['市科学技术局', '已退回'],
      ['市工业和信息化局', '待签收'],
    ]);
    // The returning unit keeps its history but can no longer act.
    expect(assignmentOf(d, unitIdOf(t.u4)).actions).toEqual([]);
    expect((await detail(t.u3, id)).assignments.find((x: any) => x.unitId === unitIdOf(t.u3)).actions).toEqual([]);
  });

  it('refuses a late return request and lets the office refuse a return', async () => {
    const id = await assigned(t.m1, t.staff, unitIdOf(t.u3));
    const a = assignmentOf(await detail(t.u3, id), unitIdOf(t.u3));
    await assignmentTransition(t.u3, a.id, 'requestReturn', { comment: '职责不符' });
    expect((await tryAssignmentTransition(t.staff, a.id, 'refuseReturn')).status).toBe(400);
    expect(await assignmentTransition(t.staff, a.id, 'refuseReturn', { comment: '属于你单位职责，请办理' })).toBe(
      'accepted',
    );

    const late = await assigned(t.m1, t.staff, unitIdOf(t.u3));
    const b = assignmentOf(await detail(t.u3, late), unitIdOf(t.u3));
    await db().execute(
      sql`update proposal_assignments set assigned_at = now() - interval '11 days' where id = ${b.id}`,
    );
    const res = await tryAssignmentTransition(t.u3, b.id, 'requestReturn', { comment: '职责不符' });
    expect(res.status).toBe(403);
    expect(res.body.message).toBe('已超过交办后 10 天的申请退回期限，请签收办理');
  });

  it('holds an assignment for approval when the committee requires it', async () => {
    const put = await t.admin.put('/api/proposals/rules', { year: 0, assignmentApproval: true });
    expect(put.status).toBe(200);
    const id = await registered(t.m1, t.staff);
    expect(await transition(t.staff, id, 'assign', { mode: 'lead', leadUnitId: unitIdOf(t.u1) })).toBe('assignPending');
    expect((await detail(t.staff, id)).assignments).toEqual([]);
    expect((await tryTransition(t.staff, id, 'approveAssignment')).status).toBe(403);
    expect(await transition(t.leader, id, 'rejectAssignment', { comment: '请增加会办单位' })).toBe('registered');
    await transition(t.staff, id, 'assign', {
      mode: 'lead',
      leadUnitId: unitIdOf(t.u1),
      assistingUnitIds: [unitIdOf(t.u2)],
    });
    expect(await transition(t.leader, id, 'approveAssignment')).toBe('handling');
    expect((await detail(t.staff, id)).assignments).toHaveLength(2);
    await t.admin.put('/api/proposals/rules', { year: 0, assignmentApproval: false });
  });
});

describe('deadlines', () => {
  it('approves or refuses extensions; the new deadline is one month later', async () => {
    const id = await assigned(t.m1, t.staff, unitIdOf(t.u1));
    const a = assignmentOf(await detail(t.u1, id), unitIdOf(t.u1));
    await assignmentTransition(t.u1, a.id, 'accept');
    expect((await tryAssignmentTransition(t.u1, a.id, 'requestExtension')).status).toBe(400);
    await assignmentTransition(t.u1, a.id, 'requestExtension', { comment: '需协调多个部门' });
    await assignmentTransition(t.staff, a.id, 'approveExtension');
    const after = assignmentOf(await detail(t.u1, id), unitIdOf(t.u1));
    // One calendar month later, to the end of that Beijing day (clamped to the month end).
    expect(after.dueAt).toBe(deadlineMonthsAfter(new Date(a.dueAt), 1).toISOString());
    expect(after.extensionCount).toBe(1);
    await assignmentTransition(t.u1, a.id, 'requestExtension', { comment: '再延一次' });
    expect(await assignmentTransition(t.staff, a.id, 'refuseExtension', { comment: '请按期答复' })).toBe('accepted');
    expect(assignmentOf(await detail(t.u1, id), unitIdOf(t.u1)).dueAt).toBe(after.dueAt);
  });

  it('reminds the unit before the deadline and flags it overdue to staff and leaders afterwards', async () => {
    const id = await assigned(t.m3, t.staff, unitIdOf(t.u2), [], { title: '关于提升公交准点率的建议' });
    const a = assignmentOf(await detail(t.u2, id), unitIdOf(t.u2));
    await assignmentTransition(t.u2, a.id, 'accept');
    const due = new Date(a.dueAt);
    await runDueJobs(db(), { now: new Date(due.getTime() - 14 * 86_400_000), limit: 500 });
    const remind = await query<{ title: string }>(
      db(),
      sql`select title from notifications where account_id = ${t.u2.me.account.id} and kind = 'proposal.remind'`,
    );
    expect(remind.map((r) => r.title)).toContain(
      `提案办理即将到期（${formatBeijingDate(due)}）：关于提升公交准点率的建议`,
    );
    await runDueJobs(db(), { now: new Date(due.getTime() + 86_400_000), limit: 500 });
    const row = await queryOne<{ overdue: boolean }>(
      db(),
      sql`select overdue_at is not null as overdue from proposal_assignments where id = ${a.id}`,
    );
    expect(row!.overdue).toBe(true);
    const flagged = await query<{ account_id: number }>(
      db(),
      sql`select account_id from notifications where kind = 'proposal.overdue' and link = ${`/proposals/${id}`}`,
    );
    const ids = flagged.map((f) => f.account_id);
    expect(ids).toEqual(expect.arrayContaining([t.u2.me.account.id, t.staff.me.account.id, t.leader.me.account.id]));
    // The board shows it overdue once the date has passed.
    await db().execute(sql`update proposal_assignments set due_at = now() - interval '2 days' where id = ${a.id}`);
    const board = await t.staff.get('/api/proposals/deadlines?days=30');
    expect(board.status).toBe(200);
    const item = board.body.items.find((i: any) => i.assignmentId === a.id);
    expect(item).toMatchObject({ overdue: true, unitName: '市教育局', title: '关于提升公交准点率的建议' });
    expect(board.body.units.find((u: any) => u.unitId === unitIdOf(t.u2)).overdue).toBeGreaterThanOrEqual(1);
    expect((await t.m3.get('/api/proposals/deadlines')).status).toBe(403);
    const xlsx = await t.staff.get('/api/proposals/deadlines.xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.raw.subarray(0, 2).toString()).toBe('PK');
  });

  it('closes the rating window: unrated stays unrated, staff may rate on behalf of an offline member', async () => {
    const id = await assigned(t.m1, t.staff, unitIdOf(t.u1), [], { title: '关于增设社区充电桩的建议' });
    await replyAndApprove(t.u1, t.staff, id);
    const d = await detail(t.staff, id);
    expect(d.actions.map((x: any) => x.action)).toEqual(['rate']);
    const nobody = await tryTransition(t.staff, id, 'rate', { rating: 'satisfied' });
    expect(nobody.body.field).toBe('memberId');
    const stranger = await tryTransition(t.staff, id, 'rate', {
      rating: 'satisfied',
      memberId: t.m3.me.account.memberId,
    });
    expect(stranger.body.field).toBe('memberId');
    expect(await transition(t.staff, id, 'rate', { rating: 'satisfied', memberId: t.m1.me.account.memberId })).toBe(
      'completed',
    );
    const rated = await detail(t.m1, id);
    expect(rated.ratings[0]).toMatchObject({ enteredByStaff: true, ratingLabel: '满意' });

    const other = await assigned(t.m1, t.staff, unitIdOf(t.u1), [], { title: '关于规范共享单车停放的建议' });
    await replyAndApprove(t.u1, t.staff, other);
    const due = new Date((await detail(t.m1, other)).ratingDueAt);
    await runDueJobs(db(), { now: new Date(due.getTime() + 60_000), limit: 500 });
    const closed = await detail(t.m1, other);
    expect([closed.state, closed.ratings]).toEqual(['completed', []]);
  });
});
