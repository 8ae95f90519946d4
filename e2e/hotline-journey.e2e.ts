// 12345 热线 → 每月一题: office staff download the import template, upload a file made here with exceljs (one bad row),
// read the preview's row/column message, import the good rows, find the recurring matter of the month and take it up
// as a room's topic; on a 375 px phone the matters and the case list fit the screen (axe clean, no overflow).
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { apiLogin } from './api.ts';
import {
  checkScreen,
  chooseOption,
  expectNoA11yViolations,
  pageErrorsOf,
  pickDate,
  shot,
  signInAndOpen,
} from './browser.ts';

const RUN = String(Date.now() % 1_000_000);
// An area of this run only, so a rerun on the same server finds its own matter.
const AREA = `旅程${RUN}街道`;
const ROOM = `${AREA}协商议事室`;
const MONTH = '2024-05';

describe('12345 热线：导入工单 → 反复出现的诉求 → 立为议事室议题', () => {
  it('工作人员下载模板、导入工单，并将反复出现的诉求立为议事室议题', async () => {
    const office = await apiLogin('office_staff');
    const room = await office.post('/api/grassroots/rooms', { name: ROOM, township: AREA, firstConvener: '钱书记' });
    expect(room.status, JSON.stringify(room.body)).toBe(200);

    const page = await signInAndOpen('office_staff', '/grassroots/hotline');
    await page.getByRole('button', { name: '导入工单' }).click();
    const dialog = page.getByRole('dialog', { name: '导入热线工单' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: '下载导入模板' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('热线工单导入模板.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(await download.path()) as any);
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as string[]).slice(1)).toEqual([
      '工单编号',
      '受理日期',
      '区域/街道',
      '类别',
      '诉求内容',
      '办理状态',
    ]);
    ws.spliceRows(2, 1);
    ws.addRow([`E${RUN}-1`, '2024-05-06', AREA, '市容环境', '南门夜市摊贩占道经营，消防通道被堵。', '已办结']);
    ws.addRow([`E${RUN}-2`, '2024-05-13', AREA, '市容环境', '南门夜市占道经营严重，晚上车辆无法通行。', '办理中']);
    ws.addRow([`E${RUN}-3`, '2024-05-20', AREA, '市容环境', '反映南门夜市周边摊贩占道经营，请求整治。', '办理中']);
    ws.addRow([`E${RUN}-4`, '2024-05-21', AREA, '供水', '和平小区连续三天水压不足。', '已办结']);
    ws.addRow([`E${RUN}-5`, '2024-02-30', AREA, '供水', '和平小区停水。', '已办结']);
    await dialog.locator('input[type=file]').setInputFiles({
      name: '五月工单.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    });
    await dialog.getByRole('button', { name: '检查文件' }).click();
    await dialog.getByText('第 6 行「受理日期」：读到 "2024-02-30"，不是有效日期（如 2026-03-05）').waitFor();
    await shot(page, 'hotline-preview-desktop');
    await expectNoA11yViolations(page);
    await dialog.getByRole('button', { name: /导入无误的行（4 行）/ }).click();
    await dialog.getByText('新增 4 件，更新 0 件，无变化 0 件').waitFor();
    await dialog.getByRole('button', { name: '完成' }).click();

    await pickDate(page, '月份', MONTH);
    const card = page.locator('.ant-card').filter({ hasText: `${AREA}：` });
    await card.getByText('3 件', { exact: true }).waitFor();
    await expectNoA11yViolations(page);
    await card.getByRole('button', { name: '立为议题' }).click();
    const takeUp = page.getByRole('dialog', { name: '立为议事室议题（每月一题）' });
    await takeUp.getByText(`关联工单 3 件：E${RUN}-1、E${RUN}-2、E${RUN}-3`).waitFor();
    await chooseOption(page, '协商议事室', ROOM);
    await takeUp.getByLabel('议题').fill(`${AREA}南门夜市占道经营问题`);
    await takeUp.getByRole('button', { name: '立为议题' }).click();
    await page.getByText('已立为议事室议题').waitFor();
    await card.getByText('已立题 3 件').waitFor();
    await shot(page, 'hotline-taken-up-desktop');

    const topics = await office.get(`/api/grassroots/topics?roomId=${room.body.id}&source=hotline`);
    expect(topics.body.items.map((t: any) => [t.title, t.stateLabel])).toEqual([
      [`${AREA}南门夜市占道经营问题`, '已受理'],
    ]);
    expect(pageErrorsOf(page)).toEqual([]);
  });

  it('在手机上查看反复出现的诉求和工单列表', async () => {
    const phone = await signInAndOpen('office_staff', `/grassroots/hotline?month=${MONTH}`, { mobile: true });
    await phone
      .locator('.ant-card')
      .filter({ hasText: `${AREA}：` })
      .getByText('已立题 3 件')
      .waitFor();
    await checkScreen(phone, 'hotline-matters-phone');
    await phone.getByRole('tab', { name: '工单列表' }).click();
    await phone.getByRole('searchbox', { name: '搜索工单' }).fill(`E${RUN}-4`);
    await phone.getByRole('searchbox', { name: '搜索工单' }).press('Enter');
    await phone.getByText('和平小区连续三天水压不足。').waitFor();
    await checkScreen(phone, 'hotline-cases-phone');
    expect(pageErrorsOf(phone)).toEqual([]);
  });
});
