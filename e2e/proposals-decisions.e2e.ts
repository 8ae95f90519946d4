// 提案委的决定与督办: a rejection with a published ground (the proposer sees which and why), a merge (both proposers
// follow the main proposal), a unit's return request approved and reassigned, and a key proposal with its leaders
// and a supervision visit. Data is prepared through the API; each decision is taken in the browser.
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
  pickDate,
  shot,
  signInAndOpen,
} from './browser.ts';

const TEXT = {
  background: '近年来相关问题较为突出，群众反映强烈，需要统筹解决。',
  suggestions: '一是完善制度；二是加大投入；三是加强督促检查。',
  category: '社会建设',
};

/** Chooses an option of a searchable select: typing narrows antd's virtual list so the option is rendered. */
async function pickIn(page: Page, label: string, option: string, search = true) {
  await chooseOption(page, label, option, search ? option : undefined);
}

async function file(member: ApiClient, staff: ApiClient, title: string, register = false): Promise<number> {
  const res = await member.post('/api/proposals', { title, ...TEXT, submit: true });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const id = res.body.id as number;
  expect((await staff.post(`/api/proposals/${id}/transitions`, { action: 'preApprove' })).status).toBe(200);
  if (register) expect((await staff.post(`/api/proposals/${id}/transitions`, { action: 'register' })).status).toBe(200);
  return id;
}

let staff: ApiClient;

describe('提案委的决定与督办', () => {
  it('不予立案：选择公布的理由，提案人在手机上看到理由和说明', async () => {
    staff = await apiLogin('proposal_staff');
    const member = await apiLogin('member040');
    const id = await file(member, staff, '关于推广本人公司新产品的建议');
    const page = await signInAndOpen('proposal_staff', `/proposals/${id}`);
    await openActionDialog(page, '不予立案');
    await expectNoA11yViolations(page);
    await pickIn(page, '不予立案理由', '宣传推介作品、产品');
    await page.getByLabel('说明（将告知提案人）').fill('属于推介企业产品，不符合提案范围。');
    await confirmDialog(page);
    await page.getByText('不予立案：宣传推介作品、产品').waitFor();

    const phone = await signInAndOpen('member040', `/proposals/${id}`, { mobile: true });
    await phone.getByText('不予立案：宣传推介作品、产品').waitFor();
    await phone.getByText('属于推介企业产品，不符合提案范围。').first().waitFor();
    await checkScreen(phone, 'proposals-reject-mobile');
  });

  it('并案：从相似提案中选择并入的提案，两位提案人都能跟踪主提案', async () => {
    const a = await apiLogin('member041');
    const b = await apiLogin('member042');
    const main = await file(a, staff, '关于加强中心城区停车设施建设的建议', true);
    const other = await file(b, staff, '关于缓解中心城区停车难问题的建议');
    const page = await signInAndOpen('proposal_staff', `/proposals/${other}`);
    await openActionDialog(page, '并案');
    await pickIn(page, '并入的提案', '关于加强中心城区停车设施建设的建议');
    await confirmDialog(page);
    await page.getByText('已并入提案').waitFor();
    await page.goto(`/proposals/${main}`);
    await page.getByRole('link', { name: /关于缓解中心城区停车难问题的建议/ }).waitFor();
    await shot(page, 'proposals-merge');
    // The merged proposal's author follows the main proposal.
    expect((await b.get(`/api/proposals/${main}`)).status).toBe(200);
    expect(pageErrorsOf(page)).toEqual([]);
  });

  it('承办单位申请退回，提案委同意并改交其他单位', async () => {
    const member = await apiLogin('member043');
    const id = await file(member, staff, '关于规范城市道路开挖管理的建议', true);
    const unit3 = await apiLogin('unit03');
    expect(
      (
        await staff.post(`/api/proposals/${id}/transitions`, {
          action: 'assign',
          mode: 'lead',
          leadUnitId: unit3.me.account.unitId,
        })
      ).status,
    ).toBe(200);
    const unitPage = await signInAndOpen('unit03', '/proposals/inbox');
    await unitPage.getByRole('link', { name: '关于规范城市道路开挖管理的建议' }).click();
    await openActionDialog(unitPage, '申请退回');
    await unitPage.getByLabel('申请退回的理由').fill('道路开挖审批不属于本单位职责，建议交市住房和城乡建设局。');
    await confirmDialog(unitPage);
    await unitPage.getByText('申请退回', { exact: true }).first().waitFor();

    const page = await signInAndOpen('proposal_staff', '/proposals?queue=unitRequests');
    await page.getByRole('link', { name: '关于规范城市道路开挖管理的建议' }).click();
    await openActionDialog(page, '同意退回并改交');
    await pickIn(page, '改交单位', '市住房和城乡建设局');
    await confirmDialog(page);
    await page.getByText('已退回').first().waitFor();
    await page.getByText('市住房和城乡建设局').first().waitFor();
    await shot(page, 'proposals-return');
  });

  it('重点提案：领导列为重点，指定领办和督办领导，记录督办视察', async () => {
    const member = await apiLogin('member044');
    const id = await file(member, staff, '关于推进老旧小区改造提质增效的建议', true);
    const page = await signInAndOpen('leader', `/proposals/${id}`);
    await page.getByRole('button', { name: '列为重点' }).click();
    await page.getByLabel('领办的政府领导').fill('副市长 王强');
    await page.getByLabel('督办的政协领导').fill('副主席 李明');
    await confirmDialog(page, '保存');
    await page.getByText('副市长 王强').waitFor();
    await page.getByRole('button', { name: '记录督办' }).click();
    await pickIn(page, '类型', '督办视察', false);
    await pickDate(page, '日期', beijingToday());
    await page.getByLabel('内容').fill('督办组赴三个小区实地查看改造进展');
    await confirmDialog(page, '保存');
    await page.getByText('督办组赴三个小区实地查看改造进展').waitFor();
    await expectNoA11yViolations(page);
    await shot(page, 'proposals-key');
    await page.goto('/proposals/key');
    await page.getByRole('link', { name: '关于推进老旧小区改造提质增效的建议' }).waitFor();
    const phone = await signInAndOpen('leader', '/proposals/key', { mobile: true });
    await phone.getByRole('link', { name: '关于推进老旧小区改造提质增效的建议' }).waitFor();
    await expectNoHorizontalOverflow(phone);
    await shot(phone, 'proposals-key-list-mobile');
  });
});
