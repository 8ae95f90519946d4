// A roster export: one sheet of members (编号, 姓名, 界别, then the record's own columns) saved by the browser as
// 「<record title>-<sheet name>.xlsx」 — the attendance sheet of a meeting, the participants of an activity.

import type { FastifyReply } from 'fastify';
import { MEMBER_COLUMNS, type SheetColumn, sendDownload, XLSX_MIME, xlsxOf } from './download.ts';

/** As many rows as an export asks a paged sheet for: every member of the record. */
export const ALL_ROWS = 100000;

/**
 * Sends `rows` as the one-sheet workbook `sheetName` whose columns are MEMBER_COLUMNS then `columns`, named
 * `${title}-${sheetName}.xlsx`. Each row holds `code`, `name`, `sector` and the keys of `columns`.
 * Usage: return sendMemberSheet(reply, meeting.title, '考勤表', [{ header: '出勤', key: 'statusLabel', width: 20 }], rows);
 */
export async function sendMemberSheet(
  reply: FastifyReply,
  title: string,
  sheetName: string,
  columns: SheetColumn[],
  rows: Record<string, unknown>[],
) {
  const buf = await xlsxOf(sheetName, [...MEMBER_COLUMNS, ...columns], rows);
  return sendDownload(reply, `${title}-${sheetName}.xlsx`, XLSX_MIME, buf);
}
