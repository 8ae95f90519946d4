// The roster spreadsheet: columns, the template (with lists to choose from), parsing an upload, validating one row.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { type Db, query } from '../../platform/db/client.ts';
import { workbookBuffer } from '../../platform/download.ts';
import { badRequest } from '../../platform/errors.ts';
import { DEFAULT_SHEET_BUDGET, readFirstSheet } from '../../platform/spreadsheet/read.ts';
import { normaliseLine } from '../../platform/text/normalise.ts';
import { idNumberProblem, isPhone, LEADERSHIP, normaliseIdNumber, validDate } from './common.ts';
import type { Leadership, MemberInput } from './members-service.ts';

export const MAX_IMPORT_ROWS = 5000;
export const BATCH = 50;

/** Template columns, in order; `required` columns must be present in an uploaded file. */
export const COLUMNS = [
  { key: 'name', header: '姓名', width: 12, required: true },
  { key: 'gender', header: '性别', width: 8 },
  { key: 'ethnicity', header: '民族', width: 10 },
  { key: 'birthDate', header: '出生日期', width: 14 },
  { key: 'party', header: '政治面貌', width: 14 },
  { key: 'sector', header: '界别', width: 22, required: true },
  { key: 'specialCommittees', header: '专委会', width: 24 },
  { key: 'groups', header: '学习组/工作组', width: 16 },
  { key: 'workUnitTitle', header: '工作单位及职务', width: 36 },
  { key: 'phone', header: '手机号', width: 16 },
  { key: 'idNumber', header: '身份证号', width: 22, required: true },
  { key: 'standing', header: '是否常委', width: 10 },
  { key: 'leadership', header: '领导职务', width: 10 },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]['key'];
export type RawRow = { line: number } & Partial<Record<ColumnKey, string>>;

/** The example row of the template; a row exactly like it is skipped on import. */
export const EXAMPLE = {
  name: '张三',
  idNumber: '110101197506180010',
};

export interface ImportError {
  row: number;
  column: string;
  message: string;
}

export async function buildTemplate(db: Db, committeeId: number): Promise<Buffer> {
  const sectors = await query<{ name: string }>(
    db,
    sql`select name from sectors where committee_id = ${committeeId} order by sort, id`,
  );
  const specials = await query<{ name: string }>(
    db,
    sql`select name from special_committees where committee_id = ${committeeId} order by sort, id`,
  );
  const groups = await query<{ name: string }>(
    db,
    sql`select name from member_groups where committee_id = ${committeeId} order by kind, id`,
  );
  const wb = new ExcelJS.Workbook();
  wb.creator = '数字政协履职平台';
  const ws = wb.addWorksheet('委员名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  COLUMNS.forEach((c, i) => {
    if ('required' in c && c.required) header.getCell(i + 1).font = { bold: true, color: { argb: 'FFC00000' } };
  });
  ws.addRow([
    EXAMPLE.name,
    '男',
    '汉族',
    '1975-06-18',
    '中共党员',
    sectors[0]?.name ?? '',
    specials[0]?.name ?? '',
    groups[0]?.name ?? '',
    '示例市第一人民医院院长',
    '13800000000',
    EXAMPLE.idNumber,
    '否',
    '',
  ]);
  ws.getRow(2).font = { italic: true, color: { argb: 'FF666666' } };
  // ID numbers and phones must stay text: Excel would round an 18-digit number.
  for (const key of ['idNumber', 'phone', 'birthDate'] as const) {
    ws.getColumn(COLUMNS.findIndex((c) => c.key === key) + 1).numFmt = '@';
  }
  const col = (key: ColumnKey) => String.fromCharCode(65 + COLUMNS.findIndex((c) => c.key === key));
  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '界别（请从中选择）', width: 26 },
    { header: '专委会', width: 26 },
    { header: '学习组/工作组', width: 18 },
    { header: '说明', width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  const notes = [
    '红色表头为必填：姓名、界别、身份证号。',
    '第 2 行是示例，可直接覆盖或删除；与示例完全相同的行不会导入。',
    '身份证号为 18 位，系统会校验末位校验码；同一届内按身份证号识别同一委员。',
    '专委会、学习组可填写多个，用顿号“、”分隔。',
    '出生日期格式如 1975-06-18；是否常委填“是”或“否”。',
    `领导职务可填：${Object.values(LEADERSHIP).join('、')}，其他留空。`,
    '工作单位及职务填在同一格，如“示例市第一人民医院院长”。',
    '重复导入同一文件不会产生重复委员，未变化的委员不会被改写。',
  ];
  const height = Math.max(sectors.length, specials.length, groups.length, notes.length);
  for (let i = 0; i < height; i++) {
    help.addRow([sectors[i]?.name ?? '', specials[i]?.name ?? '', groups[i]?.name ?? '', notes[i] ?? '']);
  }
  // Drop-downs for rows 2–501, kept in the sheet's validation list so that no empty rows are created.
  const validations = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  for (let r = 2; r <= 501; r++) {
    validations.add(`${col('gender')}${r}`, { type: 'list', allowBlank: true, formulae: ['"男,女"'] });
    validations.add(`${col('standing')}${r}`, { type: 'list', allowBlank: true, formulae: ['"是,否"'] });
    if (sectors.length) {
      validations.add(`${col('sector')}${r}`, {
        type: 'list',
        allowBlank: false,
        formulae: [`'填写说明'!$A$2:$A$${sectors.length + 1}`],
      });
    }
  }
  return workbookBuffer(wb);
}

/** A cell as clean text: full-width forms half-width, invisible characters and surrounding spaces gone. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return '';
  if (v instanceof Date) {
    return `${v.getUTCFullYear()}-${String(v.getUTCMonth() + 1).padStart(2, '0')}-${String(v.getUTCDate()).padStart(2, '0')}`;
  }
  if (typeof v === 'object') {
    const o = v as any;
    if (Array.isArray(o.richText)) return normaliseLine(o.richText.map((t: { text: string }) => t.text).join(''));
    if ('result' in o) return cellText(o.result);
    if ('text' in o) return normaliseLine(String(o.text));
    return '';
  }
  if (typeof v === 'number') {
    // 18-digit ID numbers typed as numbers lose their last digits; the validator reports it.
    return Number.isSafeInteger(v) ? String(v) : `#NUM${v}`;
  }
  return normaliseLine(String(v));
}

/** Template titles sit above the headers in many offices' copies (a merged 「XX市政协委员名册」 row): look this far. */
export const HEADER_SEARCH_ROWS = 10;

export function headerPositions(cells: ExcelJS.CellValue[]): Map<ColumnKey, number> {
  const positions = new Map<ColumnKey, number>();
  cells.forEach((value, colNumber) => {
    const text = cellText(value).replace(/[*\s]/g, '');
    const column = COLUMNS.find((c) => c.header === text || (c.key === 'groups' && text === '学习组'));
    if (column && !positions.has(column.key)) positions.set(column.key, colNumber);
  });
  return positions;
}

export const REQUIRED = COLUMNS.filter((c) => 'required' in c && c.required);

/** Reads the first sheet within the upload budget: finds the header row and returns the rows below it as clean text. */
export async function parseRoster(content: Buffer): Promise<RawRow[]> {
  const sheet = await readFirstSheet(content, {
    ...DEFAULT_SHEET_BUDGET,
    maxRows: MAX_IMPORT_ROWS + HEADER_SEARCH_ROWS,
    tooManyRows: `一次最多导入 ${MAX_IMPORT_ROWS} 名委员，请分批导入`,
  });
  // The header row is the first of the top rows holding most required headers (all of them, when one does).
  let best: { index: number; positions: Map<ColumnKey, number>; score: number } | null = null;
  for (let i = 0; i < Math.min(HEADER_SEARCH_ROWS, sheet.length); i++) {
    if (sheet[i].number > HEADER_SEARCH_ROWS) break;
    const positions = headerPositions(sheet[i].cells);
    const score = REQUIRED.filter((c) => positions.has(c.key)).length * 100 + positions.size;
    if (positions.size && (!best || score > best.score)) best = { index: i, positions, score };
  }
  const positions = best?.positions ?? new Map<ColumnKey, number>();
  const missing = REQUIRED.filter((c) => !positions.has(c.key)).map((c) => `「${c.header}」`);
  if (missing.length) {
    throw badRequest('import.missing_columns', `缺少必需的列：${missing.join('、')}（请使用导入模板）`, 'file');
  }
  const rows: RawRow[] = [];
  for (const { number, cells } of sheet.slice(best!.index + 1)) {
    const raw: RawRow = { line: number };
    let any = false;
    for (const [key, colNumber] of positions) {
      const value = cells[colNumber];
      // An Excel date number in the birth date column (a date cell without a date format).
      const text = key === 'birthDate' && typeof value === 'number' ? excelSerialDate(value) : cellText(value);
      raw[key] = text;
      if (text) any = true;
    }
    if (!any) continue;
    if (raw.name === EXAMPLE.name && raw.idNumber === EXAMPLE.idNumber) continue;
    rows.push(raw);
    if (rows.length > MAX_IMPORT_ROWS) {
      throw badRequest('import.too_many', `一次最多导入 ${MAX_IMPORT_ROWS} 名委员，请分批导入`, 'file');
    }
  }
  if (!rows.length) throw badRequest('import.empty', '文件中没有委员数据', 'file');
  return rows;
}

/** Excel's day number (1900 date system, days since 1899-12-30) as YYYY-MM-DD; other numbers as they are. */
export function excelSerialDate(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 2958465 || (n >= 10_000_000 && n <= 99_999_999)) return String(n);
  const d = new Date(Date.UTC(1899, 11, 30) + n * 86_400_000);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

export interface Lookups {
  sectors: Map<string, number>;
  specials: Map<string, number>;
  groups: Map<string, number>;
}

export async function loadLookups(db: Db, committeeId: number): Promise<Lookups> {
  const pairs = async (q: ReturnType<typeof sql>) =>
    new Map((await query<{ id: number; name: string }>(db, q)).map((x) => [x.name, x.id]));
  return {
    sectors: await pairs(sql`select id, name from sectors where committee_id = ${committeeId}`),
    specials: await pairs(sql`select id, name from special_committees where committee_id = ${committeeId}`),
    groups: await pairs(sql`select id, name from member_groups where committee_id = ${committeeId}`),
  };
}

export const header = (key: ColumnKey) => COLUMNS.find((c) => c.key === key)!.header;
export const splitList = (s: string | undefined) =>
  (s ?? '')
    .split(/[、，,；;/\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** A value as read, cut short for a message. */
export const shown = (s: string) => `"${s.length > 40 ? `${s.slice(0, 40)}…` : s}"`;
/** An ID number or phone as read, with the middle hidden: the error list is kept with the import. */
export const masked = (s: string) =>
  `"${s.length <= 7 ? s : `${s.slice(0, 3)}${'*'.repeat(Math.min(s.length - 7, 20))}${s.slice(-4)}`}"`;

export interface ValidRow {
  line: number;
  input: Omit<MemberInput, 'termId'>;
  /** Columns present in the file: absent columns leave stored values alone on update. */
  present: ColumnKey[];
  workUnitTitle: string | null;
}

/** Validates one row; returns the member input or the row's errors (row and column named). */
export function validateRow(
  raw: RawRow,
  lookups: Lookups,
  seen: Map<string, number>,
): { row?: ValidRow; errors: ImportError[] } {
  const errors: ImportError[] = [];
  // With `seen`, the message says what was read, so that a user can find the odd character or digit.
  const fail = (key: ColumnKey, problem: string, seen?: string) =>
    errors.push({
      row: raw.line,
      column: header(key),
      message: `第 ${raw.line} 行「${header(key)}」${seen === undefined ? '' : `：读到 ${seen}，`}${problem}`,
    });
  const present = (Object.keys(raw) as (ColumnKey | 'line')[]).filter((k): k is ColumnKey => k !== 'line');

  const name = raw.name ?? '';
  if (!name) fail('name', '不能为空');
  else if (name.length > 50) fail('name', '不能超过 50 个字符');
  const gender = raw.gender || null;
  if (gender && gender !== '男' && gender !== '女') fail('gender', '应为“男”或“女”', shown(gender));
  let birthDate: string | null = null;
  if (raw.birthDate) {
    birthDate = validDate(raw.birthDate);
    if (!birthDate) fail('birthDate', '不是有效日期（如 1975-06-18、19750618、1975年6月18日）', shown(raw.birthDate));
  }
  const sectorId = raw.sector ? lookups.sectors.get(raw.sector) : undefined;
  if (!raw.sector) fail('sector', '不能为空');
  else if (!sectorId) fail('sector', `「${raw.sector}」不存在，请从「填写说明」中选择`);
  const specialCommitteeIds: number[] = [];
  for (const n of splitList(raw.specialCommittees)) {
    const id = lookups.specials.get(n);
    if (id) specialCommitteeIds.push(id);
    else fail('specialCommittees', `「${n}」不存在`);
  }
  const groupIds: number[] = [];
  for (const n of splitList(raw.groups)) {
    const id = lookups.groups.get(n);
    if (id) groupIds.push(id);
    else fail('groups', `「${n}」不存在`);
  }
  const phone = raw.phone?.replace(/[\s-]/g, '') || null;
  // A masked export read back: say how to get the full numbers rather than "wrong length".
  const MASKED_HINT = '是脱敏后的号码，请在导出时勾选「包含完整的手机号和身份证号」，或填写完整号码';
  if (phone?.includes('*')) fail('phone', MASKED_HINT);
  else if (phone && !isPhone(phone)) fail('phone', '应为 11 位手机号码', `${masked(phone)}（${phone.length} 位）`);
  let idNumber: string | null = null;
  if (!raw.idNumber) fail('idNumber', '不能为空');
  else if (raw.idNumber.startsWith('#NUM'))
    fail('idNumber', '被 Excel 当作数字而丢失了末几位，请将该列设为文本格式后重新填写');
  else if (raw.idNumber.includes('*')) fail('idNumber', MASKED_HINT);
  else {
    const problem = idNumberProblem(raw.idNumber);
    if (problem) {
      const id = normaliseIdNumber(raw.idNumber);
      fail('idNumber', problem.replace(/^中的/, '其中的'), `${masked(id)}（${id.length} 位）`);
    } else {
      idNumber = normaliseIdNumber(raw.idNumber);
      const first = seen.get(idNumber);
      if (first) fail('idNumber', `与第 ${first} 行重复`);
      else seen.set(idNumber, raw.line);
    }
  }
  let standingMember = false;
  if (raw.standing) {
    if (['是', '常委', 'Y', 'y', '1'].includes(raw.standing)) standingMember = true;
    else if (!['否', 'N', 'n', '0'].includes(raw.standing)) fail('standing', '应为“是”或“否”', shown(raw.standing));
  }
  let leadershipRole: Leadership | null = null;
  if (raw.leadership) {
    const found = (Object.entries(LEADERSHIP) as [Leadership, string][]).find(([, label]) => label === raw.leadership);
    if (found) leadershipRole = found[0];
    else fail('leadership', `应为${Object.values(LEADERSHIP).join('、')}之一，或留空`);
  }
  for (const key of ['ethnicity', 'party'] as const) {
    if ((raw[key] ?? '').length > 30) fail(key, '不能超过 30 个字符');
  }
  if ((raw.workUnitTitle ?? '').length > 150) fail('workUnitTitle', '不能超过 150 个字符');
  if (errors.length) return { errors };
  return {
    errors,
    row: {
      line: raw.line,
      present,
      workUnitTitle: raw.workUnitTitle || null,
      input: {
        code: null,
        name,
        gender: gender as MemberInput['gender'],
        ethnicity: raw.ethnicity || null,
        birthDate,
        party: raw.party || null,
        sectorId: sectorId!,
        specialCommitteeIds,
        groupIds,
        workUnit: raw.workUnitTitle || null,
        jobTitle: null,
        phone,
        idNumber,
        standingMember,
        leadershipRole,
      },
    },
  };
}
