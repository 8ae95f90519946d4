// Documents of the liaison office: an issue of the 《社情民意》 bulletin in its printed layout (Word), and Excel
// exports of report lists and of a year's figures.

import { AlignmentType, BorderStyle, Document, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { beijingDateOf } from '../../platform/dates.ts';
import { addSheet, newWorkbook, workbookBuffer } from '../../platform/download.ts';
import { cnDate, lines, RED, run } from '../../platform/official-doc.ts';
import type { Figures } from './figures.ts';
import { LEVELS, type Level } from './rules.ts';
import type { ListItem } from './service.ts';

const chineseNumber = (n: number) => {
  const d = '〇一二三四五六七八九';
  if (n <= 10) return n === 10 ? '十' : d[n];
  if (n < 20) return `十${d[n % 10]}`;
  return `${d[Math.floor(n / 10)]}十${n % 10 ? d[n % 10] : ''}`;
};

export interface IssueDoc {
  committeeName: string;
  title: string;
  year: number;
  number: number;
  issuedOn: string | null;
  editorNote: string | null;
  forwardedTo: string[];
  reports: {
    title: string;
    body: string;
    submitterName: string;
    submitterKindLabel: string;
    originCommitteeName: string | null;
  }[];
}

/** The bulletin as printed: red masthead 《社情民意》, the issue number, the editor and date over a red rule, then each
 *  report with its (edited) title and text and who reflected it, and the distribution line at the end. */
export async function issueDocx(d: IssueDoc): Promise<Buffer> {
  const date = cnDate(d.issuedOn) || '（未印发）';
  const masthead = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 200, after: 100 },
      children: [run('社情民意', { size: 88, font: '方正小标宋简体', color: RED, bold: true })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 200 },
      children: [run(`${d.year}年第${d.number}期`, { size: 32, font: '楷体' })],
    }),
    new Paragraph({
      alignment: AlignmentType.LEFT,
      tabStops: [{ type: 'right', position: 9000 }],
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 4 } },
      spacing: { after: 300 },
      children: [run(`${d.committeeName}办公室编`, { size: 28 }), run(`\t${date}`, { size: 28 })],
    }),
  ];
  const notes = d.editorNote
    ? [
        new Paragraph({
          spacing: { line: 480, after: 200 },
          children: [run('编者按：', { font: '黑体', size: 30 }), run(d.editorNote, { font: '楷体', size: 30 })],
        }),
      ]
    : [];
  const reports = d.reports.flatMap((r, i) => [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 300, after: 200, line: 600 },
      children: [
        run(d.reports.length > 1 ? `${chineseNumber(i + 1)}、${r.title}` : r.title, {
          size: 40,
          font: '方正小标宋简体',
        }),
      ],
    }),
    ...lines(r.body),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: 100, after: 200 },
      children: [
        run(
          `（反映人：${r.originCommitteeName ? `${r.originCommitteeName}报送` : `${r.submitterName}，${r.submitterKindLabel}`}）`,
          { size: 28, font: '楷体' },
        ),
      ],
    }),
  ]);
  const distribution = new Paragraph({
    spacing: { before: 400 },
    border: {
      top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 },
      bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 },
    },
    children: [run(`报送：${d.forwardedTo.length ? d.forwardedTo.join('，') : '（尚未报送）'}`, { size: 28 })],
  });
  const doc = new Document({
    creator: '数字政协履职平台',
    title: d.title,
    sections: [
      {
        properties: { page: { margin: { top: 1440, bottom: 1440, left: 1588, right: 1474 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28 })],
              }),
            ],
          }),
        },
        children: [...masthead, ...notes, ...reports, distribution],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

const levelNames = (ls: string[]) => ls.map((l) => LEVELS[l as Level] ?? l).join('、');
const day = (iso: string | null) => (iso ? beijingDateOf(iso) : '');

export async function reportsXlsx(items: ListItem[]): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = addSheet(wb, '社情民意信息', [
    { header: '编号', key: 'id', width: 8 },
    { header: '标题', key: 'title', width: 40 },
    { header: '类别', key: 'category' },
    { header: '状态', key: 'stateLabel', width: 10 },
    { header: '报送人', key: 'submitterName', width: 18 },
    { header: '报送人类别', key: 'submitterKindLabel', width: 12 },
    { header: '来自下级政协', key: 'origin', width: 14 },
    { header: '报送日期', key: 'submitted', width: 12 },
    { header: '字数', key: 'charCount', width: 8 },
    { header: '编入期刊', key: 'issueTitle', width: 24 },
    { header: '采用级别', key: 'adopted', width: 14 },
    { header: '批示级别', key: 'instructed', width: 14 },
  ]);
  for (const r of items) {
    ws.addRow({
      ...r,
      origin: r.originCommitteeName ?? '',
      submitted: day(r.submittedAt),
      issueTitle: r.issueTitle ?? '',
      adopted: levelNames(r.adoptedLevels),
      instructed: levelNames(r.instructionLevels),
    });
  }
  return workbookBuffer(wb);
}

export async function figuresXlsx(committeeName: string, f: Figures): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = addSheet(wb, `${f.year}年统计`, [
    { header: '项目', key: 'k', width: 28 },
    { header: '数量', key: 'v', width: 12 },
  ]);
  const rows: [string, number | string][] = [
    ['单位', committeeName],
    ['收到信息（条）', f.received],
    ['其中来自下级政协（条）', f.fromLower],
    ['采编留用（条）', f.accepted],
    ['不予编报（条）', f.declined],
    ['编入期刊（条）', f.compiled],
    ['编发《社情民意》（期）', f.issues],
    ['报送（条）', f.forwarded],
    ...f.adopted.map((a) => [`${a.label}采用（条）`, a.count] as [string, number]),
    ...f.instructions.map((a) => [`${a.label}领导批示（条）`, a.count] as [string, number]),
    ['转办（条）', f.referred],
    ['部门回复办理（条）', f.answered],
    ['年度报告表述', f.sentence],
    ['', f.adoptionSentence],
  ];
  for (const [k, v] of rows) ws.addRow({ k, v });
  const bySub = addSheet(wb, '按报送人', [
    { header: '报送人', key: 'name', width: 24 },
    { header: '类别', key: 'kindLabel', width: 12 },
    { header: '报送', key: 'received', width: 8 },
    { header: '编入期刊', key: 'compiled', width: 10 },
    { header: '被采用', key: 'adopted', width: 8 },
    { header: '获批示', key: 'instructed', width: 8 },
  ]);
  for (const s of f.bySubmitter) bySub.addRow(s);
  const byInf = addSheet(wb, '按信息员', [
    { header: '信息员', key: 'name', width: 16 },
    { header: '网格/片区', key: 'area', width: 14 },
    { header: '报送', key: 'received', width: 8 },
    { header: '编入期刊', key: 'compiled', width: 10 },
    { header: '被采用', key: 'adopted', width: 8 },
  ]);
  for (const s of f.byInformant) byInf.addRow(s);
  return workbookBuffer(wb);
}
