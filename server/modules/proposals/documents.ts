// Documents staff live in: Excel exports of any proposal list (and of the figures and the deadline board) and Word
// files of a proposal in the official layout and of a unit's reply letter (proposalWord/replyWord read what they print
// from the proposal's detail, as the reader may see it).
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  WidthType,
} from 'docx';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { beijingYearOf, formatBeijingDate } from '../../platform/dates.ts';
import { type Db, queryOne } from '../../platform/db/client.ts';
import { lines, run } from '../../platform/official-doc.ts';
import { replyNotFound } from './errors.ts';
import { replyOwner } from './repository.ts';
import { classLabel, getRules } from './rules.ts';
import { canSeeProposal } from './service.ts';
import { getProposal } from './service-detail.ts';

/** An ISO time's day as an Excel cell shows it ('YYYY-MM-DD', the UTC day of the string); '' for none. */
export const dateOnly = (iso: string | null) => (iso ? iso.slice(0, 10) : '');

const para = (
  text: string,
  opts: { bold?: boolean; size?: number; indent?: boolean; center?: boolean; font?: string } = {},
) =>
  new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    indent: opts.indent ? { firstLine: 640 } : undefined,
    spacing: { line: 560 },
    children: [run(text, opts)],
  });

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const cell = (text: string, width: number, bold = false) =>
  new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border },
    children: [new Paragraph({ spacing: { line: 400 }, children: [run(text, { bold, size: 28 })] })],
  });

export interface ProposalDoc {
  committeeName: string;
  sessionName: string | null;
  numberLabel: string;
  kindLabel: string;
  category: string | null;
  proposers: string;
  title: string;
  background: string;
  suggestions: string;
  units: string;
  submittedAt: string | null;
}

/** A proposal as the office prints it: heading, a table of number, category, proposers and units, then 案由, 案据, 建议. */
export async function proposalDocx(d: ProposalDoc): Promise<Buffer> {
  const doc = new Document({
    creator: '数字政协履职平台',
    title: d.title,
    sections: [
      {
        children: [
          para(`${d.committeeName}${d.sessionName ?? ''}`, { center: true, size: 36, font: '黑体' }),
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            spacing: { after: 300 },
            children: [run('提　　案', { bold: true, size: 48, font: '方正小标宋简体' })],
          }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({
                children: [
                  cell('提案号', 18, true),
                  cell(d.numberLabel || '（未立案）', 32),
                  cell('类别', 18, true),
                  cell(d.category ?? '', 32),
                ],
              }),
              new TableRow({
                children: [
                  cell('提案形式', 18, true),
                  cell(d.kindLabel, 32),
                  cell('提交日期', 18, true),
                  cell(d.submittedAt ?? '', 32),
                ],
              }),
              new TableRow({
                children: [
                  cell('提案人', 18, true),
                  new TableCell({
                    columnSpan: 3,
                    borders: { top: border, bottom: border, left: border, right: border },
                    children: [new Paragraph({ children: [run(d.proposers, { size: 28 })] })],
                  }),
                ],
              }),
              new TableRow({
                children: [
                  cell('承办单位', 18, true),
                  new TableCell({
                    columnSpan: 3,
                    borders: { top: border, bottom: border, left: border, right: border },
                    children: [new Paragraph({ children: [run(d.units || '（未交办）', { size: 28 })] })],
                  }),
                ],
              }),
            ],
          }),
          para(''),
          new Paragraph({
            spacing: { line: 560 },
            children: [run('案由：', { bold: true, font: '黑体' }), run(d.title)],
          }),
          para('案据：', { bold: true, font: '黑体' }),
          ...lines(d.background),
          para('建议：', { bold: true, font: '黑体' }),
          ...lines(d.suggestions),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

export interface ReplyDoc {
  unitName: string;
  proposers: string;
  numberLabel: string;
  title: string;
  outcome: string;
  text: string;
  date: string;
}

/** A reply letter (答复函): addressed to the proposers, naming the proposal and the outcome class. */
export async function replyDocx(d: ReplyDoc): Promise<Buffer> {
  const doc = new Document({
    creator: '数字政协履职平台',
    title: `关于${d.numberLabel}提案的答复`,
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 300 },
            children: [run(d.unitName, { bold: true, size: 44, font: '方正小标宋简体' })],
          }),
          para(`关于政协${d.numberLabel}提案的答复`, { center: true, size: 36, font: '黑体' }),
          para(`办理结果：${d.outcome}`, { center: true, size: 28 }),
          para(''),
          para(`${d.proposers}：`),
          para(`您提出的《${d.title}》提案收悉，现答复如下：`, { indent: true }),
          ...lines(d.text),
          para(''),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(d.unitName)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(d.date)] }),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

/** A Word file to download: its name (Chinese, with the proposal's number) and its bytes. */
export interface WordFile {
  filename: string;
  buf: Buffer;
}

/** Proposal `id` as a Word file in the official layout; throws proposalNotFound when the actor may not see it. */
export async function proposalWord(db: Db, actor: Actor, id: number): Promise<WordFile> {
  const d = await getProposal(db, actor, id);
  const committee = await queryOne<{ name: string }>(
    db,
    sql`select name from committees where id = ${actor.committeeId}`,
  );
  const buf = await proposalDocx({
    committeeName: committee!.name,
    sessionName: d.sessionName,
    numberLabel: d.numberLabel,
    kindLabel: d.kindLabel,
    category: d.category,
    proposers: d.org
      ? d.org.name
      : d.proposers
          .filter((p) => p.cosignStatus !== 'declined')
          .map((p) => p.name)
          .join('、'),
    title: d.title,
    background: d.background,
    suggestions: d.suggestions,
    units: d.assignments
      .filter((a) => a.state !== 'returned')
      .map((a) => `${a.unitName}（${a.roleLabel}）`)
      .join('、'),
    submittedAt: d.submittedAt ? d.submittedAt.slice(0, 10) : null,
  });
  return { filename: `${d.numberLabel || '提案'}-${d.title.slice(0, 30)}.docx`, buf };
}

/** Reply `replyId` as its unit's reply letter (答复函); throws replyNotFound when the actor may not read it. */
export async function replyWord(db: Db, actor: Actor, replyId: number): Promise<WordFile> {
  const owner = await replyOwner(db, actor.committeeId, replyId);
  if (!owner || !(await canSeeProposal(db, actor, owner.proposalId))) throw replyNotFound();
  const d = await getProposal(db, actor, owner.proposalId);
  const rep = d.replies.find((x) => x.id === replyId);
  if (!rep) throw replyNotFound();
  const rules = await getRules(db, actor.committeeId, d.year ?? beijingYearOf());
  const buf = await replyDocx({
    unitName: rep.unitName,
    proposers: d.org
      ? d.org.name
      : d.proposers
          .filter((p) => p.cosignStatus === 'confirmed')
          .map((p) => `${p.name}委员`)
          .join('、'),
    numberLabel: d.numberLabel,
    title: d.title,
    outcome: `${rep.outcomeClass}类（${classLabel(rules, rep.outcomeClass)}）`,
    text: rep.text,
    date: formatBeijingDate(rep.createdAt),
  });
  return { filename: `答复函-${rep.unitName}-${d.numberLabel || d.id}.docx`, buf };
}
