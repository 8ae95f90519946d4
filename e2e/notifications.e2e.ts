// Journey of the notification centre: a member files a proposal (through the API, as the proposals page would), the
// proposal office's bell counts it at once without a reload (server-sent events), the centre lists it, opening it
// marks it read and follows its link, and 全部标为已读 clears the count.
import { describe, expect, it } from 'vitest';
import { apiLogin } from './api.ts';
import { checkScreen, type Page, shot, signedInPage } from './browser.ts';

const unreadOf = async (page: Page) => {
  const label = (await page.getByTestId('notification-bell').getAttribute('aria-label')) ?? '';
  const m = /(\d+) 条未读/.exec(label);
  return m ? Number(m[1]) : 0;
};

async function fileProposal(username: string, title: string): Promise<number> {
  const member = await apiLogin(username);
  const res = await member.post('/api/proposals', {
    title,
    background: '近年来我市老龄化程度不断加深，社区居家养老服务供给不足，助餐、助浴、助医等服务覆盖面有限。',
    suggestions: '一是加快建设社区养老服务综合体；二是完善养老服务补贴制度；三是培养专业养老护理队伍。',
    category: '社会建设',
    submit: true,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id;
}

describe('通知中心', () => {
  it('新提案的通知实时出现在提案委工作人员的铃铛上，点开后标为已读', async () => {
    // Start from an empty inbox: earlier journeys on this server may have notified the office.
    const staffApi = await apiLogin('proposal_staff');
    expect((await staffApi.post('/api/notifications/read', {})).status).toBe(200);
    const before = 0;
    const page = await signedInPage('proposal_staff', { mobile: true });
    await page.getByRole('button', { name: '通知中心，没有未读通知' }).waitFor();

    const title = '关于完善社区助餐服务的建议';
    const id = await fileProposal('member011', title);
    // No reload: the event stream makes the bell refetch.
    await expect.poll(() => unreadOf(page), { timeout: 15_000 }).toBe(before + 1);

    await page.getByTestId('notification-bell').click();
    await page.waitForURL('**/notifications');
    const item = page.getByRole('listitem').filter({ hasText: `新提案待预审：${title}` });
    await item.waitFor();
    expect(await item.textContent()).toContain('未读');
    expect(await item.textContent()).toContain('提交人：');
    await checkScreen(page, 'notifications-centre-mobile');

    await item.getByRole('button', { name: `查看：新提案待预审：${title}` }).click();
    await page.waitForURL(`**/proposals/${id}`);
    await expect.poll(() => unreadOf(page)).toBe(before);

    // A second one, then 全部标为已读 in the centre.
    await fileProposal('member012', '关于增设老旧小区电梯的建议');
    await expect.poll(() => unreadOf(page), { timeout: 15_000 }).toBe(before + 1);
    await page.goto('/notifications?show=unread');
    await page.getByRole('listitem').filter({ hasText: '关于增设老旧小区电梯的建议' }).waitFor();
    await page.getByRole('button', { name: '全部标为已读' }).click();
    await page.getByText('没有未读通知').waitFor();
    expect(await unreadOf(page)).toBe(0);
    await shot(page, 'notifications-all-read-mobile');
  });
});
