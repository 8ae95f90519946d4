// 导入委员名册 journey: office staff download the template, upload a roster with one bad row, read the row/column
// message, import only the valid rows, and find the new members in the list.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { expectNoA11yViolations, shot, signInAndOpen } from './browser.ts';

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function validId(birth: string, seq: number) {
  const body = `320102${birth}${String(seq).padStart(3, '0')}`;
  const sum = body.split('').reduce((s, d, i) => s + Number(d) * W[i], 0);
  return body + '10X98765432'[sum % 11];
}

describe('导入委员名册', () => {
  it('下载模板，上传含一行错误的名册，看到行列提示，只导入无误的行并在列表中找到', async () => {
    const page = await signInAndOpen('office_staff', '/org/members');
    await page.getByRole('button', { name: '导入名册' }).click();
    const dialog = page.getByRole('dialog', { name: '导入委员名册' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: '下载导入模板' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('委员名册导入模板.xlsx');
    const templatePath = await download.path();

    // Fill the downloaded template: replace the example with two good rows and one with a wrong check digit.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(templatePath) as any);
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as any[]).slice(1, 4)).toEqual(['姓名', '性别', '民族']);
    ws.spliceRows(2, 1);
    const good1 = validId('19760418', 501);
    const good2 = validId('19850909', 502);
    const bad = `${validId('19900101', 503).slice(0, 17)}${validId('19900101', 503).endsWith('1') ? '2' : '1'}`;
    ws.addRow([
      '欧阳启航',
      '男',
      '汉族',
      '1976-04-18',
      '群众',
      '经济界',
      '经济委员会',
      '',
      '示例市航运公司总经理',
      '13600001234',
      good1,
      '否',
    ]);
    ws.addRow(['司马清扬', '女', '汉族', '1990-01-01', '群众', '教育界', '', '', '示例市第三中学教师', '', bad, '否']);
    ws.addRow([
      '上官文澜',
      '女',
      '满族',
      '1985-09-09',
      '群众',
      '文化艺术界',
      '',
      '',
      '示例市图书馆馆长',
      '',
      good2,
      '否',
    ]);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());

    await dialog.locator('input[type=file]').setInputFiles({
      name: '新委员名册.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
    await dialog.getByRole('button', { name: '开始导入' }).click();
    await dialog.getByText(/^第 3 行「身份证号」：读到 .+，校验位不正确$/).waitFor();
    await dialog.getByText('未导入任何数据').waitFor();
    await shot(page, 'org-import-errors-desktop');
    await expectNoA11yViolations(page);

    await dialog.getByRole('button', { name: /只导入无误的行（2 行）/ }).click();
    await dialog.getByText('导入完成').waitFor();
    expect(await dialog.locator('.ant-statistic').first().innerText()).toContain('2');
    await shot(page, 'org-import-done-desktop');
    await dialog.getByRole('button', { name: '完成' }).click();

    await page.getByRole('searchbox', { name: '搜索委员' }).fill('欧阳启航');
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await page.getByRole('button', { name: '欧阳启航', exact: true }).waitFor();
    await page.getByRole('searchbox', { name: '搜索委员' }).fill('图书馆');
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await page.getByRole('button', { name: '上官文澜', exact: true }).waitFor();
    await page.getByRole('searchbox', { name: '搜索委员' }).fill('司马清扬');
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await page.getByText('暂无数据').first().waitFor();
  });

  it('在手机上导入向导也能完整显示', async () => {
    const page = await signInAndOpen('office_staff', '/org/members', { mobile: true });
    await page.getByRole('button', { name: '导入名册' }).click();
    await page.getByRole('dialog', { name: '导入委员名册' }).getByRole('button', { name: '下载导入模板' }).waitFor();
    await shot(page, 'org-import-mobile');
    await expectNoA11yViolations(page);
  });
});
