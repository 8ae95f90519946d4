// Reads the first worksheet of an uploaded .xlsx within a budget: the zip is checked before inflating (zip-guard.ts),
// then rows are streamed (exceljs WorkbookReader) and counted as they come, every cell is cut off at a length limit,
// and the event loop is yielded to regularly, so a hostile or huge file is refused early with a Chinese message while
// other requests keep being answered. Nothing is stored here.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError, badRequest } from '../errors.ts';
import { assertZipWithinBudget, notXlsx } from './zip-guard.ts';

export interface SheetBudget {
  /** Upload size (the compressed file). */
  maxBytes: number;
  /** Total size of the archive's entries once inflated. */
  maxUncompressed: number;
  /** Characters in one cell. */
  maxCellChars: number;
  /** Non-empty rows read, header rows included. */
  maxRows: number;
  /** What to tell the user when there are more rows. */
  tooManyRows?: string;
}

export const DEFAULT_SHEET_BUDGET: SheetBudget = {
  maxBytes: 5 * 1024 * 1024,
  maxUncompressed: 30 * 1024 * 1024,
  maxCellChars: 2000,
  maxRows: 5010,
};

export interface SheetRow {
  /** The row number as Excel shows it. */
  number: number;
  /** Cell values by column number (1-based; index 0 unused). */
  cells: ExcelJS.CellValue[];
}

const colName = (n: number) => {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};

function cellChars(v: ExcelJS.CellValue): number {
  if (typeof v === 'string') return v.length;
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (Array.isArray(o.richText)) return o.richText.reduce((s, t) => s + String(t.text ?? '').length, 0);
    if (typeof o.text === 'string') return o.text.length;
    if (typeof o.result === 'string') return o.result.length;
  }
  return 0;
}

const yieldToOthers = () => new Promise((resolve) => setImmediate(resolve));

/**
 * The non-empty rows of the first worksheet, or a 400 naming what broke the budget (import.bad_file when the file
 * cannot be read). A read that fails for another reason is tried once more: exceljs's streaming reader (unzipper, and
 * a temporary file for a sheet stored before its shared strings, as exceljs itself writes them) failed now and then on
 * a valid roster on a loaded CI machine (stop 28; not reproduced alone in 3,000 reads under load). A file that fails
 * twice is taken as unreadable.
 */
export async function readFirstSheet(content: Buffer, budget: SheetBudget = DEFAULT_SHEET_BUDGET): Promise<SheetRow[]> {
  if (content.length > budget.maxBytes)
    throw badRequest('file.too_large', `文件不能超过 ${Math.round(budget.maxBytes / 1024 / 1024)} MB`, 'file');
  assertZipWithinBudget(content, budget.maxUncompressed);
  for (let attempt = 1; ; attempt++) {
    try {
      return await streamRows(content, budget);
    } catch (err) {
      if (err instanceof AppError || attempt === 2) throw err instanceof AppError ? err : notXlsx();
    }
  }
}

/** One streamed read of the first worksheet within `budget`; budget faults are AppErrors, anything else is raw. */
async function streamRows(content: Buffer, budget: SheetBudget): Promise<SheetRow[]> {
  const input = Readable.from(content);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache', // date cells come back as dates
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const rows: SheetRow[] = [];
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const cells = (row.values as ExcelJS.CellValue[]) ?? [];
        if (!cells.some((v) => v != null && v !== '')) continue;
        for (let c = 1; c < cells.length; c++) {
          if (cellChars(cells[c]) > budget.maxCellChars) {
            throw badRequest(
              'import.cell_too_long',
              `第 ${row.number} 行 ${colName(c)} 列的内容超过 ${budget.maxCellChars} 个字符，请检查后重新上传`,
              'file',
            );
          }
        }
        rows.push({ number: row.number, cells });
        if (rows.length > budget.maxRows) {
          throw badRequest(
            'import.too_many',
            budget.tooManyRows ?? `文件超过 ${budget.maxRows} 行，请分批导入`,
            'file',
          );
        }
        if (rows.length % 250 === 0) await yieldToOthers();
      }
      break; // the first worksheet only
    }
  } finally {
    input.destroy();
  }
  return rows;
}
