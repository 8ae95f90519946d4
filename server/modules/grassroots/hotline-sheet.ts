// The hotline system's export (12345 工单): its columns, the template, reading an .xlsx (through the platform's bounded
// reader) or a .csv (UTF-8 or GBK, as the hotline system writes it, within the same budget) and checking each row, with
// every error naming the row and the column in Chinese. Nothing is stored here.
import type ExcelJS from 'exceljs';
import { newWorkbook, workbookBuffer } from '../../platform/download.ts';
import { badRequest } from '../../platform/errors.ts';
import { DEFAULT_SHEET_BUDGET, readFirstSheet, type SheetRow } from '../../platform/spreadsheet/read.ts';
import { normaliseLine, normaliseText } from '../../platform/text/normalise.ts';
import { validDate } from '../org/common.ts';
import { cellText, excelSerialDate } from '../org/roster.ts';

export const MAX_HOTLINE_ROWS = 5000;
const HEADER_SEARCH_ROWS = 10;

export const HOTLINE_COLUMNS = [
  { key: 'caseNo', header: '工单编号', aliases: ['工单号', '编号'], width: 20, max: 50, required: true },
  {
    key: 'receivedOn',
    header: '受理日期',
    aliases: ['受理时间', '来电日期', '来电时间'],
    width: 14,
    max: 30,
    required: true,
  },
  {
    key: 'area',
    header: '区域/街道',
    aliases: ['区域', '街道', '所属街道', '镇街'],
    width: 16,
    max: 50,
    required: true,
  },
  {
    key: 'category',
    header: '类别',
    aliases: ['诉求类别', '工单类别', '问题类别'],
    width: 14,
    max: 50,
    required: false,
  },
  {
    key: 'content',
    header: '诉求内容',
    aliases: ['内容', '工单内容', '问题描述'],
    width: 60,
    max: 2000,
    required: true,
  },
  { key: 'status', header: '办理状态', aliases: ['状态', '工单状态'], width: 12, max: 20, required: false },
] as const;
type Key = (typeof HOTLINE_COLUMNS)[number]['key'];
const headerOf = (key: Key) => HOTLINE_COLUMNS.find((c) => c.key === key)!.header;

/** A hotline case (12345 工单) as the sheet carries it and the case list shows it. */
export interface HotlineCase {
  caseNo: string;
  receivedOn: string;
  area: string;
  category: string;
  content: string;
  status: string;
}
/** A case read from the sheet, with its line number for error messages. */
export interface HotlineRow extends HotlineCase {
  line: number;
}
export interface RowError {
  row: number;
  column: string;
  message: string;
}

/** The template: the export's headers, one example row (skipped on import) and a sheet of notes. */
export async function hotlineTemplate(): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('热线工单', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = HOTLINE_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.addRow(EXAMPLE_ROW);
  ws.getRow(2).font = { italic: true, color: { argb: 'FF666666' } };
  ws.getColumn(1).numFmt = '@';
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ header: '说明', width: 90 }];
  for (const note of [
    '可直接上传 12345 热线系统导出的 Excel（.xlsx）或 CSV 文件，表头需包含：工单编号、受理日期、区域/街道、诉求内容；类别、办理状态可选。',
    '第 2 行是示例，与示例完全相同的行不会导入。',
    '按工单编号识别同一工单：重复导入同一文件不会产生重复数据；办理状态等有变化的工单会被更新。',
    '受理日期格式如 2026-03-05、2026/3/5 或 2026年3月5日，可带时间。',
    '诉求内容中的来电号码只有工作人员可见，其他人看到的是脱敏后的号码。',
  ])
    help.addRow([note]);
  return workbookBuffer(wb);
}
const EXAMPLE_ROW = [
  '示例-00001',
  '2026-03-05',
  '城关街道',
  '市容环境',
  '东门社区菜市场周边占道经营，请求整治。',
  '已办结',
];

/** Reads an upload (.xlsx or .csv) as rows of clean text below the header row, or a 400 naming what is wrong. */
export async function parseHotlineFile(fileName: string, content: Buffer): Promise<RawHotlineRow[]> {
  const budget = {
    ...DEFAULT_SHEET_BUDGET,
    maxRows: MAX_HOTLINE_ROWS + HEADER_SEARCH_ROWS,
    tooManyRows: `一次最多导入 ${MAX_HOTLINE_ROWS} 条工单，请分批导入`,
  };
  let sheet: SheetRow[];
  if (/\.csv$/i.test(fileName)) sheet = readCsv(content, budget);
  else if (/\.xlsx$/i.test(fileName)) sheet = await readFirstSheet(content, budget);
  else throw badRequest('hotline.bad_file', '请上传 .xlsx 或 .csv 格式的工单文件（可先下载模板）', 'file');

  let best: { index: number; positions: Map<Key, number>; score: number } | null = null;
  for (let i = 0; i < Math.min(HEADER_SEARCH_ROWS, sheet.length); i++) {
    const positions = headerPositions(sheet[i].cells);
    const score = HOTLINE_COLUMNS.filter((c) => c.required && positions.has(c.key)).length * 100 + positions.size;
    if (positions.size && (!best || score > best.score)) best = { index: i, positions, score };
  }
  const positions = best?.positions ?? new Map<Key, number>();
  const missing = HOTLINE_COLUMNS.filter((c) => c.required && !positions.has(c.key)).map((c) => `「${c.header}」`);
  if (missing.length)
    throw badRequest('hotline.missing_columns', `缺少必需的列：${missing.join('、')}（请使用导入模板）`, 'file');
  const rows: RawHotlineRow[] = [];
  for (const { number, cells } of sheet.slice(best!.index + 1)) {
    const raw: RawHotlineRow = { line: number };
    for (const [key, col] of positions) {
      const v = cells[col];
      raw[key] =
        key === 'receivedOn' && typeof v === 'number'
          ? excelSerialDate(Math.floor(v))
          : key === 'content'
            ? normaliseText(typeof v === 'string' ? v : cellText(v))
            : cellText(v);
    }
    if (!HOTLINE_COLUMNS.some((c) => raw[c.key])) continue;
    if (raw.caseNo === EXAMPLE_ROW[0]) continue;
    rows.push(raw);
  }
  if (!rows.length) throw badRequest('hotline.empty', '文件中没有工单数据', 'file');
  return rows;
}
export type RawHotlineRow = { line: number } & Partial<Record<Key, string>>;

function headerPositions(cells: ExcelJS.CellValue[]): Map<Key, number> {
  const positions = new Map<Key, number>();
  cells.forEach((value, col) => {
    const text = cellText(value).replace(/[*\s]/g, '');
    const column = HOTLINE_COLUMNS.find(
      (c) => c.header === text || (c.aliases as readonly string[]).includes(text) || c.header.replace('/', '') === text,
    );
    if (column && !positions.has(column.key)) positions.set(column.key, col);
  });
  return positions;
}

/** A date as YYYY-MM-DD from what the hotline system writes: a date, with or without a time after it. */
function receivedDate(text: string): string | null {
  const day = text.replace(/[T\s]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, '').trim();
  return validDate(day);
}

/** Checks one row; `seen` holds the case numbers of earlier rows (a number twice in one file is an error). */
export function checkHotlineRow(
  raw: RawHotlineRow,
  seen: Map<string, number>,
): { row?: HotlineRow; errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = (key: Key, problem: string) =>
    errors.push({ row: raw.line, column: headerOf(key), message: `第 ${raw.line} 行「${headerOf(key)}」${problem}` });
  for (const c of HOTLINE_COLUMNS) {
    const v = raw[c.key] ?? '';
    if (c.required && !v) fail(c.key, '不能为空');
    else if (v.length > c.max) fail(c.key, `不能超过 ${c.max} 个字符`);
  }
  const caseNo = (raw.caseNo ?? '').replace(/\s/g, '');
  if (caseNo) {
    const first = seen.get(caseNo);
    if (first) fail('caseNo', `：与第 ${first} 行的工单编号重复`);
    else seen.set(caseNo, raw.line);
  }
  let receivedOn: string | null = null;
  if (raw.receivedOn) {
    receivedOn = receivedDate(raw.receivedOn);
    const shown = raw.receivedOn.length > 30 ? `${raw.receivedOn.slice(0, 30)}…` : raw.receivedOn;
    if (!receivedOn) fail('receivedOn', `：读到 "${shown}"，不是有效日期（如 2026-03-05）`);
  }
  if (errors.length) return { errors };
  return {
    errors,
    row: {
      line: raw.line,
      caseNo,
      receivedOn: receivedOn!,
      area: normaliseLine(raw.area ?? ''),
      category: normaliseLine(raw.category ?? ''),
      content: raw.content ?? '',
      status: normaliseLine(raw.status ?? ''),
    },
  };
}

/** A CSV file (RFC 4180 quoting) as sheet rows, within the same budget as a workbook. */
function readCsv(content: Buffer, budget: typeof DEFAULT_SHEET_BUDGET & { tooManyRows: string }): SheetRow[] {
  if (content.length > budget.maxBytes)
    throw badRequest('file.too_large', `文件不能超过 ${Math.round(budget.maxBytes / 1024 / 1024)} MB`, 'file');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    // Hotline systems on Windows export in GBK.
    text = new TextDecoder('gb18030').decode(content);
  }
  text = text.replace(/^\uFEFF/, '');
  const rows: SheetRow[] = [];
  let cells: ExcelJS.CellValue[] = [null];
  let cell = '';
  let quoted = false;
  // Rows are numbered as a spreadsheet would show them: one per record, a quoted line break inside a cell included.
  let rowLine = 1;
  const endCell = () => {
    if (cell.length > budget.maxCellChars)
      throw badRequest(
        'import.cell_too_long',
        `第 ${rowLine} 行 ${String.fromCharCode(64 + Math.min(cells.length, 26))} 列的内容超过 ${budget.maxCellChars} 个字符，请检查后重新上传`,
        'file',
      );
    cells.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    if (cells.some((v) => v !== '' && v != null)) rows.push({ number: rowLine, cells });
    if (rows.length > budget.maxRows) throw badRequest('import.too_many', budget.tooManyRows, 'file');
    cells = [null];
    rowLine++;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 1) endRow();
  return rows;
}
