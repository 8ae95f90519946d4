// Tasks (季度派单) through the routes: staff send a task by rule and by hand; a member accepts, asks to swap (staff
// refuse) and completes with evidence that must be their own proposal or activity (duty fact task.completed); another
// declines with a reason; overdue tasks in both to-do lists; figures; nobody else sees a member's task.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { query } from '../../platform/db/client.ts';
import { type Client, okBody, testAppForFile } from '../../test/harness.ts';
import { registered } from '../proposals/test-helpers.ts';

const t = testAppForFile({
  office: 'office_staff',
  proposalStaff: 'proposal_staff',
  m1: 'member060',
  m2: 'member061',
  m3: 'member062',
  county: 'county_office_staff',
});

const mid = (c: Client) => c.me.account.memberId as number;
/** POSTs `body` (an action and its fields) to a task assignment; the raw response. */
const assignmentAction = (c: Client, id: number, body: Record<string, unknown>) =>
  c.post(`/api/task-assignments/${id}/actions`, body);

describe('tasks', () => {
  it('sends, answers and completes a task with the member’s own record as evidence', async () => {
    const bad = await t.office.post('/api/tasks', { kind: 'party', title: 'x', quarter: '2026-Q4' });
    expect(bad.status).toBe(400);
    expect((await t.m1.post('/api/tasks', { kind: 'research', title: 'x', quarter: '2026-Q4' })).status).toBe(403);
    const { id: taskId, sent } = await okBody(
      await t.office.post('/api/tasks', {
        kind: 'themedProposal',
        title: '围绕营商环境提交一件专题提案',
        quarter: '2026-Q4',
        dueOn: '2026-12-31',
        send: { rule: 'members', memberIds: [mid(t.m1), mid(t.m2)] },
      }),
    );
    expect(sent).toBe(2);
    // By hand: one more member; those who have it already are not sent it twice.
    expect(
      await okBody(
        await t.office.post(`/api/tasks/${taskId}/send`, { rule: 'members', memberIds: [mid(t.m2), mid(t.m3)] }),
      ),
    ).toEqual({
      sent: 1,
    });

    const mine = await okBody(await t.m1.get('/api/tasks/mine'));
    expect(mine.items).toHaveLength(1);
    const a1 = mine.items[0];
    expect(a1).toMatchObject({ title: '围绕营商环境提交一件专题提案', kindLabel: '专题提案', stateLabel: '待接受' });
    expect(a1.actions.map((x: any) => x.label)).toEqual(['接受', '申请调换', '婉拒']);
    expect(JSON.stringify(await okBody(await t.m1.get('/api/todos')))).toContain('待接受的派单任务');

    // Nobody but the member (and staff) sees or answers it.
    expect((await t.m2.get(`/api/task-assignments/${a1.id}`)).status).toBe(404);
    expect((await assignmentAction(t.m2, a1.id, { action: 'accept' })).status).toBe(404);
    expect((await t.county.get(`/api/tasks/${taskId}`)).status).toBe(404);

    await okBody(await assignmentAction(t.m1, a1.id, { action: 'accept' }));
    const swap = await assignmentAction(t.m1, a1.id, { action: 'requestSwap' });
    expect(swap.status).toBe(400);
    expect(swap.body.message).toBe('请填写「申请调换」的理由或意见');
    await okBody(await assignmentAction(t.m1, a1.id, { action: 'requestSwap', comment: '近期外出学习' }));
    expect(JSON.stringify(await okBody(await t.office.get('/api/todos')))).toContain('委员申请调换的派单');
    await okBody(await assignmentAction(t.office, a1.id, { action: 'refuseSwap', comment: '学习结束后仍可完成' }));

    // Evidence: someone else's proposal is refused, an activity is not the kind this task takes, their own proposal is.
    const othersProposal = await registered(t.m2, t.proposalStaff, { title: '关于优化营商环境的建议' });
    const wrong = await assignmentAction(t.m1, a1.id, {
      action: 'complete',
      evidenceType: 'proposal',
      evidenceId: othersProposal,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toBe('所选提案不存在或不是您提交的提案');
    const kind = await assignmentAction(t.m1, a1.id, { action: 'complete', evidenceType: 'activity', evidenceId: 1 });
    expect(kind.body.message).toBe('此类任务的成果须是提案');
    const own = await registered(t.m1, t.proposalStaff, { title: '关于降低中小企业融资成本的建议' });
    expect(
      await okBody(
        await assignmentAction(t.m1, a1.id, { action: 'complete', evidenceType: 'proposal', evidenceId: own }),
      ),
    ).toEqual({
      state: 'completed',
    });
    const done = await okBody(await t.m1.get(`/api/task-assignments/${a1.id}`));
    expect(done).toMatchObject({
      stateLabel: '已完成',
      evidenceTitle: '关于降低中小企业融资成本的建议',
      overdue: false,
    });
    expect(done.history.map((h: any) => h.label)).toEqual(['接受', '申请调换', '不同意调换', '提交完成']);
    const facts = await query<{ member_id: number; kind: string }>(
      t.database.db,
      sql`select member_id, kind from duty_facts where source_type = 'task_assignment' and source_id = ${a1.id} and revoked_at is null`,
    );
    expect(facts).toEqual([{ member_id: mid(t.m1), kind: 'task.completed' }]);

    // Declining needs a reason and is final.
    const a2 = (await okBody(await t.m2.get('/api/tasks/mine'))).items[0];
    expect((await assignmentAction(t.m2, a2.id, { action: 'decline' })).status).toBe(400);
    await okBody(await assignmentAction(t.m2, a2.id, { action: 'decline', comment: '本季度已承担其他调研任务' }));
    expect((await assignmentAction(t.m2, a2.id, { action: 'accept' })).status).toBe(409);

    const task = await okBody(await t.office.get(`/api/tasks/${taskId}`));
    expect(task.assignments.map((a: any) => [a.memberId, a.stateLabel, a.reason])).toEqual([
      [mid(t.m1), '已完成', '近期外出学习'],
      [mid(t.m2), '已婉拒', '本季度已承担其他调研任务'],
      [mid(t.m3), '待接受', null],
    ]);
  });

  it('completes a reception duty with an activity the member took part in, and flags overdue tasks', async () => {
    const { id: taskId } = await okBody(
      await t.office.post('/api/tasks', {
        kind: 'reception',
        title: '委员接待日值班',
        quarter: '2026-Q3',
        dueOn: '2026-09-30',
        send: { rule: 'members', memberIds: [mid(t.m3)] },
      }),
    );
    const a = (await okBody(await t.m3.get('/api/tasks/mine'))).items.find((x: any) => x.taskId === taskId);
    expect(a.overdue).toBe(true);
    expect(JSON.stringify(await okBody(await t.m3.get('/api/todos')))).toContain('已超期的派单任务');
    expect(JSON.stringify(await okBody(await t.office.get('/api/todos')))).toContain('超期未完成的派单');
    const listed = await okBody(await t.office.get('/api/tasks?quarter=2026-Q3'));
    expect(listed.items.find((x: any) => x.id === taskId)).toMatchObject({ sent: 1, overdue: 1, completed: 0 });

    await okBody(await assignmentAction(t.m3, a.id, { action: 'accept' }));
    const { id: activityId } = await okBody(
      await t.office.post('/api/activities', {
        kind: 'studio',
        title: '委员工作室接待群众',
        startsAt: new Date(Date.now() - 3600_000).toISOString(),
        endsAt: new Date(Date.now() + 3600_000).toISOString(),
        place: '市民中心',
        registration: 'invite',
        invite: { rule: 'members', memberIds: [mid(t.m3)] },
      }),
    );
    const notYet = await assignmentAction(t.m3, a.id, {
      action: 'complete',
      evidenceType: 'activity',
      evidenceId: activityId,
    });
    expect(notYet.body.message).toBe('所选活动不存在或您没有参加（签到）');
    await okBody(await t.office.post(`/api/activities/${activityId}/attendance/${mid(t.m3)}`, { present: true }));
    await okBody(
      await assignmentAction(t.m3, a.id, { action: 'complete', evidenceType: 'activity', evidenceId: activityId }),
    );
    const after = (await okBody(await t.m3.get('/api/tasks/mine'))).items.find((x: any) => x.taskId === taskId);
    expect(after).toMatchObject({ overdue: false, evidenceTitle: '委员工作室接待群众' });

    const figures = await okBody(await t.office.get('/api/figures?period=2026&ids=tasks.sent,tasks.completed'));
    expect(figures.items.map((f: any) => [f.id, f.value])).toEqual([
      ['tasks.sent', 4],
      ['tasks.completed', 2],
    ]);
  });
});
