// Helpers the organisation routes share: checks for ID numbers, phones and dates, Excel replies, database errors
// turned into Chinese answers.

import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { beijingDateOf, beijingToday } from '../../platform/dates.ts';
import { sendDownload, XLSX_MIME, xlsxOf } from '../../platform/download.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { normaliseLine } from '../../platform/text/normalise.ts';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** Why an 18-digit resident ID number is wrong (in Chinese), or null when it is valid. */
export function idNumberProblem(raw: string): string | null {
  const id = normaliseIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return '应为 18 位（前 17 位为数字，末位为数字或 X）';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return '中的出生日期不正确';
  }
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + Number(id[i]) * w, 0);
  if ('10X98765432'[sum % 11] !== id[17]) return '校验位不正确';
  return null;
}

/** An ID number as stored: half-width, no invisible characters or spaces, capital X. */
export const normaliseIdNumber = (raw: string) => normaliseLine(raw).replace(/\s/g, '').toUpperCase();

/** Mainland mobile numbers: 11 digits starting with 1 (full-width digits count). */
export const isPhone = (raw: string) => /^1[3-9]\d{9}$/.test(normaliseLine(raw));

/** A real calendar date as YYYY-MM-DD, or null: 1983-05-06, 1983-5-6, 1983/05/06, 1983.5.6, 1983年5月6日, 19830506. */
export function validDate(raw: string): string | null {
  const text = normaliseLine(raw).replace(/\s/g, '');
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  if (y < 1900 || y > 2100) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Checks a member's phone and ID number for the API (field names as the form shows them). */
export function checkSensitive(body: { phone?: string | null; idNumber?: string | null }) {
  if (body.phone && !isPhone(body.phone)) throw badRequest('member.phone', '「手机号」应为 11 位手机号码', 'phone');
  if (body.idNumber) {
    const p = idNumberProblem(body.idNumber);
    if (p) throw badRequest('member.id_number', `「身份证号」${p}`, 'idNumber');
  }
}

/** PostgreSQL error code of a failed query (drizzle wraps the driver's error). */
export function pgCode(err: unknown): string | undefined {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code ?? e?.cause?.code;
}

/** Runs a delete; a row still referenced elsewhere gives a Chinese 409 instead of a database error. */
export async function guardInUse<T>(label: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (pgCode(err) === '23503') throw conflict('org.in_use', `该${label}已被使用，不能删除`);
    throw err;
  }
}

export const Nullable = <T extends import('typebox').TSchema>(s: T) => Type.Union([s, Type.Null()]);

export const dateOut = (v: unknown): string | null => {
  if (v == null) return null;
  // date columns arrive as 'YYYY-MM-DD' (db/client.ts); an instant is shown as its Beijing day.
  if (v instanceof Date) return beijingDateOf(v);
  return String(v).slice(0, 10);
};

export interface SheetColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | boolean | null | undefined;
}

/** An .xlsx with one sheet, each column's cell computed from the row. */
export async function buildWorkbook<T>(sheetName: string, columns: SheetColumn<T>[], rows: T[]): Promise<Buffer> {
  return xlsxOf(
    sheetName,
    columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width })),
    rows.map((row) => Object.fromEntries(columns.map((c, i) => [`c${i}`, c.value(row) ?? '']))),
  );
}

export const sendXlsx = (reply: FastifyReply, fileName: string, content: Buffer) =>
  sendDownload(reply, fileName, XLSX_MIME, content);

/** Today's Beijing date as YYYYMMDD, for export file names. */
export const stamp = () => beijingToday().replace(/-/g, '');

export const LEADERSHIP = { chair: '主席', viceChair: '副主席', secretaryGeneral: '秘书长' } as const;
export const MEMBER_STATUS = { active: '在职', suspended: '暂停履职', exited: '已退出' } as const;
