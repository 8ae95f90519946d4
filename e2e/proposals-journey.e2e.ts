// 提案 from writing to a satisfied rating after one unsatisfied round: a member writes a joint proposal on a phone and
// invites a co-signer → the co-signer confirms → the proposal office pre-reviews, registers and assigns it → the unit
// signs, records the pre-reply contact and replies → the office approves → the member is unsatisfied → second round →
// satisfied → 办理完毕.
import { describe, expect, it } from 'vitest';
import { type ApiClient, apiLogin } from './api.ts';
import {
  beijingToday,
  checkScreen,
  chooseOption,
  confirmDialog,
  expectNoA11yViolations,
  expectNoHorizontalOverflow,
  openActionDialog,
  type Page,
  pageErrorsOf,
  shot,
  signInAndOpen,
  takeAction,
} from './browser.ts';

const TITLE = '关于加快建设社区嵌入式托育服务点的建议';
const BACKGROUND = '我市0至3岁婴幼儿家庭普遍反映托育难、托育贵，社区托育服务点数量少、分布不均。';
const SUGGESTIONS = '一是将社区托育服务点纳入城市更新规划；二是给予建设和运营补贴；三是加强保育人员培训。';

async function pick(page: Page, label: string, option: string) {
  await chooseOption(page, label, option);
}

let id = 0;
let cosigner: ApiClient;

describe('提案：联名提案从撰写到再办理后满意', () => {
  it('委员在手机上撰写联名提案，看到相似提案，邀请附议后提交', async () => {
    cosigner = await apiLogin('member031');
    const page = await signInAndOpen('member030', '/proposals/new', { mobile: true });
    await page.getByRole('heading', { name: '撰写提案' }).waitFor();
    await page.getByText('联名提案', { exact: true }).click();
    await page.getByLabel('案由（标题）').fill(TITLE);
    await pick(page, '类别', '社会建设');
    await page.getByLabel('案据（情况与分析）').fill(BACKGROUND);
    await page.getByLabel('建议', { exact: true }).fill(SUGGESTIONS);
    // Checked before the co-signer picker opens: antd keeps its hidden option list in the page afterwards.
    await expectNoA11yViolations(page);
    const name = cosigner.me.account.displayName as string;
    await page.getByLabel('附议委员').fill(name);
    // Wait for the server's search result (the option shows sector and work unit) before choosing it.
    const option = page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: `${name}（` })
      .first();
    await option.waitFor();
    await page.waitForTimeout(400);
    await option.click();
    await page.locator('.ant-select-selection-item').filter({ hasText: name }).first().waitFor();
    await page.keyboard.press('Escape');
    await expectNoHorizontalOverflow(page);
    await shot(page, 'proposals-1-write-mobile');
    await page.getByRole('button', { name: '提交' }).click();
    await confirmDialog(page, '提交');
    await page.waitForURL(/\/proposals\/\d+$/);
    id = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByText('待附议').first().waitFor();
    await expectNoHorizontalOverflow(page);
    await shot(page, 'proposals-2-cosigning-mobile');
    expect(pageErrorsOf(page)).toEqual([]);
  });

  it('附议委员在手机上确认附议，提案送提案委', async () => {
    const page = await signInAndOpen('member031', `/proposals/${id}`, { mobile: true });
    await takeAction(page, '确认附议');
    await page.getByText('待预审').first().waitFor();
  });

  it('提案委预审、立案并交办给主办单位', async () => {
    const page = await signInAndOpen('proposal_staff', '/proposals');
    await page.getByRole('link', { name: TITLE }).first().click();
    await takeAction(page, '预审通过');
    await page.getByText('待审查').first().waitFor();
    await takeAction(page, '立案');
    await page
      .getByText(/六届一次会议第\d{4}号/)
      .first()
      .waitFor();
    await openActionDialog(page, '交办');
    await expectNoA11yViolations(page);
    await pick(page, '主办单位', '市发展和改革委员会');
    await shot(page, 'proposals-3-assign');
    await confirmDialog(page);
    await page.getByText('办理中').first().waitFor();
  });

  it('承办单位签收、记录办前面商并答复', async () => {
    const page = await signInAndOpen('unit01', '/proposals/inbox');
    await page.getByRole('link', { name: TITLE }).first().click();
    await takeAction(page, '签收');
    // The reply needs 办前面商 first: the dialog says so when it opens and asks for no text yet (issue 12).
    await openActionDialog(page, '答复提案');
    const dialog = page.locator('.ant-modal:visible').last();
    await dialog.getByTestId('prior-step').getByText('请先点「记录办前面商」').waitFor();
    expect(await dialog.getByLabel('答复内容').count()).toBe(0);
    await expectNoA11yViolations(page);
    await confirmDialog(page, '知道了');
    await openActionDialog(page, '记录办前面商');
    await pick(page, '面商方式', '当面座谈');
    await page.getByLabel('面商情况').fill('与两位提案人座谈，介绍托育工作计划');
    await confirmDialog(page);
    await openActionDialog(page, '答复提案');
    await page.getByText('A 类：已解决或采纳').click();
    // A reply typed, the dialog closed by mistake: opened again, the text is offered back.
    await page.getByLabel('答复内容').fill('我委已将社区托育服务点建设纳入年度民生实事');
    await confirmDialog(page, '取消');
    await openActionDialog(page, '答复提案');
    await page.getByRole('button', { name: '恢复这些内容' }).click();
    expect(await page.getByLabel('答复内容').inputValue()).toBe('我委已将社区托育服务点建设纳入年度民生实事');
    await page.getByLabel('答复内容').fill('我委已将社区托育服务点建设纳入年度民生实事，今年新建20个。');
    await confirmDialog(page);
    await page.getByText('答复待审核').first().waitFor();
    await shot(page, 'proposals-4-unit-replied');
  });

  it('提案委审核通过答复', async () => {
    const page = await signInAndOpen('proposal_staff', `/proposals/${id}`);
    await takeAction(page, '审核通过答复');
    await page.getByText('已答复待评价').first().waitFor();
  });

  it('委员在手机上评价不满意，进入再办理；第二轮答复后评价满意，办理完毕', async () => {
    const page = await signInAndOpen('member030', `/proposals/${id}`, { mobile: true });
    await page.getByText('我委已将社区托育服务点建设纳入年度民生实事').waitFor();
    await openActionDialog(page, '评价办理结果');
    await page.locator('#rating').getByText('不满意', { exact: true }).click();
    await page.getByLabel('意见（选择不满意时必填）').fill('进度不够快，希望明确时间表');
    await shot(page, 'proposals-5-rate-mobile');
    await confirmDialog(page);
    expect(
      (await cosigner.post(`/api/proposals/${id}/transitions`, { action: 'rate', rating: 'satisfied' })).status,
    ).toBe(200);
    await page.reload();
    await page.getByText('第 2 轮办理').first().waitFor();

    const unit = await apiLogin('unit01');
    const staff = await apiLogin('proposal_staff');
    const detail = (await staff.get(`/api/proposals/${id}`)).body;
    const a = detail.assignments[0].id;
    const today = beijingToday();
    for (const [who, body] of [
      [unit, { action: 'recordContact', way: '电话沟通', date: today }],
      [unit, { action: 'reply', outcomeClass: 'A', text: '已制定三年行动计划，明年底前实现街道全覆盖。' }],
      [staff, { action: 'approveReply' }],
    ] as const) {
      const res = await who.post(`/api/proposals/assignments/${a}/transitions`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    await page.reload();
    await openActionDialog(page, '评价办理结果');
    await page.locator('#rating').getByText('满意', { exact: true }).click();
    await confirmDialog(page);
    expect(
      (await cosigner.post(`/api/proposals/${id}/transitions`, { action: 'rate', rating: 'satisfied' })).status,
    ).toBe(200);
    await page.reload();
    await page.getByText('办理完毕').first().waitFor();
    await checkScreen(page, 'proposals-6-completed-mobile');
    expect(pageErrorsOf(page)).toEqual([]);
  });
});
