// 社情民意 across two committees: a county member writes a report on a phone → the county liaison office accepts,
// edits and compiles it into an issue, issues it and forwards it to the city → the city liaison office accepts it,
// records the city's adoption and a provincial leader's instruction → the county office and the member see both.
import { describe, expect, it } from 'vitest';
import { apiLogin } from './api.ts';
import {
  checkScreen,
  chooseOption,
  confirmDialog,
  expectNoA11yViolations,
  expectNoHorizontalOverflow,
  loginAs,
  newPage,
  type Page,
  pageErrorsOf,
  shot,
  signInAndOpen,
} from './browser.ts';

const TITLE = '关于破解县城老旧小区加装电梯难题的建议';
const EDITED = '县城老旧小区加装电梯难题亟待破解';
const BODY =
  '县城2000年以前建成的老旧小区普遍没有电梯，老年人上下楼困难。加装电梯存在低层住户反对、资金分摊难、审批环节多等问题。\n建议：一是出台费用分摊指导意见；二是简化审批流程；三是设立专项补贴。';

async function pick(page: Page, label: string, option: string, search?: string) {
  await chooseOption(page, label, option, search);
  // The list closes after a choice; until then its option repeats the chosen text inside the dialog.
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
}

let countyReportId = 0;

describe('社情民意：县政协委员报送 → 县编报并报送市政协 → 市政协采用并记录省领导批示 → 县里看到', () => {
  it('县政协委员在手机上撰写并提交，看到字数和相似信息', async () => {
    const page = await signInAndOpen('county_member001', '/opinions/new', { mobile: true });
    await page.getByRole('heading', { name: '报送社情民意信息' }).waitFor();
    await page.getByLabel('标题').fill(TITLE);
    await pick(page, '类别', '城乡建设');
    await page.getByLabel('正文').fill(BODY);
    const counter = page.getByTestId('char-count');
    await expect.poll(() => counter.textContent()).toContain(`已写 ${BODY.replace(/\s/g, '').length} 字，最多 1500 字`);
    await checkScreen(page, 'opinions-1-write-mobile');
    await page.getByRole('button', { name: '提交' }).click();
    await page.waitForURL(/\/opinions\/\d+$/);
    countyReportId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByText('待筛选').first().waitFor();
    await page.getByText(BODY.slice(0, 20)).waitFor();
    await expectNoHorizontalOverflow(page);
    await shot(page, 'opinions-2-submitted-mobile');
    expect(pageErrorsOf(page)).toEqual([]);
  });

  it('县联络委采编留用、编辑加工、编入期刊、印发并报送市政协', async () => {
    const page = await signInAndOpen('county_liaison_staff', '/opinions/queue');
    await page.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(`**/opinions/${countyReportId}`);
    await page.getByRole('button', { name: '采编留用' }).click();
    await confirmDialog(page);
    await page.getByText('拟编报').first().waitFor();
    await page.getByRole('button', { name: '编辑加工' }).click();
    const editor = page.getByRole('dialog');
    await editor.getByLabel('编辑后标题').fill(EDITED);
    await confirmDialog(page);
    await page.getByText('原稿', { exact: true }).waitFor();
    await page.getByText('编辑稿', { exact: true }).waitFor();
    await shot(page, 'opinions-3-county-edited-desktop');

    await page.goto('/opinions/issues');
    await page.getByRole('button', { name: '新建一期' }).click();
    await page.waitForURL(/\/opinions\/issues\/\d+$/);
    await page.getByRole('checkbox', { name: new RegExp(TITLE) }).check();
    await page.getByRole('button', { name: /编入本期/ }).click();
    await page.getByText(`1. ${EDITED}`).waitFor();
    await expectNoA11yViolations(page);
    await shot(page, 'opinions-4-issue-desktop');
    await page.getByRole('button', { name: '印发' }).click();
    await confirmDialog(page);
    await page.getByRole('button', { name: '报送本期' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByRole('checkbox', { name: /上级政协/ }).isChecked()).toBe(true);
    await confirmDialog(page, '报送');
    await page.getByText('已报送：示例市政协').waitFor();
    expect(pageErrorsOf(page)).toEqual([]);
  });

  it('市政协联络处在自己的筛选队列里看到来自下级政协的信息，采用并记录省领导批示', async () => {
    const liaison = await apiLogin('liaison_staff');
    const provincial = async () =>
      (await liaison.get('/api/opinions/figures')).body.instructions.find((l: any) => l.level === 'province')?.count ??
      0;
    const before = await provincial();
    const page = await signInAndOpen('liaison_staff', '/opinions/queue');
    await page.getByText('来自下级政协').first().waitFor();
    await page.getByRole('link', { name: EDITED }).click();
    await page.getByText('来自下级政协：示例县政协').waitFor();
    await page.getByRole('button', { name: '采编留用' }).click();
    await confirmDialog(page);
    await page.getByRole('button', { name: '记录采用' }).click();
    await confirmDialog(page);
    await page.getByText('市级采用').waitFor();
    await page.getByRole('button', { name: '记录批示' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('批示领导').fill('李华');
    await dialog.getByLabel('领导职务').fill('副省长');
    await pick(page, '级别', '省级');
    await dialog.getByLabel('批示内容').fill('请省住建厅会同有关部门研究，提出加装电梯的支持政策。');
    expect(await dialog.getByText('省级', { exact: true }).count()).toBe(1);
    await confirmDialog(page);
    await page.getByText('省级领导批示').waitFor();
    await expectNoA11yViolations(page);
    await shot(page, 'opinions-5-city-adopted-desktop');

    await page.goto('/opinions/queue?state=all&fromLower=true');
    await page.getByRole('link', { name: EDITED }).waitFor();
    await expectNoA11yViolations(page);
    await shot(page, 'opinions-5b-city-queue-desktop');
    await page.goto('/opinions/figures');
    // The demo already holds the year's other reports: the sentence is the figures' own, with one more instruction.
    expect(await provincial()).toBe(before + 1);
    const { sentence } = (await liaison.get('/api/opinions/figures')).body;
    expect(sentence).toMatch(/^全年报送社情民意信息\d+条，省政府领导批示\d+条/);
    await expect.poll(() => page.getByTestId('annual-sentence').textContent()).toBe(sentence);
    await expectNoA11yViolations(page);
    await shot(page, 'opinions-5c-city-figures-desktop');
    expect(pageErrorsOf(page)).toEqual([]);
  });

  it('县联络委和委员看到市级采用和省领导批示（委员在手机上）', async () => {
    const staff = await newPage();
    await loginAs(staff, 'county_liaison_staff').catch(async (err) => {
      await shot(staff, 'opinions-failed-login');
      throw err;
    });
    await staff.goto(`/opinions/${countyReportId}`);
    await staff.getByText('市级采用').waitFor();
    await staff.getByText('示例市政协回传').first().waitFor();
    await staff.getByText('请省住建厅会同有关部门研究').waitFor();
    await shot(staff, 'opinions-6-county-sees-desktop');

    const member = await signInAndOpen('county_member001', '/opinions/mine', { mobile: true });
    await member.getByText('市级采用').waitFor();
    await member.getByText('省级领导批示').waitFor();
    await checkScreen(member, 'opinions-7-member-mine-mobile');
    await member.getByRole('link', { name: TITLE }).click();
    await member.getByText('副省长李华').waitFor();
    await member.getByText('请省住建厅会同有关部门研究').waitFor();
    await expectNoHorizontalOverflow(member);
    await shot(member, 'opinions-8-member-detail-mobile');
    await member.goto('/notifications');
    await member
      .getByText(/被示例市政协采用/)
      .first()
      .waitFor();
    expect(pageErrorsOf(member)).toEqual([]);
  });

  it('市政协转办给承办单位，单位在手机上回复，审核通过后可见', async () => {
    const staff = await signInAndOpen('liaison_staff', '/opinions/queue?state=all&fromLower=true');
    await staff.getByRole('link', { name: EDITED }).click();
    await staff.getByRole('button', { name: '转办' }).click();
    await pick(staff, '承办单位', '市住房和城乡建设局', '住房');
    await confirmDialog(staff);
    await staff.getByText('市住房和城乡建设局（待办复）').waitFor();

    const unit = await signInAndOpen('unit13', '/opinions/unit', { mobile: true });
    await unit.getByText(EDITED).waitFor();
    await unit.getByLabel('办理回复').fill('我局已起草加装电梯费用分摊指导意见，年内出台。');
    await checkScreen(unit, 'opinions-9-unit-respond-mobile');
    await unit.getByRole('button', { name: '提交回复' }).click();
    await unit.getByText('没有这一类的转办信息').waitFor();

    await staff.reload();
    await staff.getByRole('button', { name: '审核通过（报送人可见）' }).click();
    await staff.getByText('市住房和城乡建设局（已办复）').waitFor();
    await staff.getByText('我局已起草加装电梯费用分摊指导意见').waitFor();
    await shot(staff, 'opinions-10-response-approved-desktop');
    expect(pageErrorsOf(unit)).toEqual([]);
    expect(pageErrorsOf(staff)).toEqual([]);
  });
});
