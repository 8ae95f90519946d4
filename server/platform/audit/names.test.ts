// The audit page reads in Chinese: actions by their Chinese names (workflow steps from the process's own labels) and
// objects by their title or name, never 提案 #22 or proposal-assignment.approveReply.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registered } from '../../modules/proposals/test-helpers.ts';
import { createTestApp, login, type TestContext } from '../../test/harness.ts';
import { actionLabel } from './labels.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('audit page names', () => {
  it('shows a proposal step as 提案·立案 and the proposal by its title', async () => {
    const member = await login(t.app, 'member001');
    const staff = await login(t.app, 'proposal_staff');
    const id = await registered(member, staff, { title: '关于审计日志显示提案名称的建议' });
    const admin = await login(t.app, 'admin');
    const res = await admin.get(`/api/audit?entity=proposal&entityId=${id}`);
    expect(res.status).toBe(200);
    const register = res.body.items.find((i: any) => i.action === 'proposal.register');
    expect(register.actionText).toBe('提案·立案');
    expect(register.entityText).toBe('提案');
    expect(register.entityName).toBe('关于审计日志显示提案名称的建议');
    expect(res.body.items.every((i: any) => !/^[a-z]/i.test(i.actionText))).toBe(true);
  });

  it('names every workflow step and the consultation actions in Chinese', () => {
    expect(actionLabel('proposal-assignment.approveReply')).toMatch(/^提案交办·/);
    expect(actionLabel('consultationEvent.hold')).toMatch(/^协商活动·/);
    expect(actionLabel('consultation.plan.item.add')).toBe('协商计划·添加事项');
    expect(actionLabel('opinion.issue.issue')).toBe('信息专报·印发');
  });
});
