// 联系・派单・履职档案: a member on a 375 px phone logs a contact with a sector member and turns what was raised into an
// opinion report draft without retyping, and another into a micro suggestion for their studio; accepts a task and completes it with their own proposal; opens their record
// and exports it as Word.
import { describe, expect, it } from 'vitest';
import { apiLogin } from './api.ts';
import {
  beijingToday,
  checkScreen,
  chooseOption,
  expectNoA11yViolations,
  pageErrorsOf,
  shot,
  signInAndOpen,
} from './browser.ts';

const MEMBER = 'member095';
const RAISED = '小微企业反映用工成本上升，希望出台稳岗补贴政策';
const TASK = `围绕营商环境提交专题提案（旅程${Date.now() % 100000}）`;
const PROPOSAL = `关于加大稳岗补贴力度的建议（旅程${Date.now() % 100000}）`;

describe('联系・派单・履职档案：委员在手机上记录联系、完成派单、导出档案', () => {
  it('记一次联系并把反映的问题转为社情民意信息草稿', async () => {
    const office = await apiLogin('office_staff');
    const member = await apiLogin(MEMBER);
    const other = await apiLogin('member096');
    const link = await office.post('/api/liaison/links', {
      scheme: 'committeeSector',
      ownerMemberId: member.me.account.memberId,
      memberId: other.me.account.memberId,
      frequencyDays: 30,
    });
    expect(link.status, JSON.stringify(link.body)).toBe(200);

    const phone = await signInAndOpen(MEMBER, '/liaison/mine', { mobile: true });
    await phone.getByRole('button', { name: '记一次联系' }).first().click();
    await phone.getByLabel('反映的问题').fill(RAISED);
    await checkScreen(phone, 'liaison-log-phone');
    await phone.getByRole('button', { name: '保存' }).click();
    await phone.getByText('把反映的问题转为').waitFor();
    await phone.getByRole('button', { name: '社情民意信息' }).click();
    await phone.waitForURL('**/opinions/new');
    await phone.getByRole('button', { name: '恢复这些内容' }).click();
    await expect.poll(() => phone.getByLabel('正文').inputValue()).toContain(RAISED);
    expect(await phone.getByLabel('标题').inputValue()).toContain('小微企业反映用工成本上升');
    await shot(phone, 'liaison-opinion-draft-phone');
    expect(pageErrorsOf(phone)).toEqual([]);
  });

  it('把反映的问题转为微建议：选择工作室后在工作室页恢复草稿', async () => {
    const office = await apiLogin('office_staff');
    const member = await apiLogin(MEMBER);
    const studio = `稳岗委员工作室（旅程${Date.now() % 100000}）`;
    const s = await office.post('/api/grassroots/studios', {
      name: studio,
      kind: 'personal',
      leaderMemberId: member.me.account.memberId,
      memberIds: [member.me.account.memberId],
    });
    expect(s.status, JSON.stringify(s.body)).toBe(200);

    const phone = await signInAndOpen(MEMBER, '/liaison/mine', { mobile: true });
    await phone.getByRole('button', { name: '记一次联系' }).first().click();
    await phone.getByLabel('反映的问题').fill(RAISED);
    await phone.getByRole('button', { name: '保存' }).click();
    await phone.getByRole('button', { name: '微建议' }).click();
    await chooseOption(phone, '委员工作室', studio);
    await expectNoA11yViolations(phone);
    await phone.getByRole('button', { name: '去填写微建议' }).click();
    await phone.waitForURL(`**/grassroots/studios/${s.body.id}`);
    await phone.getByRole('button', { name: '恢复这些内容' }).click();
    await expect.poll(() => phone.getByLabel('建议内容').inputValue()).toContain(RAISED);
    expect(await phone.getByLabel('标题').inputValue()).toContain('小微企业反映用工成本上升');
    expect(pageErrorsOf(phone)).toEqual([]);
  });

  it('接受派单，用自己的提案完成，并导出履职档案', async () => {
    const office = await apiLogin('office_staff');
    const staff = await apiLogin('proposal_staff');
    const member = await apiLogin(MEMBER);
    const p = await member.post('/api/proposals', {
      title: PROPOSAL,
      background: '近年来小微企业用工成本持续上升，部分企业经营困难，稳岗压力较大。',
      suggestions: '一是扩大稳岗补贴覆盖面；二是简化申领流程；三是加强政策宣传。',
      category: '经济建设',
      submit: true,
    });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    for (const action of ['preApprove', 'register'])
      expect((await staff.post(`/api/proposals/${p.body.id}/transitions`, { action })).status).toBe(200);
    // The quarter in Beijing, whatever the test machine's zone.
    const [y, m] = beijingToday().split('-').map(Number);
    const q = Math.floor((m - 1) / 3) + 1;
    const t = await office.post('/api/tasks', {
      kind: 'themedProposal',
      title: TASK,
      quarter: `${y}-Q${q}`,
      send: { rule: 'members', memberIds: [member.me.account.memberId] },
    });
    expect(t.status, JSON.stringify(t.body)).toBe(200);

    const phone = await signInAndOpen(MEMBER, '/tasks/mine', { mobile: true });
    const card = phone.locator('.ant-card', { hasText: TASK });
    await card.getByRole('button', { name: '接受' }).click();
    await card.getByText('已接受').waitFor();
    await card.getByRole('button', { name: '提交完成' }).click();
    await chooseOption(phone, '完成成果', `提案：${PROPOSAL}`);
    await checkScreen(phone);
    await phone.getByRole('button', { name: '提交', exact: true }).click();
    await card.getByText('已完成').waitFor();
    await card.getByText(`成果：${PROPOSAL}`).waitFor();
    await shot(phone, 'task-completed-phone');

    await phone.goto('/record/me');
    await phone.getByText(TASK).first().waitFor();
    await phone.getByRole('link', { name: PROPOSAL }).first().waitFor();
    await checkScreen(phone);
    const [download] = await Promise.all([
      phone.waitForEvent('download'),
      phone.getByRole('button', { name: '导出 Word' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('委员履职档案.docx');
    await shot(phone, 'record-phone');
    expect(pageErrorsOf(phone)).toEqual([]);
  });
});
