// 随手拍 end to end on a 375 px phone: a member photographs a broken manhole cover (a small PNG made here), types the
// place and files it as urgent → staff accept it and dispatch it to a unit (deadline in working days shown) → the
// unit answers with text and a photo of the result → the member sees the answer and confirms it (满意，已解决). Axe
// and no sideways scrolling on each screen.
import { describe, expect, it } from 'vitest';
import {
  checkScreen,
  chooseOption,
  confirmDialog,
  expectNoA11yViolations,
  openActionDialog,
  pageErrorsOf,
  signInAndOpen,
} from './browser.ts';

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
const TEXT = `幸福路口井盖破损，夜间行人容易踩空（${Date.now() % 100000}）`;

describe('随手拍：委员拍照提交 → 受理交办 → 单位答复 → 委员确认', () => {
  it('runs on a phone from the photo to the member confirming the result', async () => {
    const member = await signInAndOpen('member120', '/supervision/new', { mobile: true });
    await member.locator('input[type=file]').setInputFiles({ name: '井盖.png', mimeType: 'image/png', buffer: png });
    await member.getByRole('list', { name: '已上传的照片或视频' }).getByText('井盖.png').waitFor();
    await member.getByLabel('问题描述').fill(TEXT);
    await member.getByLabel('地点').fill('东城街道幸福路口');
    await member.getByRole('checkbox', { name: /紧急/ }).check();
    await checkScreen(member, 'snapshot-new-phone');
    await member.getByRole('button', { name: '提交', exact: true }).click();
    await member.waitForURL(/\/supervision\/\d+$/);
    await member.getByText('待审核').first().waitFor();
    await member.getByRole('img', { name: '井盖.png' }).waitFor();
    const id = Number(new URL(member.url()).pathname.split('/').pop());

    const staff = await signInAndOpen('office_staff', '/supervision?state=filed', { mobile: true });
    await staff.getByText(TEXT.slice(0, 20)).first().waitFor();
    await checkScreen(staff, 'snapshot-staff-list-phone');
    await staff.goto(`/supervision/${id}`);
    await openActionDialog(staff, '受理');
    await confirmDialog(staff);
    await staff.getByText('已受理').first().waitFor();
    await openActionDialog(staff, '交办');
    await chooseOption(staff, '承办单位', '市发展和改革委员会', '发展和改革');
    await expectNoA11yViolations(staff);
    await confirmDialog(staff);
    await staff.getByText('办理中').first().waitFor();
    await staff.getByText('答复期限').first().waitFor();
    await checkScreen(staff, 'snapshot-dispatched-phone');

    const unit = await signInAndOpen('unit01', '/supervision/unit', { mobile: true });
    await unit
      .getByRole('link', { name: TEXT.slice(0, 20) })
      .first()
      .click();
    const answer = await openActionDialog(unit, '答复');
    await answer.locator('input[type=file]').setInputFiles({ name: '已更换.png', mimeType: 'image/png', buffer: png });
    await answer.getByRole('list', { name: '已上传的照片或视频' }).getByText('已更换.png').waitFor();
    await answer.getByLabel('答复内容').fill('已更换新井盖并加固，现场已恢复通行。');
    await expectNoA11yViolations(unit);
    await confirmDialog(unit);
    await unit.getByText('已答复待确认').first().waitFor();
    await checkScreen(unit, 'snapshot-answered-phone');

    await member.goto('/supervision/mine');
    await member
      .getByRole('link', { name: TEXT.slice(0, 20) })
      .first()
      .click();
    await member.getByText('已更换新井盖并加固').first().waitFor();
    await member.getByRole('img', { name: '已更换.png' }).waitFor();
    await openActionDialog(member, '满意，已解决');
    await confirmDialog(member);
    await member.getByText('已办结').first().waitFor();
    await checkScreen(member, 'snapshot-confirmed-phone');
    expect([...pageErrorsOf(member), ...pageErrorsOf(staff), ...pageErrorsOf(unit)]).toEqual([]);
  });
});
