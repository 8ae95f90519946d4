// 委员学习: the office uploads a study material and publishes it on its desk → a member on a 375 px phone opens it from
// 委员学习, marks it learnt, writes a reflection (心得) and submits it → the office accepts it → the member sees 已通过.
import { describe, expect, it } from 'vitest';
import { apiLogin } from './api.ts';
import {
  chooseOption,
  expectNoA11yViolations,
  expectNoHorizontalOverflow,
  loginAs,
  newPage,
  pageErrorsOf,
  shot,
} from './browser.ts';

const TITLE = `政协委员履职读本（旅程${Date.now() % 100000}）`;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('委员学习：发布资料 → 委员学完并写心得 → 审核通过', () => {
  it('办公室在学习管理页上传并发布资料', async () => {
    const page = await newPage();
    await loginAs(page, 'office_staff');
    await page.goto('/learning/manage');
    await page.getByLabel('资料名称').fill(TITLE);
    await chooseOption(page, '资料类型', 'PDF');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: '履职读本.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByText('已上传：履职读本.pdf').waitFor();
    await page.getByRole('button', { name: '保存为草稿' }).click();
    const row = page.getByRole('row', { name: new RegExp(TITLE) });
    await row.getByRole('button', { name: '发布' }).click();
    await row.getByText('已发布').waitFor();
    await shot(page, 'learning-manage');
    expect(pageErrorsOf(page)).toEqual([]);
  });

  it('委员在手机上学完资料并提交心得，审核通过后看到结果', async () => {
    const phone = await newPage({ mobile: true });
    await loginAs(phone, 'member077');
    await phone.goto('/learning');
    await phone.getByRole('link', { name: TITLE }).click();
    await phone.getByRole('button', { name: '我已学完' }).click();
    await phone.getByText('已学完').first().waitFor();
    await phone.getByLabel('心得内容').fill('通过学习履职读本，我对提案、社情民意信息的撰写要求有了更清楚的认识。');
    await shot(phone, 'learning-material-phone');
    await expectNoHorizontalOverflow(phone);
    await expectNoA11yViolations(phone);
    await phone.getByRole('button', { name: '提交心得' }).click();
    await phone.getByText('待审核', { exact: true }).waitFor();
    const id = Number(new URL(phone.url()).pathname.split('/').pop());

    const office = await apiLogin('office_staff');
    const r = await office.post(`/api/learning/reflections/${id}/actions`, { action: 'accept' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    await phone.reload();
    await phone.getByText('已通过').waitFor();
    await phone.getByText('审核通过').waitFor();
    await expectNoHorizontalOverflow(phone);
    await shot(phone, 'learning-reflection-accepted-phone');
    expect(pageErrorsOf(phone)).toEqual([]);
  });
});
