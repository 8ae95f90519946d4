// 协商成果 followed to its effect: the office records a leader's instruction on a submitted outcome → the handling unit
// signs for it and sends its feedback on a 375 px phone → the office rates the feedback and evaluates the outcome with
// its transformation → 回头看 reopens a round for the unit.
import { describe, expect, it } from 'vitest';
import { apiLogin } from './api.ts';
import {
  chooseOption,
  confirmDialog,
  expectNoA11yViolations,
  openActionDialog,
  pageErrorsOf,
  pickDate,
  shot,
  signInAndOpen,
} from './browser.ts';
import { officeEvaluatesOutcome, unitAnswersStep } from './outcome-steps.ts';

const TITLE = '关于推进城乡养老服务一体化的建议案（旅程）';
const ANSWER = { adoption: '已纳入年度民生实事项目', measures: '新建街道养老服务中心 3 个' };

let id = 0;

describe('协商成果：报送并记录批示 → 单位手机反馈 → 评估 → 回头看', () => {
  it('办公室在已报送的成果上记录领导批示并交办', async () => {
    const office = await apiLogin('office_staff');
    const leader = await apiLogin('leader');
    const unit = await apiLogin('unit01');
    id = (
      await office.post('/api/consultation-outcomes', {
        kind: '建议案',
        title: TITLE,
        body: '建议统筹城乡养老服务设施布局。',
      })
    ).body.id;
    await office.post(`/api/consultation-outcomes/${id}/actions`, { action: 'sendForSignOff' });
    expect((await leader.post(`/api/consultation-outcomes/${id}/actions`, { action: 'signOff' })).status).toBe(200);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    await office.post(`/api/consultation-outcomes/${id}/actions`, {
      action: 'submit',
      data: { submittedTo: ['party'], submittedOn: today },
    });

    const page = await signInAndOpen('office_staff', `/consultations/outcomes/${id}`);
    await page.getByText('已报送待交办').first().waitFor();
    const dialog = await openActionDialog(page, '记录领导批示');
    await dialog.getByLabel('批示领导').fill('张书记');
    await dialog.getByLabel('党委').check();
    await dialog.getByLabel('市级').check();
    await pickDate(dialog, '批示日期', today);
    await dialog.getByLabel('批示内容').fill('请市民政局牵头研究落实。');
    await confirmDialog(page, '记录领导批示');
    await page.getByText('请市民政局牵头研究落实。').waitFor();
    await expectNoA11yViolations(page);
    await shot(page, 'outcomes-1-instruction');
    // 交办 in the dialog: the unit picker hands the chosen unit to the form (it once dropped the choice, stop 29).
    const units = (await office.get('/api/org/units?pageSize=500')).body.items as { id: number; name: string }[];
    const unitName = units.find((u) => u.id === unit.me.account.unitId)!.name;
    await openActionDialog(page, '交办');
    await chooseOption(page, '办理单位', unitName, unitName.slice(0, 4));
    await confirmDialog(page, '交办');
    await expect.poll(async () => (await office.get(`/api/consultation-outcomes/${id}`)).body.state).toBe('handling');
    expect(pageErrorsOf(page)).toEqual([]);
  });

  unitAnswersStep('承办单位在手机上签收并反馈', () => id, TITLE, ANSWER, 'outcomes-2-feedback-mobile');

  it('办公室评估反馈和成果转化，再启动回头看', async () => {
    const page = await officeEvaluatesOutcome(id, '出台《养老服务设施布局实施方案》');
    await openActionDialog(page, '回头看');
    await confirmDialog(page, '回头看');
    await page.getByText('（回头看第 1 轮）').waitFor();
    await shot(page, 'outcomes-3-review');
    expect(pageErrorsOf(page)).toEqual([]);
  });
});
