// 专委会月汇报: the special committee's staff open their workspace, generate this month's report draft (it shows the
// month's facts: the meeting held and the members checked in), edit it and submit it; a leader comments and exports it
// as Word; the workspace and the report on a 375 px phone.
import { describe, expect, it } from 'vitest';
import { apiLogin } from './api.ts';
import { beijingToday, checkScreen, pageErrorsOf, shot, signInAndOpen } from './browser.ts';

const MEETING = `民营经济发展专题座谈会（旅程${Date.now() % 100000}）`;
const COMMENT = '调研要聚焦中小企业融资难题，形成高质量报告。';
const month = beijingToday().slice(0, 7);
const monthText = `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

describe('专委会月汇报：生成草稿、修改提交、领导批注、导出Word', () => {
  it('专委会工作人员生成本月月汇报并提交，领导批注并导出', async () => {
    const staff = await apiLogin('special_staff');
    const units = await staff.get('/api/workspace');
    const econ = units.body.specialCommittees[0];
    expect(econ.name).toBe('经济委员会');
    const w = await staff.get(`/api/workspace/special-committees/${econ.id}`);
    const ids = w.body.members.slice(0, 3).map((m: any) => m.id);
    const start = new Date(`${beijingToday()}T00:01:00+08:00`);
    const meeting = await staff.post('/api/meetings', {
      kind: 'specialCommittee',
      specialCommitteeId: econ.id,
      title: MEETING,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3 * 3600_000).toISOString(),
      place: '第二会议室',
      invite: { rule: 'members', memberIds: ids },
    });
    expect(meeting.status, JSON.stringify(meeting.body)).toBe(200);
    for (const id of ids.slice(0, 2))
      expect((await staff.post(`/api/meetings/${meeting.body.id}/attendance/${id}`, { present: true })).status).toBe(
        200,
      );

    const page = await signInAndOpen('special_staff', '/workspace');
    await page.getByRole('link', { name: /经济委员会/ }).click();
    await page.getByText('一委一品').first().waitFor();
    await page.getByText(MEETING).waitFor();
    await page.getByRole('link', { name: '月汇报' }).click();
    await page.waitForURL('**/workspace/reports');
    const monthBox = page.getByLabel('月份');
    await monthBox.click();
    await monthBox.fill(month);
    // Enter takes the typed month and, in the form, also submits it (生成草稿); the button when it did not.
    await monthBox.press('Enter');
    const created = /\/workspace\/reports\/\d+$/;
    await page
      .waitForURL(created, { timeout: 5000 })
      .catch(() => page.getByRole('button', { name: '生成草稿' }).click());
    await page.waitForURL(created);
    const reportUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: `经济委员会${monthText}工作汇报` }).waitFor();
    await page.getByText(`${MEETING}（会议，委员参加 2 人）`).waitFor();
    const body = page.getByLabel('正文（可在生成的草稿上修改）');
    await expect.poll(() => body.inputValue()).toContain(`${MEETING}（会议，委员参加2人）`);
    await body.fill(`${await body.inputValue()}\n下月开展民营企业融资专题调研。`);
    await shot(page, 'workspace-report-draft');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.getByRole('button', { name: '确定' }).click();
    await page.getByText('已提交', { exact: true }).first().waitFor();
    expect(pageErrorsOf(page)).toEqual([]);

    const chair = await signInAndOpen('leader', reportUrl);
    await chair.getByText('下月开展民营企业融资专题调研。').waitFor();
    await chair.getByRole('button', { name: '批注' }).click();
    await chair.getByLabel('批注意见').fill(COMMENT);
    await chair.getByRole('button', { name: '确定' }).click();
    await chair.getByText(COMMENT).waitFor();
    await chair.getByText('已批阅').first().waitFor();
    const [download] = await Promise.all([
      chair.waitForEvent('download'),
      chair.getByRole('button', { name: '导出Word' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`经济委员会${monthText}工作汇报.docx`);
    await shot(chair, 'workspace-report-commented');
    expect(pageErrorsOf(chair)).toEqual([]);

    const phone = await signInAndOpen('special_staff', `/workspace/special-committees/${econ.id}`, { mobile: true });
    await phone.getByText(MEETING).waitFor();
    await checkScreen(phone);
    await phone.goto(reportUrl);
    await phone.getByText(COMMENT).waitFor();
    await checkScreen(phone, 'workspace-report-phone');
    expect(pageErrorsOf(phone)).toEqual([]);
  });
});
