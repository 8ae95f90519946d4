// 承诺践诺・正负面清单: a member on a 375 px phone picks a commitment fulfilled by filing proposals, files one and sees
// the progress; staff record a 负面清单 occurrence on the lists page and the member sees the deduction with its grounds.
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

const MEMBER = 'member097';
const RUN = Date.now() % 100000;
const ITEM = `全年提交提案不少于 2 件（旅程${RUN}）`;
const LIST_ITEM = `无故缺席界别活动（旅程${RUN}）`;
const EVIDENCE = `界别委员活动组学习会未请假缺席，见签到表（旅程${RUN}）`;

describe('承诺践诺・正负面清单：委员在手机上看承诺进度，工作人员登记负面清单', () => {
  it('选一项以提案体现的承诺，提交提案后看到进度', async () => {
    const office = await apiLogin('office_staff');
    const member = await apiLogin(MEMBER);
    const year = Number(beijingToday().slice(0, 4));
    // The journey runs any day of the year: the committee keeps commitments open to the year's end for it.
    const settings = await office.put(`/api/commitments/settings?year=${year}`, {
      maxPerMember: 20,
      pickUntil: '12-31',
      reportFrom: '11-01',
    });
    expect(settings.status, JSON.stringify(settings.body)).toBe(200);
    const item = await office.post('/api/commitments/items', {
      year,
      title: ITEM,
      factKind: 'proposal.filed',
      target: 2,
    });
    expect(item.status, JSON.stringify(item.body)).toBe(200);

    const phone = await signInAndOpen(MEMBER, '/commitments/mine', { mobile: true });
    await chooseOption(phone, '从承诺事项中选择', ITEM);
    await phone.getByRole('button', { name: '提交承诺' }).click();
    const row = phone.locator('.ant-list-item').filter({ hasText: ITEM });
    await row.getByText('提交提案 0/2').waitFor();

    const p = await member.post('/api/proposals', {
      title: `关于完善界别协商机制的建议（旅程${RUN}）`,
      background: '界别是政协履职的重要组织形式，当前界别活动形式单一，界别委员参与度有待提高。',
      suggestions: '一是健全界别活动制度；二是丰富界别协商形式；三是加强界别工作考核。',
      category: '政治建设',
      submit: true,
    });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    await phone.reload();
    await row.getByText('提交提案 1/2').waitFor();
    await checkScreen(phone, 'commitments-progress-phone');
    expect(pageErrorsOf(phone)).toEqual([]);
  });

  it('工作人员登记负面清单，委员在我的履职中看到扣分和依据', async () => {
    const office = await apiLogin('office_staff');
    const member = await apiLogin(MEMBER);
    const year = Number(beijingToday().slice(0, 4));
    const added = await office.post('/api/duty/lists/items', {
      year,
      polarity: 'negative',
      title: LIST_ITEM,
      evidenceRequired: '活动签到表',
      points: 2,
    });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    const info = await office.get(`/api/org/members/${member.me.account.memberId}`);
    const name = info.body.member.name as string;
    // Two members may share a name: the option names the member by name and number.
    const option = `${name}（${info.body.member.code ?? member.me.account.memberId}）`;

    const desk = await signInAndOpen('office_staff', '/duty/lists');
    await desk.locator('tr').filter({ hasText: LIST_ITEM }).getByRole('button', { name: '登记' }).click();
    const dialog = desk.getByRole('dialog');
    await chooseOption(desk, '委员', option, name);
    await dialog.getByLabel('事实与依据（委员可见）').fill(EVIDENCE);
    await dialog.getByRole('button', { name: '保存' }).click();
    await desk.getByText('已登记，积分已更新').waitFor();
    await desk.locator('tr').filter({ hasText: EVIDENCE }).first().waitFor();
    await expectNoA11yViolations(desk);
    await shot(desk, 'duty-lists-staff');

    const phone = await signInAndOpen(MEMBER, '/duty/me', { mobile: true });
    const lines = phone.locator('.ant-card').filter({ hasText: '履职记录' });
    await lines.getByText(`事实与依据：${EVIDENCE}`).waitFor();
    const card = phone.locator('.ant-card').filter({ hasText: '清单登记情况' });
    await card.getByText(`事实与依据：${EVIDENCE}`).waitFor();
    await expect.poll(() => card.getByText('扣 2 分').count()).toBeGreaterThan(0);
    await checkScreen(phone, 'duty-deduction-phone');
    expect(pageErrorsOf(phone)).toEqual([]);
  });
});
