// Every workbook the platform sends shows text that starts like a formula as text: a leading quote, never a formula.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addSheet, newWorkbook, workbookBuffer, xlsxOf } from './download.ts';

async function cells(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as any);
  const out: unknown[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => out.push(c.value))));
  return out;
}

describe('formula neutralising', () => {
  it('prefixes = + - @ tab and CR with a quote in every sheet, leaving numbers and plain text', async () => {
    const buf = await xlsxOf(
      '表',
      [{ header: '内容', key: 'v' }],
      ['=HYPERLINK("http://evil")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '正常文字', -5].map((v) => ({ v })),
    );
    expect(await cells(buf)).toEqual([
      '内容',
      `'=HYPERLINK("http://evil")`,
      `'+1+1`,
      `'-2+3`,
      `'@SUM(A1)`,
      `'\t=1`,
      // The workbook's XML turns a carriage return into a line feed; the quote is what matters.
      expect.stringMatching(/^'\s=1$/),
      '正常文字',
      -5,
    ]);
    const wb = newWorkbook();
    addSheet(wb, '一', [{ header: 'a', key: 'a' }], [{ a: '=1' }]);
    addSheet(wb, '二', [{ header: 'a', key: 'a' }], [{ a: '=2' }]);
    expect(await cells(await workbookBuffer(wb))).toEqual(['a', "'=1", 'a', "'=2"]);
  });
});
