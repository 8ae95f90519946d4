// Files staff download: Excel workbooks built one way everywhere (bold, frozen header row; given column widths) and
// the reply headers that make the browser save them under a Chinese file name.

import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { formatBeijingDateTime } from './dates.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface SheetColumn {
  header: string;
  /** The row object's property shown in this column. */
  key: string;
  width?: number;
}
/** The columns a sheet of members starts with: 编号 (key `code`), 姓名 (`name`), 界别 (`sector`).
 *  Usage: xlsxOf('考勤表', [...MEMBER_COLUMNS, { header: '出勤', key: 'statusLabel', width: 20 }], rows). */
export const MEMBER_COLUMNS: SheetColumn[] = [
  { header: '编号', key: 'code', width: 10 },
  { header: '姓名', key: 'name', width: 12 },
  { header: '界别', key: 'sector', width: 22 },
];

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '数字政协履职平台';
  return wb;
}

/** Adds a sheet whose first row holds the column headers (bold, frozen), then the rows. */
export function addSheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: SheetColumn[],
  rows: Record<string, unknown>[] = [],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 16 }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  return ws;
}

// A text that a spreadsheet would run as a formula (=, +, -, @, or after a tab or carriage return).
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text cells a spreadsheet would read as formulas get a leading quote, so exported data is only ever shown. */
export function neutraliseFormulas(wb: ExcelJS.Workbook): void {
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && FORMULA_START.test(cell.value)) cell.value = `'${cell.value}`;
      }),
    ),
  );
}

/** Every workbook the platform sends goes through here, formulas neutralised. */
export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  neutraliseFormulas(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A one-sheet workbook. */
export async function xlsxOf(name: string, columns: SheetColumn[], rows: Record<string, unknown>[]): Promise<Buffer> {
  const wb = newWorkbook();
  addSheet(wb, name, columns, rows);
  return workbookBuffer(wb);
}

/** A time as people in the committee read it, the one format of pages, exports and notices: 2026年11月24日 09:30. */
export const chinaDateTime = (d: Date | string) => formatBeijingDateTime(d);

/** Sends a file to be saved (not shown) under its Chinese name. */
export function sendDownload(reply: FastifyReply, fileName: string, mime: string, content: Buffer) {
  reply.header('content-type', mime);
  reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  return reply.send(content);
}
