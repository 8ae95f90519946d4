// Steps a consultation outcome (协商成果) and a supervision report (监督报告) share once submitted: the office hands it
// over to a unit, the unit signs for it and answers on a phone, the office rates the answer and evaluates the outcome.
// Each journey calls them with its own texts and then checks what is its own.
import { expect, it } from 'vitest';
import { type ApiClient, okBody } from './api.ts';
import { checkScreen, confirmDialog, openActionDialog, type Page, pageErrorsOf, signInAndOpen } from './browser.ts';

/** The office (through the API) hands outcome `id` over to the unit `unitId` for its answer. */
export async function handOverOutcome(office: ApiClient, id: number, unitId: number): Promise<void> {
  okBody(
    await office.post(`/api/consultation-outcomes/${id}/actions`, { action: 'handOver', data: { unitIds: [unitId] } }),
  );
}

/**
 * The handling unit (unit01) finds outcome `id` by its `title` in its list on a 375 px phone, signs for it and sends its
 * `adoption` (采纳吸收情况) and `measures` (落实措施); checks the page (no sideways scrolling, axe) and saves `shotName`.
 * Returns the phone page.
 */
export async function unitSignsAndAnswers(
  id: number,
  title: string,
  answer: { adoption: string; measures: string },
  shotName: string,
): Promise<Page> {
  const page = await signInAndOpen('unit01', '/consultations/outcomes/unit', { mobile: true });
  await page.getByRole('link', { name: title }).click();
  await page.waitForURL(`**/consultations/outcomes/${id}`);
  await openActionDialog(page, '签收');
  await confirmDialog(page, '签收');
  const dialog = await openActionDialog(page, '提交反馈');
  await dialog.getByLabel('采纳吸收情况').fill(answer.adoption);
  await dialog.getByLabel('落实措施').fill(answer.measures);
  await confirmDialog(page, '提交反馈');
  await page.getByText('已反馈待评估').first().waitFor();
  await checkScreen(page, shotName);
  return page;
}

/**
 * The journey's step `name` (an `it`) in which the unit answers on its phone (unitSignsAndAnswers) on the outcome
 * `idOf()` (read when the step runs, after the earlier steps made it) and the page raised no errors.
 * Usage: `unitAnswersStep('承办单位在手机上签收并反馈', () => id, TITLE, ANSWER, 'outcomes-2-feedback-mobile');`
 */
export function unitAnswersStep(
  name: string,
  idOf: () => number,
  title: string,
  answer: { adoption: string; measures: string },
  shotName: string,
): void {
  it(name, async () => {
    const page = await unitSignsAndAnswers(idOf(), title, answer, shotName);
    expect(pageErrorsOf(page)).toEqual([]);
  });
}

/**
 * The office (office_staff, desktop) rates the unit's answer on outcome `id` 采纳 and evaluates the outcome as turned
 * into a 政策文件 with `transformation` (转化情况), until the page shows 已评估. Returns the page for the journey's own checks.
 */
export async function officeEvaluatesOutcome(id: number, transformation: string): Promise<Page> {
  const page = await signInAndOpen('office_staff', `/consultations/outcomes/${id}`);
  let dialog = await openActionDialog(page, '评估反馈');
  await dialog.getByLabel('采纳', { exact: true }).check();
  await confirmDialog(page, '评估反馈');
  dialog = await openActionDialog(page, '评估');
  await dialog.getByLabel('政策文件').check();
  await dialog.getByLabel('转化情况').fill(transformation);
  await confirmDialog(page, '评估');
  await page.getByText('已评估').first().waitFor();
  return page;
}
