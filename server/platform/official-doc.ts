// The official layout (公文格式) of the platform's Word documents (consultations, proposals, the 《社情民意》 bulletin):
// 仿宋 三号 body with 28-point line spacing, 黑体 headings, a 小标宋 title, the red masthead of reports, bordered
// tables, and the date written as 2026年3月5日.
// Usage: officialDocx([title('关于…的报告'), ...lines(text), ...signature('办公室', cnDate(day))], '报告').
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { sql } from 'drizzle-orm';
import { type Db, queryOne } from './db/client.ts';

/** The committee's name, as the masthead and the office line print it. */
export async function committeeName(db: Db, committeeId: number): Promise<string> {
  const c = await queryOne<{ name: string }>(db, sql`select name from committees where id = ${committeeId}`);
  return c!.name;
}

export const RED = 'C00000';
type RunOptions = { size?: number; font?: string; bold?: boolean; color?: string };

export const run = (text: string, o: RunOptions = {}) =>
  new TextRun({ text, size: o.size ?? 32, font: o.font ?? '仿宋', bold: o.bold, color: o.color });

/** A body paragraph, first line indented two characters. */
export const para = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 640 },
    spacing: { line: 560 },
    children: [run(text)],
  });

/** A paragraph flush left (addressee, list lines that carry their own numbering). */
export const flush = (text: string) => new Paragraph({ spacing: { line: 560 }, children: [run(text)] });

export const heading = (text: string) =>
  new Paragraph({
    spacing: { before: 200, line: 560 },
    indent: { firstLine: 640 },
    children: [run(text, { font: '黑体' })],
  });

export const title = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 300, line: 600 },
    children: [run(text, { size: 44, font: '方正小标宋简体' })],
  });

/** Each non-empty line of a text as a body paragraph. */
export const lines = (text: string | null | undefined) =>
  (text ?? '')
    .split(/\n+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map(para);

export const cnDate = (d: string | null | undefined) =>
  d ? `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日` : '';

/** Red masthead: the document's name in large red type, then the issuer and date above a red rule. */
export const masthead = (name: string, issuer: string, date: string) => [
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 200, after: 100 },
    children: [run(name, { size: 80, font: '方正小标宋简体', color: RED, bold: true })],
  }),
  new Paragraph({
    tabStops: [{ type: 'right', position: 9000 }],
    border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 4 } },
    spacing: { after: 300 },
    children: [run(issuer, { size: 28 }), run(`\t${date}`, { size: 28 })],
  }),
];

/** The issuing office and date, right-aligned below the body (落款). */
export const signature = (issuer: string, date: string) => [
  new Paragraph({ spacing: { before: 400, line: 560 }, alignment: AlignmentType.RIGHT, children: [run(issuer)] }),
  new Paragraph({ spacing: { line: 560 }, alignment: AlignmentType.RIGHT, children: [run(date)] }),
];

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const cell = (text: string, bold = false) =>
  new TableCell({
    borders: { top: border, bottom: border, left: border, right: border },
    children: [new Paragraph({ children: [run(text, { size: 24, bold })] })],
  });

/** A bordered full-width table, its header row repeated on each page. */
export const table = (head: string[], rows: string[][]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((x) => cell(x)) })),
    ],
  });

/** A document on A4 with the official margins (上37mm 下35mm 左28mm 右26mm). */
export async function officialDocx(children: (Paragraph | Table)[], docTitle?: string): Promise<Buffer> {
  const doc = new Document({
    creator: '数字政协履职平台',
    title: docTitle,
    sections: [{ properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } }, children }],
  });
  return Packer.toBuffer(doc);
}
