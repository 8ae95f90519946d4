// 民主监督 end to end: a supervision plan item (监督性视察 of a government body) → its event noticed, held with members
// and an official, minutes with agreed points recorded on the event page → a 监督报告 written from it in the browser,
// signed off and submitted (报送) → the handling unit signs for it and answers on a 375 px phone → the office rates the
// feedback and evaluates the report. Staff on a desktop, the unit on a phone; axe and no sideways scrolling.
import { describe, expect, it } from 'vitest';
import { type ApiClient, apiLogin, okBody } from './api.ts';
import {
  beijingToday,
  checkScreen,
  chooseOption,
  confirmDialog,
  expectNoA11yViolations,
  openActionDialog,
  pageErrorsOf,
  pickDate,
  shot,
  signInAndOpen,
} from './browser.ts';
import { handOverOutcome, officeEvaluatesOutcome, unitAnswersStep } from './outcome-steps.ts';

const YEAR = 2031;
const EVENT = '大气污染防治监督性视察（旅程）';
const REPORT = '关于大气污染防治工作的监督报告（旅程）';
const ANSWER = { adoption: '已开展工业源专项执法检查', measures: '关停整治违法排污企业 12 家' };
let office: ApiClient;
let eventId = 0;
let outcomeId = 0;

describe('民主监督：监督计划项目 → 视察举行并形成纪要 → 监督报告报送 → 单位手机反馈 → 评估', () => {
  it('监督计划项目的视察：办公室发出通知、举行、形成纪要和议定事项', async () => {
    office = await apiLogin('office_staff');
    const leader = await apiLogin('leader');
    const member = await apiLogin('member010');
    const planId = okBody(
      await office.post('/api/consultations/plans', {
        year: YEAR,
        kind: 'supervision',
        title: '民主监督工作计划',
        collectUntil: '2099-12-31',
      }),
    ).id;
    const itemId = okBody(
      await office.post(`/api/consultations/plans/${planId}/items`, {
        topic: '大气污染防治攻坚落实情况',
        kind: 'inspection',
        leadingLeader: '李副主席',
        counterpartBody: '市生态环境局',
        supervisedBody: '市生态环境局',
        supervisionForm: 'inspection',
        plannedMonth: 5,
      }),
    ).id;
    okBody(await office.post(`/api/consultations/plans/${planId}/actions`, { action: 'submit' }));
    okBody(await leader.post(`/api/consultations/plans/${planId}/actions`, { action: 'approve' }));
    okBody(
      await leader.post(`/api/consultations/plans/${planId}/actions`, {
        action: 'approve',
        date: `${YEAR}-02-10`,
        documentNumber: `示委办〔${YEAR}〕5号`,
      }),
    );
    const start = new Date(Date.now() + 20 * 86_400_000);
    eventId = okBody(
      await office.post('/api/consultations/events', {
        kind: 'inspection',
        title: EVENT,
        planItemId: itemId,
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 3 * 3_600_000).toISOString(),
        place: '市生态环境局及重点企业',
        counterpartBody: '市生态环境局',
        supervisedBody: '市生态环境局',
        supervisionForm: 'inspection',
      }),
    ).id;
    okBody(
      await office.post(`/api/consultations/events/${eventId}/participants`, {
        rule: 'members',
        memberIds: [member.me.account.memberId],
        guests: [{ kind: 'official', name: '周局长', organisation: '市生态环境局' }],
      }),
    );

    const page = await signInAndOpen('office_staff', `/consultations/events/${eventId}`);
    await page.getByText('市生态环境局（视察）').waitFor();
    await openActionDialog(page, '发出通知');
    await confirmDialog(page, '确定');
    await page.getByText('已发通知').first().waitFor();
    await openActionDialog(page, '会议已举行');
    await confirmDialog(page, '确定');
    await page.getByText('已举行').first().waitFor();
    let dialog = await openActionDialog(page, '形成纪要');
    await dialog.getByLabel('纪要').fill('视察组实地察看了重点企业的治污设施，听取了市生态环境局的情况汇报。');
    await dialog.getByLabel('议定事项').fill('请市生态环境局于三个月内报送整改情况。');
    // The page is lost before saving: what was typed is offered back when the dialog opens again, and gone once saved.
    await page.reload();
    dialog = await openActionDialog(page, '形成纪要');
    await dialog.getByTestId('draft-offer').getByRole('button', { name: '恢复这些内容' }).click();
    expect(await dialog.getByLabel('议定事项').inputValue()).toBe('请市生态环境局于三个月内报送整改情况。');
    await confirmDialog(page, '确定');
    await page.getByText('请市生态环境局于三个月内报送整改情况。').waitFor();
    const drafts = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('consultation-')));
    expect(drafts).toEqual([]);
    await page.getByRole('button', { name: '会议纪要（Word）' }).waitFor();
    await checkScreen(page, 'supervision-1-minutes');
    expect(pageErrorsOf(page)).toEqual([]);
  });

  it('办公室起草监督报告，领导签发后报送党委', async () => {
    const page = await signInAndOpen('office_staff', '/consultations/outcomes/new');
    await chooseOption(page, '成果类型', '监督报告');
    await page.getByLabel('标题').fill(REPORT);
    await page
      .getByLabel('正文')
      .fill('视察组认为，我市大气污染防治取得积极成效，但工业源治理仍有短板。建议加强执法监管。');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(/\/consultations\/outcomes\/\d+$/);
    outcomeId = Number(page.url().split('/').pop());
    okBody(await office.put(`/api/consultation-outcomes/${outcomeId}`, { ...draftOf(), eventId }));
    okBody(await office.post(`/api/consultation-outcomes/${outcomeId}/actions`, { action: 'sendForSignOff' }));
    okBody(
      await (await apiLogin('leader')).post(`/api/consultation-outcomes/${outcomeId}/actions`, { action: 'signOff' }),
    );
    await page.reload();
    const dialog = await openActionDialog(page, '报送');
    await dialog.getByLabel('党委').check();
    await pickDate(dialog, '报送日期', beijingToday());
    await confirmDialog(page, '报送');
    await page.getByText('已报送待交办').first().waitFor();
    await expectNoA11yViolations(page);
    await shot(page, 'supervision-2-report-submitted');
    const unit = await apiLogin('unit01');
    await handOverOutcome(office, outcomeId, unit.me.account.unitId);
    expect(pageErrorsOf(page)).toEqual([]);
  });

  unitAnswersStep(
    '承办单位在手机上签收监督报告并反馈',
    () => outcomeId,
    REPORT,
    ANSWER,
    'supervision-3-feedback-mobile',
  );

  it('办公室评估单位反馈和监督成效', async () => {
    const page = await officeEvaluatesOutcome(outcomeId, '市政府出台《工业源大气污染整治方案》');
    await expectNoA11yViolations(page);
    await shot(page, 'supervision-4-evaluated');
    const o = okBody(await office.get(`/api/consultation-outcomes/${outcomeId}`));
    expect([o.kind, o.eventId, o.units[0].adoptionLabel]).toEqual(['监督报告', eventId, '采纳']);
    expect(pageErrorsOf(page)).toEqual([]);
  });
});

function draftOf() {
  return {
    kind: '监督报告',
    title: REPORT,
    body: '视察组认为，我市大气污染防治取得积极成效，但工业源治理仍有短板。建议加强执法监管。',
  };
}
